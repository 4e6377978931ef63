"""MQM 2.0 raw quality scoring: pure functions, no I/O.

penalty = sum of severity weights (info 0, minor 1, major 5, critical 25)
score   = max(0, 100 × (1 − penalty / words))
A document passes when its score ≥ the threshold and it has no critical finding.
"""

from __future__ import annotations

from typing import Iterable

from .model import Finding, Severity

DEFAULT_THRESHOLD = 95.0


def penalty(severities: Iterable[Severity]) -> int:
    return sum(s.weight for s in severities)


def score(penalty_points: int, words: int) -> float:
    """Raw MQM quality score on 0..100. No words: 100 without penalty, 0 with any."""
    if words <= 0:
        return 100.0 if penalty_points == 0 else 0.0
    return max(0.0, 100.0 * (1.0 - penalty_points / words))


def verdict(doc_score: float, has_critical: bool, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """Pass: a score at or above the threshold and no critical finding."""
    return not has_critical and doc_score >= threshold


def passes(doc_score: float, findings: Iterable[Finding], threshold: float = DEFAULT_THRESHOLD) -> bool:
    return verdict(doc_score, any(f.severity is Severity.CRITICAL for f in findings), threshold)
