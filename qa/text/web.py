"""Web text, markup, emoji and numbers: what is not a word of any language, recognised once.

:data:`WEB` is the recogniser of e-mail addresses, URLs, handles, hashtags and tickers that the
rules share. The narrower patterns below it are the same things as one check needs them (what a
source must keep in its translation, what glue protects), named here so that a change to what
counts as a URL is made in one file.
"""

from __future__ import annotations

from .lazy import lazy_regex

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
WEB = lazy_regex(WEB_PATTERN)

#: Text that runs words together on purpose (a URL, an e-mail address, a hashtag or handle in
#: any script): the glued-word rules leave it alone.
PROTECTED = lazy_regex(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[#@][\p{L}\p{M}\p{N}_]+")

#: What a translation must carry over from its source unchanged, by kind (the source-aware
#: check): a URL without its closing punctuation, an e-mail address, a Latin @handle or #hashtag.
URL = lazy_regex(r"(?:https?://|www\.)[^\s<>\"“”'‘’()]+[^\s<>\"“”'‘’().,;:!?।]")
EMAIL = lazy_regex(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE = lazy_regex(r"(?<![\w@.])@[A-Za-z0-9_]{2,}")
HASHTAG = lazy_regex(r"(?<![\w#&/])#[A-Za-z][A-Za-z0-9_]+")
#: Any handle, hashtag, URL or e-mail address in any script (what a translation may have changed).
ANY_WEB = lazy_regex(r"(?<![\w@#&])[@#][\w\p{M}]+|\S+://\S*[\w/]|[\w\p{M}.+-]+@[\w\p{M}-]+(?:\.[\w\p{M}-]+)+")

#: Leftovers of markup: HTML/XML tags, character entities, Markdown code fences and emphasis.
MARKUP_CODE = (
    r"(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,9}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)"
    r"|(?P<element></?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>\n]{0,200}?)?\s*/?>)"
    r"|(?P<fence>```+[A-Za-z0-9_+-]*)"
)
MARKUP = lazy_regex(
    MARKUP_CODE + r"|(?P<emphasis>(?<![\p{L}\p{N}*_])(?:\*\*|__)(?=\S)[^*_\n]{1,120}?(?<=\S)(?:\*\*|__)(?![\p{L}\p{N}*_]))"
)

#: Emoji and pictographs (and their joiners, skin tones, variation selectors).
EMOJI = lazy_regex(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]+")
#: Text emoticons: :) :-( ;) :D :P xD <3
EMOTICON = lazy_regex(r"(?<![\p{L}\p{N}])(?:[:;=][-']?[()DPpOo/\\|\]\[]|[xX]D|<3)(?![\p{L}\p{N}])")

# -- numbers and digits --------------------------------------------------------------------------

#: ASCII and Devanagari decimal digits.
DIGITS = "0-9\u0966-\u096f"
#: A number in ASCII or Devanagari digits with inner ``.`` or ``,`` groups (3.5, 1,000, २०२४):
#: what source and translation are aligned and compared by.
NUMBER = lazy_regex(r"[0-9०-९]+(?:[.,][0-9०-९]+)*")
#: :data:`NUMBER` standing alone: not after a letter, a digit, a separator or a letter and hyphen
#: (G-7), not followed by more digits; group 1 is the number.
FREE_NUMBER = lazy_regex(
    r"(?<![\p{L}\p{M}\p{N}.,]|\p{L}[-‐])([0-9०-९]+(?:[.,][0-9०-९]+)*)(?![0-9०-९]|[.,][0-9०-९])"
)
#: A number of two digits or more with separators, standing alone (any script's digits): the
#: locale rules read its separators.
SEPARATED_NUMBER = lazy_regex(r"(?<![\p{L}\p{M}\p{N}_.,])\d[\d.,]*\d(?![\p{L}\p{M}\p{N}_]|[.,]\d)")


def web_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the e-mail addresses, URLs, handles, hashtags and tickers."""
    return [(m.start(), m.end(), m.lastgroup) for m in WEB.finditer(text)]


def markup_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the markup leftovers: entity, element, fence, emphasis."""
    return [(m.start(), m.end(), m.lastgroup) for m in MARKUP.finditer(text)]
