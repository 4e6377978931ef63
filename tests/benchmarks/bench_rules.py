"""Where the time goes: paragraphs per second on a first and a later pass, and CPU per rule.

    python tests/benchmarks/bench_rules.py              # NTREX Hindi x 3
    python tests/benchmarks/bench_rules.py --source     # with the Italian NTREX as source (as the PO benchmark)

In one process pinned to one core, CPU time (not wall time: a shared machine slows the wall
clock, not the work). *First pass*: after a warm-up on other text (UD PUD Hindi: every word list
loaded, no NTREX word seen), NTREX Hindi linted once: the per-word memos start empty, as on a new
document. *Later pass*: NTREX x 3 again, with the memos full (what ``bench_speed.py``'s
throughput measures). *Per rule*: the later pass again with each rule's ``check`` and ``finish``
timed (the timing itself costs about 0.1 s, counted in "rest").
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
sys.path.insert(0, str(ROOT))  # this checkout's qa, not an installed one


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(source: bool = False, repeat: int = 3) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from qa.document import from_text
    from qa.engine import Options, lint_paragraphs
    from qa.rules import select_rules

    hi, it = _lines(FIXTURES / "ntrex" / "hin.txt"), _lines(FIXTURES / "ntrex" / "ita.txt")
    pud = _lines(FIXTURES / "ud_hindi_pud" / "hin.txt")[:300]

    def doc(lines: list[str], n: int = 1):
        return from_text("\n\n".join(lines * n) + "\n", "bench")

    def run(rules, lines: list[str], src_lines: list[str], n: int = 1) -> float:
        d = doc(lines, n)
        options = Options(rules=rules, source=doc(src_lines, n) if source else None)
        start = time.process_time()
        lint_paragraphs("bench", d.paragraphs, options)
        return time.process_time() - start

    rules = select_rules()
    run(rules, pud, pud)
    first = run(rules, hi, it)
    print(f"first pass: {len(hi):,} paragraphs in {first:.2f} s CPU, {len(hi) / first:,.0f} paragraphs/s")
    later = run(rules, hi, it, repeat)
    print(f"later pass: {len(hi) * repeat:,} paragraphs in {later:.2f} s CPU, {len(hi) * repeat / later:,.0f} paragraphs/s")

    cpu: dict[str, float] = defaultdict(float)

    def timed(cls):
        check, finish = cls.check, cls.finish

        def timed_check(self, para):
            start = time.process_time()
            out = list(check(self, para))
            cpu[cls.code] += time.process_time() - start
            return out

        def timed_finish(self):
            start = time.process_time()
            out = list(finish(self))
            cpu[cls.code] += time.process_time() - start
            return out

        return type(cls.__name__, (cls,), {"check": timed_check, "finish": timed_finish})

    total = run([timed(r) for r in rules], hi, it, repeat)
    ruled = sum(cpu.values())
    print(f"per rule (later pass, timed): {total:.2f} s, rules {ruled:.2f} s, rest {total - ruled:.2f} s")
    for code, seconds in sorted(cpu.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {code} {seconds:.3f} s {100 * seconds / total:4.1f} %")


if __name__ == "__main__":
    main(source="--source" in sys.argv)
