"""Reading glossary files into entries and loading the glossaries: one reader per format (TSV:
:mod:`qa.glossary.tsv`; TBX: :mod:`qa.glossary.tbx_format`); a re-declared id merges."""

from __future__ import annotations

from functools import lru_cache

from ..resources import data_dir
from .entries import DEFAULT_FILES, Glossary, Organisation, Term
from .tbx_format import read_tbx
from .tsv import read_glossary_tsv


def read_file(path: str) -> tuple[list[Organisation], list[Term]]:
    """The entries of one glossary file (TSV of either kind, or TBX). Its first problem is an
    error here; ``qa glossary check`` lists every problem of a file."""
    if str(path).lower().endswith((".tbx", ".xml")):
        return read_tbx(path)
    return read_glossary_tsv(path)


@lru_cache(maxsize=8)
def load_glossary(extra_paths: tuple[str, ...] = (), use_defaults: bool = True) -> Glossary:
    """The shipped glossaries (unless ``use_defaults`` is false) plus ``extra_paths``."""
    paths: list[str] = []
    if use_defaults:
        base = data_dir()
        paths.extend(str(base / name) for name in DEFAULT_FILES)
    paths.extend(extra_paths)
    orgs: dict[str, Organisation] = {}
    terms: list[Term] = []
    for p in paths:
        o, t = read_file(p)
        for org in o:
            key = org.id.casefold()
            orgs[key] = merge_organisations(orgs[key], org) if key in orgs else org
        terms.extend(t)
    return Glossary(tuple(orgs.values()), tuple(terms), tuple(paths))


def merge_organisations(first: Organisation, again: Organisation) -> Organisation:
    """An organisation declared a second time (a user glossary re-declaring a shipped id to add
    variants): the values of both, the first declaration's first (its official name stays)."""
    values = {}
    for f in ("short", "en", "it", "it_short", "hi", "hi_short"):
        values[f] = tuple(dict.fromkeys(getattr(first, f) + getattr(again, f)))
    for f in ("hi_basis", "source", "note"):
        values[f] = getattr(first, f) or getattr(again, f)
    return Organisation(id=first.id, **values, origin=f"{first.origin}+{again.origin}")

