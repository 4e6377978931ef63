"""TBX (TermBase eXchange, ISO 30042) import and export of the glossaries: the commands
``qa glossary import-tbx`` and ``export-tbx``. The format itself (reading TBX v2/v3, writing
TBX v3 TBX-Basic, the mapping) is :mod:`qa.glossary.tbx_format`."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import QAError
from .glossary import load_glossary
from .glossary.tbx_format import read_tbx, to_tbx, to_tsv

__all__ = ["export_tbx", "import_tbx", "read_tbx", "to_tbx", "to_tsv"]


def import_tbx(path: str, out_dir: str = ".", force: bool = False) -> list[str]:
    """Convert a TBX file into glossary TSV files in ``out_dir`` (``NAME.organisations.tsv``,
    ``NAME.terms.tsv``); return the paths written."""
    dropped: list[str] = []
    orgs, terms = read_tbx(path, dropped)
    for message in dropped:
        print(f"warning: {message}", file=sys.stderr)
    if not orgs and not terms:
        raise QAError(f"{path}: no entry with Hindi terms and English or Italian ones; nothing to import")
    out = Path(out_dir)
    if not out.is_dir():
        raise QAError(f"{out_dir}: no such directory")
    written = []
    stem = Path(path).stem
    for kind, text in zip(("organisations", "terms"), to_tsv(orgs, terms)):
        if text is None:
            continue
        target = out / f"{stem}.{kind}.tsv"
        if target.exists() and not force:
            raise QAError(f"{target}: exists; pass --force to overwrite it")
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise QAError(f"{target}: cannot write it ({exc.strerror})") from None
        written.append(str(target))
    return written


def export_tbx(paths: list[str], use_defaults: bool = True) -> str:
    """The glossaries (the shipped ones unless ``use_defaults`` is false, plus ``paths``) as TBX."""
    g = load_glossary(tuple(paths), use_defaults)
    return to_tbx(g.organisations, g.terms)
