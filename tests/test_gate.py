"""`qa gate`: the publish decision, a table per document, exit 0 only when every document passes;
every output format; `-o` writes the report and shows the table."""

import json
import re

import pytest
from test_cli import err, out, qa

from conftest import EXAMPLE, FIXTURES, ROOT
from runqa import run


def clean_document(tmp_path, first=7, last=16):
    """Lines first..last (1-based) of the human NTREX Hindi as paragraphs: a clean document."""
    lines = (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines()[first - 1 : last]
    path = tmp_path / "clean.hi.txt"
    path.write_text("\n\n".join(line.strip() for line in lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def example_gate():
    proc = qa("gate", "--no-config", EXAMPLE)  # a real process, end to end
    proc.out, proc.err = out(proc), err(proc)
    return proc


@pytest.fixture(scope="module")
def example_json():
    return json.loads(run("gate", "--no-config", "--format", "json", EXAMPLE).out)["documents"][0]


def table_rows(text):
    lines = text.splitlines()
    header = lines[0].split()
    assert header == ["file", "words", "score", "critical", "major", "minor", "verdict"]
    rows = []
    for line in lines[1:]:
        if not line.strip():
            break
        rows.append(dict(zip(header, line.split())))
    return rows


def test_example_fails_and_says_why(example_gate, example_json):
    assert example_gate.returncode == 1
    text = example_gate.out
    [row] = table_rows(text)
    counts = {s: 0 for s in ("critical", "major", "minor")}
    for p in example_json["paragraphs"]:
        for f in p["findings"]:
            counts[f["severity"]] = counts.get(f["severity"], 0) + 1
    assert row == {
        "file": str(EXAMPLE),
        "words": str(example_json["words"]),
        "score": f"{example_json['score']:.2f}",
        "critical": str(counts["critical"]),
        "major": str(counts["major"]),
        "minor": str(counts["minor"]),
        "verdict": "FAIL",
    }
    assert f"{EXAMPLE} fails:" in text
    reason = f"score {example_json['score']:.2f} is below the threshold 95"
    assert reason in text or "critical finding" in text
    # the findings that weigh most are listed under it, as lint prints them
    assert re.search(r"^    .*g7_rome_lyon_2024\.hi\.txt:3:1: QA501 \[major\]", text, re.M)
    heavy = counts["critical"] + counts["major"]
    listed = re.findall(r"^    \S+: QA\d{3} \[(critical|major)\]", text, re.M)
    assert len(listed) == min(heavy, 10)
    rest = sum(len(p["findings"]) for p in example_json["paragraphs"]) - len(listed)
    if rest:  # what is not listed is counted, and where to see it is said
        more = re.search(r"^    … and more: (.+) \(all of them: qa lint (.+)\)$", text, re.M)
        assert more and more.group(2) == str(EXAMPLE)
        assert sum(int(n) for n in re.findall(r"(\d+) [a-z]+", more.group(1))) == rest
    assert text.rstrip().endswith("gate: FAIL (1 of 1 document failed)")


def test_clean_hindi_passes(tmp_path):
    proc = run("gate", "--no-config", clean_document(tmp_path))
    assert proc.returncode == 0, proc.out
    [row] = table_rows(proc.out)
    assert row["verdict"] == "PASS" and row["critical"] == "0"
    assert "gate: PASS" in proc.out


def test_exit_1_when_any_document_fails(tmp_path):
    proc = run("gate", "--no-config", clean_document(tmp_path), EXAMPLE)
    assert proc.returncode == 1
    assert [r["verdict"] for r in table_rows(proc.out)] == ["PASS", "FAIL"]
    assert "gate: FAIL (1 of 2 documents failed)" in proc.out


def test_gate_ignores_fail_on_but_lint_does_not(tmp_path):
    # one minor finding (an unclosed quotation mark) in a long clean document: lint fails, gate passes
    doc = clean_document(tmp_path)
    doc.write_text(doc.read_text(encoding="utf-8") + "\nउन्होंने कहा \"यह ठीक है।\n", encoding="utf-8")
    data = json.loads(run("lint", "--no-config", "--format", "json", doc).out)["documents"][0]
    severities = [f["severity"] for p in data["paragraphs"] for f in p["findings"]]
    assert "minor" in severities and "critical" not in severities and data["passed"]
    assert run("lint", "--no-config", doc).returncode == 1
    assert run("gate", "--no-config", doc).returncode == 0


def test_a_critical_finding_fails_whatever_the_score(tmp_path):
    doc = clean_document(tmp_path)
    doc.write_text("की " + doc.read_text(encoding="utf-8"), encoding="utf-8")  # QA501 at the start
    assert run("gate", "--no-config", doc).returncode == 0
    proc = run("gate", "--no-config", "--severity", "QA501=critical", doc)
    assert proc.returncode == 1
    assert "1 critical finding (any critical finding fails)" in proc.out


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github"])
def test_formats_and_output_file(tmp_path, fmt):
    report = tmp_path / f"report.{fmt}"
    proc = run("gate", "--no-config", "--format", fmt, "-o", report, EXAMPLE)
    assert proc.returncode == 1, proc.err
    # the file gets the report; the terminal nothing but one summary line on standard error
    assert proc.out == ""
    assert proc.err == f"qa: wrote {report} (78 findings, FAIL)\n"
    text = report.read_text(encoding="utf-8")
    if fmt in ("json", "sarif"):
        json.loads(text)
    elif fmt == "junit":
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    else:
        assert text.startswith("::error file=")
        assert "gate: FAIL" in text  # the table follows the annotations in the log


def test_bad_usage_exits_2(tmp_path):
    for args in (("--format", "yaml"), ("--threshold", "101"), ("--color", "pink")):
        proc = run("gate", "--no-config", *args, EXAMPLE)
        assert proc.returncode == 2 and len(proc.err.strip().splitlines()) == 1, (args, proc.err)
    proc = run("gate", "--no-config", tmp_path / "missing.txt")
    assert proc.returncode == 2 and "missing.txt: no such file" in proc.err


def test_color_only_when_asked(tmp_path):
    doc = clean_document(tmp_path)
    assert "\x1b[" not in run("gate", "--no-config", doc).out
    assert "\x1b[1;32mPASS\x1b[0m" in run("gate", "--no-config", "--color", "always", doc).out


def test_pre_commit_hook_runs_the_gate(tmp_path):
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^- id: qa-gate$", hooks, re.M)
    entry = re.search(r"^  entry: (.+)$", hooks, re.M).group(1).split()
    assert entry == ["qa", "gate"] and re.search(r"^  language: python$", hooks, re.M)
    pattern = re.search(r"^  files: '(.+)'$", hooks, re.M).group(1)
    assert re.search(pattern, "press/2024/g7_rome_lyon_2024.hi.txt") and not re.search(pattern, "README.md")
    # pre-commit appends the staged file names to the entry
    assert run(*entry[1:], "--no-config", clean_document(tmp_path)).returncode == 0
    assert run(*entry[1:], "--no-config", EXAMPLE).returncode == 1
