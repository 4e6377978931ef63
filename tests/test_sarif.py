"""SARIF 2.1.0: valid against the official OASIS schema (fixtures/schemas), rules described in
tool.driver.rules, code-point columns, stable partialFingerprints."""

import json

import jsonschema
import pytest

from conftest import EXAMPLE, FIXTURES, ROOT
from runqa import run

SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
HOSTILE = FIXTURES / "hostile.hi.txt"


def sarif(*args, cwd=None):
    proc = run("gate", "--no-config", "--format", "sarif", *args, cwd=cwd or ROOT)
    assert proc.returncode in (0, 1), proc.err
    return json.loads(proc.out)


def lint_json(*args):
    return json.loads(run("lint", "--no-config", "--format", "json", *args).out)


def validate(log):
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


@pytest.fixture(scope="module")
def example():
    return sarif(EXAMPLE)


def test_example_validates_against_the_official_schema(example):
    assert example["version"] == "2.1.0" and example["$schema"].endswith("sarif-schema-2.1.0.json")
    validate(example)


def test_the_schema_would_catch_a_broken_log(example):
    broken = json.loads(json.dumps(example))
    broken["runs"][0]["columnKind"] = "characters"
    del broken["runs"][0]["results"][0]["message"]
    assert len(list(jsonschema.Draft4Validator(SCHEMA).iter_errors(broken))) == 2


def test_hostile_and_several_documents_validate(tmp_path):
    log = sarif(EXAMPLE, HOSTILE)
    validate(log)
    # paths below the working directory become relative URIs (as code scanning wants them)
    assert [a["location"]["uri"] for a in log["runs"][0]["artifacts"]] == [
        "fixtures/g7_rome_lyon_2024.hi.txt", "fixtures/hostile.hi.txt"
    ]
    # elsewhere: an absolute file URI, percent-encoded
    odd = tmp_path / "a b#1.txt"
    odd.write_text("की बैठक हुई।\n", encoding="utf-8")
    log = sarif(odd)
    validate(log)
    assert log["runs"][0]["artifacts"][0]["location"]["uri"] == odd.as_uri()
    assert "%20" in odd.as_uri() and "%231" in odd.as_uri()


def test_rules_results_and_regions(example):
    run_ = example["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)) and "QA501" in ids
    qa501 = rules[ids.index("QA501")]
    assert qa501["name"] == "dangling-postposition"
    assert qa501["shortDescription"]["text"] and qa501["properties"]["category"] == "structure"
    assert qa501["defaultConfiguration"]["level"] == "error"

    expected = [f for p in lint_json(EXAMPLE)["documents"][0]["paragraphs"] for f in p["findings"]]
    results = run_["results"]
    assert len(results) == len(expected) > 0
    got = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
         r["locations"][0]["physicalLocation"]["region"]["startColumn"],
         r["locations"][0]["physicalLocation"]["region"]["endLine"],
         r["locations"][0]["physicalLocation"]["region"]["endColumn"],
         r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text", ""))
        for r in results
    }
    assert got == {(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["text"]) for f in expected}
    levels = {"critical": "error", "major": "error", "minor": "warning", "info": "note"}
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] == levels[r["properties"]["severity"]]
        assert r["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "fixtures/g7_rome_lyon_2024.hi.txt", "index": 0}
    # the first dangling postposition: paragraph 1, line 3, “की” = columns 1..3 (end exclusive)
    first = [r for r in results if r["ruleId"] == "QA501"][0]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"], region["snippet"]["text"]) == (3, 1, 3, "की")


def test_columns_count_code_points_not_utf16_units(tmp_path):
    # U+1D400 (one code point, two UTF-16 units) before a doubled space
    doc = tmp_path / "astral.txt"
    doc.write_text("\U0001d400 बैठक  हुई।\n", encoding="utf-8")
    [result] = [r for r in sarif("--select", "QA702", doc)["runs"][0]["results"]]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (7, 9)


def fingerprints(log):
    return [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text"),
         r["partialFingerprints"]["qaFinding/v1"])
        for r in log["runs"][0]["results"]
    ]


def test_fingerprints_are_unique_and_stable(tmp_path, example):
    prints = [fp for _, _, fp in fingerprints(example)]
    assert len(prints) == len(set(prints))
    assert fingerprints(sarif(EXAMPLE)) == fingerprints(example)  # deterministic
    # a new paragraph on top and re-wrapped whitespace move every line, not the fingerprints
    text = EXAMPLE.read_text(encoding="utf-8")
    moved = tmp_path / "moved.hi.txt"
    moved.write_text("यह एक नया अनुच्छेद है जो ऊपर जोड़ा गया।\n\n" + text.replace("\n\n", "\n\n\n"), encoding="utf-8")
    before = {fp for _, _, fp in fingerprints(example)}
    after_log = sarif(moved)
    after = {fp for _, _, fp in fingerprints(after_log)}
    assert before <= after
    lines_before = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in example["runs"][0]["results"]}
    lines_after = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after_log["runs"][0]["results"]}
    assert lines_before != lines_after


def test_fingerprint_changes_when_the_paragraph_words_change(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("की बैठक रोम में हुई।\n", encoding="utf-8")
    [(_, _, one)] = fingerprints(sarif("--select", "QA501", doc))
    doc.write_text("की बैठक मिलान में हुई।\n", encoding="utf-8")
    [(_, _, two)] = fingerprints(sarif("--select", "QA501", doc))
    assert one != two


def test_lint_has_the_format_too():
    proc = run("lint", "--no-config", "--format", "sarif", EXAMPLE, cwd=ROOT)
    assert proc.returncode == 1
    validate(json.loads(proc.out))
