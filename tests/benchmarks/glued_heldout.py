#!/usr/bin/env python3
"""Held-out check of the Hindi morphology (glossaries/hi_stems.tsv) behind QA204.

    python3 tests/benchmarks/glued_heldout.py

The stems are learnt from PUD's lemmas, so measuring QA204 on PUD with them flatters it. This
copies the repository to a temporary directory three times, regenerates hi_stems.tsv there
(tools/make_hi_morphology.py) from NTREX and (a) all of PUD, (b) the even-numbered sentences of
PUD, (c) no PUD at all, and lints the odd-numbered PUD sentences (and all of PUD) with QA204 only,
printing the findings by severity. (b) and (c) on the odd half are the honest figures.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PUD = ROOT.parent / "shared" / "corpora" / "ud_hindi_pud" / "hin.txt"


def lint(tree: Path, text: Path) -> Counter:
    out = subprocess.run(
        [sys.executable, "-m", "qa", "lint", str(text), "--format", "json", "--fail-on", "none"],
        check=False, capture_output=True, text=True, cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
    )
    data = json.loads(out.stdout)
    return Counter(f["severity"] for d in data["documents"] for p in d["paragraphs"]
                   for f in p["findings"] if f["rule"] == "QA204")


def main() -> int:
    lines = [l.strip() for l in PUD.read_text(encoding="utf-8").splitlines() if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        odd = tmp / "pud_odd.txt"
        odd.write_text("\n\n".join(lines[1::2]) + "\n", encoding="utf-8")
        whole = tmp / "pud_all.txt"
        whole.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        for half in ("all", "even", "none"):
            tree = tmp / half
            shutil.copytree(ROOT / "qa", tree / "qa")
            shutil.copytree(ROOT / "glossaries", tree / "glossaries")
            shutil.copytree(ROOT / "tools", tree / "tools")
            subprocess.run([sys.executable, str(tree / "tools" / "make_hi_morphology.py"),
                            "--half", half, "--conllu", str(PUD.parent / "hi_pud-ud-test.conllu"),
                            "--ntrex", str(ROOT.parent / "shared" / "corpora" / "ntrex" / "hin.txt")],
                           check=True, capture_output=True)
            o, a = lint(tree, odd), lint(tree, whole)
            print(f"stems from NTREX + PUD {half:>4}: odd half ({len(lines[1::2])} sentences) "
                  f"{dict(o)}; all PUD ({len(lines)}) {dict(a)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
