"""Gettext PO, read with translate-toolkit's storage classes.

Each translated entry (a non-empty ``msgstr``; the header and obsolete entries are skipped) is one
paragraph; its ``msgid`` feeds the source-aware checks. The unit id is the ``msgctxt``, else the
first ``#:`` reference, else the ``msgid``. Positions point into the PO file: a character written
as an escape (``\\n``, ``\\"``) points at its backslash.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Document
from ._units import Position, Unit, documents

_MSGSTR = re.compile(r'msgstr(\[0\])?\s*"')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def read(text: str, data: bytes, name: str) -> tuple[Document, Document | None]:
    from translate.storage.pypo import pofile

    try:
        store = pofile.parsestring(data)
    except Exception as exc:  # PoParseError and the toolkit's decoding errors
        raise InputError(name, f"not a valid PO file ({exc})") from None
    entries = [u for u in store.units if not u.isobsolete()]
    located = _msgstr_positions(text)
    if len(located) != len(entries):
        located = [None] * len(entries)
    units: list[Unit] = []
    for unit, where in zip(entries, located):
        target = str(unit.target) if unit.target is not None else ""
        if unit.isheader() or not target:
            continue
        line, origin = 1, None
        if where is not None:  # the exact map, or (if the toolkit read it otherwise) its start
            origin = where[1] if where[0] == target else (where[1][0],) * (len(target) + 1)
            line = origin[0][0]
        uid = unit.getcontext() or next(iter(unit.getlocations()), "") or str(unit.source)
        units.append(Unit(id=uid, target=target, source=str(unit.source), line=line, origin=origin))
    if not units:
        raise InputError(name, "holds no translated entry (every msgstr is empty); there is nothing to check")
    return documents(name, units)


def _msgstr_positions(text: str) -> list[tuple[str, tuple[Position, ...]] | None]:
    """The decoded text and position map of the first msgstr of every entry, in file order."""
    found: list[tuple[str, tuple[Position, ...]] | None] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = _MSGSTR.match(lines[i])
        if not m:
            i += 1
            continue
        chars: list[str] = []
        origin: list[Position] = []
        end: Position = (i + 1, m.end())
        column = m.end() - 1  # 0-based index of the opening quote
        while True:
            end = _decode_literal(lines[i], i + 1, column, chars, origin) or end
            i += 1
            if i >= len(lines):
                break
            stripped = lines[i].lstrip()
            if not stripped.startswith('"'):
                break
            column = len(lines[i]) - len(stripped)
        found.append(("".join(chars), tuple(origin) + (end,)))
    return found


def _decode_literal(line: str, line_no: int, quote: int, chars: list[str], origin: list[Position]) -> Position | None:
    """Decode the string literal whose opening quote is at ``quote``; return the closing quote's
    position (1-based), the position just after the last character."""
    j = quote + 1
    while j < len(line):
        ch = line[j]
        if ch == '"':
            return (line_no, j + 1)
        if ch == "\\" and j + 1 < len(line):
            nxt = line[j + 1]
            if nxt in _ESCAPES:
                chars.append(_ESCAPES[nxt])
                origin.append((line_no, j + 1))
                j += 2
                continue
            octal = re.match(r"[0-7]{1,3}", line[j + 1 :])
            if octal:
                chars.append(chr(int(octal.group(), 8)))
                origin.append((line_no, j + 1))
                j += 1 + len(octal.group())
                continue
        chars.append(ch)
        origin.append((line_no, j + 1))
        j += 1
    return None
