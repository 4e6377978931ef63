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
    return len(WORD.findall(text))


# -- web text and markup: not words of any language ----------------------------------------------

#: E-mail addresses, URLs (with a scheme, ``www.`` or a bare domain), @handles, #hashtags and
#: $TICKERS: shared by the untranslated, glued-word and punctuation rules.
WEB_PATTERN = (
    r"(?P<email>(?<![\p{L}\p{N}])[\p{Latin}\p{N}._%+\-]+@[\p{Latin}\p{N}\-]+(?:\.[\p{Latin}\p{N}\-]+)+)"
    # a URL may be broken by a space after . - / _ (``foxbusiness. com/cell- phone-outage``)
    r"|(?P<url>(?:https?://|www\.)[^\s<>\"“”'‘’()]+(?:(?<=[-./_]) (?=[a-z0-9])[^\s<>\"“”'‘’()]+)*"
    r"(?<![.,;:!?।])"
    r"|(?<![\p{L}\p{N}@.])[\p{Latin}\p{N}\-]+(?:\.[\p{Latin}\p{N}\-]+)*"
    r"\.[a-z]{2,6}(?:/[^\s<>\"“”]*)?(?![\p{L}\p{N}]))"
    # a file name's extension after a word of any script (``पेज.html#सेक्शन7``)
    r"|(?P<file>(?<=[\p{L}\p{M}\p{N}])\.(?:html?|php|aspx?|jsp|pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|"
    r"txt|csv|json|xml|zip|mp[34])(?![\p{L}\p{N}])(?:#[\p{L}\p{M}\p{N}_\-]+)?)"
    r"|(?P<tag>(?<![\p{L}\p{N}&])[#@][\p{L}\p{M}\p{N}_]+)"
    r"|(?P<ticker>(?<![\p{L}\p{N}])\$[A-Z]{1,6}(?![\p{L}\p{N}]))"
)
WEB = regex.compile(WEB_PATTERN)

#: Leftovers of markup: HTML/XML tags, character entities, Markdown code fences and emphasis.
MARKUP_CODE = (
    r"(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,9}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)"
    r"|(?P<element></?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>\n]{0,200}?)?\s*/?>)"
    r"|(?P<fence>```+[A-Za-z0-9_+-]*)"
)
MARKUP = regex.compile(
    MARKUP_CODE + r"|(?P<emphasis>(?<![\p{L}\p{N}*_])(?:\*\*|__)(?=\S)[^*_\n]{1,120}?(?<=\S)(?:\*\*|__)(?![\p{L}\p{N}*_]))"
)

#: Emoji and pictographs (and their joiners, skin tones, variation selectors).
EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]+")
#: Text emoticons: :) :-( ;) :D :P xD <3
EMOTICON = regex.compile(r"(?<![\p{L}\p{N}])(?:[:;=][-']?[()DPpOo/\\|\]\[]|[xX]D|<3)(?![\p{L}\p{N}])")


def web_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the e-mail addresses, URLs, handles, hashtags and tickers."""
    return [(m.start(), m.end(), m.lastgroup) for m in WEB.finditer(text)]


def markup_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the markup leftovers: entity, element, fence, emphasis."""
    return [(m.start(), m.end(), m.lastgroup) for m in MARKUP.finditer(text)]
