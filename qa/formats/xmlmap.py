"""Where the text of XML elements sits in the file: a position map built with expat.

``element_texts(text, "target")`` returns, for every element with that local name in document
order, its text content (character data of the element and its descendants, entities decoded)
and the 1-based (line, column) in the file of every code point of it plus one for its end.
A decoded reference (``&amp;``, ``&#x915;``) maps to the position of its ``&``; a line break
to the end of its line.
"""

from __future__ import annotations

import xml.parsers.expat as expat

from ..errors import InputError
from ..text.lazy import lazy_re
from ._units import Position, Runs

_LINE_BREAK = lazy_re(r"\r\n|\r|\n")


def element_texts(text: str, localname: str, name: str = "<xml>") -> list[tuple[str, Runs]]:
    lines = _LINE_BREAK.split(text)
    parser = expat.ParserCreate()
    parser.buffer_text = False
    found: list[tuple[str, Runs]] = []
    depth = 0  # > 0 while inside a wanted element
    chars: list[str] = []
    origin = Runs()
    count = 0

    def here() -> Position:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    def start(tag: str, _attrs) -> None:
        nonlocal depth, origin, count
        if depth:
            depth += 1
        elif tag.rpartition(":")[2] == localname:
            depth = 1
            chars.clear()
            origin, count = Runs(), 0

    def end(_tag: str) -> None:
        nonlocal depth
        if not depth:
            return
        depth -= 1
        if not depth:
            origin.end = here()
            origin.close(count)
            found.append(("".join(chars), origin))

    def data(chunk: str) -> None:
        nonlocal count
        if not depth:
            return
        line, column = here()
        raw = lines[line - 1]
        chars.append(chunk)
        # as written: consecutive columns; a reference or a normalised line break: all at its start
        origin.add(count, line, column, 1 if raw.startswith(chunk, column - 1) else 0)
        count += len(chunk)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        parser.Parse(text, True)  # str: expat is told it is UTF-8, whatever the prolog says
    except expat.ExpatError as exc:
        raise InputError(name, f"line {exc.lineno}: not well-formed XML ({expat.ErrorString(exc.code)}, column {exc.offset + 1})") from None
    return found
