"""A bounded memo of a pure function of one word.

Words are Zipfian: a few thousand distinct ones make most of a document, so the analyses of a
word (its aksharas, whether the lexicon knows it) are worth remembering. ``functools.lru_cache``
keeps a linked-list node beside each entry (about 77 bytes an entry against a dict's 21): the
checker's ten word memos held about 2.5 MiB that way on a 2,000-sentence file. :func:`word_memo`
keeps a plain dict, emptied when full (the common words come back at once), and answers a word
already met in C, without a Python frame.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class WordMemo(dict):
    """``fn``'s answers by argument; a missing one is computed, and the memo is emptied first
    when it holds ``maxsize``."""

    __slots__ = ("_fn", "_maxsize")

    def __init__(self, fn: Callable, maxsize: int) -> None:
        super().__init__()
        self._fn = fn
        self._maxsize = maxsize

    def __missing__(self, key):
        if len(self) >= self._maxsize:
            self.clear()
        value = self[key] = self._fn(key)
        return value


def word_memo(maxsize: int) -> Callable[[Callable[[K], V]], Callable[[K], V]]:
    """Decorator: ``fn`` (one hashable positional argument, no side effects) memoised in a
    :class:`WordMemo` of at most ``maxsize`` entries. The result is the memo's bound
    ``__getitem__``; its ``__self__`` is the memo (``len``, ``clear``)."""

    def wrap(fn: Callable[[K], V]) -> Callable[[K], V]:
        return WordMemo(fn, maxsize).__getitem__

    return wrap
