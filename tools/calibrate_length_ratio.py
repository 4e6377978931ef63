#!/usr/bin/env python3
"""Calibrate QA660's length check: the distribution of target/source length ratios per language
pair, from the NTREX-128 human translations (aligned line by line).

usage: python3 tools/calibrate_length_ratio.py [NTREX_DIR] > glossaries/length_ratios.tsv

Length is the number of non-space characters. Only pairs whose source has at least
``MIN_SOURCE`` such characters count (short lines vary too much). Prints one row per pair with
the quantiles of the ratio (q001 = 0.1 %, q01 = 1 %, q50 = median, q99, q999) and the count.
"""
import sys
from pathlib import Path

MIN_SOURCE = 40
PAIRS = [("it", "hi", "ita.txt", "hin.txt"), ("en", "hi", "eng.txt", "hin.txt")]
QUANTILES = [0.001, 0.01, 0.5, 0.99, 0.999]


def size(text: str) -> int:
    return sum(not c.isspace() for c in text)


def quantile(values, q):
    values = sorted(values)
    pos = q * (len(values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def main(base: Path) -> None:
    print("source\ttarget\tq001\tq01\tq50\tq99\tq999\tn\tmin_source")
    for src, tgt, sf, tf in PAIRS:
        s_lines = (base / sf).read_text(encoding="utf-8").splitlines()
        t_lines = (base / tf).read_text(encoding="utf-8").splitlines()
        ratios = [size(t) / size(s) for s, t in zip(s_lines, t_lines) if size(s) >= MIN_SOURCE]
        qs = "\t".join(f"{quantile(ratios, q):.3f}" for q in QUANTILES)
        print(f"{src}\t{tgt}\t{qs}\t{len(ratios)}\t{MIN_SOURCE}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora/ntrex"))
