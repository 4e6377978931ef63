"""The rule registry's invariants, and every rule against its own documented examples."""

import re

import pytest

from qa.document import from_text
from qa.engine import Options, lint_document
from qa.errors import UsageError
from qa.model import Category, Severity
from qa.rules import all_rules, get_rule, select_rules

RULES = all_rules()


def test_codes_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"QA\d{3}", c) for c in codes)


def test_names_are_unique_kebab_case():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in names)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata(rule):
    assert isinstance(rule.category, Category)
    assert isinstance(rule.severity, Severity)
    assert re.fullmatch(r"[A-Z][A-Za-z ]+(/[A-Z][A-Za-z ]+)+", rule.mqm), rule.mqm
    assert rule.summary(), "the docstring's first line is the summary"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_failing_and_passing_examples(rule):
    flags, passes = rule.examples()
    assert flags, f"{rule.code} documents no example it flags"
    assert passes, f"{rule.code} documents no example it passes"


def _codes(text, rule):
    source = None
    if " ⟶ " in text:  # a source-aware rule's example: "source ⟶ translation"
        src, text = text.split(" ⟶ ", 1)
        source = from_text(src)
    result = lint_document(from_text(text), Options(rules=[rule], source=source))
    return [f.rule for f in result.findings]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_flags_its_failing_examples(rule):
    for example in rule.examples()[0]:
        assert rule.code in _codes(example, rule), f"{rule.code} missed its own example {example!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_passes_its_passing_examples(rule):
    for example in rule.examples()[1]:
        assert _codes(example, rule) == [], f"{rule.code} flagged its passing example {example!r}"


def test_select_by_code_prefix_category_and_name():
    assert [r.code for r in select_rules(["QA501"])] == ["QA501"]
    assert {r.code for r in select_rules(["QA70"])} >= {"QA701", "QA702", "QA703"}
    assert all(r.category is Category.WHITESPACE for r in select_rules(["whitespace"]))
    assert [r.code for r in select_rules(["repeated-paragraph"])] == ["QA502"]


def test_ignore_removes_rules():
    chosen = {r.code for r in select_rules(None, ["whitespace", "QA502"])}
    assert "QA502" not in chosen and "QA701" not in chosen and "QA501" in chosen


def test_unknown_selector_is_a_usage_error():
    with pytest.raises(UsageError, match="QA999"):
        select_rules(["QA999"])
    with pytest.raises(UsageError, match="nonsense"):
        select_rules(None, ["nonsense"])


def test_get_rule_by_code_or_name():
    assert get_rule("qa501").name == "dangling-postposition"
    assert get_rule("dangling-postposition").code == "QA501"
    with pytest.raises(UsageError):
        get_rule("QA000")


def test_rule_reference_lists_every_rule():
    from conftest import ROOT

    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| {rule.name} | {rule.category.value} | {rule.severity.value} |" in reference, rule.code
        assert f"## {rule.code} {rule.name}\n" in reference, rule.code
