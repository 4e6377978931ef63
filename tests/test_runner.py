"""--jobs: worker processes over inputs, a document linted whole, deterministic output, progress bar."""

import io
import json
import subprocess
import sys

import pytest

from qa import runner
from qa.engine import Options
from qa.errors import InputError
from qa.model import Severity
from qa.reporters import jsonl
from qa.rules import all_rules

from conftest import EXAMPLE, FIXTURES
from runqa import run

XLIFF = FIXTURES / "formats" / "g7_rome_lyon_2024.xlf"


def ntrex(n, start=0):
    lines = [l.strip() for l in (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    return [lines[(start + i) % len(lines)] for i in range(n)]


@pytest.fixture
def workers(monkeypatch):
    """Worker processes even for tiny inputs."""
    monkeypatch.setattr(runner, "MIN_PARALLEL_BYTES", 0)


@pytest.fixture
def inputs(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(
        "".join(json.dumps({"id": f"n{i}", "target": t}, ensure_ascii=False) + "\n" for i, t in enumerate(ntrex(23)))
        + '\n{"id": "dup", "target": "की बैठक  हुई।"}\n',
        encoding="utf-8",
    )
    options = Options(rules=list(all_rules()))
    return [(str(EXAMPLE), options), (str(XLIFF), options), (str(records), options)]


def test_jobs_do_not_change_results(workers, inputs):
    serial = runner.lint_inputs(inputs, jobs=1)
    forked = runner.lint_inputs(inputs, jobs=2)
    assert [r for _, r in serial] == [r for _, r in forked]
    out1, out2 = io.StringIO(), io.StringIO()
    assert jsonl.write((r for _, r in runner.stream(inputs, jobs=1)), out1, Severity.MINOR) is True
    assert jsonl.write((r for _, r in runner.stream(inputs, jobs=2)), out2, Severity.MINOR) is True
    assert out1.getvalue() == out2.getvalue() == jsonl.render([r for _, r in serial])


def test_results_keep_the_input_order_and_paragraph_numbers(workers, inputs):
    (doc, result), _, (_rdoc, records) = runner.lint_inputs(inputs, jobs=2)
    assert [p.index for p in result.paragraphs] == list(range(12))
    assert {f.paragraph for f in result.findings if f.rule == "QA501"} == {1, 4, 6}
    assert all(doc.paragraphs[f.paragraph].text[f.start : f.end] == f.text for f in result.findings)
    assert [p.index for p in records.paragraphs] == list(range(24))
    last = [f for f in records.findings if f.unit == "dup"]
    assert last and all(f.paragraph == 23 and f.line == 25 for f in last)  # after a blank line 24
    assert records.words == sum(p.words for p in records.paragraphs)


def _big_document():
    """4,100 paragraphs: paragraph 3 repeated as paragraph 4,050, and a word spelt one way at
    paragraph 10 and another at paragraph 4,060 (a spelling-variant mix across 4,000 paragraphs)."""
    paras = [f"अनुच्छेद संख्या {i} में बैठक का विवरण है।" for i in range(4100)]
    paras[3] = "रोम में विदेश मंत्रियों की बैठक शुरू हुई।"
    paras[4050] = paras[3]
    paras[10] = "अंतर्राष्ट्रीय सहयोग पर चर्चा हुई।"
    paras[4060] = "अंतरराष्ट्रीय अपराध पर चर्चा हुई और अंतरराष्ट्रीय संगठनों ने भाग लिया।"
    return "\n\n".join(paras) + "\n"


def test_a_document_is_a_document_whatever_its_size_and_the_jobs(workers, tmp_path):
    """Document-level rules see the whole file through every entry point."""
    import qa

    path = tmp_path / "big.hi.txt"
    text = _big_document()
    path.write_text(text, encoding="utf-8")
    other = tmp_path / "other.hi.txt"
    other.write_text("दूसरा दस्तावेज़ यहाँ है।\n", encoding="utf-8")
    wanted = {("QA502", 4050), ("QA555", 10)}
    runs = []
    for jobs in ("1", "2"):
        proc = run("lint", "--no-config", "--select", "QA502,QA555", "--format", "json", "-j", jobs, path, other)
        doc = json.loads(proc.out)["documents"][0]
        runs.append([(f["rule"], p["index"], f["start"], f["end"]) for p in doc["paragraphs"] for f in p["findings"]])
    assert runs[0] == runs[1]
    assert {(rule, index) for rule, index, _, _ in runs[0]} == wanted
    api = qa.lint_text(text, config={"select": ["QA502", "QA555"]})
    assert [(f.rule, f.paragraph, f.start, f.end) for f in api.findings] == runs[0]
    records = qa.lint_records([{"id": i, "target": t} for i, t in enumerate(text.strip().split("\n\n"))],
                              config={"select": ["QA502", "QA555"]})
    assert [(f.rule, f.paragraph, f.start, f.end) for r in records for f in r.findings] == runs[0]


def test_jobs_are_capped_at_the_cores():
    assert runner.check_jobs(1000) == runner.default_jobs()
    assert runner.check_jobs(0) == runner.default_jobs()


def test_an_error_in_a_worker_is_one_input_error(workers, tmp_path):
    path = tmp_path / "bad.jsonl"
    good = "".join(json.dumps({"id": i, "target": t}, ensure_ascii=False) + "\n" for i, t in enumerate(ntrex(12)))
    path.write_text(good + '{"id": 99, "target": }\n', encoding="utf-8")
    options = Options(rules=list(all_rules()))
    with pytest.raises(InputError, match=r"bad.jsonl: line 13: not valid JSON"):
        for _ in runner.stream([(str(EXAMPLE), options), (str(path), options)], jobs=2):
            pass


class FakeTerminal(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


def test_progress_bar_only_on_a_terminal_and_only_for_long_runs():
    now = [0.0]
    term = FakeTerminal(True)
    bar = runner.Progress(100, stream=term, clock=lambda: now[0])
    bar.advance(10)  # too early: nothing yet
    assert term.getvalue() == ""
    now[0] = 2.0
    bar.advance(40)
    assert term.getvalue() == "\rqa: [############............]  50% 50/100 paragraphs, 25/s, 2.0 s"
    bar.close()
    assert term.getvalue().endswith("\r" + " " * 79 + "\r")
    piped = FakeTerminal(False)
    bar = runner.Progress(100, stream=piped, clock=lambda: now[0])
    now[0] = 10.0
    bar.advance(100)
    bar.close()
    assert piped.getvalue() == ""


def test_cli_jobs_same_output_and_nothing_on_a_pipe(tmp_path):
    files = []
    for k in range(2):  # two inputs of ~160 KB: enough for worker processes
        path = tmp_path / f"n{k}.txt"
        path.write_text("\n\n".join(ntrex(500, 500 * k)) + "\n", encoding="utf-8")
        files.append(path)
    runs = [
        subprocess.run([sys.executable, "-m", "qa", "lint", "--jobs", str(j), *map(str, files)], capture_output=True, text=True)
        for j in (1, 2)
    ]
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode
    assert runs[0].stderr == runs[1].stderr == ""
    bad = subprocess.run([sys.executable, "-m", "qa", "lint", "--jobs", "-1", str(EXAMPLE)], capture_output=True, text=True)
    assert bad.returncode == 2 and "--jobs -1" in bad.stderr


def test_paragraph_documents_compare_nothing_across_paragraphs(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_text("रोम में विदेश मंत्रियों की बैठक हुई।\n\nयह दूसरा वाक्य है।\n\nरोम में विदेश मंत्रियों की बैठक हुई।\n", encoding="utf-8")
    proc = run("lint", "--no-config", "--format", "json", path)
    assert [f["rule"] for p in json.loads(proc.out)["documents"][0]["paragraphs"] for f in p["findings"]] == ["QA502"]
    proc = run("lint", "--no-config", "--format", "json", "--paragraph-documents", path)
    doc = json.loads(proc.out)["documents"][0]
    assert proc.returncode == 0 and doc["words"] == 18 and all(p["findings"] == [] for p in doc["paragraphs"])
    (tmp_path / "qa.toml").write_text("paragraph-documents = true\n", encoding="utf-8")
    proc = run("lint", "--format", "json", path, cwd=tmp_path)
    assert all(p["findings"] == [] for p in json.loads(proc.out)["documents"][0]["paragraphs"])
    (tmp_path / "qa.toml").write_text("paragraph-documents = 1\n", encoding="utf-8")
    proc = run("lint", path, cwd=tmp_path)
    assert proc.returncode == 2 and "paragraph-documents must be true or false, not 1" in proc.err


def test_paragraph_documents_keep_findings_in_place(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_text("पहला वाक्य है।\n\nकी बैठक हुई।\n", encoding="utf-8")
    proc = run("lint", "--no-config", "--format", "json", "--paragraph-documents", "--select", "QA501", path)
    [finding] = [f for p in json.loads(proc.out)["documents"][0]["paragraphs"] for f in p["findings"]]
    assert (finding["paragraph"], finding["line"], finding["column"], finding["text"]) == (1, 3, 1, "की")
