"""Turning the units of a structured input into the documents the engine lints.

A bilingual reader (XLIFF, TMX, PO, JSON Lines) yields ``Unit``s; ``documents`` builds the target
Document (one paragraph per unit, ``unit`` = the unit's id) and, when any unit carries a source,
a source Document aligned with it by paragraph index. Units after the last one with a source get
no source paragraph (``Context.source_for`` then gives None); a unit without a source between two
that have one gets an empty source paragraph, so that the alignment holds. An empty (or blank)
source counts as none.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from ..model import Document, Paragraph, PositionMap

Position = tuple[int, int]
SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit: its id, target text, optional source text, the 1-based line where the
    target starts in the input, and optionally the position of every code point of the target
    (plus one for its end) in the input file."""

    id: str | None
    target: str
    source: str | None = None
    line: int = 1
    origin: PositionMap | None = None
    source_line: int | None = None


class Runs:
    """A compact position map (what ``Unit.origin`` holds for a PO target): runs of code points
    that sit at consecutive columns of one line (step 1) or all at one place (step 0, an escape),
    and the position just after the text. ``runs[i]`` is the (line, column) of code point ``i``;
    memory grows with the runs, not with the characters."""

    __slots__ = ("_index", "_where", "end", "length")

    def __init__(self):
        # where each run starts in the text, and its (line, column, step), one after the other
        self._index, self._where = array("q"), array("q")
        self.end: Position = (1, 1)
        self.length = 0

    def add(self, index: int, line: int, column: int, step: int) -> None:
        self._index.append(index)
        self._where.extend((line, column, step))

    def close(self, length: int) -> None:
        self.length = length

    def runs(self) -> Iterator[tuple[int, int, int, int]]:
        """(index, line, column, step) of each run, in order."""
        where = self._where
        return ((index, *where[3 * k:3 * k + 3]) for k, index in enumerate(self._index))

    def __len__(self) -> int:
        return self.length + 1

    def __getitem__(self, i: int) -> Position:
        if i < 0:
            i += self.length + 1
        if i >= self.length or not self._index:
            return self.end
        k = bisect.bisect_right(self._index, i) - 1
        line, column, step = self._where[3 * k:3 * k + 3]
        return line, column + step * (i - self._index[k])

    def __iter__(self):
        return (self[i] for i in range(self.length + 1))

    def __eq__(self, other) -> bool:
        return isinstance(other, (Runs, tuple)) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash((self.length, self.end))

    def __reduce__(self):
        return (_runs, (self._index, self._where, self.end, self.length))


def _runs(index, where, end, length) -> Runs:
    runs = Runs()
    runs._index, runs._where, runs.end, runs.length = index, where, end, length
    return runs


def documents(name: str, units: Iterable[Unit]) -> tuple[Document, Document | None]:
    """The target Document and the aligned source Document (None when no unit has a source)."""
    units = [u if u.source is None or u.source.strip() else replace(u, source=None) for u in units]
    target = _document(name, [(u.target, u.line, u.id, u.origin) for u in units])
    with_source = [i for i, u in enumerate(units) if u.source is not None]
    if not with_source:
        return target, None
    last = with_source[-1]
    source = _document(
        name,
        [(u.source or "", u.source_line or u.line, u.id, None) for u in units[: last + 1]],
    )
    return target, source


def _document(name: str, rows: Sequence[tuple[str, int, str | None, PositionMap | None]]) -> Document:
    paragraphs = []
    offset = 0
    for index, (text, line, unit, origin) in enumerate(rows):
        paragraphs.append(Paragraph(index=index, text=text, offset=offset, line=line, unit=unit, origin=origin))
        offset += len(text) + len(SEPARATOR)
    # no joined text: a file of units is its paragraphs (as the disk readers make it); the join
    # was the largest thing reading a PO file built, and nothing read it
    return Document(path=name, text="", paragraphs=tuple(paragraphs))


def walk(text: str, line: int, column: int) -> tuple[list[Position], Position]:
    """The (line, column) of every code point of ``text`` when it starts at ``line``/``column`` of
    a file, and the position just after it. Only ``\\n`` starts a new line (as in the text reader)."""
    out: list[Position] = []
    for ch in text:
        out.append((line, column))
        if ch == "\n":
            line, column = line + 1, 1
        else:
            column += 1
    return out, (line, column)


def align(text: str, raw: str, raw_origin: PositionMap) -> PositionMap | None:
    """Map ``text`` (what a library returned) onto ``raw`` (the characters read from the file, with
    their positions ``raw_origin``, one longer than ``raw``): equal characters pair up, whitespace
    the library collapsed or dropped is skipped. None when the two differ otherwise."""
    if text == raw:
        return raw_origin if isinstance(raw_origin, Runs) else tuple(raw_origin)
    out: list[Position] = []
    j = 0
    for ch in text:
        while j < len(raw) and raw[j] != ch and raw[j].isspace():
            j += 1
        if j < len(raw) and raw[j] == ch:
            out.append(raw_origin[j])
            j += 1
        elif ch.isspace():
            out.append(raw_origin[j])
        else:
            return None
    out.append(raw_origin[j])
    return tuple(out)
