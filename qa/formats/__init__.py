"""Input formats: plain text, XLIFF 1.2/2.x, TMX, PO, HTML and JSON Lines.

``read_inputs(path, input_format=None)`` reads one input into the target Document and, for
bilingual formats, the source Document aligned with it by paragraph index (one paragraph per
unit; ``Paragraph.unit`` is the unit's id). The format comes from ``input_format`` or the file's
extension (anything unknown, and standard input, is plain text). The readers of XLIFF and TMX
use translate-toolkit, imported only when such a file is read; PO is read by qa (``po.py``).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from ..errors import InputError, UsageError
from ..model import Document

FORMATS = ("txt", "xliff", "tmx", "po", "html", "jsonl")
EXTENSIONS = {
    ".txt": "txt",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
    ".po": "po",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
ALIASES = {"text": "txt", "xlf": "xliff", "htm": "html", "ndjson": "jsonl", "json-lines": "jsonl"}


def check_format(input_format: str | None) -> str | None:
    """The canonical name of ``input_format`` (None: by extension) or a UsageError."""
    if input_format is None or input_format == "auto":
        return None
    name = ALIASES.get(input_format.lower(), input_format.lower())
    if name not in FORMATS:
        raise UsageError(f"--input-format {input_format!r} is not one of: auto, {', '.join(FORMATS)}")
    return name


def format_of(path: str, input_format: str | None = None) -> str:
    """The format of ``path``: ``input_format`` when given, else by its extension (else txt)."""
    return check_format(input_format) or EXTENSIONS.get(Path(path).suffix.lower(), "txt")


#: Files a directory walk passes over by name: they sit beside translations but are not ones.
NOT_INPUTS = (".gold.jsonl",)


def expand_paths(paths: list[str], input_format: str | None = None, skipped: list | None = None) -> list[str]:
    """Expand command-line paths: a directory means every file below it (sorted) with an
    extension of ``input_format``, or of any format qa reads, that is a translation.

    A file found by walking that is not one (gold annotations, JSON Lines whose records have no
    ``target``) is left out and, when ``skipped`` is a list, added to it as (path, reason). A file
    named explicitly is always read (and fails loudly if it is not a translation)."""
    wanted = check_format(input_format)
    suffixes = sorted(s for s, f in EXTENSIONS.items() if wanted is None or f == wanted)
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = sorted(f for f in _walk(p) if Path(f).suffix.lower() in suffixes and os.path.isfile(f))
            if not found:
                kinds = "the given --input-format" if wanted else "any format qa reads"
                raise InputError(p, f"directory holds no .txt file (nor any file of {kinds}: {', '.join(suffixes)})")
            for f in found:
                reason = _not_a_translation(f, input_format)
                if reason is None:
                    out.append(f)
                elif skipped is not None:
                    skipped.append((f, reason))
        else:
            out.append(p)
    return out


def _walk(top: str) -> list[str]:
    """Every path below the directory ``top``; a folder that cannot be listed is an InputError
    (skipping it would pass a check on files never read). Symbolic links to folders are not
    followed (no loops)."""

    def fail(exc: OSError) -> None:
        where = exc.filename or top
        if isinstance(exc, PermissionError):
            raise InputError(where, "permission denied (a folder of the directory walk); check its permissions")
        raise InputError(where, f"cannot list it ({exc.strerror})")

    out: list[str] = []
    for folder, dirs, files in os.walk(top, onerror=fail):
        dirs.sort()
        out.extend(str(Path(folder) / f) for f in files)
    return out


def _not_a_translation(path: str, input_format: str | None) -> str | None:
    """Why a file found by walking a directory is not a translation (None: it may be one)."""
    if path.lower().endswith(NOT_INPUTS):
        return "gold annotations, not a translation"
    if format_of(path, input_format) != "jsonl":
        return None
    import json

    try:
        with open(path, "rb") as fh:
            first = next((line for line in fh if line.strip()), b"")
        record = json.loads(first) if first else None
    except (OSError, ValueError, RecursionError):
        return None  # read it, and let the reader say what is wrong
    if isinstance(record, dict) and "target" not in record:
        return 'its records have no "target": not a translation'
    return None


def read_inputs(path: str, input_format: str | None = None) -> tuple[Document, Document | None]:
    """Read one input (``-`` is standard input): (target Document, aligned source Document or None).

    Raises InputError (naming the file, and the line where it applies) for what cannot be read."""
    from .. import document

    fmt = format_of(path, input_format)
    if fmt == "txt":
        return document.read_document(path), None
    data = document.read_bytes(path)
    name = "<stdin>" if path == "-" else path
    if len(data) > document.MAX_BYTES:
        raise InputError(name, f"is over the {document.MAX_BYTES // (1024 * 1024)} MiB limit; split it")
    text = document.decode(data, name)
    return reader(fmt).read(text, data, name)


def read_input(path: str, input_format: str | None = None) -> tuple[Document, Document | None]:
    """``read_inputs``, except that a text or PO file over ``document.STREAM_BYTES`` is not read
    into memory: its paragraphs (``document.FileParagraphs``, ``po_file.UnitParagraphs``) are
    read from disk when needed."""
    from .. import document

    fmt = format_of(path, input_format)
    if fmt in STREAMED and path != "-" and document.input_size(path) > document.STREAM_BYTES:
        if fmt == "txt":
            return Document(path=path, text="", paragraphs=document.FileParagraphs(path)), None  # type: ignore[arg-type]
        if fmt == "po":
            from .po_file import read_path

            return read_path(path)
        from .xml_file import read_path as read_xml

        return read_xml(path, fmt)
    return read_inputs(path, input_format)


#: Formats read from disk when large (``read_input``).
STREAMED = ("txt", "po", "xliff", "tmx")


def reader(fmt: str):
    """The module that reads ``fmt`` (its ``read(text, data, name)``)."""
    return importlib.import_module(f"{__name__}.{'text' if fmt == 'txt' else fmt}")
