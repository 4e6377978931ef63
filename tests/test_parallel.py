"""--jobs: parts of large inputs, worker processes, deterministic output, progress bar."""

import io
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLE, FIXTURES
from qa import parallel
from qa.engine import Options
from qa.errors import InputError
from qa.model import Severity
from qa.rules import all_rules

XLIFF = FIXTURES / "formats" / "g7_rome_lyon_2024.xlf"


def ntrex(n, start=0):
    lines = [l.strip() for l in (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    return [lines[(start + i) % len(lines)] for i in range(n)]


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of 5 paragraphs, and workers even for tiny inputs."""
    monkeypatch.setattr(parallel, "PART", 5)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)


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


def test_jobs_do_not_change_results(small_parts, inputs):
    serial = parallel.lint_inputs(inputs, jobs=1)
    forked = parallel.lint_inputs(inputs, jobs=2)
    assert [r for _, r in serial] == [r for _, r in forked]
    out1, out2 = io.StringIO(), io.StringIO()
    assert parallel.write_jsonl(inputs, out1, Severity.MINOR, jobs=1) is True
    assert parallel.write_jsonl(inputs, out2, Severity.MINOR, jobs=2) is True
    assert out1.getvalue() == out2.getvalue() == parallel.render_jsonl([r for _, r in serial])


def test_parts_are_merged_with_global_paragraph_numbers(small_parts, inputs):
    (doc, result), _, (rdoc, records) = parallel.lint_inputs(inputs, jobs=1)
    assert [p.index for p in result.paragraphs] == list(range(12))
    assert {f.paragraph for f in result.findings if f.rule == "QA501"} == {1, 4, 6}  # 6 is in the second part
    assert all(doc.paragraphs[f.paragraph].text[f.start : f.end] == f.text for f in result.findings)
    assert [p.index for p in records.paragraphs] == list(range(24))
    last = [f for f in records.findings if f.unit == "dup"]
    assert last and all(f.paragraph == 23 and f.line == 25 for f in last)  # after a blank line 24
    assert records.words == sum(p.words for p in records.paragraphs)
    from qa.formats import read_inputs

    assert rdoc == read_inputs(inputs[2][0])[0]  # assembled part by part, as if read whole


def test_a_part_is_a_document_of_its_own(small_parts, tmp_path):
    # the same paragraph twice: a repetition inside one part is found, across parts it is not
    path = tmp_path / "r.jsonl"
    rows = ["बैठक रोम में हुई।"] + ntrex(3) + ["बैठक रोम में हुई।"] + ntrex(4, 10) + ["बैठक रोम में हुई।"]
    path.write_text("".join(json.dumps({"id": i, "target": t}, ensure_ascii=False) + "\n" for i, t in enumerate(rows)), encoding="utf-8")
    [(_, result)] = parallel.lint_inputs([(str(path), Options(rules=list(all_rules())))], jobs=2)
    assert [f.paragraph for f in result.findings if f.rule == "QA502"] == [4]


def test_an_error_in_a_worker_is_one_input_error(small_parts, tmp_path):
    path = tmp_path / "bad.jsonl"
    good = "".join(json.dumps({"id": i, "target": t}, ensure_ascii=False) + "\n" for i, t in enumerate(ntrex(12)))
    path.write_text(good + '{"id": 99, "target": }\n', encoding="utf-8")
    options = Options(rules=list(all_rules()))
    with pytest.raises(InputError, match=r"bad.jsonl: line 13: not valid JSON"):
        for _ in parallel.stream([(str(path), options)], jobs=2):
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
    bar = parallel.Progress(100, stream=term, clock=lambda: now[0])
    bar.advance(10)  # too early: nothing yet
    assert term.getvalue() == ""
    now[0] = 2.0
    bar.advance(40)
    assert term.getvalue() == "\rqa: [############............]  50% 50/100 paragraphs, 25/s, 2.0 s"
    bar.close()
    assert term.getvalue().endswith("\r" + " " * 79 + "\r")
    piped = FakeTerminal(False)
    bar = parallel.Progress(100, stream=piped, clock=lambda: now[0])
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
