"""JSON Lines input (records with id, target and optional source) and the jsonl output format."""

import json
import subprocess
import sys

import pytest

from qa.document import read_document
from qa.errors import InputError
from qa.formats import read_inputs

from conftest import EXAMPLE, SOURCE


def qa(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "qa", *map(str, args)], capture_output=True, text=True, input=stdin)


def example_records():
    hi = read_document(str(EXAMPLE)).paragraphs
    it = read_document(str(SOURCE)).paragraphs
    return [
        {"id": f"para-{i}", "target": p.text, **({"source": it[i].text} if i < len(it) else {})}
        for i, p in enumerate(hi)
    ]


def write(path, records, blank_after=None):
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    if blank_after is not None:
        lines.insert(blank_after, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_records_become_paragraphs_with_their_ids_and_sources(tmp_path):
    path = write(tmp_path / "x.jsonl", example_records(), blank_after=2)
    doc, source = read_inputs(str(path))
    assert [p.unit for p in doc.paragraphs] == [f"para-{i}" for i in range(12)]
    assert [p.line for p in doc.paragraphs] == [1, 2] + list(range(4, 14))  # the blank line 3 is skipped
    assert [p.text for p in source.paragraphs] == [p.text for p in read_document(str(SOURCE)).paragraphs]


def test_jsonl_finds_what_the_text_run_finds_and_names_units(tmp_path):
    path = write(tmp_path / "x.jsonl", [{k: v for k, v in r.items() if k != "source"} for r in example_records()])
    text = json.loads(qa("lint", "--format", "json", EXAMPLE).stdout)["documents"][0]
    proc = qa("lint", "--format", "json", path)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)["documents"][0]
    key = lambda f: (f["rule"], f["paragraph"], f["start"], f["end"])
    assert sorted(key(f) for p in doc["paragraphs"] for f in p["findings"]) == sorted(
        key(f) for p in text["paragraphs"] for f in p["findings"]
    )
    lines = path.read_text(encoding="utf-8").split("\n")
    for p in doc["paragraphs"]:
        for f in p["findings"]:
            assert f["unit"] == f"para-{f['paragraph']}" and f["line"] == f["paragraph"] + 1
            # the column is where the character is written on the record's line
            raw = lines[f["line"] - 1]
            assert raw[f["column"] - 1] == f["text"][0] or raw[f["column"] - 1] == "\\"


def test_jsonl_output_streams_one_object_per_finding_then_the_document(tmp_path):
    path = write(tmp_path / "x.jsonl", example_records())
    proc = qa("lint", "--format", "jsonl", path)
    assert proc.returncode == 1 and proc.stderr == ""
    objs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["type"] for o in objs] == ["finding"] * (len(objs) - 1) + ["document"]
    summary = objs[-1]
    assert summary["findings"] == len(objs) - 1 and summary["paragraphs"] == 12
    json_run = json.loads(qa("lint", "--format", "json", path).stdout)["documents"][0]
    assert (summary["score"], summary["words"], summary["penalty"], summary["passed"]) == (
        json_run["score"], json_run["words"], json_run["penalty"], json_run["passed"]
    )
    assert [{k: v for k, v in o.items() if k not in ("type", "path")} for o in objs[:-1]] == [
        f for p in json_run["paragraphs"] for f in p["findings"]
    ]
    assert qa("lint", "--format", "jsonl", "--fail-on", "none", "--threshold", "0", path).returncode == 0


def test_input_format_option_overrides_the_extension(tmp_path):
    path = write(tmp_path / "records.txt", [{"id": 7, "target": "की बैठक हुई।"}])
    as_text = qa("lint", "--select", "QA501", path)
    assert "QA501" not in as_text.stdout  # read as text, the line starts with {"id"
    proc = qa("lint", "--input-format", "jsonl", "--select", "QA501", "--format", "jsonl", path)
    first = json.loads(proc.stdout.splitlines()[0])
    assert (first["rule"], first["unit"], first["line"], first["column"]) == ("QA501", "7", 1, 22)  # the column of की on the line
    bad = qa("lint", "--input-format", "docx", path)
    assert bad.returncode == 2 and "--input-format 'docx' is not one of" in bad.stderr


@pytest.mark.parametrize(
    "content, expected",
    [
        ('{"id": 1, "target": "ठीक"}\n{"id": 2, "target": "टूटा"\n', "x.jsonl: line 2: not valid JSON"),
        ('{"id": 1, "target": "ठीक"}\n\n["id", "target"]\n', "x.jsonl: line 3: a record must be a JSON object"),
        ('{"target": "ठीक"}\n', 'x.jsonl: line 1: the record has no "id"'),
        ('{"id": 1}\n', 'x.jsonl: line 1: the record has no "target"'),
        ('{"id": 1, "target": 5}\n', 'x.jsonl: line 1: "target" must be a string'),
        ('{"id": 1, "target": "ठीक", "source": 3}\n', 'x.jsonl: line 1: "source" must be a string or null'),
        ("\n\n", "x.jsonl: holds only whitespace"),
    ],
)
def test_malformed_jsonl_is_one_line_naming_file_and_line(tmp_path, content, expected):
    path = tmp_path / "x.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_inputs(str(path))
    assert expected in str(info.value)
    proc = qa("lint", "--format", "jsonl", path)  # streamed: the same line
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and expected in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_streamed_jsonl_reports_bad_utf8_with_line_and_offset(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"id": 1, "target": "ok"}\n{"id": 2, "target": "caf\xe9"}\n')
    proc = qa("lint", "--format", "jsonl", path)
    assert proc.returncode == 2 and "x.jsonl: line 2: not UTF-8 (byte 0xe9 at offset 50)" in proc.stderr
