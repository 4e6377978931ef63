"""`qa lint --jobs 2` against `--jobs 1` over NTREX Hindi repeated to 100,000 lines of JSON Lines.

    python -m pytest tests/benchmarks/bench_jobs.py     # asserts >= 1.7x and identical output
    python tests/benchmarks/bench_jobs.py [--repeat N] [--lines N] [--format jsonl|text|json]

Each record is {"id": "ntrex-N", "target": <line N mod 1997 of fixtures/ntrex/hin.txt>}. The
input is written to a temporary folder and deleted. Each setting runs ``--repeat`` times (default
3) and the best wall-clock time counts, since other work on the machine only ever slows a run
down. The outputs of all runs must be byte-identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NTREX_HIN = ROOT / "fixtures" / "ntrex" / "hin.txt"
TARGET_SPEEDUP = 1.7


def make_input(path: Path, lines: int) -> None:
    hin = [l.strip() for l in NTREX_HIN.read_text(encoding="utf-8").splitlines() if l.strip()]
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for i in range(lines):
            fh.write(json.dumps({"id": f"ntrex-{i}", "target": hin[i % len(hin)]}, ensure_ascii=False) + "\n")


def run(path: Path, jobs: int, fmt: str, out: Path) -> float:
    start = time.perf_counter()
    with open(out, "wb") as fh:
        proc = subprocess.run(
            [sys.executable, "-m", "qa", "lint", "--no-config", "--format", fmt, "--jobs", str(jobs), str(path)],
            stdout=fh, stderr=subprocess.PIPE,
        )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr.decode())
    return elapsed


def measure(lines: int = 100_000, repeat: int = 3, fmt: str = "jsonl") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ntrex_100k.jsonl"
        make_input(path, lines)
        best: dict[int, float] = {}
        digests = set()
        for _ in range(repeat):
            for jobs in (1, 2):
                out = Path(tmp) / f"out{jobs}"
                elapsed = run(path, jobs, fmt, out)
                best[jobs] = min(best.get(jobs, elapsed), elapsed)
                digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
        findings = sum(1 for _ in open(Path(tmp) / "out1", encoding="utf-8")) - 1 if fmt == "jsonl" else None
    return {
        "lines": lines,
        "format": fmt,
        "jobs1_s": round(best[1], 2),
        "jobs2_s": round(best[2], 2),
        "speedup": round(best[1] / best[2], 2),
        "paragraphs_per_s_jobs2": round(lines / best[2]),
        "identical_output": len(digests) == 1,
        "findings": findings,
        "cores": len(os.sched_getaffinity(0)),
    }


def test_jobs_2_is_at_least_1_7x_as_fast_with_the_same_output():
    result = measure()
    print(result)
    assert result["identical_output"]
    assert result["speedup"] >= TARGET_SPEEDUP, result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", default="jsonl", choices=("jsonl", "text", "json"))
    args = parser.parse_args()
    print(json.dumps(measure(args.lines, args.repeat, args.format)))
