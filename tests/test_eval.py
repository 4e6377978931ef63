"""`qa eval`: scoring against gold annotations, in agreement with fixtures/score_findings.py."""

import json
import os
import subprocess
import sys

import pytest

from qa import evaluation
from qa.document import from_text, read_document
from qa.engine import Options, lint_document
from qa.errors import InputError
from qa.reporters.json import render
from qa.rules import select_rules

from conftest import EXAMPLE, FIXTURES, GOLD

SCORER = FIXTURES / "score_findings.py"


def qa(*args):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("QA_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "qa", *map(str, args)], capture_output=True, env=env, text=True)


def score_findings(doc, gold, findings_json, *flags):
    proc = subprocess.run([sys.executable, str(SCORER), str(doc), str(gold), str(findings_json), "--json", *flags],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def assert_agree(ours: dict, theirs: dict) -> None:
    for key in ("recall", "recall_any_category", "precision", "findings", "false_positives"):
        assert ours[key] == theirs[key], key
    for level in ("required", "stretch"):
        for key in ("items", "found", "found_any_category", "missed"):
            assert ours[level][key] == theirs[level][key], (level, key)


def lint_json(doc_path, tmp_path):
    result = lint_document(read_document(str(doc_path)), Options(rules=select_rules()))
    out = tmp_path / "findings.json"
    out.write_text(render([result]), encoding="utf-8")
    return out


@pytest.mark.parametrize("flags", [(), ("--count-info",)])
def test_agrees_with_score_findings_on_the_example(tmp_path, flags):
    findings = lint_json(EXAMPLE, tmp_path)
    theirs = score_findings(EXAMPLE, GOLD, findings, *flags)
    ours = evaluation.evaluate(str(EXAMPLE), str(GOLD), Options(rules=select_rules()), count_info=bool(flags))
    assert_agree(ours, theirs)
    assert len(ours["false_alarms"]) == theirs["false_positives"]
    # scoring the same findings file gives the same numbers as running the checker
    again = evaluation.evaluate(str(EXAMPLE), str(GOLD), None, count_info=bool(flags), findings_path=str(findings))
    assert_agree(again, theirs)


def test_cli_last_line_is_score_findings_last_line(tmp_path):
    findings = lint_json(EXAMPLE, tmp_path)
    theirs = subprocess.run([sys.executable, str(SCORER), str(EXAMPLE), str(GOLD), str(findings)],
                            capture_output=True, text=True).stdout.splitlines()[-1]
    proc = qa("eval", EXAMPLE, GOLD)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == theirs
    assert proc.stdout.splitlines()[0].startswith("required: ")


def test_cli_json_report(tmp_path):
    proc = qa("eval", "--format", "json", EXAMPLE, GOLD)
    assert proc.returncode == 0, proc.stderr
    rep = json.loads(proc.stdout)
    assert rep["required"]["items"] == 24 and rep["stretch"]["items"] == 3
    assert {"by_category", "by_rule", "missed_items", "false_alarms", "recall", "precision"} <= set(rep)
    assert rep["by_category"]["structure"]["items"] == 4  # S01 S08 S17 S20 (first listed category)
    missed = {m["id"] for m in rep["missed_items"]}
    assert missed == set(rep["required"]["missed"]) | set(rep["stretch"]["missed"])


# -- scoring rules, on a hand-made document ------------------------------------------------------

DOC = "पहला अनुच्छेद al traffico di यहाँ।\n\nदूसरा\u00a0अनुच्छेद की की बात।\n\nतीसरा ( अनुच्छेद।\n"


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def finding(line, needle, category, severity="major", rule="QA999", occurrence=1, width=None):
    """A finding on ``needle`` (its ``occurrence``) of document line ``line``; ``width`` cuts it."""
    body = DOC.split("\n")[line - 1]
    at = -1
    for _ in range(occurrence):
        at = body.index(needle, at + 1)
    end = at + (len(needle) if width is None else width)
    return {"rule": rule, "category": category, "severity": severity, "line": line, "column": at + 1,
            "end_line": line, "end_column": end + 1, "text": body[at:end]}


def run_both(tmp_path, gold_items, findings, *flags):
    doc = write(tmp_path, "d.hi.txt", DOC)
    gold = write(tmp_path, "d.gold.jsonl", "\n".join(json.dumps(g, ensure_ascii=False) for g in gold_items) + "\n")
    fj = write(tmp_path, "f.json", json.dumps({"findings": findings}))
    ours = evaluation.evaluate(str(doc), str(gold), None, count_info=bool(flags), findings_path=str(fj))
    assert_agree(ours, score_findings(doc, gold, fj, *flags))
    return ours


GOLD_ITEMS = [
    {"id": "U", "para": 0, "text": "al traffico di", "categories": ["untranslated"], "level": "required"},
    {"id": "K2", "para": 1, "text": "की", "occurrence": 2, "categories": ["spelling"], "level": "required"},
    {"id": "NB", "para": 1, "text": "दूसरा अनुच्छेद", "categories": ["whitespace"], "level": "stretch"},
    {"id": "A", "any_of": [{"para": 2, "text": "("}, {"para": 0, "text": "यहाँ"}],
     "categories": ["punctuation"], "level": "required"},
    {"id": "W", "para": "*", "categories": ["locale"], "level": "tolerated"},
]


def test_span_overlap_and_category(tmp_path):
    found = [
        finding(1, "al", "untranslated"),  # overlaps U, right category
        finding(3, "की", "spelling"),  # the first की: overlaps nothing
        finding(3, "की", "punctuation", occurrence=2),  # K2 with a wrong category: any category only
    ]
    rep = run_both(tmp_path, GOLD_ITEMS, found)
    assert rep["required"]["found"] == 1 and rep["required"]["found_any_category"] == 2
    assert rep["required"]["missed"] == ["K2", "A"]
    assert rep["false_positives"] == 1 and rep["precision"] == round(2 / 3, 3)
    k2 = next(m for m in rep["missed_items"] if m["id"] == "K2")
    assert k2["found_as"] == ["QA999 punctuation"] and k2["text"] == "की"


def test_any_of_wildcard_nbsp_and_zero_width(tmp_path):
    found = [
        finding(1, "यहाँ", "punctuation"),  # the second place of A
        finding(3, "बात", "locale"),  # overlaps nothing, but a wildcard's category: true positive
        finding(3, "बात", "whitespace"),  # not a wildcard category: false alarm
        finding(5, "(", "punctuation", width=0),  # zero-width, at the start of "(": a hit
        finding(1, "पहला", "structure"),  # a false alarm
        finding(3, "दूसरा\u00a0अनुच्छेद", "whitespace"),  # no-break space vs a plain one in gold: stretch found
    ]
    rep = run_both(tmp_path, GOLD_ITEMS, found)
    assert rep["required"]["found"] == 1 and rep["required"]["missed"] == ["U", "K2"]
    assert rep["stretch"]["found"] == 1
    assert rep["findings"] == 6 and rep["false_positives"] == 2
    assert [f["category"] for f in rep["false_alarms"]] == ["whitespace", "structure"]


def test_info_findings_are_left_out_unless_counted(tmp_path):
    found = [finding(1, "al", "untranslated", severity="info")]
    assert run_both(tmp_path, GOLD_ITEMS, found)["findings"] == 0
    rep = run_both(tmp_path, GOLD_ITEMS, found, "--count-info")
    assert rep["findings"] == 1 and rep["required"]["found"] == 1


def test_per_category_table(tmp_path):
    found = [finding(1, "al", "untranslated"), finding(5, "तीसरा", "untranslated")]
    rep = run_both(tmp_path, GOLD_ITEMS, found)
    table = rep["by_category"]
    assert table["untranslated"] == {"items": 1, "found": 1, "found_any_category": 1, "findings": 2,
                                     "true_positives": 1, "recall": 1.0, "precision": 0.5}
    assert table["punctuation"]["items"] == 1 and table["punctuation"]["findings"] == 0
    assert rep["by_rule"]["QA999"]["findings"] == 2


@pytest.mark.parametrize("line,problem", [
    ('{"id":"x","para":0,"text":"nowhere","categories":["spelling"],"level":"required"}', "not found in paragraph 0"),
    ('{"id":"x","para":9,"text":"की","categories":["spelling"],"level":"required"}', "out of range"),
    ('{"id":"x","para":1,"text":"की","occurrence":3,"categories":["spelling"],"level":"required"}', "occurrence 3"),
    ('{"id":"x","para":0,"text":"al","categories":["grammar"],"level":"required"}', "unknown categories grammar"),
    ('{"id":"x","para":0,"text":"al","categories":["spelling"],"level":"must"}', "level 'must'"),
    ('{"id":"x","para":0,"text":"al","level":"required"}', "needs categories"),
    ("{not json", "not JSON"),
])
def test_bad_gold_is_one_line_naming_the_line(tmp_path, line, problem):
    doc = from_text(DOC, "d.hi.txt")
    gold = write(tmp_path, "g.jsonl", "\n" + line + "\n")
    with pytest.raises(InputError) as exc:
        evaluation.load_gold(gold, doc)
    assert f"{gold}: line 2: " in str(exc.value) and problem in str(exc.value)
    if "not found" in problem:  # the command: exit 2, one line, no traceback
        proc = qa("eval", write(tmp_path, "d.hi.txt", DOC), gold)
        assert proc.returncode == 2 and proc.stdout == ""
        assert len(proc.stderr.splitlines()) == 1 and problem in proc.stderr


def test_duplicate_ids_are_rejected(tmp_path):
    item = '{"id":"x","para":0,"text":"al","categories":["spelling"],"level":"required"}'
    gold = write(tmp_path, "g.jsonl", item + "\n" + item + "\n")
    with pytest.raises(InputError, match="line 2: id 'x' is used twice"):
        evaluation.load_gold(gold, from_text(DOC))


# -- the command ---------------------------------------------------------------------------------


def test_directory_of_pairs_and_totals(tmp_path):
    sets = tmp_path / "set"
    sets.mkdir()
    for name in ("a", "b"):
        (sets / f"{name}.hi.txt").write_bytes(EXAMPLE.read_bytes())
        (sets / f"{name}.gold.jsonl").write_bytes(GOLD.read_bytes())
    (sets / "lonely.hi.txt").write_bytes(EXAMPLE.read_bytes())  # no gold: not a pair
    assert [p[0] for p in evaluation.find_pairs(sets)] == [str(sets / "a.hi.txt"), str(sets / "b.hi.txt")]
    one = json.loads(qa("eval", "--format", "json", EXAMPLE, GOLD).stdout)
    proc = qa("eval", "--format", "json", sets)
    assert proc.returncode == 0, proc.stderr
    rep = json.loads(proc.stdout)
    assert len(rep["documents"]) == 2
    assert rep["total"]["required"]["items"] == 2 * one["required"]["items"]
    assert rep["total"]["findings"] == 2 * one["findings"]
    assert rep["total"]["recall"] == one["recall"] and rep["total"]["precision"] == one["precision"]
    text = qa("eval", sets).stdout
    assert text.splitlines()[0].startswith(f"{sets / 'a.hi.txt'}: required ")


@pytest.mark.parametrize("args,problem", [
    (["eval", EXAMPLE], "qa eval takes DOC GOLD"),
    (["eval", EXAMPLE, GOLD, GOLD], "qa eval takes DOC GOLD"),
    (["eval", "--format", "xml", EXAMPLE, GOLD], "--format 'xml'"),
    (["eval", FIXTURES / "ntrex"], "holds no X.hi.txt + X.gold.jsonl pair"),
    (["eval", FIXTURES / "missing.hi.txt", GOLD], "no such file"),
])
def test_usage_errors(args, problem):
    proc = qa(*args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and problem in proc.stderr


def test_min_recall_and_precision_gate():
    assert qa("eval", "--min-recall", "0", "--min-precision", "0", EXAMPLE, GOLD).returncode == 0
    assert qa("eval", "--min-recall", "1.01", EXAMPLE, GOLD).returncode == 1


def test_eval_reads_the_configuration_file(tmp_path):
    """qa eval used to ignore qa.toml: it judged other rules than `qa lint` runs."""
    from runqa import run

    (tmp_path / "qa.toml").write_text('select = ["QA701"]\n', encoding="utf-8")
    configured = json.loads(run("eval", EXAMPLE, GOLD, "--format", "json", "--count-info", cwd=tmp_path).out)
    assert configured["findings"] > 0 and set(configured["by_rule"]) == {"QA701"}
    plain = json.loads(run("eval", EXAMPLE, GOLD, "--format", "json", "--no-config", cwd=tmp_path).out)
    assert plain["recall"] == 1.0 and len(plain["by_rule"]) > 5
