"""White-space-delimited chunks of a paragraph (``text.split()``), shared by the rules that read
them, and where in the text a chunk stands.

A pattern that neither matches white space nor looks past it (Devanagari words, Latin acronyms)
finds in a chunk read alone exactly the tokens it finds there in the whole text, so a rule may
memoise what it makes of each chunk (chunks repeat like words) and read a paragraph's offsets
only where a chunk matters.
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache

from . import RECENT_TEXTS


@lru_cache(maxsize=RECENT_TEXTS)
def chunks(text: str) -> list[str]:
    """``text.split()``, memoised for the last few texts (several rules ask it of every
    paragraph). The list is shared: do not change it."""
    return text.split()


def chunk_starts(text: str, pieces: list[str], wanted: Container[str]) -> list[tuple[int, str]]:
    """Where in ``text`` its chunks ``pieces`` (``text.split()``) that are in ``wanted`` start, in
    order: (offset, chunk). Each is the next occurrence with white space (or an end of the text)
    on both sides: an earlier such occurrence would be an earlier chunk of the same text, itself
    wanted and passed."""
    out = []
    pos, size, find = 0, len(text), text.find
    for piece in filter(wanted.__contains__, pieces):
        n = len(piece)
        at = find(piece, pos)
        while (at and not text[at - 1].isspace()) or (at + n < size and not text[at + n].isspace()):
            at = find(piece, at + 1)
        out.append((at, piece))
        pos = at + n
    return out
