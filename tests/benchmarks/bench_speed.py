"""Speed of the checker: paragraphs per second, MB per second, cold start; and the table of docs/speed.md.

    python -m pytest tests/benchmarks/bench_speed.py     # asserts the budgets
    python tests/benchmarks/bench_speed.py               # prints the speed and memory table
    python tests/benchmarks/bench_speed.py --write-docs     # and writes it into docs/speed.md

Throughput: the 1,997 NTREX Hindi lines, each a paragraph, repeated ten times (19,970
paragraphs), read and linted with every rule in one process pinned to one core, after a warm-up
run that loads everything lazy; the best of three runs. Cold start (the target's "a one-paragraph
lint"): wall time of ``qa lint`` on the first NTREX line in a new process, the median of seven
runs, with the checkout's bytecode written first (as an installed wheel has it); the example
(``fixtures/g7_rome_lyon_2024.hi.txt``) is shown beside it. Peak
memory: ``bench_memory.py`` on generated inputs of 5, 20 and 50 MB.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from bench_memory import BUDGET_MIB, SIZES_MB, checkout_env, compile_bytecode, measure, qa_command  # noqa: E402
from readme_block import write_block  # noqa: E402

EXAMPLE = ROOT / "fixtures" / "g7_rome_lyon_2024.hi.txt"
NTREX_HIN = ROOT / "fixtures" / "ntrex" / "hin.txt"
#: Budgets the tests assert (a regression floor) ...
PARAS_PER_SECOND = 2000
COLD_START_S = 0.5
#: ... and the targets of issue 14, shown in the table.
TARGET_PARAS_PER_SECOND = 8000
TARGET_COLD_START_S = 0.15


def flat(small: float, large: float) -> bool:
    """Ten times the input may cost at most half as much memory again."""
    return large <= small * 1.5


def ntrex_text(repeat: int = 10) -> str:
    lines = [l.strip() for l in NTREX_HIN.read_text(encoding="utf-8").splitlines() if l.strip()]
    return "\n\n".join(lines * repeat) + "\n"


def one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def throughput(repeat: int = 10, runs: int = 3) -> dict:
    """Read + lint the NTREX lines ``repeat`` times as paragraphs, in this process, one core."""
    import tempfile

    from qa.document import read_document
    from qa.engine import Options, lint_document
    from qa.rules import select_rules

    one_core()
    options = Options(rules=select_rules())
    with tempfile.TemporaryDirectory(prefix="qa-speed-") as tmp:
        path = Path(tmp) / "ntrex_x10.txt"
        path.write_text(ntrex_text(repeat), encoding="utf-8")
        warm = Path(tmp) / "warm.txt"
        warm.write_text(ntrex_text(1), encoding="utf-8")
        lint_document(read_document(str(warm)), options)  # lazy loads (word lists, language id)
        size = path.stat().st_size
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            doc = read_document(str(path))
            result = lint_document(doc, options)
            times.append(time.perf_counter() - start)
        paragraphs = len(doc.paragraphs)
    best = min(times)
    return {"paragraphs": paragraphs, "megabytes": round(size / 1e6, 2), "seconds": round(best, 2),
            "paragraphs_per_second": round(paragraphs / best), "mb_per_second": round(size / 1e6 / best, 2),
            "findings": len(result.findings), "rules": len(options.rules)}


def one_paragraph_file(folder: Path) -> Path:
    """The first NTREX Hindi line as a file: the one-paragraph lint of the cold-start target."""
    path = folder / "one.hi.txt"
    path.write_text(NTREX_HIN.read_text(encoding="utf-8").splitlines()[0].strip() + "\n", encoding="utf-8")
    return path


def cold_start(path: Path = EXAMPLE, runs: int = 7) -> float:
    """Median wall time of ``qa lint PATH`` in a new process, with the bytecode written first."""
    compile_bytecode()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(qa_command() + ["lint", str(path)], capture_output=True, text=True, env=checkout_env())
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):  # a run that failed would measure nothing
            raise RuntimeError(f"qa lint exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return round(statistics.median(times), 3)


def interpreter_start(runs: int = 7) -> float:
    """Median wall time of this interpreter starting and doing nothing (``-c pass``): part of
    every cold start, qa's and pofilter's, and what a slow or busy machine inflates first."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 3)


def test_paragraphs_per_second():
    assert throughput(runs=1)["paragraphs_per_second"] >= PARAS_PER_SECOND


def test_cold_start(tmp_path):
    assert cold_start(one_paragraph_file(tmp_path)) <= COLD_START_S


def table() -> str:
    from bench_pofilter import MEMORY_RATIO, WALL_RATIO, compare, pofilter_command

    speed = throughput()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="qa-cold-") as tmp:
        cold = cold_start(one_paragraph_file(Path(tmp)))
    cold_example = cold_start(EXAMPLE)
    bare = interpreter_start()
    po = compare() if pofilter_command() else None
    cli = measure(how="cli")
    stream = measure(how="stream")
    eng = measure((SIZES_MB[0], SIZES_MB[-1]), how="engine")
    ok = lambda good: "✓" if good else "✗"
    lines = [
        "Regenerate with `python tests/benchmarks/bench_speed.py --write-docs` (about ten minutes;",
        "the inputs are generated in a temporary folder and deleted). "
        f"Measured on {platform.machine()} {platform.system()}, Python {platform.python_version()}, "
        f"{speed['rules']} rules, one core; load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores when it started (a shared machine makes every figure slower).",
        "",
        "| measure | result | target | |",
        "|---|---:|---:|:-:|",
        f"| throughput, NTREX Hindi × 10 ({speed['paragraphs']:,} paragraphs, {speed['megabytes']} MB) | "
        f"{speed['paragraphs_per_second']:,} paragraphs/s, {speed['mb_per_second']} MB/s | ≥ {TARGET_PARAS_PER_SECOND:,} paragraphs/s | "
        f"{ok(speed['paragraphs_per_second'] >= TARGET_PARAS_PER_SECOND)} |",
        f"| cold start, `qa lint` on one paragraph (median of 7) | {cold:.3f} s | ≤ {TARGET_COLD_START_S} s | {ok(cold <= TARGET_COLD_START_S)} |",
        f"| cold start, `qa lint` on the example (12 paragraphs, three acronym expansions judged by chrF; median of 7) | {cold_example:.3f} s | | |",
        f"| the interpreter alone, `python -c pass` (median of 7; part of both cold starts) | {bare:.3f} s | | |",
    ]
    if po:
        lines += [
            f"| wall time against pofilter, NTREX PO file ({po['units']:,} units; qa {po['qa_s']} s, pofilter "
            f"{po['pofilter_s']} s, median of {po['runs']} paired runs) | {po['wall_ratio']} × | ≤ {WALL_RATIO} × | "
            f"{ok(po['wall_ratio'] <= WALL_RATIO)} |",
            f"| peak memory against pofilter, same runs (qa {po['qa_mib']:.0f} MiB, pofilter {po['pofilter_mib']:.0f} MiB) | "
            f"{po['memory_ratio']} × | ≤ {MEMORY_RATIO} × | {ok(po['memory_ratio'] <= MEMORY_RATIO)} |",
        ]
    labels = (("`qa lint`", cli), ("`qa lint --format jsonl -j 1`", stream), ("`engine.lint_path`", eng))
    for label, rows in labels:
        for row in rows:
            lines.append(
                f"| peak memory, {label} on {row['megabytes']} MB ({row['paragraphs']:,} paragraphs, {row['seconds']} s) | "
                f"{row['peak_mib']:.0f} MiB | ≤ {BUDGET_MIB} MiB | {ok(row['peak_mib'] <= BUDGET_MIB)} |"
            )
    lines.append("")
    for label, rows in labels:
        small, large = rows[0]["peak_mib"], rows[-1]["peak_mib"]
        lines.append(f"Memory of {label} from {rows[0]['megabytes']} MB to {rows[-1]['megabytes']} MB of input: "
                     f"{small:.0f} → {large:.0f} MiB ({'flat' if flat(small, large) else 'grows with the input'}).")
    lines += [
        "",
        "A document is linted whole (its document-level rules see all of it), so the engine holds a",
        "document's findings until its last paragraph has been read, whatever the output format: memory",
        "grows with the findings of the largest document, not with its text. These inputs carry many",
        "(NTREX sentences recombined at random: one document holds the spellings of several translators,",
        "which QA555 reports, and repeats some of them whole: QA502). The text, JSON, SARIF and JUnit formats also sort the findings and build",
        "the report before printing it; `--format jsonl` writes each finding as soon as its document is done.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    text = table()
    print(text)
    if "--write-docs" in sys.argv:
        write_block(ROOT / "docs" / "speed.md", "speed-table", text)
