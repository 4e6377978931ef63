"""Where the shipped data lives, and a strict reader for its TSV files.

In a wheel the ``glossaries/`` folder is installed as ``qa/glossaries``; in a checkout (editable
install or running from the source tree) it is the ``glossaries/`` folder beside ``qa/``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import QAError

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def data_dir() -> Path:
    for candidate in (_PKG / "glossaries", _PKG.parent / "glossaries"):
        if candidate.is_dir():
            return candidate
    raise QAError("qa: the shipped glossaries are missing; reinstall qa")


def read_tsv(path: Path | str, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows of a UTF-8 TSV file with a header row, as dicts. Lines starting with ``#`` and blank
    lines are skipped. A missing required column or a short row is a QAError naming the line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise QAError(f"{p}: no such file") from None
    except UnicodeDecodeError as exc:
        raise QAError(f"{p}: not UTF-8 (byte at offset {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise QAError(f"{p}: cannot read it ({exc.strerror})") from None
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise QAError(f"{p}:{lineno}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header):
            raise QAError(f"{p}:{lineno}: {len(cells)} cells, but the header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    if header is None:
        raise QAError(f"{p}: empty file (a header row is required)")
    return rows


@lru_cache(maxsize=None)
def function_words() -> dict[str, dict[str, str]]:
    """Hindi function words (postpositions, conjunctions, auxiliaries…) keyed by word."""
    rows = read_tsv(data_dir() / "hi_function_words.tsv", required=("word", "class"))
    return {r["word"]: r for r in rows}
