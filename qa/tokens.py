"""Tokenisation shared by rules and scoring (``regex``: the stdlib ``\\w`` splits Devanagari)."""

from __future__ import annotations

import regex

#: A word: letters, combining marks and digits of any script, with inner apostrophes and hyphens.
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")

#: A run of Devanagari letters and marks (no danda, no digits).
DEVANAGARI_LETTERS = "\u0900-\u0963\u0971-\u097f\ua8e0-\ua8ff"
DEVANAGARI_WORD = regex.compile(f"[{DEVANAGARI_LETTERS}]+")

#: A run of Latin letters.
LATIN_WORD = regex.compile(r"\p{Latin}+")


def count_words(text: str) -> int:
    """Hindi and Latin word tokens (the MQM word count)."""
    return sum(1 for _ in WORD.finditer(text))
