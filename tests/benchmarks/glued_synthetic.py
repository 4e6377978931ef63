#!/usr/bin/env python3
"""Measure the glued-word rules (QA201-QA204) on NTREX Hindi: false alarms and synthetic recall.

    python3 tests/benchmarks/glued_synthetic.py [--seed N] [--per-line K] [--show N]

1. False alarms: every line of fixtures/ntrex/hin.txt as written (careful human news Hindi) is
   linted with the glued-word rules; prints findings, flagged word tokens and their share of all
   word tokens (acceptance: at most 0.05 %), and the findings themselves.
2. Recall: synthetic cases made by deleting the space between two adjacent Devanagari words of a
   line (K random pairs a line, seeded). A case is found when QA204 reports exactly the glued
   token; the suggested split is checked too. Joins that give a standard spelling are not cases
   (a pronoun with its postposition, इसके; a bound suffix, देखकर; a join that is itself a known
   word). Cases are classed:
     function  one side is a function word (postposition, conjunction, auxiliary, particle,
               pronoun) or the first piece is inflected (-ों -ें -एं -ओं): acceptance >= 85 %
     content   both sides are content words: acceptance >= 50 %
   and, for the record, the same recall with "inflected form" read on either side.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from synth import standard_join  # noqa: E402  (tools/synth.py)

from qa import hindi_lexicon as lex  # noqa: E402
from qa.document import from_text  # noqa: E402
from qa.rules import Context  # noqa: E402
from qa.rules.glued import (  # noqa: E402
    DigitsGluedToWord,
    LatinGluedToDevanagari,
    NoSpaceAfterPunctuation,
)
from qa.rules.glued_hindi import GluedHindiWords  # noqa: E402
from qa.text.tokens import DEVANAGARI_WORD, count_words  # noqa: E402

RULES = (LatinGluedToDevanagari, DigitsGluedToWord, NoSpaceAfterPunctuation, GluedHindiWords)


def ntrex_lines(name: str = "hin.txt") -> list[str]:
    """The non-blank lines of fixtures/ntrex/``name`` (also used by encoding_synthetic.py)."""
    text = (ROOT / "fixtures" / "ntrex" / name).read_text(encoding="utf-8")
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


def lint(lines: list[str], rules=RULES):
    doc = from_text("\n\n".join(lines))
    ctx = Context(paragraphs=doc.paragraphs)
    instances = [r(ctx) for r in rules]
    for para in doc.paragraphs:
        for rule in instances:
            for hit in rule.check(para):
                yield rule, para, hit
    for rule in instances:
        for hit in rule.finish():
            yield rule, doc.paragraphs[hit.paragraph], hit


def false_alarms(lines: list[str], show: int) -> None:
    words = sum(count_words(line) for line in lines)
    hits = list(lint(lines))
    per_rule = Counter(rule.code for rule, _, _ in hits)
    flagged = sum(count_words(para.text[h.start:h.end]) for _, para, h in hits)
    print(f"NTREX as written: {len(lines)} lines, {words} word tokens")
    print(f"  findings: {len(hits)} {dict(sorted(per_rule.items()))}")
    print(f"  flagged word tokens: {flagged} = {100 * flagged / words:.3f} % (acceptance <= 0.05 %)")
    for rule, para, h in hits[:show]:
        print(f"    {rule.code} line {para.index + 1}: {para.text[h.start:h.end]!r} -> {h.suggestion!r}")


def is_function(word: str) -> bool:
    return lex.function_class(word) in lex.FUNCTION_CLASSES


def cases(lines: list[str], seed: int, per_line: int):
    """(line index, modified line, start, end, left, right) for glued adjacent word pairs."""
    rng = random.Random(seed)
    for n, line in enumerate(lines):
        words = list(DEVANAGARI_WORD.finditer(line))
        pairs = []
        for a, b in zip(words, words[1:]):
            if line[a.end():b.start()] != " ":
                continue
            left, right = a.group(), b.group()
            if standard_join(left, right):
                continue  # a standard joined spelling, not an error
            pairs.append((a, b))
        for a, b in rng.sample(pairs, min(per_line, len(pairs))):
            glued = line[:a.end()] + line[b.start():]
            yield n, glued, a.start(), b.end() - 1, a.group(), b.group()


def articles(count: int) -> list[list[int]]:
    """For each of the ``count`` NTREX lines, the indices of the lines of its article
    (``fixtures/ntrex/document_ids.tsv``)."""
    text = (ROOT / "fixtures" / "ntrex" / "document_ids.tsv").read_text(encoding="utf-8")
    ids = [row.split("\t")[-1] for row in text.split("\n") if row.strip()]
    if len(ids) != count:
        raise SystemExit(f"document_ids.tsv has {len(ids)} rows for {count} lines")
    members: dict[str, list[int]] = {}
    for n, doc in enumerate(ids):
        members.setdefault(doc, []).append(n)
    return [members[doc] for doc in ids]


def recall(lines: list[str], seeds: list[int], per_line: int, show: int, alone: bool) -> None:
    """Recall over the cases of each seed; each glued line is linted in its article (as a
    document of its article's lines), or alone with ``alone``."""
    article = articles(len(lines))
    found: Counter = Counter()
    total: Counter = Counter()
    per_seed: dict[str, list[float]] = {"function": [], "content": []}
    split_ok = 0
    misses: dict[str, list[str]] = {"function": [], "content": []}
    for seed in seeds:
        seed_found: Counter = Counter()
        seed_total: Counter = Counter()
        for n, glued, start, end, left, right in cases(lines, seed, per_line):
            doc = [n] if alone else article[n]
            text = [glued if k == n else lines[k] for k in doc]
            where = doc.index(n)
            hits = [h for _, para, h in lint(text, (GluedHindiWords,))
                    if para.index == where and h.start == start and h.end == end]
            strict = "function" if is_function(left) or is_function(right) or lex.inflected(left) else "content"
            loose = "function" if strict == "function" or lex.inflected(right) else "content"
            for key in (strict, "loose-" + loose, "all"):
                total[key] += 1
                found[key] += bool(hits)
            seed_total[strict] += 1
            seed_found[strict] += bool(hits)
            if hits:
                split_ok += hits[0].suggestion == f"{left} {right}"
            elif len(misses[strict]) < show:
                misses[strict].append(f"{left}|{right}")
        for key in per_seed:
            per_seed[key].append(100 * seed_found[key] / max(seed_total[key], 1))
    where = "each line alone" if alone else "each glued line linted in its article"
    print(f"Synthetic glued pairs: {total['all']} cases (seeds {', '.join(map(str, seeds))}; "
          f"{per_line} a line; {where})")
    for key, label, goal in (
        ("function", "function word on either side or inflected first piece", "85"),
        ("content", "both content words", "50"),
        ("loose-function", "(function word or inflected form on either side)", ""),
        ("loose-content", "(content words, neither inflected)", ""),
        ("all", "all cases", ""),
    ):
        if total[key]:
            bar = f" (acceptance >= {goal} %)" if goal else ""
            spread = ""
            if key in per_seed and len(seeds) > 1:
                spread = f"; by seed {min(per_seed[key]):.1f}-{max(per_seed[key]):.1f} %"
            print(f"  {label}: {found[key]}/{total[key]} = {100 * found[key] / total[key]:.1f} %{bar}{spread}")
    if found["all"]:
        print(f"  suggested split right: {split_ok}/{found['all']}")
    for key, items in misses.items():
        if items:
            print(f"  missed ({key}): {' '.join(items)}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    ap.add_argument("--per-line", type=int, default=2)
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--alone", action="store_true", help="lint each glued line alone, not in its article")
    args = ap.parse_args(argv)
    lines = ntrex_lines()
    false_alarms(lines, args.show)
    recall(lines, args.seeds, args.per_line, args.show, args.alone)


if __name__ == "__main__":
    main()
