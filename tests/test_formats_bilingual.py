"""XLIFF 1.2, XLIFF 2.0, TMX and PO versions of the example (fixtures/formats/, built by
make_fixtures.py from the .hi.txt and its Italian source) find what the text run finds."""

import html
import json
import re
import subprocess
import sys

import pytest

from qa.document import read_document
from qa.engine import Options, lint_document
from qa.errors import InputError
from qa.formats import format_of, read_inputs
from qa.rules import all_rules

from conftest import EXAMPLE, FIXTURES, SOURCE

FORMATS = FIXTURES / "formats"
BILINGUAL = {
    "xliff-1.2": FORMATS / "g7_rome_lyon_2024.xlf",
    "xliff-2.0": FORMATS / "g7_rome_lyon_2024.xliff2.xlf",
    "tmx": FORMATS / "g7_rome_lyon_2024.tmx",
    "po": FORMATS / "g7_rome_lyon_2024.po",
}


def keys(result):
    return {(f.rule, f.paragraph, f.start, f.end) for f in result.findings}


@pytest.fixture(scope="module")
def text_runs():
    """The plain-text run without and with the Italian source (the rules are compared as they
    are now, whatever other rules are added later)."""
    options = Options(rules=list(all_rules()))
    doc = read_document(str(EXAMPLE))
    plain = lint_document(doc, options)
    with_source = lint_document(doc, Options(rules=list(all_rules()), source=read_document(str(SOURCE))))
    return doc, plain, with_source


@pytest.mark.parametrize("kind", BILINGUAL)
def test_units_source_and_text(kind):
    doc, source = read_inputs(str(BILINGUAL[kind]))
    text = read_document(str(EXAMPLE))
    italian = read_document(str(SOURCE))
    assert [p.text for p in doc.paragraphs] == [p.text for p in text.paragraphs]
    assert [p.unit for p in doc.paragraphs] == [f"para-{i}" for i in range(12)]
    assert [p.index for p in doc.paragraphs] == list(range(12))
    # only the first 4 units have a source: the source document stops there, aligned by index
    assert source is not None
    assert [p.text for p in source.paragraphs] == [p.text for p in italian.paragraphs]
    assert [p.unit for p in source.paragraphs] == [f"para-{i}" for i in range(4)]


@pytest.mark.parametrize("kind", BILINGUAL)
def test_same_defects_as_the_text_run_plus_source_aware_ones(kind, text_runs):
    _, plain, with_source = text_runs
    doc, source = read_inputs(str(BILINGUAL[kind]))
    result = lint_document(doc, Options(rules=list(all_rules()), source=source))
    assert keys(plain) <= keys(result)  # every defect of the text run
    assert keys(result) == keys(with_source)  # plus exactly the source-aware ones
    assert {f.unit for f in result.findings} <= {f"para-{i}" for i in range(12)}
    assert all(f.unit == f"para-{f.paragraph}" for f in result.findings)
    assert result.score == with_source.score and result.notes == with_source.notes


def _decode(kind, raw):
    if kind == "po":
        return raw.replace('\\"', '"').replace("\\\\", "\\")
    return html.unescape(raw)  # XML references (&amp; &#xA0;) decode the same way


@pytest.mark.parametrize("kind", BILINGUAL)
def test_positions_point_into_the_file(kind):
    doc, source = read_inputs(str(BILINGUAL[kind]))
    result = lint_document(doc, Options(rules=list(all_rules()), source=source))
    lines = BILINGUAL[kind].read_text(encoding="utf-8").split("\n")
    assert result.findings
    for f in result.findings:
        assert f.line == f.end_line, f
        raw = lines[f.line - 1][f.column - 1 : f.end_column - 1]
        assert _decode(kind, raw) == f.text, (f.rule, f.line, f.column, raw)
    # the example's no-break spaces are written &#xA0; in the XLIFF 1.2 fixture
    if kind == "xliff-1.2":
        nbsp = [f for f in result.findings if f.text == "\u00a0"]
        assert nbsp and all(lines[f.line - 1][f.column - 1 : f.end_column - 1] == "&#xA0;" for f in nbsp)


def test_cli_names_units_and_uses_the_source():
    proc = subprocess.run(
        [sys.executable, "-m", "qa", "lint", "--format", "json", str(BILINGUAL["xliff-2.0"])],
        capture_output=True, text=True,
    )
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)["documents"][0]
    findings = [f for p in doc["paragraphs"] for f in p["findings"]]
    assert findings and all(f["unit"] == f"para-{f['paragraph']}" for f in findings)
    assert any("source has 4 paragraphs" in n for n in doc["notes"])
    first = next(f for f in findings if f["rule"] == "QA501")
    assert (first["paragraph"], first["text"], first["line"], first["column"]) == (1, "की", 10, 17)


def test_format_by_extension_and_option(tmp_path):
    assert format_of("a.xlf") == format_of("a.XLIFF") == "xliff"
    assert (format_of("a.tmx"), format_of("a.po"), format_of("a.htm"), format_of("a.jsonl")) == ("tmx", "po", "html", "jsonl")
    assert format_of("notes") == format_of("-") == format_of("a.md") == "txt"
    assert format_of("a.txt", "xlf") == "xliff"
    copy = tmp_path / "release.xml"
    copy.write_bytes(BILINGUAL["tmx"].read_bytes())
    doc, source = read_inputs(str(copy), "tmx")
    assert len(doc.paragraphs) == 12 and len(source.paragraphs) == 4


XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="x" source-language="it" target-language="hi" datatype="plaintext"><body>
<trans-unit id="a"><source>Ciao</source><target>नमस्ते   <g id="1">दुनिया</g></target></trans-unit>
<trans-unit id="b"><source>Senza traduzione</source></trans-unit>
<trans-unit id="c"><source>Vuoto</source><target></target></trans-unit>
</body></file></xliff>
"""


def test_xliff_whitespace_inline_markup_and_missing_targets(tmp_path):
    path = tmp_path / "x.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    doc, source = read_inputs(str(path))
    # no xml:space="preserve": the toolkit collapses whitespace; a unit without <target> is skipped
    assert [(p.unit, p.text) for p in doc.paragraphs] == [("a", "नमस्ते दुनिया"), ("c", "")]
    assert [p.text for p in source.paragraphs] == ["Ciao", "Vuoto"]
    para = doc.paragraphs[0]
    line = XLIFF12.split("\n")[3]
    # दुनिया (inside <g>) still points at its characters in the file
    start = para.text.index("दुनिया")
    l, c = para.position(start)
    assert l == 4 and line[c - 1 : c - 1 + 6] == "दुनिया"


def test_po_plural_context_escapes_and_obsolete(tmp_path):
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: release.txt:3\nmsgid "Roma"\nmsgstr ""\n"रोम \\"शहर\\"\\n"\n"दूसरी पंक्ति"\n\n'
        'msgid "vuoto"\nmsgstr ""\n\n'
        '#~ msgid "vecchio"\n#~ msgstr "पुराना"\n'
    )
    path = tmp_path / "x.po"
    path.write_text(po, encoding="utf-8")
    doc, source = read_inputs(str(path))
    assert [(p.unit, p.text) for p in doc.paragraphs] == [("release.txt:3", 'रोम "शहर"\nदूसरी पंक्ति')]
    assert source.paragraphs[0].text == "Roma"
    para = doc.paragraphs[0]
    assert para.position(0) == (8, 2)  # रोम, after the opening quote
    assert para.position(4) == (8, 6)  # the escaped quote points at its backslash
    assert para.position(para.text.index("दूसरी")) == (9, 2)


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("bad.xlf", '<xliff version="1.2"><file><body>\n<trans-unit id="1"><target>a</trans-unit>', "bad.xlf: line 2: not well-formed XML"),
        ("root.xlf", '<?xml version="1.0"?>\n<tmx version="1.4"><body/></tmx>', "root.xlf: line 2: not an XLIFF file (the root element is <tmx>"),
        ("none.xlf", '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="it" datatype="plaintext"><body>'
         '<trans-unit id="1"><source>a</source></trans-unit></body></file></xliff>', "none.xlf: holds no translated unit"),
        ("bad.tmx", '<tmx version="1.4"><header srclang="it"/><body>\n<tu><tuv xml:lang="hi"><seg>a & b</seg></tuv></tu></body></tmx>', "bad.tmx: line 2: not well-formed XML"),
        ("bad.po", 'msgid "a"\nmsgstr "b\n', "bad.po: line 2: not a valid PO file (unterminated string)"),
        ("empty.po", 'msgid ""\nmsgstr ""\n"Language: hi\\n"\n', "empty.po: holds no entry but the header"),
        ("latin1.xlf", "<xliff>caf\xe9</xliff>".encode("latin-1"), "latin1.xlf: line 1: not UTF-8 (byte 0xe9"),
    ],
)
def test_malformed_files_give_one_line_and_exit_2(tmp_path, name, content, expected):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_inputs(str(path))
    assert expected in str(info.value)
    proc = subprocess.run([sys.executable, "-m", "qa", "lint", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and expected in proc.stderr and "Traceback" not in proc.stderr
    assert re.match(r"qa: \S+", proc.stderr)
