"""HTML: block elements are paragraphs; findings point at the line and column of the page."""

import html
import subprocess
import sys

import pytest

from qa.document import read_document
from qa.engine import Options, lint_document
from qa.errors import InputError
from qa.formats import read_inputs
from qa.rules import all_rules

from conftest import EXAMPLE, FIXTURES

PAGE = FIXTURES / "formats" / "g7_rome_lyon_2024.html"


def test_paragraphs_are_the_block_elements_of_the_example():
    doc, source = read_inputs(str(PAGE))
    assert source is None
    assert [p.text for p in doc.paragraphs] == [p.text for p in read_document(str(EXAMPLE)).paragraphs]
    assert [p.unit for p in doc.paragraphs] == [f"para-{i}" for i in range(12)]  # the elements' ids


def test_findings_point_at_the_flagged_characters_of_the_page():
    doc, _ = read_inputs(str(PAGE))
    result = lint_document(doc, Options(rules=list(all_rules())))
    lines = PAGE.read_text(encoding="utf-8").split("\n")
    assert {(f.rule, f.paragraph) for f in result.findings} >= {("QA501", 1), ("QA501", 4), ("QA501", 6)}
    nbsp = 0
    for f in result.findings:
        assert f.line == f.end_line
        raw = lines[f.line - 1][f.column - 1 : f.end_column - 1]
        assert html.unescape(raw) == f.text, (f.rule, f.line, f.column, raw)
        nbsp += "&nbsp;" in raw
    assert nbsp  # the no-break spaces are written &nbsp; and still found where they are
    first = next(f for f in result.findings if f.rule == "QA501")
    assert (first.line, first.column, first.text) == (11, 18, "की")  # after `  <p id="para-1">` on line 11


def test_cli_reports_html_positions():
    proc = subprocess.run([sys.executable, "-m", "qa", "lint", "--select", "QA501", str(PAGE)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0].startswith(f"{PAGE}:11:18: QA501 [major]")


def read(tmp_path, markup):
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    doc, _ = read_inputs(str(path))
    return doc, markup.split("\n")


def at(lines, pos, n=1):
    line, column = pos
    return lines[line - 1][column - 1 : column - 1 + n]


def test_whitespace_entities_and_skipped_elements(tmp_path):
    doc, lines = read(
        tmp_path,
        "<html><head><title>नहीं</title><style>p{}</style></head><body>\n"
        "<h1 id='t'>रोम &amp; ल्योन</h1>\n"
        "<p>\n   पहली   पंक्ति\n   दूसरी&nbsp;पंक्ति &#x915;ा<br>\n  नई <b>पंक्ति</b>.\n</p>\n"
        "<ul><li>एक</li><li>दो</li></ul><script>var x = '<p>नहीं</p>';</script>\n"
        "<div>ढीला पाठ <!-- टिप्पणी --> AT&T</div><p>&nbsp;</p><pre>  जैसा\n  लिखा</pre>\n</body></html>",
    )
    texts = [p.text for p in doc.paragraphs]
    assert texts == [
        "रोम & ल्योन",
        "पहली पंक्ति दूसरी\u00a0पंक्ति का\nनई पंक्ति.",
        "एक",
        "दो",
        "ढीला पाठ AT&T",
        "  जैसा\n  लिखा",
    ]
    assert doc.paragraphs[0].unit == "t" and doc.paragraphs[1].unit is None
    p = doc.paragraphs[1]
    for i, ch in enumerate(p.text):  # every character points at itself, or at its reference
        raw = at(lines, p.origin[i], 8)
        assert raw.startswith(ch) or raw.startswith("&") or ((ch in " \n" and raw[:1] in " \n<") or raw == ""), (i, ch, raw)
    assert at(lines, p.position(p.text.index("\u00a0")), 6) == "&nbsp;"
    assert at(lines, p.position(p.text.index("का")), 7) == "&#x915;"
    assert at(lines, p.position(p.text.index("\n")), 4) == "<br>"
    assert at(lines, p.position(p.text.index("पंक्ति.") ), 6) == "पंक्ति"
    end_line, end_column = p.origin[-1]
    assert lines[end_line - 1][: end_column - 1].endswith("</b>.")  # the end is just after the last character


def test_html_with_no_text_is_an_input_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><p> &nbsp; </p></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="empty.html: holds no text in block elements"):
        read_inputs(str(path))
