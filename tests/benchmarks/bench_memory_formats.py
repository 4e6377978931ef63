"""Peak memory of `qa lint` on large bilingual files (issue 19: <= 200 MiB on a 50 MB PO or XLIFF).

    python3 tests/benchmarks/bench_memory_formats.py [MEGABYTES] [po xliff tmx po-one-line po-16mb-msgstr ...]

Writes a file of about MEGABYTES (default 50) per format into a temporary folder, runs
``python -m qa lint --format FORMAT -o /dev/null`` on it in a child process (FORMAT: the
environment variable QA_BENCH_FORMAT, default json; more options in QA_BENCH_ARGS, e.g.
``--select QA101`` to measure reading and streaming without the state of every rule) and prints the peak resident memory
(VmHWM) of that process and of its largest worker, and the time. Exit 1 when a peak is over
the 200 MiB target.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_MIB = 200
PARAGRAPH = "रोम में विदेश मंत्रालय में जी7 की पहली बैठक आयोजित की गई, जिसमें कई देशों ने भाग लिया।"
SOURCE = "A Roma si è tenuta la prima riunione del G7 presso il Ministero degli Affari Esteri."


def po(size: int) -> str:
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    entry = 'msgctxt "p-{n}"\nmsgid "' + SOURCE + ' ({n})"\nmsgstr "' + PARAGRAPH + ' ({n})"\n\n'
    return head + "".join(entry.format(n=n) for n in range(size // len(entry.encode())))


def xliff(size: int) -> str:
    unit = '<trans-unit id="p-{n}"><source>' + SOURCE + " ({n})</source><target>" + PARAGRAPH + " ({n})</target></trans-unit>\n"
    body = "".join(unit.format(n=n) for n in range(size // len(unit.encode())))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="x" source-language="it" target-language="hi" datatype="plaintext"><body>\n'
        + body + "</body></file></xliff>\n"
    )


def one_long_po(size: int) -> str:
    """One entry whose msgstr is the whole file (one long line)."""
    words = (PARAGRAPH + " ") * (size // len((PARAGRAPH + " ").encode()))
    return 'msgid "x"\nmsgstr "' + words + '"\n'


def tmx(size: int) -> str:
    unit = '<tu tuid="p-{n}"><tuv xml:lang="it"><seg>' + SOURCE + ' ({n})</seg></tuv><tuv xml:lang="hi"><seg>' + PARAGRAPH + " ({n})</seg></tuv></tu>\n"
    body = "".join(unit.format(n=n) for n in range(size // len(unit.encode())))
    return '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="it" datatype="plaintext" segtype="paragraph" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="x"/>\n<body>\n' + body + "</body></tmx>\n"


def msgstr_16mb(size: int) -> str:
    """Ordinary entries around one msgstr of 16 MB (on one line)."""
    words = (PARAGRAPH + " ") * (16 * 1024 * 1024 // len((PARAGRAPH + " ").encode()))
    rest = po(max(size - 16 * 1024 * 1024, 0))
    return rest + 'msgid "long"\nmsgstr "' + words + '"\n'


MAKERS = {"po": (po, "po"), "xliff": (xliff, "xlf"), "tmx": (tmx, "tmx"), "po-one-line": (one_long_po, "po"), "po-16mb-msgstr": (msgstr_16mb, "po")}


def measure(path: Path) -> tuple[float, float, int]:
    """(peak MiB, seconds, exit code) of one qa run in a fresh child process."""
    fmt = os.environ.get("QA_BENCH_FORMAT", "json")
    extra = os.environ.get("QA_BENCH_ARGS", "").split()
    code = (
        f"import resource, runpy, sys; sys.argv = ['qa', 'lint', '--format', '{fmt}', '-o', '/dev/null', *{extra!r}, sys.argv[1]]\n"
        "try:\n    runpy.run_module('qa', run_name='__main__')\nexcept SystemExit as e:\n    rc = e.code\n"
        # VmHWM, not ru_maxrss: after exec, Linux reports in ru_maxrss the peak of the process that
        # started this one (this benchmark, holding the generated file). Workers: RUSAGE_CHILDREN.
        "hwm = int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
        "print(max(hwm, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss), rc if isinstance(rc, int) else 0)"
    )
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=path.parent)  # not this folder: PYTHONPATH picks the tree
    seconds = time.perf_counter() - start
    if proc.returncode or not proc.stdout.strip():
        print(proc.stderr[-2000:], file=sys.stderr)
        return float("nan"), seconds, proc.returncode
    kib, rc = proc.stdout.split()[-2:]
    return int(kib) / 1024, seconds, int(rc)


def main(argv: list[str]) -> int:
    megabytes = float(argv[0]) if argv else 50.0
    kinds = argv[1:] or ["po", "xliff"]
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            make, ext = MAKERS[kind]
            path = Path(tmp) / f"big.{ext}"
            path.write_text(make(int(megabytes * 1024 * 1024)), encoding="utf-8")
            peak, seconds, rc = measure(path)
            worst = max(worst, peak)
            print(f"{kind:15} {path.stat().st_size / 1e6:7.1f} MB  peak {peak:7.1f} MiB  {seconds:6.1f} s  exit {rc}", flush=True)
            path.unlink()
    return 0 if worst <= TARGET_MIB else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
