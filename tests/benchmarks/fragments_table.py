#!/usr/bin/env python3
"""Accuracy of the untranslated-fragment checks on the labelled fragment set, per fragment length,
with langdetect alone beside it (the table of docs/design/untranslated.md).

usage: python3 tests/benchmarks/fragments_table.py [--split test|tune|all] [--errors]

Each fragment of fixtures/fragments/fragments.tsv is put in a Hindi carrier sentence (at its start
when it started a sentence where it was taken from, in mid-sentence otherwise) and the QA1xx
analysis is run on the sentence, exactly as `qa lint` runs it; its verdict becomes a label:
QA101 it, QA102 en, QA103 the term's language, QA104 name, QA105 other, no finding allowed.
langdetect (seed 0) sees the bare fragment; its label is its language code.

Printed (markdown): fragments, Italian-vs-not accuracy, Italian recall and English recall per
length (words; URLs, e-mails, tags count as one), ours / langdetect.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from qa.rules import untranslated  # noqa: E402

FRAGMENTS = ROOT / "fixtures" / "fragments" / "fragments.tsv"
CODE_LABEL = {"QA101": "it", "QA102": "en", "QA104": "name", "QA105": "other"}
PRIORITY = ("it", "en", "other", "name")


def load(split: str = "test") -> list[dict[str, str]]:
    rows = []
    header = None
    for line in FRAGMENTS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        if split in ("all", row["split"]):
            rows.append(row)
    return rows


def carrier(text: str, position: str) -> tuple[str, int]:
    """The Hindi sentence holding the fragment, and the fragment's offset in it."""
    if position == "initial":
        return f"{text} पर विस्तार से चर्चा हुई।", 0
    lead = "बैठक में "
    return f"{lead}{text} पर विस्तार से चर्चा हुई।", len(lead)


def predict(text: str, position: str) -> str:
    sentence, _ = carrier(text, position)
    labels = set()
    for run in untranslated.analyse(sentence):
        if run.rule == "QA103":
            term = untranslated.latin_terms()[" ".join(untranslated.langid.normalise(run.text).split())]
            labels.add(term["lang"] if term["lang"] in ("it", "en") else "term")
        elif run.rule in CODE_LABEL:
            labels.add(CODE_LABEL[run.rule])
    for label in PRIORITY:
        if label in labels:
            return label
    return "term" if "term" in labels else "allowed"


def predict_langdetect(text: str) -> str:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return detect(text)
    except LangDetectException:
        return "none"


def length_of(row: dict[str, str]) -> int:
    return min(int(row["words"]), 6)


def measure(rows, predictor):
    """Per length (and 'all'): n, Italian-vs-not correct, it n/found, en n/found."""
    stats: dict[object, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    wrong = []
    for row in rows:
        pred = predictor(row)
        gold = row["label"]
        for key in (length_of(row), "all"):
            s = stats[key]
            s["n"] += 1
            s["itnot"] += (pred == "it") == (gold == "it")
            if gold == "it":
                s["it"] += 1
                s["it_found"] += pred == "it"
            if gold == "en":
                s["en"] += 1
                s["en_found"] += pred == "en"
        if (pred == "it") != (gold == "it") or (gold == "en" and pred != "en"):
            wrong.append((row, pred))
    return stats, wrong


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}%" if den else "–"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="test", choices=("test", "tune", "all"))
    ap.add_argument("--errors", action="store_true", help="list the fragments we get wrong")
    ap.add_argument("--no-langdetect", action="store_true", help="skip the langdetect column")
    args = ap.parse_args(argv)
    rows = load(args.split)
    t0 = time.perf_counter()
    ours, wrong = measure(rows, lambda r: predict(r["text"], r["position"]))
    elapsed = time.perf_counter() - t0
    if args.no_langdetect:
        ld = ours
    else:
        ld, _ = measure(rows, lambda r: predict_langdetect(r["text"]))
    print(f"Fragment set: {FRAGMENTS.relative_to(ROOT)}, split {args.split}, {len(rows)} fragments; "
          "each cell: qa / langdetect alone.\n")
    print("| words | fragments | Italian-vs-not accuracy | Italian recall | English recall |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for key in [1, 2, 3, 4, 5, 6, "all"]:
        o, l = ours[key], ld[key]
        if not o["n"]:
            continue
        print(
            f"| {key} | {o['n']} | {pct(o['itnot'], o['n'])} / {pct(l['itnot'], l['n'])} "
            f"| {pct(o['it_found'], o['it'])} / {pct(l['it_found'], l['it'])} (n={o['it']}) "
            f"| {pct(o['en_found'], o['en'])} / {pct(l['en_found'], l['en'])} (n={o['en']}) |"
        )
    print(f"\n(qa: {1000 * elapsed / max(len(rows), 1):.2f} ms a fragment, data loading included)")
    if args.errors:
        for row, pred in wrong:
            print(f"  {row['id']} {row['label']}->{pred} {row['position']}: {row['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
