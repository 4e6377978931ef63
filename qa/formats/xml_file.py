"""A large XLIFF or TMX file linted from disk: its units are read again when their paragraphs are
needed, in blocks, by the same reader as a small file.

One streaming pass with expat (no tree of the file in memory) finds every unit element
(``trans-unit`` and 2.x ``unit`` in XLIFF, ``tu`` in TMX): its byte range, position and the start
tags around it. A block of consecutive units under the same parent is read as a small file of its
own (the file's prolog, those start tags, the units, the end tags) by ``xliff.read``/``tmx.read``,
and the positions it gives are moved to where the units stand in the file. Building the index
reads every block once (so every error is found before linting); memory then holds a few integers
a paragraph.
"""

from __future__ import annotations

import gc
import re
import xml.parsers.expat as expat
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from .. import document
from ..errors import InputError
from ..model import Document
from ..text.lazy import lazy_re
from . import reader
from ._units import SEPARATOR, Runs, Unit
from .po_file import index_documents

#: Units read together; blocks kept in memory at once.
BLOCK = 64
CACHED = 4
UNIT_ELEMENTS = {"xliff": ("trans-unit", "unit"), "tmx": ("tu",)}
_LINE_BREAK = lazy_re(r"\r\n|\r|\n")
_CHUNK = 1 << 20


def _local(tag: str) -> str:
    return tag.rpartition(":")[2]


class _Index:
    def __init__(self, path: str, name: str, fmt: str):
        self.path, self.name, self.fmt = path, name, fmt
        # unit elements: byte range, 1-based line and column of the start tag, wrapper, ordinal
        self.start, self.end, self.line, self.column, self.wrapper = (array("q") for _ in range(5))
        self.wrappers: list[tuple[str, str]] = []  # (start tags, end tags)
        self.tags: list[str] = []
        self.tag = array("b")  # the unit element's name (as written) of each unit
        self.blocks = array("q")  # first unit element of each block
        # paragraphs: block, position in it, offsets in the target and source documents
        self.para_block, self.para_k = array("q"), array("q")
        self.target_offset, self.source_offset = array("q"), array("q")
        self.sources = 0
        self._cache: OrderedDict[int, list[Unit]] = OrderedDict()
        with open(path, "rb") as fh:
            self.stamp = document.stamp(fh)
            for _ in document.file_lines(fh, name):  # what decode refuses, with its messages
                pass
            self._scan(fh)
        self._blocks()
        self._paragraphs()

    # -- the streaming pass ------------------------------------------------------------------

    def _scan(self, fh) -> None:
        parser = expat.ParserCreate("utf-8")
        wanted = UNIT_ELEMENTS[self.fmt]
        stack: list[tuple[str, str]] = []  # (tag, start tag as text) of the open elements
        inside = 0  # depth inside a unit element
        root_at = -1  # the byte offset of the root element's start tag
        extra = ""  # a TMX <header> element, repeated in every wrapper
        wrappers: dict[str, int] = {}
        header: list[int] = []
        self.root: str | None = None

        def start(tag, attrs):
            nonlocal inside, root_at
            if inside:
                inside += 1
                return
            if root_at < 0:
                root_at = parser.CurrentByteIndex
                self.root = tag
            if self.fmt == "tmx" and len(stack) == 1 and _local(tag) == "header":
                header.append(parser.CurrentByteIndex)
            if _local(tag) in wanted and stack:
                opening = stack[0][1] + extra + "".join(s for _, s in stack[1:])
                closing = "".join(f"</{t}>" for t, _ in reversed(stack))
                key = opening + "\0" + closing
                if key not in wrappers:
                    wrappers[key] = len(self.wrappers)
                    self.wrappers.append((opening, closing))
                self.start.append(parser.CurrentByteIndex)
                self.line.append(parser.CurrentLineNumber)
                self.column.append(parser.CurrentColumnNumber + 1)
                self.wrapper.append(wrappers[key])
                if tag not in self.tags:
                    self.tags.append(tag)
                self.tag.append(self.tags.index(tag))
                inside = 1
                return
            stack.append((tag, f"<{tag}" + "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items()) + ">"))

        def end(tag):
            nonlocal inside, extra
            if inside:
                inside -= 1
                if not inside:
                    self.end.append(parser.CurrentByteIndex)
                return
            stack.pop()
            if header and len(header) == 1 and len(stack) == 1 and _local(tag) == "header":
                header.append(parser.CurrentByteIndex)
                extra = self._element(fh, header[0], header[1], tag)

        parser.StartElementHandler, parser.EndElementHandler = start, end
        fh.seek(0)
        try:
            while chunk := fh.read(_CHUNK):
                at = fh.tell()
                parser.Parse(chunk, False)
                fh.seek(at)
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise InputError(self.name, f"line {exc.lineno}: not well-formed XML ({expat.ErrorString(exc.code)}, column {exc.offset + 1})") from None
        root = {"xliff": "xliff", "tmx": "tmx"}[self.fmt]
        if self.root is not None and _local(self.root) != root:
            raise InputError(self.name, f"line 1: not {'an XLIFF' if root == 'xliff' else 'a TMX'} file (the root element is <{_local(self.root)}>, not <{root}>)")
        fh.seek(0)
        self.prolog = fh.read(max(root_at, 0)).decode("utf-8")
        if self.prolog.startswith("\ufeff"):
            self.prolog = self.prolog[1:]

    def _element(self, fh, start: int, end: int, tag: str) -> str:
        """The text of the element whose start tag is at ``start`` and end event at ``end``."""
        at = fh.tell()
        fh.seek(start)
        data = fh.read(end - start) + _end_tag(fh, tag)
        fh.seek(at)
        return data.decode("utf-8")

    def _blocks(self) -> None:
        for u in range(len(self.start)):
            if not self.blocks or u - self.blocks[-1] >= BLOCK or self.wrapper[u] != self.wrapper[u - 1]:
                self.blocks.append(u)

    def _paragraphs(self) -> None:
        offset = source = 0
        for b in range(len(self.blocks)):
            for k, u in enumerate(self._read_block(b)):
                self.para_block.append(b)
                self.para_k.append(k)
                self.target_offset.append(offset)
                self.source_offset.append(source)
                offset += len(u.target) + len(SEPARATOR)
                source += (len(u.source) if u.source is not None else 0) + len(SEPARATOR)
                if u.source is not None:
                    self.sources = len(self.para_block)
        if not len(self.para_block):
            label = "XLIFF" if self.fmt == "xliff" else "TMX"
            raise InputError(self.name, f"holds no translated unit (no {label} unit has a target); there is nothing to check")

    # -- reading a block -----------------------------------------------------------------------

    def _read_block(self, b: int) -> list[Unit]:
        first = self.blocks[b]
        last = self.blocks[b + 1] - 1 if b + 1 < len(self.blocks) else len(self.start) - 1
        opening, closing = self.wrappers[self.wrapper[first]]
        with open(self.path, "rb") as fh:
            if document.stamp(fh) != self.stamp:
                raise InputError(self.name, "changed while it was being checked (truncated or edited); check it again")
            fh.seek(self.start[first])
            body = fh.read(self.end[last] - self.start[first]) + _end_tag(fh, self.tags[self.tag[last]])
        head = self.prolog + opening + "\n"
        text = head + body.decode("utf-8", "replace") + closing
        top = len(_LINE_BREAK.findall(head)) + 1  # the line of the fragment where the units start
        try:
            target, source = reader(self.fmt).read(text, text.encode("utf-8"), self.name, first + 1)
        except InputError as exc:
            if "holds no translated unit" in exc.problem:
                return []
            raise
        move = _Mover(top, self.line[first], self.column[first])
        out = []
        src = source.paragraphs if source is not None else ()
        for i, p in enumerate(target.paragraphs):
            s = src[i] if i < len(src) and src[i].text.strip() else None
            out.append(
                Unit(
                    id=p.unit, target=p.text, source=s.text if s is not None else None,
                    line=move.line(p.line), origin=move.origin(p.origin),
                    source_line=move.line(s.line) if s is not None else None,
                )
            )
        # The toolkit's store and its units hold each other: garbage only the cycle collector
        # frees, and a run with workers turns it off (qa.runner). Free this block's now: the
        # objects made since the last call are young, so this costs a pass over them only.
        del target, source, src
        gc.collect(0)
        return out

    def __len__(self) -> int:
        return len(self.para_block)

    def unit(self, i: int) -> Unit:
        b = self.para_block[i]
        units = self._cache.get(b)
        if units is None:
            units = self._cache[b] = self._read_block(b)
            while len(self._cache) > CACHED:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(b)
        return units[self.para_k[i]]

    def __getstate__(self):
        return {**self.__dict__, "_cache": OrderedDict()}


def _end_tag(fh, tag: str) -> bytes:
    """The end tag of element ``tag`` where ``fh`` stands (expat's end event of an element), or
    nothing when the element was empty (``<tag/>``: what follows is another element's)."""
    tail = fh.read(len(tag.encode()) + 1024)
    m = re.match(rb"</" + re.escape(tag.encode()) + rb"\s*>", tail)
    return m.group() if m else b""


class _Mover:
    """Positions in a block read on its own (its units start at line ``top``, column 1) moved to
    where the units stand in the file (line ``line``, column ``column``)."""

    def __init__(self, top: int, line: int, column: int):
        self.top, self.shift, self.column = top, line - top, column - 1

    def line(self, line: int) -> int:
        return line + self.shift

    def at(self, pos):
        line, column = pos
        return line + self.shift, column + (self.column if line == self.top else 0)

    def origin(self, origin: Sequence | None):
        if origin is None:
            return None
        if not isinstance(origin, Runs):
            return tuple(map(self.at, origin))
        out = Runs()
        for index, line, column, step in origin.runs():
            at_line, at_column = self.at((line, column))
            out.add(index, at_line, at_column, step)
        out.end = self.at(origin.end)
        out.close(origin.length)
        return out


def read_path(path: str, fmt: str, name: str | None = None) -> tuple[Document, Document | None]:
    """The target and source Documents of the XLIFF or TMX file ``path``, read from disk when needed."""
    name = name or path
    return index_documents(lambda: _Index(path, name, fmt), name)
