"""Paragraph alignment of a translation with its source when their counts differ, as sentence
aligners do (Gale and Church 1993): dynamic programming over beads (one source paragraph to one
target paragraph, two to one, one to two, a source paragraph with no translation, a target
paragraph with no source), scored by how far the length ratio is from the language pair's
(``glossaries/length_ratios.tsv``) and by anchors (numbers shared or missing).

``align_source`` gives, for every target paragraph, the source text aligned with it (two source
paragraphs merged into one target are joined) and the source paragraphs left without a
translation: the omission rule QA662 reports those.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Sequence

import regex

from .model import Paragraph
from .text.web import NUMBER

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_NUMBER = NUMBER
#: Bead penalties (negative log prior), in units of the squared length deviation.
PENALTY = {(1, 1): 0.0, (2, 1): 3.0, (1, 2): 3.0, (1, 0): 4.5, (0, 1): 4.5}


@dataclass(frozen=True)
class Dropped:
    """A source paragraph with no translation, and the index of the target paragraph it belongs
    before (the number of target paragraphs when it belongs at the end)."""

    source: Paragraph
    before: int


class AlignedSource(list):
    """The source paragraph aligned with each target paragraph (index = target index; an empty
    paragraph where the target has none), and ``dropped``: the source paragraphs left out."""

    dropped: tuple[Dropped, ...] = ()


def _size(text: str) -> int:
    return sum(not c.isspace() for c in text)


def _numbers(text: str) -> set[str]:
    return {regex.sub(r"[.,]", "", m.group()).translate(_DIGITS) for m in _NUMBER.finditer(text)}


def _cost(src: Sequence[Paragraph], tgt: Sequence[Paragraph], ratio: float, sigma: float) -> float:
    s = sum(_size(p.text) for p in src)
    t = sum(_size(p.text) for p in tgt)
    d = math.log((t + 10) / (ratio * s + 10)) / sigma
    cost = d * d / 2
    sn = set().union(*(_numbers(p.text) for p in src))
    if sn:
        tn = set().union(*(_numbers(p.text) for p in tgt))
        cost += 2.0 * len(sn - tn) / len(sn)
    return cost


def beads(source: Sequence[Paragraph], target: Sequence[Paragraph], ratio: float, sigma: float):
    """The best path of beads [(source indices, target indices)] by dynamic programming."""
    n, m = len(source), len(target)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == inf:
                continue
            for (a, b), pen in PENALTY.items():
                if i + a > n or j + b > m:
                    continue
                if a and b:
                    c = _cost(source[i:i + a], target[j:j + b], ratio, sigma)
                else:
                    c = 0.0
                total = best[i][j] + pen + c
                if total < best[i + a][j + b]:
                    best[i + a][j + b] = total
                    back[i + a][j + b] = (a, b)
    path = []
    i, j = n, m
    while i or j:
        a, b = back[i][j]  # type: ignore[misc]
        path.append((list(range(i - a, i)), list(range(j - b, j))))
        i, j = i - a, j - b
    return path[::-1]


def align_source(source: Sequence[Paragraph], target: Sequence[Paragraph]) -> AlignedSource:
    """Source paragraphs aligned with ``target`` (see the module docstring)."""
    from .rules.accuracy import length_ratios, source_language

    cal = length_ratios().get(source_language(" ".join(p.text for p in source[:20])) or "it")
    ratio = cal["q50"]
    sigma = math.log(cal["q99"] / cal["q50"]) / 2.33
    out = AlignedSource()
    dropped = []
    for src, tgt in beads(source, target, ratio, sigma):
        if not tgt:
            dropped.extend(src)
            continue
        if not src:
            out.extend(Paragraph(index=-1, text="", offset=0, line=0) for _ in tgt)
            continue
        if len(tgt) > 1:  # a paragraph split in two: neither half is the whole source
            out.extend(Paragraph(index=src[0], text="", offset=0, line=0) for _ in tgt)
            continue
        out.append(replace(source[src[0]], text="\n\n".join(source[k].text for k in src)))
    out.dropped = tuple(
        Dropped(source[k], _next_target(out, k, source)) for k in dropped
    )
    return out


def _next_target(out: AlignedSource, k: int, source: Sequence[Paragraph]) -> int:
    """The first target paragraph aligned with a source paragraph after ``k``."""
    for t, p in enumerate(out):
        if p.text and p.index > k:
            return t
    return len(out)
