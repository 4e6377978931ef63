"""The glossary rules on a table of behaviour cases (tests/data/glossary_cases.tsv): right and
wrong expansions, Italian acronyms in both scripts, letter-name spellings, inflected names,
literal translations of Italian names, false friends, clean texts naming many bodies, with and
without an Italian source. Each case is one test; the last test reports recall and the share of
clean cases with a false alarm (targets: recall >= 0.9, false alarms <= 5 %)."""

from pathlib import Path

import pytest

from qa.document import from_text
from qa.engine import Options, lint_document
from qa.model import Severity
from qa.resources import read_tsv
from qa.rules import select_rules

CASES = read_tsv(Path(__file__).parent / "data" / "glossary_cases.tsv", required=("id", "expect", "text"))
RULES = ("QA550", "QA601", "QA602", "QA603", "QA650")
_RANK = {Severity.INFO: 0, Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


def _findings(case):
    source = case.get("source") or None
    opts = Options(rules=select_rules(list(RULES)), source=from_text(source) if source else None)
    return [f for f in lint_document(from_text(case["text"]), opts).findings if _RANK.get(f.severity, 1) >= 1]


def _passes(case) -> bool:
    found = _findings(case)
    if case["expect"] == "clean":
        return not found
    hits = [f for f in found if f.rule == case["expect"]]
    if case.get("span"):
        hits = [f for f in hits if f.text == case["span"]]
    return bool(hits)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    found = [(f.rule, f.text, f.severity.value, f.message) for f in _findings(case)]
    assert _passes(case), f"{case['category']}: expected {case['expect']} {case.get('span', '')!r}; found {found}"


def test_recall_and_false_alarms():
    defects = [c for c in CASES if c["expect"] != "clean"]
    clean = [c for c in CASES if c["expect"] == "clean"]
    assert len(CASES) >= 120
    recall = sum(map(_passes, defects)) / len(defects)
    alarms = sum(not _passes(c) for c in clean) / len(clean)
    print(f"glossary cases: {len(defects)} defects, recall {recall:.2f}; {len(clean)} clean, false alarms {alarms:.1%}")
    assert recall >= 0.9 and alarms <= 0.05
