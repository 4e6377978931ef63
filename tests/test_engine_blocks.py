"""The engine gives each rule a block of paragraphs in a row (``RECENT_TEXTS``): each rule still
sees every paragraph once and in order, and the findings are those of one paragraph at a time."""

import pytest

from qa import document, engine
from qa.model import Category, Severity
from qa.rules import Hit, Rule, select_rules

from conftest import EXAMPLE, FIXTURES


def _recording(code: str) -> type[Rule]:
    seen: list[int] = []

    def check(self, para):
        seen.append(para.index)
        return [Hit(para.index, 0, 1, f"{code} saw {para.index}")]

    return type(code, (Rule,), {"code": code, "name": code.lower(), "category": Category.STRUCTURE,
                                "mqm": "Style", "severity": Severity.INFO, "check": check, "seen": seen})


@pytest.mark.parametrize("paragraphs", [0, 1, engine.RECENT_TEXTS, engine.RECENT_TEXTS + 1, 3 * engine.RECENT_TEXTS - 1])
def test_every_rule_sees_every_paragraph_once_in_order(paragraphs):
    doc = document.from_text("".join(f"अनुच्छेद {i}\n\n" for i in range(paragraphs)))
    first, second = _recording("QA991"), _recording("QA992")
    result = engine.lint_document(doc, engine.Options(rules=[first, second]))
    assert first.seen == second.seen == list(range(paragraphs))
    assert [(f.paragraph, f.rule) for f in result.findings] == [(i, c) for i in range(paragraphs) for c in ("QA991", "QA992")]


def _findings(source: bool):
    target = document.read_document(str(EXAMPLE))
    hostile = document.read_document(str(FIXTURES / "hostile.hi.txt"))
    src = document.read_document(str(EXAMPLE.with_name("g7_rome_lyon_2024.it.txt"))) if source else None
    out = []
    for doc, s in ((target, src), (hostile, None)):
        result = engine.lint_document(doc, engine.Options(rules=select_rules(), source=s))
        out.append(([f.to_dict() for f in result.findings], result.score, result.passed))
    return out


@pytest.mark.parametrize("source", [False, True])
def test_findings_are_those_of_one_paragraph_at_a_time(monkeypatch, source):
    blocks = _findings(source)
    assert any(findings for findings, _, _ in blocks)
    monkeypatch.setattr(engine, "RECENT_TEXTS", 1)
    assert _findings(source) == blocks
