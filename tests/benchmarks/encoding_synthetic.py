#!/usr/bin/env python3
"""Measure the encoding rules (QA301-QA305) on NTREX Hindi lines, as written and corrupted.

    python3 tests/benchmarks/encoding_synthetic.py [--seed N] [--lines K] [--show N]

1. The lines as written: every finding of QA301-QA305 is printed (acceptance: nothing flagged;
   the few findings are real typos of the human translation, shown so they can be checked).
2. Recall: K lines (seeded; all 1,997 by default) corrupted each way, one corruption a case:
     cp1252     the line's UTF-8 bytes read as Windows-1252 (undefined bytes as C1 codes, as
                browsers do)                                                     -> QA301
     latin1     read as Latin-1                                                  -> QA301
     double     encoded twice (UTF-8 -> cp1252 -> UTF-8 -> cp1252)              -> QA301
     partial    one to four words of the line read as cp1252                    -> QA301
     replace    read as cp1252 with undefined bytes replaced by U+FFFD          -> QA301
     fffd       one to three characters replaced by U+FFFD                      -> QA302
     control    a control character (C0, DEL, C1, BOM, bidi override) inserted  -> QA303
     nfd        an accented Italian word from ita.txt inserted, line in NFD     -> QA305
     matra      a vowel sign doubled, or its consonant deleted                  -> QA304
   A case is found when the expected rule reports a finding that overlaps the corrupted
   characters (the whole line for whole-line kinds). For nfd the same line with the word
   inserted but left in NFC is also checked, and must give no QA305 finding.
   NFD of the Hindi alone is not a case: it changes 473 lines, but only by decomposing the
   precomposed nukta letters (ज़ -> ज + ़), which is exactly what NFC does too.
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from collections import Counter

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import regex
from glued_synthetic import ntrex_lines  # the same folder; it also puts the checkout on sys.path

from qa.document import from_text
from qa.rules import Context
from qa.rules import encoding as enc

RULES = (enc.Mojibake, enc.ReplacementCharacter, enc.ControlCharacter, enc.InvalidDevanagari, enc.NotNFC)
CONTROLS = [chr(c) for c in [*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]]
CONTROLS += ["\ufeff", "\u202e", "\u202d", "\u2066", "\u2067"]
VOWEL_SIGN = regex.compile("[\u093e-\u094c]")
FIRST_CONSONANT = regex.compile("(?<![\\p{L}\\p{M}])[\u0915-\u0939](?=[\u093e-\u094c])")
ACCENTED = regex.compile(r"\b\w*[àèéìòóùÀÈÉÌÒÙ]\w*\b")


def findings(text: str):
    para = from_text(text).paragraphs[0]
    ctx = Context(paragraphs=(para,))
    for rule in RULES:
        for hit in rule(ctx).check(para):
            yield rule.code, hit


def cp1252(s: str) -> str:
    return s.encode("utf-8").decode("sloppy-windows-1252")


def word_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(r"\S+", line)]


def corrupt(kind: str, line: str, rng: random.Random, italian: list[str]):
    """(corrupted line, start, end of the corrupted characters, expected rule) or None."""
    if kind == "cp1252":
        out = cp1252(line)
        return out, 0, len(out), "QA301"
    if kind == "latin1":
        out = line.encode("utf-8").decode("latin-1")
        return out, 0, len(out), "QA301"
    if kind == "double":
        out = cp1252(cp1252(line))
        return out, 0, len(out), "QA301"
    if kind == "replace":
        out = line.encode("utf-8").decode("cp1252", errors="replace")
        return out, 0, len(out), "QA301"
    if kind == "partial":
        words = [w for w in word_spans(line) if regex.search(r"\p{Devanagari}", line[w[0]:w[1]])]
        if not words:
            return None
        i = rng.randrange(len(words))
        j = min(len(words), i + rng.randint(1, 4)) - 1
        s, e = words[i][0], words[j][1]
        bad = cp1252(line[s:e])
        return line[:s] + bad + line[e:], s, s + len(bad), "QA301"
    if kind == "fffd":
        k = rng.randint(1, 3)
        s = rng.randrange(0, max(1, len(line) - k))
        return line[:s] + "\ufffd" * k + line[s + k:], s, s + k, "QA302"
    if kind == "control":
        s = rng.randrange(0, len(line) + 1)
        return line[:s] + rng.choice(CONTROLS) + line[s:], s, s + 1, "QA303"
    if kind == "nfd":
        word = rng.choice(italian)
        spans = word_spans(line)
        s = rng.choice(spans)[0]
        plain = line[:s] + word + " " + line[s:]
        out = unicodedata.normalize("NFD", plain)
        # where the inserted word lands in the decomposed line
        start = len(unicodedata.normalize("NFD", line[:s]))
        end = start + len(unicodedata.normalize("NFD", word))
        return out, start, end, "QA305", (plain, s, s + len(word))
    if kind == "matra":
        # a vowel sign doubled, or a word's first consonant deleted before its vowel sign
        signs = list(VOWEL_SIGN.finditer(line))
        firsts = list(FIRST_CONSONANT.finditer(line))
        if firsts and (not signs or rng.random() < 0.5):
            m = rng.choice(firsts)
            return line[:m.start()] + line[m.end():], m.start(), m.start() + 1, "QA304"
        if not signs:
            return None
        m = rng.choice(signs)
        return line[:m.end()] + m.group() + line[m.end():], m.start(), m.end() + 1, "QA304"
    raise ValueError(kind)


KINDS = ("cp1252", "latin1", "double", "partial", "replace", "fffd", "control", "nfd", "matra")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--lines", type=int, default=0, help="lines to corrupt (0: all)")
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args(argv)
    lines = ntrex_lines("hin.txt")
    italian = sorted({m.group() for line in ntrex_lines("ita.txt") for m in ACCENTED.finditer(line)})

    print(f"NTREX as written: {len(lines)} lines")
    clean = Counter()
    for n, line in enumerate(lines):
        for code, hit in findings(line):
            clean[code] += 1
            if sum(clean.values()) <= args.show:
                print(f"    {code} line {n + 1}: {line[hit.start:hit.end]!r} -> {hit.suggestion!r}")
    print(f"  findings: {sum(clean.values())} {dict(sorted(clean.items()))}")

    rng = random.Random(args.seed)
    sample = lines if not args.lines else rng.sample(lines, args.lines)
    total = Counter()
    found = Counter()
    false_nfc = 0
    misses: dict[str, list[str]] = {}
    for kind in KINDS:
        for line in sample:
            case = corrupt(kind, line, rng, italian)
            if case is None:
                continue
            text, s, e, code = case[:4]
            if text == line:
                continue  # nothing to corrupt (a line in plain ASCII)
            total[kind] += 1
            hits = [h for c, h in findings(text) if c == code]
            if any(h.start < e and s < h.end for h in hits):
                found[kind] += 1
            elif len(misses.setdefault(kind, [])) < args.show:
                misses[kind].append(repr(text[max(0, s - 10):e + 10]))
            if kind == "nfd":
                twin, ts, te = case[4]
                false_nfc += sum(1 for c, h in findings(twin) if c == "QA305" and h.start < te and ts < h.end)
    print(f"Corrupted lines (seed {args.seed}): recall per kind")
    for kind in KINDS:
        if total[kind]:
            print(f"  {kind:8} {found[kind]}/{total[kind]} = {100 * found[kind] / total[kind]:.2f} %")
    all_found, all_total = sum(found.values()), sum(total.values())
    print(f"  all      {all_found}/{all_total} = {100 * all_found / all_total:.2f} % (acceptance >= 99 %)")
    print(f"  QA305 findings on the inserted words of the nfd cases' NFC twins: {false_nfc}")
    for kind, items in misses.items():
        print(f"  missed ({kind}): {' '.join(items)}")


if __name__ == "__main__":
    main()
