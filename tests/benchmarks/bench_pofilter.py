"""``qa lint`` against translate-toolkit's ``pofilter`` on the same PO file, paired runs.

    python tests/benchmarks/bench_pofilter.py [RUNS]     # prints the medians and the ratios
    python -m pytest tests/benchmarks/bench_pofilter.py  # asserts the targets (skipped without pofilter)

The PO file holds the 1,997 NTREX Italian/Hindi sentence pairs as units (msgid Italian, msgstr
Hindi), written to a temporary folder. Each round runs ``pofilter`` (all its default checks) and
``qa lint`` (every rule, text report, one job) once each, alternating which goes first, in a new
process from a small fresh parent; wall time and peak RSS are compared by their medians.
Targets (issue 14): ``qa`` at most 0.25 × pofilter's wall time, at most 2 × its peak memory.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from bench_memory import compile_bytecode, qa_command, run_measured  # noqa: E402

NTREX = ROOT / "fixtures" / "ntrex"
WALL_RATIO = 0.25
MEMORY_RATIO = 2.0


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_po(path: Path) -> int:
    """The NTREX Italian/Hindi pairs as a PO file; returns the number of units."""
    it = (NTREX / "ita.txt").read_text(encoding="utf-8").splitlines()
    hi = (NTREX / "hin.txt").read_text(encoding="utf-8").splitlines()
    units = [(s.strip(), t.strip()) for s, t in zip(it, hi) if s.strip() and t.strip()]
    out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: hi\\n"', ""]
    for k, (s, t) in enumerate(units, 1):
        out += [f"#: ntrex:{k}", f"msgid {_po_string(s)}", f"msgstr {_po_string(t)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return len(units)


def pofilter_command() -> list[str] | None:
    """translate-toolkit's ``pofilter`` script run by this interpreter (as ``qa`` is; a launcher
    shim on ``PATH`` would add its own start-up to every run), or the one on ``PATH``."""
    script = Path(sys.executable).parent / "pofilter"
    if script.is_file():
        return [sys.executable, str(script)]
    exe = shutil.which("pofilter")
    return [exe] if exe else None


def compare(runs: int = 5) -> dict:
    pofilter = pofilter_command()
    if pofilter is None:
        raise RuntimeError("pofilter is not installed (pip install translate-toolkit)")
    times: dict[str, list[float]] = {"qa": [], "pofilter": []}
    peaks: dict[str, list[float]] = {"qa": [], "pofilter": []}
    with tempfile.TemporaryDirectory(prefix="qa-pofilter-") as tmp:
        po = Path(tmp) / "ntrex.po"
        units = write_po(po)
        compile_bytecode()
        commands = {
            "qa": qa_command() + ["lint", "--no-config", "-j", "1", "--fail-on", "none", str(po)],
            "pofilter": pofilter + ["-i", str(po), "-o", str(Path(tmp) / "out.po")],
        }
        for k in range(runs):
            for name in (("qa", "pofilter") if k % 2 == 0 else ("pofilter", "qa")):
                _, seconds, peak = run_measured(commands[name])
                times[name].append(seconds)
                peaks[name].append(peak)
    med = {n: statistics.median(v) for n, v in times.items()}
    mem = {n: statistics.median(v) for n, v in peaks.items()}
    return {"units": units, "runs": runs,
            "qa_s": round(med["qa"], 3), "pofilter_s": round(med["pofilter"], 3),
            "qa_mib": round(mem["qa"], 1), "pofilter_mib": round(mem["pofilter"], 1),
            "wall_ratio": round(med["qa"] / med["pofilter"], 2), "memory_ratio": round(mem["qa"] / mem["pofilter"], 2)}


@pytest.mark.skipif(pofilter_command() is None, reason="translate-toolkit's pofilter is not installed")
def test_qa_against_pofilter():
    result = compare(runs=3)
    assert result["wall_ratio"] <= WALL_RATIO and result["memory_ratio"] <= MEMORY_RATIO, result


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(compare(runs))
