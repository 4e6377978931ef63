"""Latin letters spelled with their Devanagari names (यूएनओडीसी = UNODC, जी7 = G7), from
``glossaries/hi_letter_names.tsv``: decoding a spelling into its acronym and spelling one."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..resources import data_dir, read_tsv
from ..text.lazy import lazy_regex
from .text import norm_token

LETTERS_FILE = "hi_letter_names.tsv"  # shared with the glued-word rule (qa/hindi_lexicon.py)
#: A letter name whose note says this (आइ: आइए, आइस are words) spells only known acronyms.
KNOWN_ONLY = "only inside an acronym the glossaries know"
_FOLD_CHARS = frozenset("\u093c\u0901\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f\u200c\u200d")
_DEVA_DIGITS = frozenset("०१२३४५६७८९")
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


@lru_cache(maxsize=1)
def _letters() -> tuple[dict[str, str], dict[str, str], regex.Pattern, frozenset[str], frozenset[str], regex.Pattern]:
    """Letter name → letter, letter → its first listed name, a pattern of spelled acronyms,
    every character a spelling may hold and the characters it may start with, from ``glossaries/hi_letter_names.tsv`` (names
    normalised: no nukta)."""
    names: dict[str, str] = {}
    spell_as: dict[str, str] = {}
    known_only: set[str] = set()
    for row in read_tsv(data_dir() / LETTERS_FILE, required=("letter", "devanagari")):
        letter, name = row["letter"].strip().upper(), row["devanagari"].strip()
        if letter and name:
            names[norm_token(name)] = letter
            spell_as.setdefault(letter, name)
            if KNOWN_ONLY in row.get("note", ""):
                known_only.add(norm_token(name))
    alt = "|".join(sorted(names, key=len, reverse=True))
    common = "|".join(sorted(set(names) - known_only, key=len, reverse=True))
    chars = frozenset("".join(names) + "".join(spell_as.values()) + "-0123456789०१२३४५६७८९") | _FOLD_CHARS
    starts = frozenset(n[0] for n in names) | frozenset(n[0] for n in spell_as.values())
    spelled = lazy_regex(rf"(?:({alt}))+-?([0-9]*)")
    return names, spell_as, spelled, chars, starts, lazy_regex(rf"(?:{common})+-?[0-9]*")


#: An expansion whose chrF (0-100) against one of the approved names reaches this is right.


def decode(token: str) -> str | None:
    """The Latin acronym a Devanagari letter-name spelling stands for (``यूएनओडीसी`` → ``UNODC``,
    ``जी-7`` → ``G7``), or None. At least two letters, or one letter and a number."""
    names, _, spelled, _, _, _ = _letters()
    if not _FOLD_CHARS.isdisjoint(token):
        t = norm_token(token)
    elif not _DEVA_DIGITS.isdisjoint(token):
        t = token.translate(_DIGITS)
    else:
        t = token
    m = spelled.fullmatch(t)
    if m is None:
        return None
    letters = m.captures(1)
    digits = m.group(2)
    if len(letters) < 2 and not digits:
        return None
    return "".join(names[x] for x in letters) + digits


def spell(acronym: str) -> str:
    """The Devanagari letter-name spelling of a Latin acronym (``G7`` → ``जी7``)."""
    spell_as = _letters()[1]
    return "".join(spell_as.get(c, c) for c in acronym.upper())
