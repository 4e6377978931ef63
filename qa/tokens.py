"""Tokenisation shared by rules and scoring: now defined in the text layer (:mod:`qa.text`);
these names stay importable from here."""

from __future__ import annotations

from .text.tokens import DEVANAGARI_LETTERS, DEVANAGARI_WORD, LATIN_WORD, WORD, count_words  # noqa: F401
from .text.web import (  # noqa: F401
    EMOJI,
    EMOTICON,
    MARKUP,
    MARKUP_CODE,
    WEB,
    WEB_PATTERN,
    markup_spans,
    web_spans,
)
