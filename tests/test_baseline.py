"""Baselines: --write-baseline records today's findings (rule, paragraph fingerprint, flagged text);
--baseline hides them, rescores, says how many were suppressed and lists stale entries."""

import json

from qa import baseline

from conftest import EXAMPLE
from runqa import run

PARAS = [
    "की बैठक रोम में  हुई।",  # QA501 (major) + QA702 doubled space (info)
    "प्रतिनिधियों ने सुरक्षा पर चर्चा की।",
    "के संबंध में  गहन  चर्चा की गई।",  # QA501 + two doubled spaces
]
SELECT = ("--no-config", "--select", "QA501,QA702")


def write_doc(path, paras):
    path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return path


def lint(*args):
    return run("lint", *SELECT, "--format", "json", *args)


def found(proc):
    return [(f["rule"], f["paragraph"], f["text"]) for d in json.loads(proc.out)["documents"] for p in d["paragraphs"] for f in p["findings"]]


def test_write_then_suppress_everything(tmp_path):
    doc = write_doc(tmp_path / "d.txt", PARAS)
    base = tmp_path / "qa-baseline.json"
    proc = run("lint", *SELECT, "--write-baseline", base, doc)
    assert proc.returncode == 0 and proc.out == ""
    assert proc.err == f"qa: wrote 5 accepted findings to {base}\n"
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["qa-baseline"] == 1 and len(data["entries"]) == 5
    entry = data["entries"][0]
    assert set(entry) == {"rule", "name", "paragraph", "text", "path"}
    assert len(entry["paragraph"]) == 16 and entry["path"] == str(doc)
    assert {(e["rule"], e["text"]) for e in data["entries"]} == {("QA501", "की"), ("QA501", "के"), ("QA702", "  ")}

    proc = lint("--baseline", base, doc)
    assert proc.returncode == 0 and found(proc) == []
    assert proc.err == f"qa: baseline {base}: 5 findings suppressed\n"
    report = json.loads(proc.out)
    assert report["baseline"] == {"path": str(base), "suppressed": 5, "stale": []}
    assert report["documents"][0]["score"] == 100.0 and report["documents"][0]["passed"]


def test_invisible_characters_are_escaped_in_the_file(tmp_path):
    doc = write_doc(tmp_path / "nbsp.txt", ["बैठक\u00a0रोम में हुई।"])
    base = tmp_path / "b.json"
    run("lint", "--no-config", "--select", "QA701", "--write-baseline", base, doc)
    text = base.read_text(encoding="utf-8")
    assert "\u00a0" not in text and '"text": "\\u00a0"' in text and "बैठक" not in text
    assert baseline.loads(text, "b.json")[0].text == "\u00a0"


def test_new_findings_still_fail_and_moved_paragraphs_stay_accepted(tmp_path):
    doc = write_doc(tmp_path / "d.txt", PARAS)
    base = tmp_path / "b.json"
    run("lint", *SELECT, "--write-baseline", base, doc)
    # a new paragraph on top moves every line; a new defect appears in it
    write_doc(doc, ["में नया अनुच्छेद जोड़ा गया।", *PARAS])
    proc = lint("--baseline", base, doc)
    assert found(proc) == [("QA501", 0, "में")]
    assert proc.returncode == 1 and "5 findings suppressed" in proc.err


def test_fixed_findings_leave_stale_entries(tmp_path):
    doc = write_doc(tmp_path / "d.txt", PARAS)
    base = tmp_path / "b.json"
    run("lint", *SELECT, "--write-baseline", base, doc)
    # paragraph 0 reworded (its dangling postposition fixed): its entries match nothing now
    write_doc(doc, ["बैठक रोम में  हुई।", *PARAS[1:]])
    proc = lint("--baseline", base, doc)
    assert found(proc) == [("QA702", 0, "  ")]  # the doubled space is in a changed paragraph: shown again
    lines = proc.err.splitlines()
    assert lines[0] == f"qa: baseline {base}: 3 findings suppressed"
    assert lines[1].startswith(f"qa: baseline {base}: 2 entries no longer match")
    assert sorted(line.split(": ", 1)[1].split(" in paragraph ")[0] for line in lines[2:]) == ['QA501 "की"', 'QA702 "  "']
    stale = json.loads(proc.out)["baseline"]["stale"]
    assert sorted((s["rule"], s["text"]) for s in stale) == [("QA501", "की"), ("QA702", "  ")]


def test_whitespace_fixes_elsewhere_keep_the_paragraph_fingerprint(tmp_path):
    doc = write_doc(tmp_path / "d.txt", PARAS)
    base = tmp_path / "b.json"
    run("lint", *SELECT, "--write-baseline", base, doc)
    write_doc(doc, [PARAS[0], PARAS[1], "के संबंध में गहन  चर्चा की गई।"])  # one doubled space fixed
    proc = lint("--baseline", base, doc)
    assert found(proc) == [] and "4 findings suppressed" in proc.err
    assert "1 entry no longer match" in proc.err


def test_an_entry_hides_one_finding(tmp_path):
    doc = write_doc(tmp_path / "d.txt", ["बैठक  रोम में हुई।"])
    base = tmp_path / "b.json"
    run("lint", *SELECT, "--write-baseline", base, doc)
    write_doc(doc, ["बैठक  रोम  में हुई।"])  # same words, a second doubled space
    assert found(lint("--baseline", base, doc)) == [("QA702", 0, "  ")]


def test_stale_entries_only_for_the_files_of_the_run(tmp_path):
    one = write_doc(tmp_path / "one.txt", PARAS[:1])
    two = write_doc(tmp_path / "two.txt", PARAS[2:])
    base = tmp_path / "b.json"
    run("lint", *SELECT, "--write-baseline", base, one, two)
    proc = lint("--baseline", base, one)
    assert found(proc) == [] and "no longer match" not in proc.err


def test_gate_and_report_take_a_baseline(tmp_path):
    base = tmp_path / "b.json"
    assert run("gate", "--no-config", "--write-baseline", base, EXAMPLE).returncode == 0
    proc = run("gate", "--no-config", "--baseline", base, EXAMPLE)
    assert proc.returncode == 0 and "PASS" in proc.out and "suppressed" in proc.err
    page = tmp_path / "r.html"
    assert run("report", "--no-config", "--baseline", base, "-o", page, EXAMPLE).returncode == 0
    assert "<mark" not in page.read_text(encoding="utf-8") and "accepted findings hidden" in page.read_text(encoding="utf-8")


def test_bad_baseline_files_exit_2(tmp_path):
    doc = write_doc(tmp_path / "d.txt", PARAS)
    for content, message in (
        ("{not json", "not a qa baseline (invalid JSON"),
        ('{"entries": []}', "not a qa baseline (write one with --write-baseline)"),
        ('{"qa-baseline": 1, "entries": [{"rule": "QA501"}]}', "entry 1 needs string fields"),
    ):
        bad = tmp_path / "bad.json"
        bad.write_text(content, encoding="utf-8")
        proc = lint("--baseline", bad, doc)
        assert proc.returncode == 2 and message in proc.err and len(proc.err.splitlines()) == 1
    proc = lint("--baseline", tmp_path / "none.json", doc)
    assert proc.returncode == 2 and "create it with --write-baseline" in proc.err
