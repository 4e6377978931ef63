"""Smoke test of a bare install: every command a new user runs, with `qa` installed by
`pip install .` alone (no extras, so no click, pytest or dask that could hide a missing import).

usage: python .ci/smoke.py QA_EXECUTABLE
Runs from the repository root; standard library only. Prints one line per check and
`N passed, N failed`; exits 1 when any check fails.
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = "fixtures/g7_rome_lyon_2024.hi.txt"
GOLD = "fixtures/g7_rome_lyon_2024.gold.jsonl"
CLEAN = "भारत और इटली के विदेश मंत्रियों ने आज रोम में मुलाकात की।\n"


def main(qa: str) -> int:
    work = tempfile.mkdtemp(prefix="qa-smoke-")
    clean = os.path.join(work, "clean.hi.txt")
    with open(clean, "w", encoding="utf-8") as fh:
        fh.write(CLEAN)
    page = os.path.join(work, "report.html")
    missing = os.path.join(work, "missing.txt")
    checks = [
        # (words, expected exit code, test of (stdout, stderr))
        (["lint", EXAMPLE], 1, lambda o, e: ": score " in o and ": FAIL" in o and e == ""),
        (["--version"], 0, lambda o, e: o.startswith("qa ") and e == ""),
        (["rules"], 0, lambda o, e: o.startswith("code ") and "QA501" in o),
        (["explain", "QA501"], 0, lambda o, e: o.startswith("QA501 dangling-postposition")),
        (["gate", clean], 0, lambda o, e: "PASS" in o and e == ""),
        (["gate", EXAMPLE], 1, lambda o, e: "FAIL" in o and e == ""),
        (["report", EXAMPLE, "-o", page], 0,
         lambda o, e: o == "" and e.startswith(f"qa: wrote {page} ") and _starts(page, "<!DOCTYPE html>")),
        (["eval", EXAMPLE, GOLD], 0, lambda o, e: "recall" in o),
        (["glossary", "check", *sorted(glob.glob("glossaries/*.tsv"))], 0, lambda o, e: "no problems" in o),
        (["lint", missing], 2, lambda o, e: o == "" and e == f"qa: {missing}: no such file or directory\n"),
        (["lint", "--bogus", EXAMPLE], 2,
         lambda o, e: o == "" and e == "qa lint: no such option --bogus (see qa lint --help)\n"),
        ([], 2, lambda o, e: o.startswith("Usage: qa ") and e == ""),
    ]
    passed = failed = 0
    start = time.monotonic()
    for words, code, test in checks:
        proc = subprocess.run([qa, *words], capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=60)
        problems = []
        if proc.returncode != code:
            problems.append(f"exit {proc.returncode}, expected {code}")
        if "Traceback" in proc.stdout + proc.stderr:
            problems.append("a traceback")
        elif not test(proc.stdout, proc.stderr):
            problems.append("unexpected output")
        shown = " ".join(["qa", *words])[:90]
        if problems:
            failed += 1
            print(f"FAIL {shown}: {', '.join(problems)}\n  stdout: {proc.stdout[:300]!r}\n  stderr: {proc.stderr[-600:]!r}")
        else:
            passed += 1
            print(f"ok   {shown}")
    print(f"bare-install smoke test, {time.monotonic() - start:.1f} s")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def _starts(path: str, prefix: str) -> bool:
    with open(path, encoding="utf-8") as fh:
        return fh.read(len(prefix)) == prefix


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
