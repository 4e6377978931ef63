"""The Python API: qa.lint_text and qa.lint_records return plain dataclasses."""

import dataclasses
import subprocess
import sys
from collections import namedtuple

import pytest

import qa
from qa.api import Issue, RecordResult, TextResult
from qa.errors import InputError, QAError

from conftest import EXAMPLE, SOURCE


def test_import_qa_stays_cheap():
    code = "import sys, qa; print('qa.api' in sys.modules, 'qa.engine' in sys.modules); qa.lint_text; print('qa.api' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "True"]


def test_lint_text_matches_the_cli_run():
    text = EXAMPLE.read_text(encoding="utf-8")
    result = qa.lint_text(text, source=SOURCE.read_text(encoding="utf-8"))
    assert isinstance(result, TextResult) and dataclasses.is_dataclass(result)
    proc = subprocess.run(
        [sys.executable, "-m", "qa", "lint", "--format", "json", "--no-config", "--source", SOURCE, EXAMPLE],
        capture_output=True, text=True,
    )
    import json

    doc = json.loads(proc.stdout)["documents"][0]
    assert result.score == doc["score"] and result.passed == doc["passed"] and result.words == doc["words"]
    assert [dataclasses.asdict(i) for i in result.findings] == [
        {**{k: None for k in ("suggestion", "unit")}, **f} for p in doc["paragraphs"] for f in p["findings"]
    ]
    assert [p.score for p in result.paragraphs] == [p["score"] for p in doc["paragraphs"]]
    assert all(isinstance(i.severity, str) and isinstance(i.category, str) for i in result.findings)


def test_lint_text_with_config_mapping():
    result = qa.lint_text("की बैठक  हुई।", config={"select": ["QA5"], "threshold": 0})
    assert [(i.rule, i.text, i.line, i.column) for i in result.findings] == [("QA501", "की", 1, 1)]
    assert result.threshold == 0 and result.passed is True
    with pytest.raises(QAError):
        qa.lint_text("x", config={"no-such-key": 1})
    with pytest.raises(QAError):
        qa.lint_text(b"bytes")


Row = namedtuple("Row", "id target source")


def test_lint_records_takes_mappings_tuples_and_objects():
    results = qa.lint_records(
        [
            {"id": "a", "target": "बैठक रोम में हुई।", "source": "La riunione si è tenuta a Roma."},
            ("b", "की बैठक हुई।"),
            Row(3, "बैठक  हुई।", None),
        ]
    )
    assert [type(r) for r in results] == [RecordResult] * 3
    assert [r.id for r in results] == ["a", "b", "3"]
    assert results[0].findings == () and results[0].score == 100.0
    issue = results[1].findings[0]
    assert isinstance(issue, Issue)
    assert (issue.rule, issue.unit, issue.paragraph, issue.start, issue.end, issue.line) == ("QA501", "b", 1, 0, 2, 2)
    assert [i.rule for i in results[2].findings] == ["QA702"]
    assert results[1].score < 100 and results[1].penalty == 5


def test_records_of_one_call_are_one_document():
    lines = [l.strip() for l in EXAMPLE.read_text(encoding="utf-8").splitlines() if l.strip()]
    records = [{"id": i, "target": t} for i, t in enumerate(lines + [f"अनुच्छेद {k} यहाँ है।" for k in range(3000)] + lines[:1])]
    results = qa.lint_records(records)
    repeats = [r.id for r in results for i in r.findings if i.rule == "QA502"]
    assert repeats[-1] == str(len(records) - 1)  # the first paragraph, 3,000 records later


@pytest.mark.parametrize(
    "record, message",
    [({"id": "x"}, 'record 1: needs an "id" and a "target"'), (("x",), "record 1: a tuple must be"),
     ({"id": "x", "target": "t", "source": 1}, 'record 1: "source" must be a string')],
)
def test_bad_records(record, message):
    with pytest.raises(InputError, match=message):
        qa.lint_records([record])


def test_window_setting_reaches_the_rules_through_the_api():
    """The window setting used to be dropped between settings and options (window 40 always)."""
    text = "G7 देशों की बैठक।\n\n" + "बैठक हुई।\n\n" * 60 + "जी7 देशों ने कहा।\n"
    narrow = qa.lint_text(text, config={"select": ["QA550"]})
    assert narrow.findings == ()
    whole = qa.lint_text(text, config={"select": ["QA550"], "window": 0})
    assert [(f.rule, f.paragraph, f.text) for f in whole.findings] == [("QA550", 61, "जी7")]
