"""Turning the units of a structured input into the documents the engine lints.

A bilingual reader (XLIFF, TMX, PO, JSON Lines) yields ``Unit``s; ``documents`` builds the target
Document (one paragraph per unit, ``unit`` = the unit's id) and, when any unit carries a source,
a source Document aligned with it by paragraph index. Units after the last one with a source get
no source paragraph (``Context.source_for`` then gives None); a unit without a source between two
that have one gets an empty source paragraph, so that the alignment holds. An empty (or blank)
source counts as none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..model import Document, Paragraph

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
    origin: tuple[Position, ...] | None = None
    source_line: int | None = None


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


def _document(name: str, rows: Sequence[tuple[str, int, str | None, tuple | None]]) -> Document:
    paragraphs = []
    offset = 0
    for index, (text, line, unit, origin) in enumerate(rows):
        paragraphs.append(Paragraph(index=index, text=text, offset=offset, line=line, unit=unit, origin=origin))
        offset += len(text) + len(SEPARATOR)
    return Document(path=name, text=SEPARATOR.join(r[0] for r in rows), paragraphs=tuple(paragraphs))


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


def align(text: str, raw: str, raw_origin: Sequence[Position]) -> tuple[Position, ...] | None:
    """Map ``text`` (what a library returned) onto ``raw`` (the characters read from the file, with
    their positions ``raw_origin``, one longer than ``raw``): equal characters pair up, whitespace
    the library collapsed or dropped is skipped. None when the two differ otherwise."""
    if text == raw:
        return tuple(raw_origin)
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
