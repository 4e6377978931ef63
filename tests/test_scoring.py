from qa import scoring
from qa.model import Category, Finding, Severity


def _finding(sev):
    return Finding("QA501", "x", Category.STRUCTURE, "Fluency/Grammar", sev, 0, 0, 1, 1, 1, 1, 2, "x", "m")


def test_weights():
    assert [s.weight for s in (Severity.INFO, Severity.MINOR, Severity.MAJOR, Severity.CRITICAL)] == [0, 1, 5, 25]
    assert scoring.penalty([Severity.MINOR, Severity.MAJOR, Severity.CRITICAL, Severity.INFO]) == 31


def test_score_formula():
    assert scoring.score(0, 100) == 100.0
    assert scoring.score(5, 100) == 95.0
    assert scoring.score(1, 3) == 100 * (1 - 1 / 3)
    assert scoring.score(250, 100) == 0.0  # floored at zero


def test_score_without_words():
    assert scoring.score(0, 0) == 100.0
    assert scoring.score(1, 0) == 0.0


def test_pass_needs_threshold_and_no_critical():
    assert scoring.passes(95.0, [], 95.0)
    assert not scoring.passes(94.99, [], 95.0)
    assert not scoring.passes(99.0, [_finding(Severity.CRITICAL)], 95.0)
    assert scoring.passes(99.0, [_finding(Severity.MAJOR)], 95.0)


def test_severity_order_and_parse():
    assert Severity.INFO < Severity.MINOR < Severity.MAJOR < Severity.CRITICAL
    assert Severity.parse(" Major ") is Severity.MAJOR
    import pytest

    with pytest.raises(ValueError, match="expected one of"):
        Severity.parse("severe")


def test_verdict_from_counts():
    assert scoring.verdict(95.0, False, 95.0)
    assert not scoring.verdict(94.9, False, 95.0)
    assert not scoring.verdict(100.0, True, 95.0)
