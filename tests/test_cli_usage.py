"""The command line as a new user meets it: usage errors on one line, output files that never
destroy an input and are written whole, directory walks that read translations only."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runqa import run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "g7_rome_lyon_2024.hi.txt"
SOURCE = ROOT / "fixtures" / "g7_rome_lyon_2024.it.txt"
CLEAN = "यह एक साफ़ अनुच्छेद है।\n"


def test_usage_error_is_one_line():
    proc = run("lint", "--bogus", EXAMPLE)
    assert (proc.returncode, proc.out) == (2, "")
    assert proc.err == "qa lint: no such option --bogus (see qa lint --help)\n"


def test_near_miss_option_is_suggested():
    proc = run("lint", "--formt", "json", EXAMPLE)
    assert proc.returncode == 2
    assert proc.err == "qa lint: no such option --formt; did you mean --format? (see qa lint --help)\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (("lint",), "qa lint: missing argument 'FILE...' (see qa lint --help)\n"),
        (("lint", "-j", "abc", "x.txt"), "qa lint: invalid value for '--jobs' / '-j': 'abc' is not a valid integer (see qa lint --help)\n"),
        (("gate", "--threshold", "abc", "x.txt"), "qa gate: invalid value for '--threshold': 'abc' is not a valid float (see qa gate --help)\n"),
        (("nosuchcommand",), "qa: no such command 'nosuchcommand' (see qa --help)\n"),
    ],
)
def test_parser_errors(args, message):
    proc = run(*args)
    assert proc.returncode == 2
    # click's wording differs a little between typer's versions ("int"/"integer")
    assert proc.err.replace("valid int ", "valid integer ") == message


def test_no_arguments_prints_help_and_exits_2():
    proc = run()
    assert proc.returncode == 2 and proc.err == ""
    assert proc.out.startswith("Usage: qa [OPTIONS] COMMAND [ARGS]...")
    assert "lint" in proc.out and "internal error" not in proc.out


def test_help_reads_cleanly():
    proc = run("lint", "--help")
    assert proc.returncode == 0
    assert "Usage: qa lint [OPTIONS] FILE...\n" in proc.out
    assert "--severity CODE=LEVEL" in proc.out and "-o, --output FILE" in proc.out
    assert "<str>" not in proc.out and "{" not in proc.out


def test_version_without_click_installed(tmp_path):
    """The bug of a bare install: typer 0.26+ does not bring click, and ``sys.exit`` travelled
    through an ``except`` clause that imported it. Hide click and run the real entry point."""
    code = "import sys; sys.modules['click'] = None; sys.argv = ['qa', '--version']; from qa.cli import main; main()"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "qa 0.1.0\n", "")


def test_output_file_gets_the_report_and_the_terminal_one_line(tmp_path):
    out = tmp_path / "x.json"
    proc = run("lint", "--no-config", "--format", "json", "-o", out, EXAMPLE)
    assert proc.returncode == 1 and proc.out == ""
    assert proc.err == f"qa: wrote {out} (78 findings, FAIL)\n"
    assert out.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
@pytest.mark.parametrize("command", ["lint", "gate", "report"])
def test_output_onto_an_input_is_refused(tmp_path, how, command):
    text = tmp_path / "c.hi.txt"
    text.write_text(CLEAN, encoding="utf-8")
    target = text
    if how == "symlink":
        target = tmp_path / "link.txt"
        target.symlink_to(text)
    elif how == "hardlink":
        target = tmp_path / "hard.txt"
        os.link(text, target)
    proc = run(command, "--no-config", text, "-o", target)
    assert proc.returncode == 2
    assert proc.err == f"qa: --output {target}: that is an input ({text}); refusing to overwrite it\n"
    assert text.read_text(encoding="utf-8") == CLEAN


def test_output_onto_the_source_or_baseline_onto_an_input_is_refused(tmp_path):
    text, source = tmp_path / "c.hi.txt", tmp_path / "c.it.txt"
    text.write_text(CLEAN, encoding="utf-8")
    source.write_text("Un paragrafo pulito.\n", encoding="utf-8")
    proc = run("lint", "--no-config", text, "--source", source, "-o", source)
    assert proc.returncode == 2 and "that is an input" in proc.err
    proc = run("lint", "--no-config", text, "--write-baseline", text)
    assert proc.returncode == 2 and proc.err.startswith("qa: --write-baseline ")
    proc = run("lint", "--no-config", "--format", "jsonl", text, "-o", text)
    assert proc.returncode == 2 and "that is an input" in proc.err
    assert text.read_text(encoding="utf-8") == CLEAN
    assert source.read_text(encoding="utf-8") == "Un paragrafo pulito.\n"


def test_empty_output_name_is_a_usage_error(tmp_path):
    proc = run("lint", "--no-config", EXAMPLE, "-o", "")
    assert (proc.returncode, proc.err) == (2, "qa: --output needs a file name\n")


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_failed_run_leaves_the_previous_output_intact(tmp_path, fmt):
    out = tmp_path / "prev.json"
    out.write_text("previous report\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken\x00")
    proc = run("lint", "--no-config", "--format", fmt, "-o", out, EXAMPLE, bad)
    assert proc.returncode == 2 and len(proc.err.splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".qa-")] == []


def test_directory_walk_skips_gold_annotations(tmp_path):
    (tmp_path / "a.hi.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "a.gold.jsonl").write_text('{"id": "G1", "start": 0}\n', encoding="utf-8")
    proc = run("lint", "--no-config", tmp_path)
    assert proc.returncode == 0, proc.err
    assert proc.err == f"qa: skipped {tmp_path / 'a.gold.jsonl'} (gold annotations, not a translation)\n"
    proc = run("lint", "--no-config", tmp_path / "a.gold.jsonl")  # named: fails loudly
    assert proc.returncode == 2 and 'has no "target"' in proc.err


def test_glossary_check_rejects_what_is_not_a_glossary(tmp_path):
    proc = run("glossary", "check", ROOT / "glossaries" / "organisations.tsv", ROOT / "README.md", EXAMPLE)
    assert proc.returncode == 2
    lines = proc.err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{ROOT / 'README.md'}:") and ": not a glossary: expected a tab-separated header" in lines[0]
    assert lines[1].startswith(f"{EXAMPLE}:1: not a glossary")
    proc = run("glossary", "check", *sorted((ROOT / "glossaries").glob("*.tsv")))
    assert proc.returncode == 0 and proc.out.endswith("glossary file(s): no problems\n")


def test_control_characters_in_a_file_name_are_printed_escaped(tmp_path):
    path = tmp_path / "evil\n\x1b[31mname.txt"
    path.write_text("की बैठक हुई।\n", encoding="utf-8")
    proc = run("lint", "--no-config", path)
    assert proc.returncode == 1
    lines = proc.out.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{tmp_path}/evil\\n\\x1b[31mname.txt:") for line in lines)
    assert "\x1b" not in proc.out
    proc = run("lint", "--no-config", tmp_path / "gone\x1b.txt")
    assert proc.returncode == 2 and proc.err.endswith("gone\\x1b.txt: no such file or directory\n")


def test_standard_input_once_and_some_rule_selected(tmp_path):
    proc = run("lint", "--no-config", "-", "-", stdin="बैठक हुई।\n")
    assert (proc.returncode, proc.err) == (2, "qa: - (standard input) can be read only once\n")
    (tmp_path / "qa.toml").write_text('ignore = ["QA"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("बैठक हुई।\n", encoding="utf-8")
    proc = run("gate", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.err.splitlines() == [
        f"qa: settings from {tmp_path / 'qa.toml'}",
        f"qa: no rule is selected for a.txt (settings from {tmp_path / 'qa.toml'}): nothing would be checked",
    ]
    proc = run("lint", "--config", tmp_path, "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.err.endswith("is a directory; --config takes a qa.toml or pyproject.toml file\n")
