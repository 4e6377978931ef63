"""How alike two names are: sacrebleu's chrF on normalised names (postpositions and conjunctions
dropped), its symmetric form, and small spelling variations."""

from __future__ import annotations

from functools import lru_cache

from .glossary.text import norm_token, norm_tokens
from .text.memo import word_memo

#: Two words are spelling variants of each other from this difflib ratio (यूरोपियन/यूरोपीय 0.8).
SPELLING_RATIO = 0.75


@lru_cache(maxsize=1)
def _chrf_metric():
    """sacrebleu's ``CHRF()`` with its defaults, imported on first use: its import (portalocker,
    tabulate, colorama…) costs about 0.1 s, which a run that judges no expansion never pays."""
    from sacrebleu.metrics import CHRF

    return CHRF()


def sacrebleu_chrf(hyp: str, ref: str) -> float:
    """Sentence-level chrF of ``hyp`` against ``ref`` (0-100), sacrebleu's ``CHRF()`` defaults:
    character n-grams of orders 1-6 with whitespace removed, beta 2."""
    return _chrf_metric().sentence_score(hyp, [ref]).score


def _stop_words() -> frozenset[str]:
    from .resources import function_words

    return frozenset(
        norm_token(w) for w, row in function_words().items() if row.get("class") in ("postposition", "conjunction")
    )


_STOP: frozenset[str] | None = None


@word_memo(4096)
def comparable(text: str) -> str:
    """``text`` as compared: normalised tokens (:func:`qa.glossary.text.norm_token`) without
    postpositions and conjunctions, unless nothing is left."""
    global _STOP
    if _STOP is None:
        _STOP = _stop_words()
    toks = norm_tokens(text)
    return " ".join([t for t in toks if t not in _STOP] or toks)


def chrf(hyp: str, ref: str) -> float:
    """chrF (0-100, sacrebleu's defaults: character 6-grams, beta 2) of normalised names
    (:func:`comparable`)."""
    x, y = comparable(hyp), comparable(ref)
    if x == y:
        return 100.0
    if not x or not y:
        return 0.0
    return sacrebleu_chrf(x, y)


def symmetric(a: str, b: str) -> float:
    """The lower of the two directions of chrF: high only when each name covers the other (a
    short name inside a long one, संयुक्त राष्ट्र in संयुक्त राष्ट्र बाल कोष, does not count)."""
    forward = chrf(a, b)
    return forward if forward in (0.0, 100.0) else min(forward, chrf(b, a))


def close_spelling(phrase: str, name: str) -> bool:
    """Every word of ``name`` has a near-identical word in ``phrase`` (यूरोपियन/यूरोपीय), and the
    phrase has at most one word more: a small spelling variation, which chrF punishes in short
    names."""
    from difflib import SequenceMatcher

    a = comparable(phrase).split()
    b = comparable(name).split()
    if not b or len(a) > len(b) + 1:
        return False
    return all(any(SequenceMatcher(None, w, v).ratio() >= SPELLING_RATIO for v in a) for w in b)
