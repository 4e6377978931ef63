"""Where the shipped data lives, and a strict reader for its TSV files.

In a wheel the ``glossaries/`` folder is installed as ``qa/glossaries``; in a checkout (editable
install or running from the source tree) it is the ``glossaries/`` folder beside ``qa/``.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from .errors import QAError

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def data_dir() -> Path:
    for candidate in (_PKG / "glossaries", _PKG.parent / "glossaries"):
        if candidate.is_dir():
            return candidate
    raise QAError("qa: the shipped glossaries are missing; reinstall qa")


class Row(NamedTuple):
    """A data row of a TSV file: its 1-based line and its cells by column name (a named tuple:
    the word lists have thousands of rows, read at every start)."""

    line: int
    cells: dict[str, str]


def read_rows(path: Path | str) -> tuple[list[str], list[Row], int]:
    """Header, rows (with their line numbers) and the header's line of a UTF-8 TSV file with a
    header row. Blank lines and lines starting with ``#`` are skipped. A file that cannot be read,
    has no header or a row longer than the header is a QAError naming the file and line."""
    p = Path(path)
    if p.exists():  # a FIFO or device would hang or never end
        from .document import regular_file

        regular_file(p)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise QAError(f"{p}: {_unreadable(exc)}") from None
    header: list[str] | None = None
    header_line = width = 0
    rows: list[Row] = []
    strip = str.strip
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line or line[0] == "#" or line.isspace():
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            header_line, width = lineno, len(header)
            continue
        if len(cells) != width:
            if len(cells) > width:
                raise QAError(f"{p}:{lineno}: {len(cells)} cells, but the header has {width}")
            cells += [""] * (width - len(cells))
        rows.append(Row(lineno, dict(zip(header, map(strip, cells)))))
    if header is None:
        raise QAError(f"{p}: empty file (a header row is required)")
    return header, rows, header_line


def _unreadable(exc: OSError | UnicodeDecodeError) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 (byte at offset {exc.start}); save it as UTF-8"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a data file"
    return f"cannot read it ({exc.strerror})"


def read_tsv(path: Path | str, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """The rows of a TSV file (see ``read_rows``) as dicts; a missing required column is a
    QAError naming the header's line."""
    header, rows, header_line = read_rows(path)
    missing = [c for c in required if c not in header]
    if missing:
        raise QAError(f"{Path(path)}:{header_line}: header lacks column(s) {', '.join(missing)}")
    return [r.cells for r in rows]


@cache
def function_words() -> dict[str, dict[str, str]]:
    """Hindi function words (postpositions, conjunctions, auxiliaries…) keyed by word."""
    rows = read_tsv(data_dir() / "hi_function_words.tsv", required=("word", "class"))
    return {r["word"]: r for r in rows}
