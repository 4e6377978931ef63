"""Sentences: where a sentence ends inside a paragraph, and which Latin full stops end one (not
an abbreviation, an initial, a list number, a URL, a stray stop before a postposition).

The one sentence splitter of the checker: the punctuation, structure and ending rules use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..resources import data_dir, function_words, read_tsv
from .lazy import lazy_regex
from .tokens import WORD

#: What may stand between a word and the full stop ending it, or right after that full stop.
CLOSERS = "\"'”’»›)]}"
#: What may stand before a sentence's first word.
OPENERS = "\"'“‘„«‹([{"
_OPENERS = OPENERS
_DEVANAGARI = lazy_regex(r"\p{Devanagari}")
_LATIN = lazy_regex(r"\p{Latin}")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviations written with a full stop (``glossaries/abbreviations.tsv``), keyed by the
    abbreviation (Latin ones casefolded), valued by kind (title, letter, unit, other)."""
    rows = read_tsv(data_dir() / "abbreviations.tsv", required=("abbreviation", "kind"))
    return {r["abbreviation"].casefold(): r["kind"] for r in rows if r["abbreviation"]}


def is_postposition(word: str) -> bool:
    """A postposition that cannot open a phrase (``dangles`` = yes in the function words)."""
    entry = function_words().get(word)
    return bool(entry and entry.get("class") == "postposition" and entry.get("dangles") == "yes")


@dataclass(frozen=True, slots=True)
class FullStop:
    """A Latin full stop followed by whitespace (or the end), and what stands before it.

    ``kind``: ``devanagari`` (after a Devanagari word, or a number inside Hindi text), ``number``
    (after another number), ``latin`` (after a Latin word): these end a sentence; ``stray``
    (a Latin word, the full stop, then a postposition: *Fentanyl. से*), ``abbreviation`` (dotted
    chain, URL, e-mail, known abbreviation, initial, list number) and ``other`` do not. ``word``
    is the span of the word before it, ``next`` the span of the word after it (or None).
    """

    pos: int
    kind: str
    word: tuple[int, int]
    next: tuple[int, int] | None

    def next_word(self, text: str) -> str:
        return text[self.next[0]:self.next[1]] if self.next else ""

    @property
    def ends_sentence(self) -> bool:
        return self.kind in ("devanagari", "number", "latin")


_STOP = lazy_regex(r"(?<![.…])\.(?![.…])")
_NEXT_WORD = lazy_regex(r"[\s" + regex.escape(_OPENERS) + r"]*(" + WORD.pattern + ")")


@lru_cache(maxsize=16)  # several rules look at the same paragraph one after another
def full_stops(text: str) -> tuple[FullStop, ...]:
    """Every full stop of ``text`` that is followed by whitespace, closing quotes/brackets or the
    end (a full stop inside ``3.5``, ``www.x.it`` or ``यू.एस`` is not one), classified."""
    if "." not in text:
        return ()
    out: list[FullStop] = []
    n = len(text)
    for m in _STOP.finditer(text):
        i = m.start()
        j = i + 1
        while j < n and text[j] in CLOSERS:
            j += 1
        if j < n and not text[j].isspace():
            continue
        k = i
        while k > 0 and text[k - 1] in CLOSERS:
            k -= 1
        s = k
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        while s < k and text[s] in _OPENERS:
            s += 1
        token = text[s:k]
        nm = _NEXT_WORD.match(text, j) if j < n else None
        nxt = (nm.start(1), nm.end(1)) if nm else None
        words = list(WORD.finditer(token))
        if not words:
            continue
        w = words[-1]
        word = (s + w.start(), s + w.end())
        kind = _kind(text, token, w.group(), s, nxt is not None)
        if kind == "latin" and nxt and is_postposition(text[nxt[0]:nxt[1]]):
            kind = "stray"
        out.append(FullStop(i, kind, word, nxt))
    return tuple(out)


def _kind(text: str, token: str, word: str, s: int, followed: bool) -> str:
    if "." in token or "@" in token or "://" in token or token.lower().startswith("www"):
        return "abbreviation"  # dotted chain (यू.एस., D.C.), URL, e-mail
    found = abbreviations().get(word.casefold())
    if found and (found != "letter" or followed):
        return "abbreviation"
    if word.isdigit():
        line_start = s == 0 or text[s - 1] == "\n"
        if line_start and len(word) <= 3:
            return "abbreviation"  # list number "1. "
        before = WORD.findall(text, max(0, s - 40), s)
        return "devanagari" if before and _DEVANAGARI.search(before[-1]) else "number"
    if _DEVANAGARI.search(word[-1]):
        return "devanagari"
    if _LATIN.search(word[-1]):
        if len(word) == 1 and word.isupper():
            return "abbreviation"  # initial: J. K. Rowling
        return "latin"
    return "other"


#: A danda (or several), or ``?``/``!`` followed by whitespace (closing marks between).
_TERMINATOR = lazy_regex(r"[।॥]+|[?!]+(?=[" + regex.escape(CLOSERS) + r"]*(?:\s|$))")


@lru_cache(maxsize=16)
def sentence_ends(text: str) -> tuple[tuple[int, int, bool], ...]:
    """Where sentences end inside ``text``: (position of the terminator, where the next sentence
    may start, quoted). Terminators: the danda (even with no space after it), ``?`` and ``!``
    followed by whitespace, and a Latin full stop followed by whitespace that ends a sentence
    (not an abbreviation, an initial, a URL, a list number or a stray stop before a postposition).
    ``quoted``: a closing quotation mark or bracket follows the terminator, so what comes next may
    be a postposition governing the quotation (``"…हैं?" के जवाब में``)."""
    ends: list[tuple[int, int]] = []
    for m in _TERMINATOR.finditer(text):
        ends.append((m.start(), m.end()))
    for fs in full_stops(text):
        if fs.ends_sentence:
            ends.append((fs.pos, fs.pos + 1))
    out = []
    for pos, end in sorted(ends):
        j = end
        while j < len(text) and text[j] in CLOSERS:
            j += 1
        out.append((pos, j, j > end))
    return tuple(out)
