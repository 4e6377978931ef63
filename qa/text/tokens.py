"""Words and tokens: the tokenisers every rule shares (``regex``: the stdlib ``\\w`` splits
Devanagari). :data:`WORD` is *the* word; the others are named cuts of the same text for the
few places that need a different one, each saying why.

Call sites tokenise through these names only; a rule module defines no token pattern of its own.
"""

from __future__ import annotations

from functools import lru_cache

from . import RECENT_TEXTS
from .lazy import lazy_re, lazy_regex

#: A word: letters, combining marks and digits of any script, with inner apostrophes and hyphens.
#: The MQM word count, and what the rules mean by a word.
WORD = lazy_regex(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")

#: A token as the glossaries match it: a run of letters, marks and digits (hyphens, slashes and
#: apostrophes separate tokens: जी-7 is two tokens, joined again by ``norm_key``).
TOKEN = lazy_regex(r"[\p{L}\p{M}\p{N}]+")
#: The same with decimal digits only, as written glue and all (the glued-word rules).
GLUE_TOKEN = lazy_regex(r"[\p{L}\p{M}\p{Nd}]+")
#: A token with trailing apostrophes and hyphens kept (a repeated token ``abc-`` is one token).
LOOSE_TOKEN = lazy_regex(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
#: A word of letters only (no digits), inner apostrophes and hyphens kept.
LETTER_WORD = lazy_regex(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
#: A run of letters and marks only.
LETTERS = lazy_regex(r"[\p{L}\p{M}]+")

#: Devanagari letters and marks (no danda, no digits).
DEVANAGARI_LETTERS = "\u0900-\u0963\u0971-\u097f\ua8e0-\ua8ff"
#: A run of Devanagari letters and marks.
DEVANAGARI_WORD = lazy_regex(f"[{DEVANAGARI_LETTERS}]+")
#: :data:`DEVANAGARI_WORD`, with the faster stdlib engine (no ``\\p`` classes needed).
DEVANAGARI_WORD_RE = lazy_re(f"[{DEVANAGARI_LETTERS}]+")
#: Devanagari words joined by hyphens (आस-पास): one word of the spelling-variant rule.
DEVANAGARI_COMPOUND = lazy_re(f"[{DEVANAGARI_LETTERS}]+(?:-[{DEVANAGARI_LETTERS}]+)*")
#: A Devanagari word as the word lists keep it: letters, marks and zero-width (non-)joiners.
DEVANAGARI_RUN = lazy_re("[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")
#: Two Devanagari words with only white space between them (as ``regex`` reads ``\s``: the
#: stdlib's also takes \x1c-\x1f): ``findall`` gives each such pair of neighbours, the second
#: read ahead so that it pairs with the next too.
DEVANAGARI_SPACED_PAIR = lazy_re(
    f"(?<![{DEVANAGARI_LETTERS}])([{DEVANAGARI_LETTERS}]+)[^\\S\x1c-\x1f]+(?=([{DEVANAGARI_LETTERS}]+))"
)
#: A Devanagari word that may spell an acronym with a number (जी7, जी-20), not inside a longer
#: Devanagari run: ``(?<![\u0900-\u0963\u0966-\u097f])`` looked back after the first letter.
DEVANAGARI_ACRONYM = lazy_re(
    r"[\u0900-\u0963\u0971-\u097f\u200c\u200d](?<![\u0900-\u0963\u0966-\u097f].)"
    r"[\u0900-\u0963\u0971-\u097f\u200c\u200d]*(?:-?[0-9\u0966-\u096f]+)?"
)

#: Two or more characters of the Devanagari script or marks of any (the names a document
#: transliterates: ``latin_context``).
SCRIPT_RUN = lazy_regex(r"[\p{Devanagari}\p{M}]{2,}")
#: A run of Latin letters (any Latin letter).
LATIN_WORD = lazy_regex(r"\p{Latin}+")
#: Characters none of which is a Latin letter (ASCII but its letters, Latin-1 up to ©,
#: Devanagari, general punctuation): a text of these only is not scanned for one.
_NOT_LATIN = "\x00-\x40\x5b-\x60\x7b-\xa9\u0900-\u097f\u2000-\u206f"
_MAYBE_LATIN = lazy_re(f"[^{_NOT_LATIN}]")
_LATIN_LETTER = lazy_regex(r"\p{Latin}")
#: An ASCII word that may be an acronym (letters, digits, ``&``), not inside a longer one
#: (``regex`` scans it faster than the stdlib does).
ASCII_ACRONYM = lazy_regex(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&]*(?![A-Za-z0-9])")


@lru_cache(maxsize=RECENT_TEXTS)
def has_latin(text: str) -> bool:
    """Whether ``text`` has a Latin letter. Memoised for the last few texts: the untranslated
    rules each ask it of every paragraph."""
    return _MAYBE_LATIN.search(text) is not None and _LATIN_LETTER.search(text) is not None


# -- the same cuts, faster, on plain text ---------------------------------------------------------
# ``regex`` looks a character's properties up; the stdlib's range test is about twice as fast. On
# a text of ASCII, Devanagari and general punctuation only, \p{L}\p{M}\p{N} are exactly these
# ranges (tests/test_speed_helpers.py checks them against ``regex``), so the stdlib twins below cut
# such a text as the patterns above do.

#: ASCII, Devanagari and general punctuation: most Hindi paragraphs hold nothing else.
_PLAIN = "\x00-\x7f\u0900-\u097f\u2000-\u206f"
_NOT_PLAIN = lazy_re(f"[^{_PLAIN}]")
#: The letters, marks and digits among them: ASCII letters and digits, Devanagari but its two
#: dandas and the abbreviation sign.
_PLAIN_LMN = "A-Za-z0-9\u0900-\u0963\u0966-\u096f\u0971-\u097f"
_PLAIN_WORD = lazy_re(f"[{_PLAIN_LMN}]+(?:['’\\-][{_PLAIN_LMN}]+)*")
_PLAIN_LOOSE_TOKEN = lazy_re(f"[{_PLAIN_LMN}][{_PLAIN_LMN}'’\\-]*")
_PLAIN_TOKEN = lazy_re(f"[{_PLAIN_LMN}]+")
#: \p{Devanagari}\p{M} among them: the Devanagari block but its two dandas.
_PLAIN_SCRIPT_RUN = lazy_re("[\u0900-\u0963\u0966-\u097f]{2,}")


def plain(text: str) -> bool:
    """Whether ``text`` holds ASCII, Devanagari and general punctuation only."""
    return _NOT_PLAIN.search(text) is None


#: A character that may leave a text not NFC (outside ASCII, Devanagari but its stress marks and
#: precomposed nukta letters, general punctuation but its two decomposing spaces), or a nukta
#: after a letter it composes with (न + nukta = ऩ) or out of order (after a virama); the second
#: class lets the precomposed nukta letters (क़ …) pass, whose decompositions add neither. A class
#: and a literal each scan fast; their alternation would scan at a fifth of the speed.
_NFC_UNSURE = "\x00-\x7f\u0900-\u0950\u0955-\u0957\u0960-\u097f\u2002-\u206f"
_MAY_NOT_NFC = lazy_re(f"[^{_NFC_UNSURE}]")
_MAY_NOT_NFC_BUT_NUKTA_LETTERS = lazy_re(f"[^{_NFC_UNSURE}\u0958-\u095f]")
_NUKTA_COMPOSES = lazy_re("\u093c(?<=[\u0928\u0930\u0933\u094d]\u093c)")


def surely_nfc(text: str, nukta_letters_decomposed: bool = False) -> bool:
    """Whether ``text`` is NFC (with ``nukta_letters_decomposed``: once its precomposed nukta
    letters are decomposed), by two searches that cost a fraction of ``unicodedata.is_normalized``;
    False means only that the answer needs that call (tests/test_speed_helpers.py checks every
    pair of the characters passed)."""
    pattern = _MAY_NOT_NFC_BUT_NUKTA_LETTERS if nukta_letters_decomposed else _MAY_NOT_NFC
    return pattern.search(text) is None and _NUKTA_COMPOSES.search(text) is None


@lru_cache(maxsize=RECENT_TEXTS)
def count_words(text: str) -> int:
    """Hindi and Latin word tokens (the MQM word count). Memoised for the last few texts: the
    engine counts each paragraph's words, and a rule may count them again."""
    return len((_PLAIN_WORD if plain(text) else WORD).findall(text))


def tokens(text: str) -> list[str]:
    """``TOKEN.findall(text)``."""
    return (_PLAIN_TOKEN if plain(text) else TOKEN).findall(text)


def loose_tokens(text: str) -> list[str]:
    """``LOOSE_TOKEN.findall(text)``."""
    return (_PLAIN_LOOSE_TOKEN if plain(text) else LOOSE_TOKEN).findall(text)


def script_runs(text: str) -> list[str]:
    """``SCRIPT_RUN.findall(text)``."""
    return (_PLAIN_SCRIPT_RUN if plain(text) else SCRIPT_RUN).findall(text)
