"""`qa lint --format csv`: one row per finding for translators (file, paragraph, line, column, rule,
severity, category, text, message, suggestion, source paragraph), read back by any CSV reader."""

import csv
import io
import json

from qa.document import read_document
from qa.model import Category, DocumentResult, Finding, ParagraphResult, Severity
from qa.reporters import FORMATS, get_reporter
from qa.reporters import csv as csv_report

from conftest import EXAMPLE, SOURCE
from runqa import run


def parse(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_finding_as_the_json_has_them():
    assert "csv" in FORMATS
    proc = run("lint", "--no-config", "--source", SOURCE, "--format", "csv", EXAMPLE)
    data = json.loads(run("lint", "--no-config", "--source", SOURCE, "--format", "json", EXAMPLE).out)["documents"][0]
    assert proc.returncode == run("lint", "--no-config", "--source", SOURCE, EXAMPLE).returncode  # same verdict
    assert proc.out.startswith("file,paragraph,line,column,rule,severity,category,text,message,suggestion,source\r\n")
    rows = parse(proc.out)
    findings = sorted(((p["index"], f) for p in data["paragraphs"] for f in p["findings"]),
                      key=lambda pf: (pf[1]["line"], pf[1]["column"], pf[1]["rule"], pf[1]["end_line"], pf[1]["end_column"]))
    assert len(rows) == len(findings) > 0
    for row, (index, f) in zip(rows, findings):
        assert row["file"] == str(EXAMPLE) and row["paragraph"] == str(index + 1)  # as a reader counts
        assert (row["line"], row["column"]) == (str(f["line"]), str(f["column"]))
        assert (row["rule"], row["severity"], row["category"]) == (f["rule"], f["severity"], f["category"])
        assert row["text"] == f["text"] and row["message"] == f["message"]  # exact, invisible characters included
        if f.get("suggestion") is None:
            assert row["suggestion"] == ""
        elif f["suggestion"].strip():
            assert row["suggestion"] == f["suggestion"]
        else:
            assert row["suggestion"] in ("delete it", "use a plain space")
    nbsp = [r for r in rows if r["rule"] == "QA701"]
    assert nbsp and all(r["text"] == "\u00a0" and r["suggestion"] == "use a plain space" for r in nbsp)
    assert any(r["rule"] == "QA403" and r["suggestion"] == "।" for r in rows)


def finding(paragraph, text, message, suggestion=None):
    return Finding(rule="QA999", name="t", category=Category.SPELLING, mqm="m", severity=Severity.MINOR,
                   paragraph=paragraph, start=0, end=len(text), line=1 + 2 * paragraph, column=1, end_line=1,
                   end_column=len(text) + 1, text=text, message=message, suggestion=suggestion)


def test_source_paragraph_quoting_and_no_formulas(tmp_path):
    hi, it = tmp_path / "t.hi.txt", tmp_path / "t.it.txt"
    hi.write_text("=SUM(A1) पहला\n\nदूसरा, \"उद्धरण\"\n", encoding="utf-8")
    it.write_text("Primo\n\nSecondo, \"citato\"\nsu due righe\n", encoding="utf-8")
    _doc, src = read_document(str(hi)), read_document(str(it))
    found = (finding(0, "=SUM(A1)", "@cmd", "-1"), finding(1, "\"उद्धरण\"", "a, \"quoted\"\nmessage", ""))
    result = DocumentResult(path=str(hi), words=4, penalty=2, score=50.0, passed=False, threshold=95,
                            paragraphs=(ParagraphResult(0, 1, 2, 1, 50.0, found[:1]), ParagraphResult(1, 3, 2, 1, 50.0, found[1:])))
    text = get_reporter("csv")([result], sources={str(hi): src})
    rows = parse(text)
    assert [r["source"] for r in rows] == ["Primo", "Secondo, \"citato\"\nsu due righe"]
    assert rows[1]["text"] == "\"उद्धरण\"" and rows[1]["message"] == "a, \"quoted\"\nmessage"
    assert rows[1]["suggestion"] == "delete it"
    # nothing the input wrote can become a spreadsheet formula
    assert (rows[0]["text"], rows[0]["message"], rows[0]["suggestion"]) == ("'=SUM(A1)", "'@cmd", "'-1")
    assert csv_report.safe("पहला") == "पहला"
    assert parse(get_reporter("csv")([result]))[0]["source"] == ""  # no source given: empty
