"""A small Devanagari → Latin romaniser and a phonetic skeleton for comparing a name across
scripts (``Kerensky`` and ``केरेंस्की``), as QA664 needs. Not a transliteration standard: both
sides are reduced to consonant skeletons, so spelling conventions (w/v, z/j, ph/f, doubled
letters, vowels) do not matter.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from .text.lazy import lazy_regex
from .text.memo import word_memo

_CONS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh",
    "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d",
    "ध": "dh", "न": "n", "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r",
    "ल": "l", "ळ": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s", "ह": "h",
}
_NUKTA = {"क": "q", "ख": "kh", "ग": "g", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f"}
_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e", "ऐ": "ai",
    "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e",
}
_MATRAS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai", "ो": "o",
    "ौ": "au", "ॉ": "o", "ॅ": "e",
}
_VIRAMA, _NUKTA_SIGN = "्", "़"
_NASAL = {"ं": "n", "ँ": "n"}


def romanise(text: str) -> str:
    """Devanagari to a plain Latin spelling (inherent ``a`` kept; other characters as they are)."""
    out: list[str] = []
    chars = list(text)
    i = 0
    while i < len(chars):
        c = chars[i]
        if c in _CONS:
            base = _CONS[c]
            if i + 1 < len(chars) and chars[i + 1] == _NUKTA_SIGN:
                base = _NUKTA.get(c, base)
                i += 1
            out.append(base)
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if nxt in _MATRAS:
                out.append(_MATRAS[nxt])
                i += 1
            elif nxt == _VIRAMA:
                i += 1
            else:
                out.append("a")
        elif c in _VOWELS:
            out.append(_VOWELS[c])
        elif c in _NASAL:
            out.append(_NASAL[c])
        elif c != _NUKTA_SIGN:
            out.append(c)
        i += 1
    return "".join(out)


#: (pattern, replacement, a string the word must hold for the pattern to match at all: a sub
#: that cannot match still costs a regex call; "" for always)
_STEPS = [
    (r"ph", "f", "ph"), (r"ck", "k", "ck"), (r"c(?=[eiy])", "s", "c"), (r"[cq]h", "C", "h"), (r"sh", "S", "sh"),
    (r"([kgtdbj])h", r"\1", "h"), (r"th", "t", "th"), (r"x", "ks", "x"), (r"[cq]", "k", ""), (r"C", "ch", "C"),
    (r"w", "v", "w"), (r"z", "j", "z"), (r"S", "s", "S"), (r"h", "", "h"), (r"(?<=.)[aeiouy]+", "", ""),
    (r"(.)\1+", r"\1", ""),
]


_COMPILED = [(lazy_regex(pattern), repl, needs) for pattern, repl, needs in _STEPS]
_NOT_LETTER = lazy_regex(r"[^a-z]")


@word_memo(1 << 14)  # a pure function of the word; names and words recur
def skeleton(word: str) -> str:
    """The word's consonant skeleton (first letter kept whatever it is)."""
    w = romanise(word).casefold()
    w = _NOT_LETTER.sub("", w)
    for pattern, repl, needs in _COMPILED:
        if needs in w:
            w = pattern.sub(repl, w)
    return w


def similar(a: str, b: str) -> float:
    """How alike two words sound, 0..1, by their skeletons."""
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return 0.0
    return SequenceMatcher(None, sa, sb).ratio()


def alike(a: str, b: str, threshold: float) -> bool:
    """Whether ``similar(a, b) >= threshold``."""
    return alike_any(a, (b,), threshold)


def alike_any(a: str, words: Iterable[str], threshold: float) -> bool:
    """Whether ``similar(a, w) >= threshold`` for some ``w`` of ``words``; the skeletons'
    lengths, then their letters (upper bounds of difflib's ratio), rule most words out before
    the full comparison."""
    sa = skeleton(a)
    la = len(sa)
    counts = [(c, sa.count(c)) for c in set(sa)]
    for w in words:
        sb = skeleton(w)
        if not sa or not sb:
            if threshold <= 0.0:
                return True
            continue
        lb = len(sb)
        length = la + lb
        if 2.0 * min(la, lb) / length < threshold:  # SequenceMatcher.real_quick_ratio
            continue
        if 2.0 * sum(min(k, sb.count(c)) for c, k in counts) / length < threshold:  # .quick_ratio
            continue
        if SequenceMatcher(None, sa, sb).ratio() >= threshold:
            return True
    return False
