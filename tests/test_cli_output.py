"""Where the command line writes: ``-o -`` is standard output; ``qa report`` records the run;
the CSV export carries the source paragraphs; standard output closed, full or a broken pipe."""

import csv
import io
import os
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLE, FIXTURES, ROOT, SOURCE
from runqa import run

PO = FIXTURES / "formats" / "g7_rome_lyon_2024.po"


def qa(*args, stdout=subprocess.PIPE, cwd=None):
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))
    env.pop("QA_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "qa", *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                          cwd=cwd, env=env)


def test_report_dash_output_is_standard_output(tmp_path):
    r = run("report", "--no-config", "-o", "-", EXAMPLE, cwd=tmp_path)
    assert r.returncode == 0 and r.err == ""
    assert r.out.startswith("<!DOCTYPE html>") and r.out.rstrip().endswith("</html>")
    assert not (tmp_path / "-").exists()
    assert run("report", "--no-config", EXAMPLE).out.count("<section") == r.out.count("<section")


@pytest.mark.parametrize("command", ["lint", "gate"])
def test_lint_and_gate_dash_output_is_standard_output(tmp_path, command):
    r = run(command, "--no-config", "--format", "json", "-o", "-", EXAMPLE, cwd=tmp_path)
    assert r.out.startswith("{") and not (tmp_path / "-").exists()
    assert "qa: wrote" not in r.err


def test_report_records_the_run(tmp_path):
    cfg = tmp_path / "qa.toml"
    cfg.write_text("threshold = 90\nwindow = 12\n", encoding="utf-8")
    extra = tmp_path / "extra.tsv"
    extra.write_text("italian\thindi\nProva\tपरीक्षण\n", encoding="utf-8")
    r = run("report", "--config", cfg, "--select", "QA7,QA4", "--ignore", "QA703", "--severity", "QA701=minor",
            "--glossary", extra, "--source", SOURCE, EXAMPLE)
    assert r.returncode == 0, r.err
    record = dict(re.findall(r"<dt>([^<]*)</dt>\s*<dd>([^<]*)</dd>", r.out))
    assert record["settings file"] == str(cfg)
    assert record["rules selected"] == "QA7, QA4"
    assert record["rules ignored"] == "QA703"
    assert record["severity overrides"] == "QA701=minor"
    assert record["glossaries"] == f"{extra}, the shipped glossaries"
    assert record["threshold"] == "90" and record["window"] == "12"
    assert record["source"] == str(SOURCE)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", record["date"])
    r = run("report", "--no-config", "--no-default-glossaries", EXAMPLE)
    assert dict(re.findall(r"<dt>([^<]*)</dt>\s*<dd>([^<]*)</dd>", r.out))["glossaries"] == "none"


def test_report_of_a_bilingual_file_shows_its_source():
    page = run("report", "--no-config", PO).out
    assert "Si è tenuta a Roma" in page


def _csv(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_carries_the_source_paragraphs():
    rows = _csv(run("lint", "--no-config", "--format", "csv", "--source", SOURCE, EXAMPLE).out)
    first = next(r for r in rows if r["paragraph"] == "2")
    assert first["source"].startswith("Si è tenuta a Roma, in questi giorni")
    rows = _csv(run("lint", "--no-config", "--format", "csv", PO).out)  # a bilingual file brings its own
    assert next(r for r in rows if r["paragraph"] == "2")["source"].startswith("Si è tenuta a Roma")
    rows = _csv(run("gate", "--no-config", "--format", "csv", PO).out)
    assert next(r for r in rows if r["paragraph"] == "2")["source"].startswith("Si è tenuta a Roma")
    assert all(r["source"] == "" for r in _csv(run("lint", "--no-config", "--format", "csv", EXAMPLE).out))


@pytest.mark.parametrize("command", ["lint", "gate"])
def test_format_help_lists_csv(command):
    help_text = " ".join(run(command, "--help").out.split())
    assert re.search(r"--format, --output-format FORMAT [^-]*\bcsv\b", help_text)


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("बैठक\u00a0हुई।\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["lint"], ["report"], ["fix", "--diff"], ["rules"]])
def test_closed_standard_output_is_one_line_and_exit_2(small, command):
    args = [*command] if command == ["rules"] else [*command, small]
    proc = subprocess.run(
        [sys.executable, "-m", "qa", *map(str, args)], stdout=None, stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=str(ROOT)), preexec_fn=lambda: os.close(1),
    )
    assert proc.returncode == 2
    err = proc.stderr.decode()
    if command[0] == "fix":  # its summary comes first
        assert err.startswith("qa fix: ") and err.count("\n") == 2
        err = err.split("\n", 1)[1]
    assert err == "qa: cannot write to standard output: it is closed\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_standard_output_is_one_line_and_exit_2(small):
    with open("/dev/full", "w") as full:
        proc = qa("lint", small, stdout=full)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "qa: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("args", [["lint", EXAMPLE], ["lint", "--format", "jsonl", EXAMPLE], ["report", EXAMPLE]])
def test_a_broken_pipe_ends_quietly_with_141(args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "qa", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    proc.stdout.close()  # the reader is gone before qa writes (as `| head -c0`)
    err = proc.stderr.read()
    assert proc.wait() == 141
    assert err == b""


def test_the_command_line_package_is_small_and_lazy():
    for module in (ROOT / "qa" / "cli").glob("*.py"):
        assert len(module.read_text(encoding="utf-8").splitlines()) <= 400, module
    code = ("import sys, qa.cli; heavy = ('jinja2', 'markupsafe', 'langdetect', 'regex', 'wordfreq', 'ftfy', "
            "'qa.rules', 'qa.reporters', 'qa.engine', 'qa.runner', 'qa.config'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.stdout == "[]\n", proc.stderr
    from qa.cli import main, run  # the entry point (pyproject: qa = "qa.cli:main")

    assert callable(main) and callable(run)
    assert qa("--version").stdout.decode().startswith("qa ")
