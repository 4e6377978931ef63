"""A large PO file linted from disk: its entries are read again when their paragraphs are needed.

``read_path(path)`` gives the same Documents as ``po.read`` on the whole file (same texts,
offsets, lines, unit ids and positions), but memory holds an index of a few integers per unit,
not the text: one pass over the file checks it (every error ``po.read`` reports, with the same
message) and records where each entry starts; a paragraph is made by parsing its entry again
(a block of entries at a time, so that reading in order parses each entry once more).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from .. import document
from ..errors import InputError
from ..model import Document, Paragraph
from . import po
from ._units import SEPARATOR, Unit

#: Entries parsed together when a paragraph is asked for.
BLOCK = 64


class _Index:
    """Where the entries and units of a PO file are, and the texts' lengths (code points)."""

    def __init__(self, path: str, name: str):
        self.path, self.name = path, name
        self.entry_byte, self.entry_line = array("q"), array("q")
        self.unit_entry, self.unit_form = array("q"), array("q")
        self.target_offset, self.source_offset = array("q"), array("q")
        self.translated = True
        self.sources = 0  # source paragraphs: up to the last unit with a source
        self._block: tuple[int, dict[int, list[Unit]]] | None = None
        with open(path, "rb") as fh:
            self.stamp = document.stamp(fh)
            self._build(fh)

    def _build(self, fh) -> None:
        seen_text = False

        def lines():
            nonlocal seen_text
            for row in document.file_lines(fh, self.name):
                seen_text = seen_text or not row[2].isspace()
                yield row

        rows: list[tuple[int, int, int, int]] = []  # translated units: (entry, form, target, source length or -1)
        empty: list[tuple[int, int, int, int]] = []  # untranslated ones, used when no unit is translated
        for e, entry in enumerate(po._entries(lines(), self.name)):
            self.entry_byte.append(entry.byte)
            self.entry_line.append(entry.line)
            untranslated: list[Unit] = []
            units = po._units(entry, untranslated)
            if rows or units:
                rows.extend((e, k, len(u.target), _source_length(u)) for k, u in enumerate(units))
            else:
                empty.extend((e, k, 0, _source_length(u)) for k, u in enumerate(untranslated))
        if not seen_text:
            raise InputError(self.name, "holds only whitespace; there is nothing to check")
        if not rows and not empty:
            raise InputError(self.name, "holds no entry but the header; there is nothing to check")
        self.translated = bool(rows)
        offset = source = 0
        for i, (e, k, tlen, slen) in enumerate(rows or empty):
            self.unit_entry.append(e)
            self.unit_form.append(k)
            self.target_offset.append(offset)
            self.source_offset.append(source)
            offset += tlen + len(SEPARATOR)
            source += max(slen, 0) + len(SEPARATOR)
            if slen >= 0:
                self.sources = i + 1

    def __len__(self) -> int:
        return len(self.unit_entry)

    def unit(self, i: int) -> Unit:
        e = self.unit_entry[i]
        if self._block is None or e not in self._block[1]:
            self._block = (e, self._parse(e - e % BLOCK))
        return self._block[1][e][self.unit_form[i]]

    def _parse(self, first: int) -> dict[int, list[Unit]]:
        last = min(first + BLOCK, len(self.entry_byte))
        start = self.entry_byte[first]
        with open(self.path, "rb") as fh:
            if document.stamp(fh) != self.stamp:
                raise InputError(self.name, "changed while it was being checked (truncated or edited); check it again")
            fh.seek(start)
            data = fh.read(self.entry_byte[last] - start) if last < len(self.entry_byte) else fh.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(self.name, "changed while it was being checked (truncated or edited); check it again") from None
        out: dict[int, list[Unit]] = {}
        entries = po._entries(po.lines_of(text, self.entry_line[first]), self.name)
        for e, entry in zip(range(first, last), entries):
            untranslated: list[Unit] = []
            units = po._units(entry, untranslated)
            out[e] = units if self.translated else untranslated
        return out

    def __getstate__(self):  # to a worker: the index, not the block read last
        return {**self.__dict__, "_block": None}


def _source_length(unit: Unit) -> int:
    return len(unit.source) if unit.source is not None and unit.source.strip() else -1


class UnitParagraphs(Sequence[Paragraph]):
    """The target (or source) paragraphs of an indexed PO file, made when asked for."""

    def __init__(self, index: _Index, source: bool = False):
        self._index, self._source = index, source

    def __len__(self) -> int:
        return self._index.sources if self._source else len(self._index)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        index = self._index
        u = index.unit(i)
        if self._source:
            text = u.source if u.source is not None and u.source.strip() else ""
            return Paragraph(index=i, text=text, offset=index.source_offset[i], line=u.source_line or u.line, unit=u.id)
        return Paragraph(index=i, text=u.target, offset=index.target_offset[i], line=u.line, unit=u.id, origin=u.origin)

    def __iter__(self) -> Iterator[Paragraph]:
        return (self[i] for i in range(len(self)))


def read_path(path: str, name: str | None = None) -> tuple[Document, Document | None]:
    """The target and source Documents of the PO file ``path``, read from disk when needed."""
    name = name or path
    return index_documents(lambda: _Index(path, name), name)


def index_documents(make_index, name: str) -> tuple[Document, Document | None]:
    """The target and source Documents over the unit index ``make_index()`` builds (a PO, XLIFF or
    TMX file read from disk); an unreadable file is an InputError naming it."""
    try:
        index = make_index()
    except PermissionError:
        raise InputError(name, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(name, f"cannot read it ({exc.strerror})") from None
    target = Document(path=name, text="", paragraphs=UnitParagraphs(index))  # type: ignore[arg-type]
    if not index.sources:
        return target, None
    return target, Document(path=name, text="", paragraphs=UnitParagraphs(index, source=True))  # type: ignore[arg-type]
