"""False alarms and speed of the punctuation, sentence-structure, variant and locale rules
(QA401–QA405, QA503, QA555, QA801–QA802) on the 1,997 NTREX Hindi lines, each a paragraph.

    python -m pytest tests/benchmarks/bench_punctuation_locale.py   # asserts the budgets
    python tests/benchmarks/bench_punctuation_locale.py             # prints the counts per rule

Budget: at most 0.7 findings of severity minor or above per 100 lines for these rules,
and at least 2,000 paragraphs a second for these rules alone (best of three, after a warm-up).
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from qa.document import from_text
from qa.engine import Options, lint_document
from qa.model import Severity
from qa.rules import all_rules

ROOT = Path(__file__).resolve().parents[2]
NTREX_HIN = ROOT / "fixtures" / "ntrex" / "hin.txt"
PREFIXES = ("QA40", "QA503", "QA555", "QA80")
PER_100_LINES = 0.7
PARAS_PER_SECOND = 2000


def measure() -> tuple[int, Counter, float]:
    lines = [l.strip() for l in NTREX_HIN.read_text(encoding="utf-8").splitlines() if l.strip()]
    doc = from_text("\n\n".join(lines) + "\n")
    options = Options(rules=[r for r in all_rules() if r.code.startswith(PREFIXES)])
    lint_document(doc, options)  # warm-up: data files, regexes
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        result = lint_document(doc, options)
        best = min(best, time.perf_counter() - t0)
    counts = Counter((f.rule, f.severity.value) for f in result.findings)
    return len(lines), counts, len(doc.paragraphs) / best


def test_budgets():
    lines, counts, rate = measure()
    serious = sum(n for (_, sev), n in counts.items() if sev != Severity.INFO.value)
    assert serious * 100 / lines <= PER_100_LINES, counts
    assert rate >= PARAS_PER_SECOND, rate


if __name__ == "__main__":
    lines, counts, rate = measure()
    for (rule, sev), n in sorted(counts.items()):
        print(f"{rule} {sev:8} {n:5}")
    serious = sum(n for (_, sev), n in counts.items() if sev != "info")
    print(f"{lines} lines: {serious} findings minor or above ({serious * 100 / lines:.2f} per 100 "
          f"lines); {rate:,.0f} paragraphs/s")
