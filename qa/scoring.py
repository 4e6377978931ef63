"""MQM 2.0 raw quality scoring: pure functions, no I/O. The only place that decides a score, its
rounding and pass or fail; the engine, the baseline, the CLI and the reporters ask here.

penalty = sum of severity weights (info 0, minor 1, major 5, critical 25)
score   = max(0, 100 × (1 − penalty / words)), reported to two decimals
A document (or paragraph) passes when its score ≥ the threshold and it has no critical finding.
A run of ``qa lint`` fails when a document fails or a finding is at or above ``--fail-on``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Finding, Severity

DEFAULT_THRESHOLD = 95.0


def penalty(severities: Iterable[Severity]) -> int:
    return sum(s.weight for s in severities)


def score(penalty_points: int, words: int) -> float:
    """Raw MQM quality score on 0..100. No words: 100 without penalty, 0 with any."""
    if words <= 0:
        return 100.0 if penalty_points == 0 else 0.0
    return max(0.0, 100.0 * (1.0 - penalty_points / words))


def rounded(penalty_points: int, words: int) -> float:
    """The score as reported: two decimals."""
    return round(score(penalty_points, words), 2)


def verdict(doc_score: float, has_critical: bool, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """Pass: a score at or above the threshold and no critical finding."""
    return not has_critical and doc_score >= threshold


def passes(
    doc_score: float, findings: Iterable[Finding], threshold: float = DEFAULT_THRESHOLD, empty: bool = False
) -> bool:
    """A document's verdict; ``empty`` (``nothing_to_publish``) fails whatever the score."""
    return not empty and verdict(doc_score, any(f.severity is Severity.CRITICAL for f in findings), threshold)


def nothing_to_publish(words: int, texts: Iterable[str]) -> bool:
    """Whether a document of ``words`` words and these paragraph texts has nothing to publish: no
    word and no letter or digit anywhere (empty targets, or only zero-width characters, soft
    hyphens, spaces or punctuation), the same in every format. ``texts`` is read only when
    ``words`` is 0."""
    return words == 0 and not any(ch.isalnum() for text in texts for ch in text)


def reaches(findings: Iterable[Finding], fail_on: Severity | None) -> bool:
    """Whether any finding is at or above ``fail_on`` (None: never)."""
    return fail_on is not None and any(f.severity >= fail_on for f in findings)


def run_fails(results: Iterable, fail_on: Severity | None) -> bool:
    """``qa lint``'s verdict over document results: a document fails, or a finding reaches
    ``fail_on``."""
    return any(not r.passed or reaches(r.findings, fail_on) for r in results)


def reasons(result) -> list[str]:
    """Why a document result fails, in words (empty when it passes)."""
    out = []
    if getattr(result, "empty", False):
        out.append("nothing to publish: no target holds a word (empty, or only invisible characters, soft hyphens or punctuation)")
    if result.score < result.threshold:
        out.append(
            f"score {result.score:.2f} is below the threshold {result.threshold:g} "
            f"(penalty {result.penalty} on {result.words} words)"
        )
    critical = sum(1 for f in result.findings if f.severity is Severity.CRITICAL)
    if critical:
        out.append(f"{critical} critical finding{'s' if critical != 1 else ''} (any critical finding fails)")
    return out
