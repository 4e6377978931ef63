"""How the Hindi may write a number of the source other than in digits (QA650): number words
(आठ, दो सौ, पांचवां, आधा), a time of day on the 12-hour clock (13:00 = 1 बजे), a decade written
in full ('80 = 1980 के दशक), a unit converted (25 cm = 10 इंच). Word lists and factors are data:
``glossaries/hi_number_words.tsv`` and ``glossaries/unit_conversions.tsv``."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..glossary import norm_tokens
from ..resources import data_dir, read_tsv


def _cells(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


@lru_cache(maxsize=1)
def number_words() -> dict[str, float]:
    """Normalised Hindi number word → value."""
    out: dict[str, float] = {}
    for r in read_tsv(data_dir() / "hi_number_words.tsv", required=("value", "words")):
        for w in _cells(r["words"]):
            for t in norm_tokens(w):
                out.setdefault(t, float(r["value"]))
    return out


_ORDINAL = regex.compile(r"(?:वां|वाँ|वीं|वें|वे)$")
_MULTIPLIERS = (100.0, 1e3, 1e5, 1e7)


def word_values(target: str) -> set[float]:
    """The values of the number words of a Hindi paragraph: each word, an ordinal in -वां read
    from its cardinal, and a word times the multiplier after it (दो सौ = 200, 2 लाख = 200000)."""
    words = number_words()
    toks = norm_tokens(target)
    out: set[float] = set()
    for i, tok in enumerate(toks):
        value = words.get(tok)
        if value is None and _ORDINAL.search(tok):
            value = words.get(_ORDINAL.sub("", tok))
        if value is None:
            continue
        out.add(value)
        nxt = words.get(toks[i + 1]) if i + 1 < len(toks) else None
        if nxt in _MULTIPLIERS and value < nxt:
            out.add(value * nxt)
    return out


#: A time of day: 13:00, 17.30 after "ore"/"alle" is left to the number reading.
_TIME = regex.compile(r"(?<![0-9:.,])([01]?[0-9]|2[0-3]):([0-5][0-9])(?![0-9])")


def times(source: str) -> list[tuple[int, int, str, set[float], float]]:
    """(start, end, written, hours, minute) of each time of day in a source: the hour on the
    24- and 12-hour clocks (19:00 = 7 बजे)."""
    out = []
    for m in _TIME.finditer(source):
        hour, minute = int(m.group(1)), int(m.group(2))
        hours = {float(hour), float(hour - 12 if hour > 12 else hour), float(12 if hour in (0, 12) else hour % 12)}
        out.append((m.start(), m.end(), m.group(), hours, float(minute)))
    return out


def time_present(hours: set[float], minute: float, found: set[float]) -> bool:
    """The hour is there with its minutes (5:30 read as two numbers, 5.30 as one), or alone
    for a time on the hour."""
    if any(round(h + minute / 100, 6) in found for h in hours):
        return True
    return not hours.isdisjoint(found) and (minute == 0 or minute in found)


#: A decade or year written with two digits: anni '80, negli anni 30, the ’90s.
_DECADE_BEFORE = regex.compile(r"(?:['’‘]|\banni\s+|\bdecades?\s+)$", regex.IGNORECASE)


def decade_values(source: str, start: int, written: str) -> set[float]:
    """1900 + n and 2000 + n for a two-digit number after an apostrophe or ``anni``."""
    if len(written) != 2 or not written.isdigit() or not _DECADE_BEFORE.search(source[max(0, start - 8):start]):
        return set()
    return {1900.0 + int(written), 2000.0 + int(written)}


@lru_cache(maxsize=1)
def _conversions() -> list[tuple[frozenset[str], float, float, tuple[str, ...]]]:
    rows = read_tsv(data_dir() / "unit_conversions.tsv", required=("unit", "factor", "offset", "hindi"))
    return [(frozenset(u.casefold() for u in _cells(r["unit"])), float(r["factor"]), float(r["offset"]),
             tuple(t for h in _cells(r["hindi"]) for t in norm_tokens(h))) for r in rows]


_UNIT_AFTER = regex.compile(r"\s*(°?\p{L}+)")  # º (U+00BA) is a letter
_RANGE_REST = regex.compile(r"\s*(?:[-–]|\b(?:a|ai|agli|e|e i|to|and)\b)\s*[0-9][0-9.,]*(?![0-9])")
TOLERANCE = 0.12
ABSOLUTE = 0.6


def converted(source: str, end: int, values: set[float], target: str, found: set[float]) -> bool:
    """The number before ``end`` has a unit the Hindi converts, and its converted value is
    close to a number of the paragraph, which names the converted unit."""
    rest = _RANGE_REST.match(source, end)  # 2,5-7,5 cm, tra 5 e 10 cm: the unit ends the range
    m = _UNIT_AFTER.match(source, rest.end() if rest else end)
    if not m or not found:
        return False
    unit = m.group(1).casefold()
    toks = None
    for units, factor, offset, hindi in _conversions():
        if unit not in units:
            continue
        toks = toks if toks is not None else set(norm_tokens(target))
        if toks.isdisjoint(hindi):
            continue
        for v in values:
            c = v * factor + offset
            if any(abs(c - f) <= max(TOLERANCE * abs(c), ABSOLUTE) for f in found):
                return True
    return False
