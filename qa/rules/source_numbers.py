"""Reading the numbers of QA650: a source's numbers as Italian (1.200,5) or English (1,200.5)
writes them, the Hindi's (Indian grouping 1,00,000, a multiplier word: 2 लाख), a source date's
month the Hindi names; and how the Hindi may write a number of the source other than in digits:
number words (आठ, दो सौ, पांचवां, आधा), a time of day on the 12-hour clock (13:00 = 1 बजे), a
decade written in full ('80 = 1980 के दशक), a unit converted (25 cm = 10 इंच). Word lists and
factors are data: ``glossaries/hi_number_words.tsv``, ``glossaries/unit_conversions.tsv`` and
``glossaries/it_months.tsv``."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..glossary import Glossary, find_phrase, norm_tokens, pattern_tokens
from ..resources import data_dir, read_tsv
from ..text.lazy import lazy_regex
from ..text.web import FREE_NUMBER


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


_ORDINAL_ENDINGS = ("वां", "वाँ", "वीं", "वें", "वे")
_ORDINAL = lazy_regex(f"(?:{'|'.join(_ORDINAL_ENDINGS)})$")
_MULTIPLIERS = (100.0, 1e3, 1e5, 1e7)


def word_values(target: str) -> set[float]:
    """The values of the number words of a Hindi paragraph: each word, an ordinal in -वां read
    from its cardinal, and a word times the multiplier after it (दो सौ = 200, 2 लाख = 200000)."""
    words = number_words()
    toks = norm_tokens(target)
    out: set[float] = set()
    for i, tok in enumerate(toks):
        value = words.get(tok)
        if value is None and tok.endswith(_ORDINAL_ENDINGS):  # a token holds no line end: _ORDINAL.search
            value = words.get(_ORDINAL.sub("", tok))
        if value is None:
            continue
        out.add(value)
        nxt = words.get(toks[i + 1]) if i + 1 < len(toks) else None
        if nxt in _MULTIPLIERS and value < nxt:
            out.add(value * nxt)
    return out


#: A time of day: 13:00, 17.30 after "ore"/"alle" is left to the number reading.
_TIME = lazy_regex(r"(?<![0-9:.,])([01]?[0-9]|2[0-3]):([0-5][0-9])(?![0-9])")


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
_DECADE_BEFORE = lazy_regex(r"(?:['’‘]|\banni\s+|\bdecades?\s+)$", regex.IGNORECASE)


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


_UNIT_AFTER = lazy_regex(r"\s*(°?\p{L}+)")  # º (U+00BA) is a letter
_RANGE_REST = lazy_regex(r"\s*(?:[-–]|\b(?:a|ai|agli|e|e i|to|and)\b)\s*[0-9][0-9.,]*(?![0-9])")
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


# -- reading the numbers of a source and of the Hindi ----------------------------------------

_DIGIT_MAP = str.maketrans("०१२३४५६७८९", "0123456789")
# a number, not the digits of a code (G7, COVID-19) nor part of a longer number
_NUMBER = FREE_NUMBER
_IT_MULT = {"mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9}
_EN_MULT = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12}
_HI_MULT = {"हजार": 1e3, "लाख": 1e5, "करोड": 1e7, "मिलियन": 1e6, "बिलियन": 1e9, "अरब": 1e9, "ट्रिलियन": 1e12}
#: A list item's number ("1. start of…", "2) …"), which a translation may render as a bullet.
LIST_MARKER = lazy_regex(r"\s*[0-9]{1,2}[.)]\s")
_DATE = lazy_regex(r"(?<![0-9])([0-3]?[0-9])[/.-]([01]?[0-9])[/.-]((?:19|20)[0-9]{2})(?![0-9])")


_IT_GROUPED = lazy_regex(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_IT_PLAIN = lazy_regex(r"[0-9]+(?:,[0-9]+)?")
_EN_GROUPED = lazy_regex(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_EN_PLAIN = lazy_regex(r"[0-9]+(?:\.[0-9]+)?")
_HI_GROUPED = lazy_regex(r"[0-9]+(?:,[0-9]{2,3})*(?:\.[0-9]+)?")
_WORD_AFTER = lazy_regex(r"\s+([\p{L}\p{M}]+)")


@lru_cache(maxsize=1)
def months() -> dict[int, str]:
    """Italian month names by number (``glossaries/it_months.tsv``)."""
    return {int(r["month"]): r["it"] for r in read_tsv(data_dir() / "it_months.tsv", ("month", "it"))}


def _italian_values(num: str) -> set[float]:
    if _IT_GROUPED.fullmatch(num):
        return {float(num.replace(".", "").replace(",", "."))}
    if _IT_PLAIN.fullmatch(num):
        return {float(num.replace(",", "."))}
    return set()


def _english_values(num: str) -> set[float]:
    if _EN_GROUPED.fullmatch(num):
        return {float(num.replace(",", ""))}
    if _EN_PLAIN.fullmatch(num):
        return {float(num)}
    return set()


def _source_values(lang: str | None):
    """How a source's numbers read: Italian (1.200,5), English (1,200.5), or either (unknown)."""
    if lang == "en":
        return _english_values, _EN_MULT
    if lang == "it":
        return _italian_values, _IT_MULT
    return (lambda n: _english_values(n) | _italian_values(n)), _EN_MULT | _IT_MULT


def _hindi_values(num: str) -> set[float]:
    """Every reading of a number as written in the Hindi: English/Indian grouping (1,200 and
    1,00,000), a decimal point, or an Italian format left in place (1.200, 3,5)."""
    n = num.translate(_DIGIT_MAP)
    out = set()
    if _HI_GROUPED.fullmatch(n):
        out.add(float(n.replace(",", "")))
    out.update(_italian_values(n))
    return out


def _after(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end:end + 20])
    return norm_tokens(m.group(1))[0] if m else ""


def read_numbers(text: str, italian: bool, lang: str | None = "it"):
    """(start, end, written, values) of each number; a following multiplier word counts. A
    source (``italian``) reads as ``lang`` says (None: English or Italian)."""
    read, mult = _source_values(lang) if italian else (_hindi_values, _HI_MULT)
    for m in _NUMBER.finditer(text):
        values = read(m.group(1))
        factor = mult.get(_after(text, m.end()))
        if factor:
            values |= {v * factor for v in values}
        if values:
            yield m.start(1), m.end(1), m.group(1), {round(v, 6) for v in values}


def months_present(source: str, target: str, g: Glossary) -> set[tuple[int, int]]:
    """Month digits of source dates (19/04/2024) that the Hindi writes as a month name."""
    ok: set[tuple[int, int]] = set()
    if "19" not in source and "20" not in source:
        return ok  # no year of a date (_DATE): no scan
    for m in _DATE.finditer(source):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            continue
        term = g.terms_by_italian.get(months().get(month, ""))
        hi_norm = norm_tokens(target)
        if term and any(find_phrase(hi_norm, pattern_tokens(h)) for h in term.hi):
            ok.add((m.start(2), m.end(2)))
    return ok
