"""Reading translations: bytes to text (strict UTF-8), text to paragraphs, paths to documents.

Offsets are code points of the text as read: nothing here normalises the text.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Iterator

from .errors import InputError
from .model import Document, Paragraph

#: Largest input accepted, in bytes (a press release is a few kilobytes).
MAX_BYTES = 256 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"


def decode(data: bytes, name: str) -> str:
    """Decode ``data`` as UTF-8 (a leading BOM is dropped) or raise a one-line InputError."""
    if not data:
        raise InputError(name, "file is empty; there is nothing to check")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, "is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(data):
            raise InputError(name, "looks like UTF-16 (NUL bytes between letters); save it as UTF-8")
        raise InputError(name, f"is a binary file (NUL byte at offset {nul}); qa reads UTF-8 text")
    if _looks_utf16(data):
        raise InputError(name, "looks like UTF-16 without a byte-order mark; save it as UTF-8")
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise InputError(
            name, f"not UTF-8 (byte 0x{bad:02x} at offset {exc.start}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise InputError(name, "holds only whitespace; there is nothing to check")
    return text


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


def split_paragraphs(text: str) -> Iterator[Paragraph]:
    """Yield the paragraphs of ``text``: blocks of non-blank lines (a blank line holds only
    whitespace). A paragraph's text is the block as written, without its final line break."""
    pos = 0
    line_no = 1
    block_start = -1
    block_line = 0
    index = 0
    length = len(text)
    while pos < length:
        nl = text.find("\n", pos)
        end = length if nl < 0 else nl + 1
        if text[pos:end].strip() == "":
            if block_start >= 0:
                yield _paragraph(text, index, block_start, pos, block_line)
                index += 1
                block_start = -1
        elif block_start < 0:
            block_start, block_line = pos, line_no
        pos = end
        line_no += 1
    if block_start >= 0:
        yield _paragraph(text, index, block_start, length, block_line)


def _paragraph(text: str, index: int, start: int, end: int, line: int) -> Paragraph:
    body = text[start:end].rstrip("\r\n")
    return Paragraph(index=index, text=body, offset=start, line=line)


def from_text(text: str, path: str = "<text>") -> Document:
    """A Document from text already in memory (no decoding, no normalisation)."""
    return Document(path=path, text=text, paragraphs=tuple(split_paragraphs(text)))


def read_bytes(path: str) -> bytes:
    """Read one input (``-`` is standard input) with one-line errors for what cannot be read."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
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
        raise InputError(path, f"is {kind}, not a regular file; pass a text file or - for standard input")
    if st.st_size > MAX_BYTES:
        raise InputError(
            path, f"is {st.st_size // (1024 * 1024)} MiB, over the {MAX_BYTES // (1024 * 1024)} MiB limit; split it"
        )
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise InputError(path, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror})") from None


def read_document(path: str) -> Document:
    """Read and decode one input file (or ``-``) into a Document."""
    data = read_bytes(path)
    name = "<stdin>" if path == "-" else path
    if len(data) > MAX_BYTES:
        raise InputError(name, f"is over the {MAX_BYTES // (1024 * 1024)} MiB limit; split it")
    return from_text(decode(data, name), name)


def expand_paths(paths: list[str]) -> list[str]:
    """Expand the command-line paths: a directory means every ``*.txt`` below it, sorted."""
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = sorted(str(f) for f in Path(p).rglob("*.txt") if f.is_file())
            if not found:
                raise InputError(p, "directory holds no .txt file; pass a file or a directory of .txt files")
            out.extend(found)
        else:
            out.append(p)
    return out
