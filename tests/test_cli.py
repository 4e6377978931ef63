"""The `qa lint`, `qa rules` and `qa explain` commands, run as a user runs them (subprocess)."""

import json
import os
import stat
import subprocess
import sys

import pytest

from conftest import EXAMPLE, FIXTURES, GOLD


def qa(*args, stdin=None, cwd=None):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("QA_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "qa", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
    )


def out(proc):
    return proc.stdout.decode("utf-8")


def err(proc):
    return proc.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def example_json():
    proc = qa("lint", "--format", "json", EXAMPLE)
    assert proc.returncode == 1, err(proc)
    return json.loads(out(proc))


def test_example_fails_with_dangling_postpositions_and_repeated_title():
    proc = qa("lint", EXAMPLE)
    assert proc.returncode == 1
    lines = out(proc).splitlines()
    name = str(EXAMPLE)
    for line_no in (3, 9, 13):  # paragraphs 1, 4 and 6
        assert any(l.startswith(f"{name}:{line_no}:1: QA501 [major] ") for l in lines), line_no
    assert any(l.startswith(f"{name}:23:1: QA502 [minor] paragraph repeats paragraph 0") for l in lines)
    assert lines[-1].startswith(f"{name}: score ")
    assert lines[-1].endswith(("PASS", "FAIL"))
    assert "\x1b[" not in out(proc)  # no colour when not on a terminal


def test_text_lines_are_sorted_by_position():
    proc = qa("lint", EXAMPLE)
    rows = [l.split(":") for l in out(proc).splitlines()[:-1] if ": QA" in l]
    keys = [(int(r[1]), int(r[2])) for r in rows]
    assert keys == sorted(keys)


def test_json_contract(example_json):
    (doc,) = example_json["documents"]
    assert set(doc) >= {"path", "words", "penalty", "score", "passed", "paragraphs"}
    assert len(doc["paragraphs"]) == 12
    required = {
        "rule", "name", "category", "mqm", "severity", "paragraph", "start", "end",
        "line", "column", "end_line", "end_column", "text", "message",
    }
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    findings = [f for p in doc["paragraphs"] for f in p["findings"]]
    assert findings
    for p in doc["paragraphs"]:
        assert set(p) >= {"index", "score", "words", "penalty", "findings"}
        for f in p["findings"]:
            assert required <= set(f)
            assert f["paragraph"] == p["index"]
            # line/column point at exactly the flagged text (1-based, end exclusive)
            if f["line"] == f["end_line"]:
                assert lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1] == f["text"]


def test_json_exact_spans_of_first_rules(example_json):
    findings = [f for p in example_json["documents"][0]["paragraphs"] for f in p["findings"]]
    dangling = [(f["paragraph"], f["start"], f["end"], f["text"]) for f in findings if f["rule"] == "QA501"]
    assert dangling == [(1, 0, 2, "की"), (4, 0, 2, "की"), (6, 0, 2, "के")]
    (repeat,) = [f for f in findings if f["rule"] == "QA502"]
    assert (repeat["paragraph"], repeat["start"], repeat["end"]) == (11, 0, 54)
    assert (repeat["line"], repeat["column"], repeat["end_line"], repeat["end_column"]) == (23, 1, 23, 55)
    nbsp = [f for f in findings if f["rule"] == "QA701" and f["paragraph"] == 5]
    assert (nbsp[0]["start"], nbsp[0]["end"], nbsp[0]["severity"]) == (2, 3, "info")


def test_json_is_accepted_by_the_reference_scorer(tmp_path, example_json):
    path = tmp_path / "x.json"
    path.write_text(json.dumps(example_json), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, FIXTURES / "score_findings.py", EXAMPLE, GOLD, path, "--json"], capture_output=True
    )
    assert proc.returncode == 0, proc.stderr
    res = json.loads(proc.stdout)
    assert res["findings"] > 0
    assert {"S01", "S08", "S17", "S20"}.isdisjoint(res["required"]["missed"])


def test_fail_on_and_threshold():
    clean = "पहली बैठक रोम में हुई।\n"
    assert qa("lint", "-", stdin=clean.encode()).returncode == 0
    info_only = "पहली बैठक रोम में हुई।  दूसरी बैठक भी हुई।\n"
    assert qa("lint", "-", stdin=info_only.encode()).returncode == 0
    assert qa("lint", "--fail-on", "info", "-", stdin=info_only.encode()).returncode == 1
    dangling = "की पहली बैठक रोम में हुई और सबने मिलकर बहुत सारे विषयों पर विस्तार से चर्चा की।\n"
    assert qa("lint", "-", stdin=dangling.encode()).returncode == 1
    # 18 words, one major finding: score 72.2; passes a threshold of 70 with --fail-on critical
    assert qa("lint", "--fail-on", "critical", "--threshold", "70", "-", stdin=dangling.encode()).returncode == 0
    assert qa("lint", "--fail-on", "critical", "-", stdin=dangling.encode()).returncode == 1


def test_select_and_ignore():
    proc = qa("lint", "--select", "QA501", "--format", "json", EXAMPLE)
    codes = {f["rule"] for p in json.loads(out(proc))["documents"][0]["paragraphs"] for f in p["findings"]}
    assert codes == {"QA501"}
    proc = qa("lint", "--ignore", "structure,whitespace", "--format", "json", EXAMPLE)
    cats = {f["category"] for p in json.loads(out(proc))["documents"][0]["paragraphs"] for f in p["findings"]}
    assert not cats & {"structure", "whitespace"}


def test_stdin_and_directory(tmp_path):
    proc = qa("lint", "-", stdin="की बैठक हुई।\n".encode())
    assert proc.returncode == 1 and out(proc).startswith("<stdin>:1:1: QA501")
    (tmp_path / "b.txt").write_text("की बैठक हुई।\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("बैठक हुई।\n", encoding="utf-8")
    proc = qa("lint", tmp_path)
    summary = [l for l in out(proc).splitlines() if ": score " in l]
    assert [l.split(":")[0] for l in summary] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


@pytest.mark.parametrize(
    "setup, expected",
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file or directory"),
        (lambda d: _write(d / "w.txt", "caf\xe9 ".encode("cp1252") + "’".encode("cp1252")), "w.txt: line 1: not UTF-8 (byte 0xe9 at offset 3); save it as UTF-8"),
        (lambda d: _write(d / "u.txt", "नमस्ते दुनिया".encode("utf-16")), "u.txt: is UTF-16"),
        (lambda d: _write(d / "b.txt", bytes(range(256))), "b.txt: is a binary file (NUL byte at offset 0)"),
        (lambda d: _write(d / "e.txt", b""), "e.txt: file is empty"),
        (lambda d: _mkfifo(d / "f.txt"), "f.txt: is a FIFO, not a regular file"),
        (lambda d: _mkdir(d / "empty"), "empty: directory holds no .txt file"),
    ],
    ids=["missing", "cp1252", "utf16", "binary", "empty", "fifo", "empty-dir"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, setup, expected):
    path = setup(tmp_path)
    before = path.read_bytes() if path.is_file() else None
    proc = qa("lint", path)
    assert proc.returncode == 2
    assert out(proc) == ""
    lines = err(proc).splitlines()
    assert len(lines) == 1, err(proc)
    assert expected in lines[0]
    assert "Traceback" not in err(proc)
    if before is not None:
        assert path.read_bytes() == before  # the input is never rewritten


def test_unreadable_file(tmp_path, monkeypatch):
    from qa import document
    from qa.errors import InputError

    path = _write(tmp_path / "secret.txt", "बैठक".encode())
    os.chmod(path, 0)
    if os.access(path, os.R_OK):  # root reads anything: simulate the error the OS would give
        real_open = open

        def fake_open(p, *a, **k):
            if str(p) == str(path):
                raise PermissionError(13, "Permission denied")
            return real_open(p, *a, **k)

        monkeypatch.setattr("builtins.open", fake_open)
    with pytest.raises(InputError, match="secret.txt: permission denied"):
        document.read_document(str(path))
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_usage_errors_exit_2():
    for args in (("lint", "--format", "yaml", EXAMPLE), ("lint", "--fail-on", "severe", EXAMPLE),
                 ("lint", "--select", "QA999", EXAMPLE), ("lint", "--threshold", "120", EXAMPLE),
                 ("lint",), ("explain", "QA000"), ("nosuchcommand",)):
        proc = qa(*args)
        assert proc.returncode == 2, args
        assert "Traceback" not in err(proc)


def test_rules_and_explain():
    proc = qa("rules")
    assert proc.returncode == 0
    assert any(l.startswith("QA501") and "dangling-postposition" in l for l in out(proc).splitlines())
    proc = qa("explain", "QA501")
    assert proc.returncode == 0
    text = out(proc)
    assert text.startswith("QA501 dangling-postposition")
    assert "Flags:" in text and "Passes:" in text


def test_version():
    proc = qa("--version")
    assert proc.returncode == 0 and out(proc).startswith("qa ")


def _write(path, data):
    path.write_bytes(data)
    return path


def _mkfifo(path):
    os.mkfifo(path)
    return path


def _mkdir(path):
    path.mkdir()
    return path


def test_error_quoting_a_multi_line_parser_message_stays_one_line(tmp_path):
    # expat quotes the unfinished CDATA section, line breaks and all
    bad = tmp_path / "cut.tmx"
    bad.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><body><tu><tuv xml:lang="hi"><seg><![CDATA[एक\nदो\n', encoding="utf-8")
    proc = qa("lint", bad)
    assert proc.returncode == 2
    assert len(err(proc).splitlines()) == 1, err(proc)
    assert "cut.tmx" in err(proc) and "Traceback" not in err(proc)
