"""Reading translations: bytes to text (strict UTF-8), text to paragraphs, paths to documents.

Offsets are code points of the text as read: nothing here normalises the text.
"""

from __future__ import annotations

import os
import stat
import sys
from array import array
from collections.abc import Iterator, Sequence

from .errors import InputError
from .model import Document, Paragraph
from .text.lazy import lazy_re

#: Largest input accepted, in bytes (a press release is a few kilobytes).
MAX_BYTES = 256 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"


def decode(data: bytes, name: str) -> str:
    """Decode ``data`` as UTF-8 (a leading BOM is dropped) or raise a one-line InputError."""
    _check_head(data, data.find(b"\x00"), name)
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad, line = data[exc.start], data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            name, f"line {line}: not UTF-8 (byte 0x{bad:02x} at offset {exc.start}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise InputError(name, "holds only whitespace; there is nothing to check")
    return text


def _check_head(head: bytes, nul: int, name: str) -> None:
    """Refuse what is not UTF-8 text, from the first bytes ``head`` and the offset of the first
    NUL byte anywhere (-1 for none): empty, UTF-16, binary."""
    if not head:
        raise InputError(name, "file is empty; there is nothing to check")
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or (nul >= 0 and _looks_utf32(head)):
        raise InputError(name, "is UTF-32; save it as UTF-8")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, "is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")
    if nul >= 0:
        if _looks_utf16(head):
            raise InputError(name, "looks like UTF-16 (NUL bytes between letters); save it as UTF-8")
        raise InputError(name, f"is a binary file (NUL byte at offset {nul}); qa reads UTF-8 text")
    if _looks_utf16(head):
        raise InputError(name, "looks like UTF-16 without a byte-order mark; save it as UTF-8")


def _looks_utf32(data: bytes) -> bool:
    """UTF-32 (any byte order): two of every four bytes are 0x00, always at the same places."""
    sample = data[: 400 - 400 % 4]
    if len(sample) < 8:
        return False
    quarters = [sample[i::4] for i in range(4)]
    zero = [q.count(0) == len(q) for q in quarters]
    return zero == [False, False, True, True] or zero == [True, True, False, False] or zero == [False, True, True, True] or zero == [True, True, True, False]


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: one byte of each pair is mostly 0x00 (Latin) or 0x09
    (Devanagari), always at the same parity."""
    sample = data[:400]
    if len(sample) < 4:
        return False
    for high in (0x00, 0x09):
        for parity in (0, 1):
            half = sample[parity::2]
            if half.count(high) >= 0.6 * len(half) and sample[1 - parity::2].count(high) <= 0.1 * len(half):
                return True
    return False


_LINE = lazy_re(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def split_paragraphs(text: str) -> Iterator[Paragraph]:
    """Yield the paragraphs of ``text``: blocks of non-blank lines (a blank line holds only
    whitespace; a line ends at LF, CRLF or a lone CR). A paragraph's text is the block as written,
    without its final line break."""
    line_no = 1
    block_start = -1
    block_line = 0
    index = 0
    length = len(text)
    pos = 0
    for m in _LINE.finditer(text):
        pos, end = m.span()
        if pos == end:  # the empty match at the end of the text
            break
        if text[pos:end].strip() == "":
            if block_start >= 0:
                yield _paragraph(text, index, block_start, pos, block_line)
                index += 1
                block_start = -1
        elif block_start < 0:
            block_start, block_line = pos, line_no
        line_no += 1
    if block_start >= 0:
        yield _paragraph(text, index, block_start, length, block_line)


def _paragraph(text: str, index: int, start: int, end: int | None, line: int, offset: int | None = None) -> Paragraph:
    body = text[start:end]
    if body.endswith("\r\n"):
        body = body[:-2]
    elif body.endswith(("\n", "\r")):
        body = body[:-1]
    return Paragraph(index=index, text=body, offset=start if offset is None else offset, line=line)


def from_text(text: str, path: str = "<text>") -> Document:
    """A Document from text already in memory (no decoding, no normalisation)."""
    return Document(path=path, text=text, paragraphs=tuple(split_paragraphs(text)))


def read_bytes(path: str) -> bytes:
    """Read one input (``-`` is standard input) with one-line errors for what cannot be read."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    input_size(path)
    try:
        with open(path, "rb") as fh:
            before = os.fstat(fh.fileno())
            data = fh.read()
            after = os.fstat(fh.fileno())
            if len(data) != after.st_size or (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
                raise InputError(path, "changed while it was being read (truncated or edited); check it again")
            return data
    except PermissionError:
        raise InputError(path, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror})") from None


def input_size(path: str) -> int:
    """The size in bytes of the regular file ``path``; one-line errors for anything else."""
    return regular_file(path, "; pass a text file or - for standard input").st_size


def regular_file(path, hint: str = "") -> os.stat_result:
    """``os.stat(path)`` of a regular file under the input size limit, or a one-line InputError
    (no such file, permission, a directory, a FIFO or device: reading one would hang or never
    end). Every file qa reads (inputs, glossaries, baselines, gold) passes here first."""
    path = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
        raise InputError(path, f"is {kind}, not a regular file{hint}")
    if st.st_size > MAX_BYTES:
        raise InputError(
            path, f"is {st.st_size // (1024 * 1024)} MiB, over the {MAX_BYTES // (1024 * 1024)} MiB limit; split it"
        )
    return st


def read_document(path: str) -> Document:
    """Read and decode one input file (or ``-``) into a Document."""
    data = read_bytes(path)
    name = "<stdin>" if path == "-" else path
    if len(data) > MAX_BYTES:
        raise InputError(name, f"is over the {MAX_BYTES // (1024 * 1024)} MiB limit; split it")
    return from_text(decode(data, name), name)


# -- large files: paragraphs read from disk when asked for ---------------------------------------

#: Files larger than this are linted from disk (``FileParagraphs``): memory then holds an index
#: of the paragraphs, not their text, and stays flat however large the input.
STREAM_BYTES = 8 * 1024 * 1024
_CHUNK = 1 << 20


def stamp(fh) -> tuple[int, int]:
    """(size, time of change) of an open file: what says it changed since."""
    st = os.fstat(fh.fileno())
    return st.st_size, st.st_mtime_ns


def file_lines(fh, name: str) -> Iterator[tuple[int, int, str]]:
    """(line number, byte position, line with its line end) of every line of the open binary
    file ``fh``, refusing what ``decode`` refuses with the same messages (empty, UTF-16/32,
    binary, not UTF-8), without holding the file in memory. A lone CR ends a line too."""
    nul, base = -1, 0
    fh.seek(0)
    while chunk := fh.read(_CHUNK):
        at = chunk.find(b"\x00")
        if at >= 0:
            nul = base + at
            break
        base += len(chunk)
    fh.seek(0)
    head = fh.read(max(_CHUNK, 1024))  # decode() sniffs the first 400 bytes
    _check_head(head, nul, name)
    skip = len(_BOM) if head.startswith(_BOM) else 0
    fh.seek(skip)
    pos, line_no = skip, 1
    for raw in fh:  # lines split at b"\n", which no other UTF-8 sequence contains
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                name, f"line {line_no}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {pos - skip + exc.start}); save it as UTF-8"
            ) from None
        if "\r" not in line:
            yield line_no, pos, line
            line_no += 1
        else:
            at = pos
            for m in _LINE.finditer(line):
                part = m.group()
                if not part:
                    break
                yield line_no, at, part
                at += len(part.encode("utf-8"))
                line_no += 1
        pos += len(raw)


class FileParagraphs(Sequence[Paragraph]):
    """The paragraphs of a UTF-8 file, exactly as ``split_paragraphs`` makes them, read from disk
    when asked for. Building it reads the file once, refusing what ``decode`` refuses with the
    same messages, and keeps four integers a paragraph: byte position and length, code-point
    offset and line. Iterating reads the file again in order; indexing reads one paragraph."""

    def __init__(self, path: str, name: str | None = None):
        self.path = path
        self.name = name or path
        self._byte = array("q")
        self._size = array("q")
        self._offset = array("q")
        self._line = array("q")
        self._last: Paragraph | None = None
        self._stamp: tuple[int, int] | None = None
        try:
            self._index()
        except PermissionError:
            raise InputError(self.name, "permission denied; check the file's permissions") from None
        except OSError as exc:
            raise InputError(self.name, f"cannot read it ({exc.strerror})") from None

    def _open(self):
        try:
            fh = open(self.path, "rb")  # noqa: SIM115 (returned open, closed by the caller)
        except OSError:
            raise InputError(self.name, "changed while it was being checked (removed or made unreadable); check it again") from None
        self._check(fh)
        return fh

    def _check(self, fh) -> None:
        """An InputError when the file changed since it was indexed (size or time of change)."""
        st = os.fstat(fh.fileno())
        if (st.st_size, st.st_mtime_ns) != self._stamp:
            raise InputError(self.name, "changed while it was being checked (truncated or edited); check it again")

    def _chunk(self, fh, i: int) -> bytes:
        fh.seek(self._byte[i])
        data = fh.read(self._size[i])
        if len(data) != self._size[i]:
            raise InputError(self.name, "changed while it was being checked (truncated or edited); check it again")
        return data

    def _index(self) -> None:
        with open(self.path, "rb") as fh:
            self._stamp = stamp(fh)
            cp, text_seen = 0, False
            block, pos = -1, 0  # byte position of the open block, or -1
            for line_no, pos, part in file_lines(fh, self.name):
                if part.strip() == "":
                    if block >= 0:
                        self._size.append(pos - block)
                        block = -1
                elif block < 0:
                    block, text_seen = pos, True
                    self._byte.append(pos)
                    self._offset.append(cp)
                    self._line.append(line_no)
                cp += len(part)
                pos += len(part.encode("utf-8")) if not part.isascii() else len(part)
            if block >= 0:
                self._size.append(pos - block)
        if not text_seen:
            raise InputError(self.name, "holds only whitespace; there is nothing to check")

    def __len__(self) -> int:
        return len(self._byte)

    def _make(self, i: int, data: bytes) -> Paragraph:
        return _paragraph(data.decode("utf-8"), i, 0, None, self._line[i], self._offset[i])

    def __getitem__(self, i):
        if isinstance(i, slice):  # one open file for the lot (a part of a large input)
            return list(self._read(range(*i.indices(len(self)))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        if self._last is not None and self._last.index == i:
            return self._last
        with self._open() as fh:
            self._last = self._make(i, self._chunk(fh, i))
        return self._last

    def __iter__(self) -> Iterator[Paragraph]:
        return self._read(range(len(self)))

    def _read(self, indexes: range) -> Iterator[Paragraph]:
        with self._open() as fh:
            for i in indexes:
                yield self._make(i, self._chunk(fh, i))
            self._check(fh)

    def lines(self) -> array:
        """The 1-based line each paragraph starts on."""
        return self._line
