"""``qa glossary check``: every problem of a glossary file, one line each (``file:line: message``).

One validation path for both formats: a TSV file is checked row by row; a TBX file is read into
entries (:mod:`qa.tbx`), written as the two TSV formats and checked the same way, each problem
naming its TBX entry. A bad row never stops the check of the rest.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import regex

from ..errors import QAError
from ..resources import Row
from .entries import HI_BASIS, Organisation, Term
from .letters import decode
from .text import has_devanagari, has_latin, norm_key, norm_tokens, split_values
from .tsv import file_kind, read_table, refused_header, required_columns
from .tsv import row_org as _org
from .tsv import row_term as _term

_NOTE_COLUMNS = ("note", "notes", "comment", "source")
#: Columns whose values are matched as single tokens (acronyms, one-word names).
_SHORT_COLUMNS = ("short", "it_short")
#: Columns whose values are matched as phrases: a comma there is a list written the wrong way.
_PHRASE_COLUMNS = ("hi_short", "wrong", "always_wrong")
#: Rows that share a short form must both say so in their note.
AMBIGUOUS = "ambiguous acronym"


def _script_of_column(name: str) -> str | None:
    """The script a column's cells must be written in, from its name (None: any)."""
    if name in ("hi", "hi_short", "wrong", "always_wrong", "hindi", "devanagari") or (
        name.startswith("hi_") and name != "hi_basis"
    ):
        return "deva"
    if name in ("en", "it", "short", "it_short", "latin") or name.endswith(("_en", "_it")):
        return "latin"
    return None


def _wrong_script(value: str, script: str) -> bool:
    if script == "deva":
        return has_latin(value) or not has_devanagari(value)
    return has_devanagari(value)


def check_file(path: str) -> list[str]:
    """Every problem of one glossary file, one line each (``file:line: message``): unreadable
    rows, empty required cells, duplicate keys, conflicting expansions (one short form naming
    two organisations unless both rows call it an ambiguous acronym; one rendering both approved
    and wrong), text in the wrong script, values that can never match (a short form of several
    words, a comma-separated list), entries a TBX file holds but the checker cannot use."""
    if str(path).lower().endswith((".tbx", ".xml")):
        return _check_tbx(path)
    try:
        header, rows, header_line, problems = read_table(path)
    except QAError as exc:
        return [str(exc)]
    refused = refused_header(path, header, header_line)
    if refused:
        return [refused]

    def say(line: int, message: str) -> None:
        problems.append(f"{path}:{line}: {message}")

    dup_cols = sorted({h for h in header if header.count(h) > 1})
    if dup_cols or "" in header:
        say(header_line, f"header has duplicate or empty column names: {', '.join(dup_cols) or '(empty)'}")
    kind = file_kind(header)
    required = required_columns(kind, header)
    seen_keys: dict[object, int] = {}
    for row in rows:
        for col in required:
            if not row.cells.get(col):
                say(row.line, f"empty cell in required column {col!r}")
        for col, value in row.cells.items():
            if value and kind != "other":
                for message in _unmatchable(col, value):
                    say(row.line, message)
            script = _script_of_column(col)
            if not value or script is None:
                continue
            for v in split_values(value) if kind != "other" else (value,):
                if _wrong_script(v, script):
                    want = "Devanagari" if script == "deva" else "Latin"
                    say(row.line, f"column {col!r} holds {v!r}, which is not in {want} script")
        for key, shown in _keys(kind, row):
            if key in seen_keys:
                say(row.line, f"duplicate key {shown!r} (first on line {seen_keys[key]})")
            else:
                seen_keys[key] = row.line
    if kind == "organisations":
        problems.extend(_check_organisations(path, rows))
    elif kind == "terms":
        problems.extend(_check_terms(path, rows))
    return problems


def _unmatchable(col: str, value: str) -> Iterator[str]:
    """Values that would silently never match."""
    for v in split_values(value):
        if col in _SHORT_COLUMNS and not regex.fullmatch(r"[\p{L}\p{N}&]+(?:-[\p{L}\p{N}&]+)*", v):
            yield (
                f"column {col!r} holds {v!r}: a short form is one word (an acronym or a one-word name); "
                "put names of several words in en/it"
            )
        elif col in _SHORT_COLUMNS and "-" in v:
            yield f"column {col!r} holds {v!r}: hyphenated short forms are not matched; put it in en/it"
        elif col in _PHRASE_COLUMNS and "," in v:
            yield f"column {col!r} holds {v!r}: several values are separated by ' ; ', not commas"


def _keys(kind: str, row: Row) -> list[tuple[object, str]]:
    """What must be unique in a file: an organisation's id; each Italian form of a term; in any
    other glossary file, the row itself without its notes (case-sensitive: k and K differ)."""
    c = row.cells
    if kind == "organisations":
        return [(c["id"].casefold(), c["id"])] if c.get("id") else []
    if kind == "terms":
        return [(v.casefold(), v) for v in split_values(c.get("it", ""))]
    cells = tuple(v for k, v in c.items() if k not in _NOTE_COLUMNS)
    return [(cells, " | ".join(v for v in cells if v))] if any(cells) else []


def _check_organisations(path: str, rows: list[Row]) -> Iterator[str]:
    owner: dict[str, tuple[str, int, bool]] = {}
    for row in rows:
        org = _org(row, path)
        ambiguous = AMBIGUOUS in org.note.lower()
        if org.hi_basis and org.hi_basis not in HI_BASIS:
            yield f"{path}:{row.line}: hi_basis {org.hi_basis!r} is not one of: {', '.join(HI_BASIS)}"
        forms = [("short", s) for s in org.short] + [("it_short", s) for s in org.it_short]
        forms += [("hi_short", s) for s in org.hi_short]
        for col, form in forms:
            key = norm_key(form) if col == "hi_short" else form
            prev = owner.get(key)
            if prev and prev[0] != org.id and not (ambiguous and prev[2]):
                yield (
                    f"{path}:{row.line}: conflicting expansions: {form!r} names both {org.id!r} and "
                    f"{prev[0]!r} (line {prev[1]}); if both are right, say '{AMBIGUOUS}' in both notes"
                )
            owner.setdefault(key, (org.id, row.line, ambiguous))
        for form in org.hi_short:
            spelled = decode(form)
            if spelled and org.short and spelled not in {s.upper() for s in org.short}:
                yield (
                    f"{path}:{row.line}: hi_short {form!r} spells {spelled}, which is not one of the "
                    f"short forms {', '.join(org.short)}"
                )


def _check_terms(path: str, rows: list[Row]) -> Iterator[str]:
    for row in rows:
        term = _term(row, path)
        approved = {norm_tokens(h) for h in term.hi}
        for bad in term.wrong + term.always_wrong:
            if norm_tokens(bad) in approved:
                yield f"{path}:{row.line}: conflicting renderings: {bad!r} is listed both as approved and as wrong"


def _check_tbx(path: str) -> list[str]:
    """A TBX file: its XML, the entries it drops, then its entries checked as TSV rows (each
    problem names its entry)."""
    from .tbx_format import read_tbx, to_tsv  # XML parsing, loaded for TBX files only

    dropped: list[str] = []
    try:
        orgs, terms = read_tbx(path, dropped)
    except QAError as exc:
        return [str(exc)]
    problems = list(dropped)
    with tempfile.TemporaryDirectory() as tmp:
        org_text, term_text = to_tsv(orgs, terms)
        tables: list[tuple[str, str | None, Sequence[Organisation | Term]]] = [
            ("organisations", org_text, orgs), ("terms", term_text, terms)]
        for kind, text, entries in tables:
            if text is None:
                continue
            tsv = Path(tmp) / f"{kind}.tsv"
            tsv.write_text(text, encoding="utf-8")
            for problem in check_file(str(tsv)):
                where, _, message = problem[len(str(tsv)) + 1:].partition(": ")
                line = int(where) if where.isdigit() else 0
                origin = entries[line - 2].origin if 2 <= line < len(entries) + 2 else str(path)
                problems.append(f"{origin}: {message}")
    return problems


def check_files(paths: Iterable[str]) -> tuple[list[str], int]:
    """Problems of every file and the number of files checked."""
    problems: list[str] = []
    n = 0
    for p in paths:
        n += 1
        problems.extend(check_file(p))
    return problems, n
