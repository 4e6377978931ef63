"""Reading glossary files into entries and loading the glossaries: one reader per format (TSV:
:mod:`qa.glossary.tsv`; TBX: :mod:`qa.glossary.tbx_format`); a re-declared id merges."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..resources import data_dir
from .entries import DEFAULT_FILES, Glossary, Organisation, Term
from .tsv import read_glossary_tsv


def read_file(path: str) -> tuple[list[Organisation], list[Term]]:
    """The entries of one glossary file (TSV of either kind, or TBX). Its first problem is an
    error here; ``qa glossary check`` lists every problem of a file."""
    if str(path).lower().endswith((".tbx", ".xml")):
        from .tbx_format import read_tbx  # XML parsing, loaded for TBX files only

        return read_tbx(path)
    return read_glossary_tsv(path)


def load_glossary(extra_paths: tuple[str, ...] = (), use_defaults: bool = True) -> Glossary:
    """The shipped glossaries (unless ``use_defaults`` is false) plus ``extra_paths``; cached,
    keyed by each file's path, modification time and size, so a file changed on disk (a
    translator's glossary edited between two runs of one process) is read again."""
    paths: list[str] = []
    if use_defaults:
        base = data_dir()
        paths.extend(str(base / name) for name in DEFAULT_FILES)
    paths.extend(extra_paths)
    return _load(tuple((p, *_stamp(p)) for p in paths))


def _stamp(path: str) -> tuple[int, int]:
    """(modification time in ns, size) of ``path``; (-1, -1) if it cannot be read (the reader
    then raises the error naming the file)."""
    import os

    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _load(stamped: tuple[tuple[str, int, int], ...]) -> Glossary:
    paths = [p for p, _, _ in stamped]
    orgs: dict[str, Organisation] = {}
    terms: list[Term] = []
    for p in paths:
        o, t = read_file(p)
        for org in o:
            key = org.id.casefold()
            orgs[key] = merge_organisations(orgs[key], org) if key in orgs else org
        terms.extend(t)
    return Glossary(tuple(orgs.values()), tuple(terms), tuple(paths))


load_glossary.cache_clear = _load.cache_clear  # type: ignore[attr-defined]


def merge_organisations(first: Organisation, again: Organisation) -> Organisation:
    """An organisation declared a second time (a user glossary re-declaring a shipped id to add
    variants): the values of both, the first declaration's first (its official name stays)."""
    values: dict[str, Any] = {}
    for f in ("short", "en", "it", "it_short", "hi", "hi_short"):
        values[f] = tuple(dict.fromkeys(getattr(first, f) + getattr(again, f)))
    for f in ("hi_basis", "source", "note"):
        values[f] = getattr(first, f) or getattr(again, f)
    return Organisation(id=first.id, **values, origin=f"{first.origin}+{again.origin}")

