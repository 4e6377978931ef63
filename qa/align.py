"""Paragraph alignment of a translation with its source when their counts differ, as sentence
aligners do (Gale and Church 1993): dynamic programming over beads (one source paragraph to one
target paragraph, two to one, one to two, a source paragraph with no translation, a target
paragraph with no source), scored by how far the length ratio is from the language pair's
(``glossaries/length_ratios.tsv``) and by anchors (numbers shared or missing).

``align_source`` gives, for every target paragraph, the source text aligned with it (two source
paragraphs merged into one target are joined; a source paragraph the translation split in two is
cut at the sentence boundary that matches the halves' lengths; a target paragraph with no source
gets an empty one) and the source paragraphs left without a translation: the omission rule QA662
reports those. It works whichever side has more paragraphs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .model import Paragraph
from .text.lazy import lazy_regex
from .text.web import NUMBER

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789", ".,")  # separators dropped
_NUMBER = NUMBER
#: Bead penalties (negative log prior), in units of the squared length deviation.
PENALTY = {(1, 1): 0.0, (2, 1): 3.0, (1, 2): 3.0, (1, 0): 4.5, (0, 1): 4.5}


@dataclass(frozen=True)
class Dropped:
    """A source paragraph with no translation, and the index of the target paragraph it belongs
    before (the number of target paragraphs when it belongs at the end)."""

    source: Paragraph
    before: int


class AlignedSource(list[Paragraph]):
    """The source paragraph aligned with each target paragraph (index = target index; an empty
    paragraph where the target has none), and ``dropped``: the source paragraphs left out."""

    dropped: tuple[Dropped, ...] = ()


def size(text: str) -> int:
    """Length as the length ratios measure it: non-space characters (``str.split`` splits at
    exactly the characters ``str.isspace`` accepts)."""
    return len("".join(text.split()))


def _numbers(text: str) -> set[str]:
    return {m.group().translate(_DIGITS) for m in _NUMBER.finditer(text)}


_NAME = lazy_regex(r"(?<=\S\s+)\p{Lu}[\p{L}'’-]{2,}")
_DEVANAGARI_WORD = lazy_regex(r"[\u0900-\u0963\u0971-\u097F]{2,}|\p{Latin}{3,}")


@lru_cache(maxsize=256)
def _names(text: str) -> frozenset[str]:
    """Consonant skeletons of the capitalised words inside the sentences of a (Latin) text."""
    from .translit import skeleton

    return frozenset(k for k in (skeleton(m.group()) for m in _NAME.finditer(text)) if len(k) >= 2)


@lru_cache(maxsize=256)
def _skeletons(text: str) -> frozenset[str]:
    from .translit import skeleton

    return frozenset(skeleton(m.group()) for m in _DEVANAGARI_WORD.finditer(text))


def _cost(src: Sequence[Paragraph], tgt: Sequence[Paragraph], ratio: float, sigma: float,
          names: bool = False) -> float:
    s = sum(size(p.text) for p in src)
    t = sum(size(p.text) for p in tgt)
    d = math.log((t + 10) / (ratio * s + 10)) / sigma
    cost = d * d / 2
    sn = set().union(*(_numbers(p.text) for p in src))
    if sn:
        tn = set().union(*(_numbers(p.text) for p in tgt))
        cost += 2.0 * len(sn - tn) / len(sn)
    if names:  # sentences: a name of the source, transliterated or copied, is an anchor
        found = set().union(*(_names(p.text) for p in src))
        if found:
            there = set().union(*(_skeletons(p.text) for p in tgt))
            cost += (2.0 * len(found - there) - 1.5 * len(found & there)) / len(found)
    return cost


def beads(source: Sequence[Paragraph], target: Sequence[Paragraph], ratio: float, sigma: float,
          penalties: dict[tuple[int, int], float] = PENALTY, names: bool = False):
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
            for (a, b), pen in penalties.items():
                if i + a > n or j + b > m:
                    continue
                if a and b:
                    c = _cost(source[i:i + a], target[j:j + b], ratio, sigma, names)
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

    cal = length_ratios()[source_language(" ".join(p.text for p in source[:20])) or "it"]
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
        if len(tgt) > 1:  # a paragraph split in two: each half gets its share of the sentences
            whole = "\n\n".join(source[k].text for k in src)
            for part in split_source(whole, [target[k].text for k in tgt]):
                out.append(replace(source[src[0]], text=part))
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


#: Sentence beads: a translator joins three short sentences into one more often than a
#: paragraph's; without a 3:1 bead the aligner would call one of them dropped.
SENTENCE_PENALTY = {**PENALTY, (3, 1): 4.0}
#: A sentence end: ., !, ?, the danda (or a | typed for it), then closing quotes or brackets, then a space or the end.
_SENTENCE = lazy_regex(r"[.!?।॥|]+[\"'”’»)\]]*(?=\s|$)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (an abbreviation's full stop may split one: the
    aligner then joins the pieces with a 2:1 bead)."""
    from .text.sentences import abbreviations

    out, start = [], 0
    first = len(text) - len(text.lstrip())  # the first character that is not white space
    for m in _SENTENCE.finditer(text):
        word = _word_ending(text, m.start() + 1) if first < m.start() else ""
        bare = word.rstrip(".").lstrip("\"'“‘(")
        if m.group()[0] == "." and ("." in bare or len(bare) == 1 or bare.casefold() in abbreviations()):
            continue  # U.S., J. K., Dr.: an abbreviation or an initial
        while start < m.end() and text[start].isspace():
            start += 1
        if start < m.end():
            out.append((start, m.end()))
        start = m.end()
    while start < len(text) and text[start].isspace():
        start += 1
    if start < len(text.rstrip()):
        out.append((start, len(text.rstrip())))
    return out


def _word_ending(text: str, end: int) -> str:
    """``text[:end].split()[-1]``, without copying ``text[:end]`` (asked at every sentence end)."""
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def dropped_sentences(source: str, target: str, ratio: float, sigma: float) -> list[tuple[tuple[int, int], int]]:
    """Source sentences the sentence alignment leaves without a translation: [((start, end) in
    the source, index of the target sentence they belong before)], aligning the sentences of
    one paragraph and its translation as paragraphs are aligned (``beads``)."""
    ss, ts = sentence_spans(source), sentence_spans(target)
    if len(ss) < 2 or len(ts) >= len(ss):
        return []
    sp = [Paragraph(index=k, text=source[a:b], offset=a, line=0) for k, (a, b) in enumerate(ss)]
    tp = [Paragraph(index=k, text=target[a:b], offset=a, line=0) for k, (a, b) in enumerate(ts)]
    out: list[tuple[tuple[int, int], int]] = []
    next_target = 0
    for src, tgt in beads(sp, tp, ratio, sigma, SENTENCE_PENALTY, names=True):
        if tgt:
            next_target = tgt[-1] + 1
        else:
            out.extend((ss[k], next_target) for k in src)
    return out


def split_source(source: str, parts: Sequence[str]) -> list[str]:
    """The source of a paragraph the translation split in two: the sentence boundary of
    ``source`` whose share of its length best matches the first part's share of the target
    (within a quarter); an empty source for both (no source-aware check) when the source is one
    sentence or no boundary fits."""
    spans = sentence_spans(source)
    if len(parts) != 2 or len(spans) < 2:
        return [""] * len(parts)
    total_t = sum(size(p) for p in parts) or 1
    share = size(parts[0]) / total_t
    total_s = size(source) or 1
    best = min(range(1, len(spans)), key=lambda k: abs(size(source[:spans[k][0]]) / total_s - share))
    if abs(size(source[:spans[best][0]]) / total_s - share) > 0.25:
        return [""] * len(parts)
    cut = spans[best][0]
    return [source[:cut].rstrip(), source[cut:]]
