"""The glossary TSV format: the one reader of a file (header, rows, and the rows it cannot read),
the kind of a header, and a row as an entry. ``qa lint --glossary`` stops at a file's first
problem (:func:`read_glossary_tsv`); ``qa glossary check`` (:mod:`qa.glossary.check`) reads the
same way and lists them all."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import QAError
from ..resources import Row, read_rows
from ..text.lazy import lazy_regex
from .entries import ORG_COLUMNS, ORG_REQUIRED, TERM_REQUIRED, Organisation, Term
from .text import split_values

#: A column name in a glossary or word-list header.
COLUMN_NAME = lazy_regex(r"[a-z][a-z0-9_]*")


def read_table(path: str) -> tuple[list[str], list[Row], int, list[str]]:
    """Header, rows, the header's line and the problems of rows that cannot be read: a row with
    more cells than the header is reported and skipped, so one bad row hides nothing else.
    An unreadable or empty file is a QAError."""
    if Path(path).exists():  # a FIFO or device would hang or never end
        from ..document import regular_file

        regular_file(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        read_rows(path)  # raises the project's one-line message for unreadable files
        raise
    header: list[str] | None = None
    header_line = 0
    rows: list[Row] = []
    problems: list[str] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header, header_line = [c.strip() for c in cells], lineno
            continue
        if len(cells) > len(header):
            problems.append(f"{path}:{lineno}: {len(cells)} cells, but the header has {len(header)}; row skipped")
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(Row(lineno, {h: c.strip() for h, c in zip(header, cells)}))
    if header is None:
        raise QAError(f"{path}: empty file (a header row is required)")
    return header, rows, header_line, problems


def file_kind(header: Sequence[str]) -> str:
    """``organisations``, ``terms`` or ``other`` from a TSV header."""
    cols = set(header)
    if {"id", "short", "en", "hi"} <= cols:
        return "organisations"
    if {"it", "hi"} <= cols and ({"wrong", "always_wrong"} & cols):
        return "terms"
    return "other"


def refused_header(path: str, header: Sequence[str], header_line: int, word_lists: bool = True) -> str | None:
    """Why this header is not one of a glossary (None: it is; with ``word_lists``, a word list's
    header of column names is accepted too, as ``qa glossary check`` does)."""
    if len(header) < 2 or not all(COLUMN_NAME.fullmatch(h) for h in header):
        return (
            f"{path}:{header_line}: not a glossary: expected a tab-separated header of column names "
            f"such as {', '.join(ORG_REQUIRED)} (organisations) or it, hi, wrong (terms); "
            "see glossaries/README.md"
        )
    if file_kind(header) != "other":
        return None
    cols = set(header)
    if word_lists and not ("hi" in cols and cols & {"id", "it", "en", "short", "wrong", "always_wrong"}):
        return None
    return (
        f"{path}:{header_line}: not a glossary this checker reads: the header must have the columns "
        f"{', '.join(ORG_COLUMNS[:3])}, hi (organisations) or it, hi, wrong (terms); see glossaries/README.md"
    )


def required_columns(kind: str, header: Sequence[str]) -> Sequence[str]:
    return {"organisations": ORG_REQUIRED, "terms": TERM_REQUIRED}.get(kind, header[:1])


def _entry(cls, row: Row, where: str, lists: tuple[str, ...], texts: tuple[str, ...]):
    """An Organisation or Term from a row: ``lists`` are multi-value cells, ``texts`` plain ones."""
    c = row.cells
    values = {f: split_values(c.get(f, "")) for f in lists} | {f: c.get(f, "") for f in texts}
    return cls(**values, origin=f"{where}:{row.line}")


def row_org(row: Row, where: str) -> Organisation:
    return _entry(Organisation, row, where, ("short", "en", "it", "it_short", "hi", "hi_short"), ("id", "hi_basis", "source", "note"))


def row_term(row: Row, where: str) -> Term:
    return _entry(Term, row, where, ("it", "hi", "wrong", "always_wrong"), ("en", "source", "note"))


def read_glossary_tsv(path: str) -> tuple[list[Organisation], list[Term]]:
    """The entries of a glossary TSV file; its first problem (unreadable row, header of another
    kind of file, empty required cell) is a QAError."""
    header, rows, header_line, problems = read_table(path)
    refused = refused_header(str(path), header, header_line, word_lists=False)
    if refused:
        raise QAError(refused.replace(f":{header_line}: not a glossary this", ": not a glossary this", 1))
    if problems:
        raise QAError(problems[0].removesuffix("; row skipped"))
    kind = file_kind(header)
    for row in rows:
        missing = [c for c in required_columns(kind, header) if not row.cells.get(c)]
        if missing:
            raise QAError(f"{path}:{row.line}: empty required cell(s): {', '.join(missing)}")
    if kind == "organisations":
        return [row_org(r, str(path)) for r in rows], []
    return [], [row_term(r, str(path)) for r in rows]
