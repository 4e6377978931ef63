"""Peak memory of `qa lint` as the input grows (5, 20, 50 MB), inputs generated on the fly.

    python -m pytest tests/benchmarks/bench_memory.py      # asserts <= 200 MiB and flat growth
    python tests/benchmarks/bench_memory.py [--engine] [MB ...]   # prints the measurements

The inputs are real Hindi news prose: the NTREX sentences recombined at random (seeded) into
paragraphs of one to three sentences, so that paragraphs rarely repeat (a file of one text
repeated would mostly measure the repeated-paragraph findings). They are written to a temporary
folder and deleted; nothing large is ever committed.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NTREX_HIN = ROOT / "fixtures" / "ntrex" / "hin.txt"
BUDGET_MIB = 200
SIZES_MB = (5, 20, 50)


def make_input(path: Path, megabytes: float, seed: int = 1) -> int:
    """Write about ``megabytes`` MB of Hindi paragraphs to ``path``; returns the paragraphs."""
    lines = [l.strip() for l in NTREX_HIN.read_text(encoding="utf-8").splitlines() if l.strip()]
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written = paragraphs = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        while written < target:
            block = []
            for _ in range(1000):
                block.append(" ".join(rng.choice(lines) for _ in range(rng.randint(1, 3))))
            chunk = "\n\n".join(block) + "\n\n"
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            paragraphs += len(block)
    return paragraphs


def qa_command() -> list[str]:
    """This checkout's ``qa``, run by this interpreter (:func:`run_measured` puts the checkout
    first on ``PYTHONPATH``): an installed ``qa`` may be another version, and a launcher shim
    (pyenv's adds about 0.09 s to every start) is not part of the program."""
    return [sys.executable, "-m", "qa"]


def checkout_env() -> dict[str, str]:
    """The environment with this checkout first on ``PYTHONPATH``."""
    paths = [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def compile_bytecode() -> None:
    """Write the checkout's ``.pyc`` files, as installing a wheel does: without them (a
    development tree under ``PYTHONDONTWRITEBYTECODE``) every start compiles every module."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "qa")], check=True, capture_output=True)


#: Runs argv[1:] and prints its exit code and peak RSS. A small, fresh parent: a child forked from
#: a large process would count the parent's pages in its peak until it execs.
_WRAPPER = ("import os, subprocess, sys\n"
            "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
            "_, status, usage = os.wait4(p.pid, 0)\n"
            "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)\n")


def run_measured(args: list[str]) -> tuple[int, float, float]:
    """Run a command with its output discarded: (exit code, seconds, peak RSS in MiB)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True, env=checkout_env())
    seconds = time.perf_counter() - start
    try:
        code, kib = (int(x) for x in proc.stdout.split())
    except ValueError:
        raise RuntimeError(f"{' '.join(args)}: {proc.stderr.strip()}") from None
    if code not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} exited {code}: {proc.stderr.strip()}")
    return code, seconds, kib / 1024  # Linux: ru_maxrss is in KiB


#: The engine's own streaming path, without the command line around it.
LINT_PATH = ("import sys\nfrom qa.engine import Options, lint_path\nfrom qa.rules import select_rules\n"
             "lint_path(sys.argv[1], Options(rules=select_rules()))\n")


def measure(sizes=SIZES_MB, how: str = "cli") -> list[dict]:
    """Peak memory and time on generated inputs of ``sizes`` MB: ``cli`` runs ``qa lint`` (text
    output, which holds a document's findings to sort them and total its score), ``stream`` runs
    ``qa lint --format jsonl -j 1`` (findings streamed as they are found), ``engine`` runs
    ``qa.engine.lint_path`` alone (it returns every finding)."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="qa-mem-") as tmp:
        for mb in sizes:
            path = Path(tmp) / f"hindi_{mb}mb.txt"
            paras = make_input(path, mb)
            cmd = {
                "cli": qa_command() + ["lint", str(path)],
                "stream": qa_command() + ["lint", "--format", "jsonl", "-j", "1", str(path)],
                "engine": [sys.executable, "-c", LINT_PATH, str(path)],
            }[how]
            _, seconds, peak = run_measured(cmd)
            rows.append({"megabytes": round(path.stat().st_size / 1e6, 1), "paragraphs": paras,
                         "seconds": round(seconds, 2), "peak_mib": round(peak, 1), "how": how})
            path.unlink()
    return rows


@pytest.mark.parametrize("how", ["cli", "stream", "engine"])
def test_peak_memory_within_budget(how):
    """A document is linted whole (document-level rules see all of it), so memory grows with the
    findings of the largest document, not with its text: a 50 MB document stays within budget."""
    rows = measure((5, 50), how)
    assert rows[-1]["peak_mib"] <= BUDGET_MIB, rows


if __name__ == "__main__":
    how = "engine" if "--engine" in sys.argv else "stream" if "--stream" in sys.argv else "cli"
    sizes = tuple(float(a) for a in sys.argv[1:] if not a.startswith("--")) or SIZES_MB
    for row in measure(sizes, how):
        print(row, flush=True)
