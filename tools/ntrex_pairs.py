#!/usr/bin/env python3
"""Clean source-aware pairs from NTREX-128: one PO file per language pair (one line a unit), to
check that the source-aware rules stay quiet on human translations.

usage: python3 tools/ntrex_pairs.py OUTDIR [NTREX_DIR]   -> OUTDIR/ntrex.it-hi.po, ntrex.en-hi.po
then:  qa lint OUTDIR/ntrex.it-hi.po --format json --fail-on none
"""
import sys
from pathlib import Path


def po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(out: Path, base: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    hin = (base / "hin.txt").read_text(encoding="utf-8").splitlines()
    for lang, name in (("it", "ita.txt"), ("en", "eng.txt")):
        src = (base / name).read_text(encoding="utf-8").splitlines()
        rows = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: hi\\n"', ""]
        for s, t in zip(src, hin):
            if s.strip() and t.strip():
                rows += [f"msgid {po_string(s)}", f"msgstr {po_string(t)}", ""]
        (out / f"ntrex.{lang}-hi.po").write_text("\n".join(rows), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "/work/shared/corpora/ntrex"))
