"""Benchmark: linting the NTREX Hindi lines with ten times the shipped glossaries is at most 1.5x
slower than with the shipped ones (matching must use multi-pattern structures, not one regex per
entry).

    python tests/benchmarks/glossary_scale.py [--factor 10] [--runs 5]

The extra entries are synthetic but shaped like real ones: every shipped organisation gets
``factor - 1`` variants (new acronyms and Devanagari spellings, names with one word changed) and
every term ``factor - 1`` variants whose calques (``always_wrong``) start with real Hindi words of
the corpus, so the calque matcher really has to look at many paragraphs. Each run loads the
glossaries afresh (loading is part of the cost) and lints all 1,997 lines as paragraphs with every
rule; the best CPU time of the runs is compared. Exit status 1 when the ratio is above 1.5.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from qa import glossary as gl  # noqa: E402
from qa.acronyms import spell  # noqa: E402
from qa.document import from_text  # noqa: E402
from qa.engine import Options, lint_document  # noqa: E402
from qa.rules import all_rules  # noqa: E402
from qa.tbx import to_tsv  # noqa: E402

LETTERS = "BCDFHJKLMPQRTVWXYZ"


def corpus() -> str:
    lines = (ROOT / "fixtures" / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines()
    return "\n\n".join(line.strip() for line in lines if line.strip()) + "\n"


def synthetic(factor: int, text: str, seed: int = 7) -> tuple[list, list]:
    """(factor - 1) variants of every shipped organisation and term."""
    from dataclasses import replace

    rng = random.Random(seed)
    g = gl.load_glossary()
    words = [w for w, n in Counter(gl.TOKEN_RE.findall(text)).items() if 2 <= n <= 50 and gl.has_devanagari(w)]
    orgs, terms = [], []
    for k in range(1, factor):
        tag = LETTERS[k % len(LETTERS)] + LETTERS[(k // len(LETTERS)) % len(LETTERS)]
        for o in g.organisations:
            short = tuple(f"{s}{tag}" for s in o.short)
            orgs.append(
                replace(
                    o,
                    id=f"{o.id} {tag}",
                    short=short,
                    it_short=tuple(f"{s}{tag}" for s in o.it_short),
                    en=tuple(f"{n} {tag.title()}" for n in o.en),
                    it=tuple(f"{n} {tag.title()}" for n in o.it),
                    hi=tuple(f"{rng.choice(words)} {n}" for n in o.hi),  # head nouns stay last
                    hi_short=tuple(spell(s) for s in short if s.isupper()),
                )
            )
        for t in g.terms:
            terms.append(
                replace(
                    t,
                    it=tuple(f"{f} {tag.lower()}" for f in t.it),
                    hi=tuple(f"{h} {rng.choice(words)}" for h in t.hi),
                    wrong=tuple(f"{h} {rng.choice(words)}" for h in t.wrong),
                    always_wrong=tuple(f"{rng.choice(words)} {rng.choice(words)} {rng.choice(words)}" for _ in t.always_wrong or ("",)),
                )
            )
    return orgs, terms


def run(doc, extra: tuple[str, ...], runs: int) -> tuple[float, int]:
    rules = all_rules()
    best, n = float("inf"), 0
    for _ in range(runs):
        gl.load_glossary.cache_clear()
        t = time.process_time()
        result = lint_document(doc, Options(rules=rules, glossary_paths=extra))
        best = min(best, time.process_time() - t)
        n = len(result.findings)
    return best, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    text = corpus()
    doc = from_text(text, "ntrex-hin")
    orgs, terms = synthetic(args.factor, text)
    with tempfile.TemporaryDirectory() as tmp:
        org_tsv, term_tsv = to_tsv(orgs, terms)
        paths = (f"{tmp}/orgs.tsv", f"{tmp}/terms.tsv")
        Path(paths[0]).write_text(org_tsv, encoding="utf-8")
        Path(paths[1]).write_text(term_tsv, encoding="utf-8")
        run(doc, (), 1)  # warm up imports and lexicons shared by both configurations
        base, n_base = run(doc, (), args.runs)
        big, n_big = run(doc, paths, args.runs)
    g = gl.load_glossary((), True)
    ratio = big / base
    print(f"paragraphs: {len(doc.paragraphs)}")
    print(f"shipped glossaries: {len(g.organisations)} organisations, {len(g.terms)} terms")
    print(f"x{args.factor}: {len(g.organisations) + len(orgs)} organisations, {len(g.terms) + len(terms)} terms")
    print(f"shipped: {base * 1000:.0f} ms CPU ({len(doc.paragraphs) / base:.0f} paragraphs/s), {n_base} findings")
    print(f"x{args.factor}:     {big * 1000:.0f} ms CPU ({len(doc.paragraphs) / big:.0f} paragraphs/s), {n_big} findings")
    print(f"ratio: {ratio:.2f} (limit 1.5)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
