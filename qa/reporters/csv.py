"""The CSV export for translators: one row per finding, the columns Xbench and Verifika users
hand over (file, paragraph, line, column, rule, severity, category, flagged text, message,
suggestion, source paragraph). Standard library ``csv``: RFC 4180 quoting, a header row.

``paragraph`` counts as a reader does (1 is the first paragraph; JSON's ``index`` + 1). The
suggestion is the replacement text, or "delete it" / "use a plain space" when it is empty or only
whitespace. A cell that a spreadsheet would take for a formula (it starts with = + - @ or a tab)
gets a leading apostrophe, so opening the file can never run one. The source paragraph is filled
when the caller passes ``sources`` (target path -> the aligned source Document)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from ..model import Document, DocumentResult, Finding
from .text import show_suggestion

COLUMNS = ("file", "paragraph", "line", "column", "rule", "severity", "category", "text", "message",
           "suggestion", "source")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe(cell: str) -> str:
    """``cell`` as a spreadsheet shows it literally (no formula from the input's text)."""
    return "'" + cell if cell.startswith(_FORMULA) else cell


def suggestion(f: Finding) -> str:
    if f.suggestion is None:
        return ""
    return f.suggestion if f.suggestion.strip() else show_suggestion(f.suggestion)


def rows(result: DocumentResult, source: Document | None = None) -> list[list[object]]:
    out = []
    for f in sorted(result.findings, key=lambda f: f.sort_key()):
        src = source.paragraphs[f.paragraph].text if source is not None and f.paragraph < len(source.paragraphs) else ""
        out.append([safe(result.path), f.paragraph + 1, f.line, f.column, f.rule, f.severity.value, f.category.value,
                    safe(f.text), safe(f.message), safe(suggestion(f)), safe(src)])
    return out


def render(results: Sequence[DocumentResult], sources: Mapping[str, Document] | None = None, **_: object) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for result in results:
        writer.writerows(rows(result, (sources or {}).get(result.path)))
    return buf.getvalue()
