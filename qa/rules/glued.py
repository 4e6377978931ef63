"""Glued words: spaces lost where inline markup was (Latin, digits, punctuation, two Hindi words).

All four rules report the whole glued token and suggest it with the space restored. They are
``spelling`` findings, including the missing space after punctuation (QA203): the defect is a
word run into its neighbour, whatever character sits at the seam.
"""

from __future__ import annotations

import re

from .. import hindi_lexicon as lex
from ..model import Category, Paragraph, Severity
from ..text.lazy import lazy_re, lazy_regex
from ..text.tokens import DEVANAGARI_LETTERS, DEVANAGARI_WORD, DEVANAGARI_WORD_RE, GLUE_TOKEN
from ..text.web import DIGITS, PROTECTED, markup_spans
from .base import Hit, Rule

_DEVA = f"[{DEVANAGARI_LETTERS}]"
#: A run of letters, marks and digits of any script (a "token" as written, glue and all).
_TOKEN = GLUE_TOKEN
#: Latin letters (ASCII, Latin-1, Latin Extended); matched from the rare Latin side for speed:
#: a Latin letter before or after a Devanagari one, written to start with the Latin letter (the
#: engine skips to the Latin letters of a paragraph instead of trying a lookbehind everywhere).
_LATIN = "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_DEVA = lazy_re(f"[{_LATIN}](?:(?={_DEVA})|(?<={_DEVA}[{_LATIN}]))")
_SCRIPT_SEAM = lazy_regex(rf"(?<=\p{{Latin}})(?={_DEVA})|(?<={_DEVA})(?=\p{{Latin}})")
_DIGITS = DIGITS
_DEVA_WORD = DEVANAGARI_WORD_RE
#: A digit before or after a Devanagari letter, written to start with the digit: the engine
#: skips to the digits of a paragraph (most have none) instead of trying a lookbehind everywhere.
_DIGIT_DEVA = lazy_re(f"[{_DIGITS}](?:(?={_DEVA})|(?<={_DEVA}[{_DIGITS}]))")
_DIGIT_SEAM = lazy_regex(rf"(?<=\p{{Nd}})(?={_DEVA})|(?<={_DEVA})(?=\p{{Nd}})")
_PIECES = lazy_regex(rf"{_DEVA}+|\p{{Nd}}+|[^\p{{Nd}}{DEVANAGARI_LETTERS}]+")

#: Ordinal endings written on digits by standard spelling (21वीं सदी, 10वां, 5वें).
ORDINAL_ENDINGS = frozenset({"वां", "वाँ", "वीं", "वी", "वें", "वे", "वा"})


#: URLs, e-mail addresses, hashtags and mentions run words together on purpose.
_PROTECTED = PROTECTED


def _protected(text: str) -> list[tuple[int, int]]:
    if "#" not in text and "@" not in text and "://" not in text and "www." not in text:
        return []
    return [m.span() for m in _PROTECTED.finditer(text)]


def _in_protected(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _seam_tokens(text: str, seam: re.Pattern):
    """(start, end) of each whole token with a ``seam`` match in it, once, outside URLs,
    e-mail addresses, hashtags and mentions."""
    done = -1
    protected = None
    for m in seam.finditer(text):
        if m.start() < done:
            continue
        s, e = _token_at(text, m.start(), m.end())
        done = e
        if protected is None:
            protected = _protected(text)
        if not _in_protected(protected, s, e):
            yield s, e


def _token_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole run of letters, marks and digits around ``start:end``."""
    m = _TOKEN.match(text, start)
    s = start
    while s > 0 and _TOKEN.match(text[s - 1]):
        s -= 1
    e = m.end() if m else end
    return s, max(e, end)


class LatinGluedToDevanagari(Rule):
    r"""A Latin word run into a Devanagari word with no space between them.

    Machine translation of a web page keeps an untranslated term from a link or a bold span and
    loses the space after it (``cybercrimeवर्चुअल``). The whole glued token is reported; the
    suggestion puts a space at the seam between the scripts.

    Flags:
        और खिलाफ लड़ना है cybercrimeवर्चुअल स्पेस की सुरक्षा
        बैठक मेंG7 देशों ने भाग लिया।
    Passes:
        और खिलाफ लड़ना है cybercrime वर्चुअल स्पेस की सुरक्षा
        G7 देशों की बैठक, UNICRI-संस्थान और ई-मेल।
        देखें https://esteri.it/हिंदी और #G7इटली पर।
    """

    code = "QA201"
    name = "latin-glued-to-devanagari"
    category = Category.SPELLING
    mqm = "Fluency/Spelling"
    severity = Severity.MINOR
    fix = "safe"  # a space at the seam between the scripts

    def check(self, para: Paragraph):
        if not _LATIN_DEVA.search(para.text):
            return ()
        return self._hits(para)

    def _hits(self, para: Paragraph):
        text = para.text
        for s, e in _seam_tokens(text, _LATIN_DEVA):
            token = text[s:e]
            inflected = _ACRONYM_INFLECTED.fullmatch(token)
            yield Hit(
                para.index, s, e,
                f"“{token}”: an acronym with a Hindi ending glued to it; house style may want a "
                "hyphen or a space" if inflected else
                f"“{token}”: a Latin and a Devanagari word run together; a space is missing",
                _SCRIPT_SEAM.sub(" ", token),
                severity=Severity.INFO if inflected else None,
            )


#: An acronym with a Hindi plural or oblique ending (``MEPओं``, ``NGOज़``): written so on purpose.
_ACRONYM_INFLECTED = lazy_regex(r"[A-Z][A-Z0-9]+(?:ओं|ों|एं|ें|ज़|ज|स|ो|ओ)")


class DigitsGluedToWord(Rule):
    r"""Digits run into a Hindi word with no space between them (``2024में``).

    A number followed by a postposition or any other word needs a space. Ordinal endings
    (``21वीं``), Devanagari letter names after digits (``5जी``, ``3डी``) and names with a digit
    after the letters (``जी7``) are written that way and pass; letters before digits are only
    reported when they form a function word (``में2024``).

    Flags:
        यह बैठक 2024में रोम में हुई।
        बैठक में2024 के कार्यक्रम पर चर्चा हुई।
    Passes:
        यह बैठक 2024 में रोम में हुई।
        21वीं सदी में 5जी नेटवर्क और जी7 देश।
    """

    code = "QA202"
    name = "digits-glued-to-word"
    category = Category.SPELLING
    mqm = "Fluency/Spelling"
    severity = Severity.INFO
    fix = "safe"  # a space between the number and the word

    def check(self, para: Paragraph):
        if not _DIGIT_DEVA.search(para.text):
            return ()
        return self._hits(para)

    def _hits(self, para: Paragraph):
        text = para.text
        for s, e in _seam_tokens(text, _DIGIT_DEVA):
            token = text[s:e]
            if _LATIN_DEVA.search(token) or not self._glued(token):
                continue
            yield Hit(
                para.index, s, e,
                f"“{token}”: a number and a word run together; a space is missing",
                _DIGIT_SEAM.sub(" ", token),
            )

    @staticmethod
    def _glued(token: str) -> bool:
        pieces = _PIECES.findall(token)
        for i, piece in enumerate(pieces):
            if piece[0].isdigit() or not DEVANAGARI_WORD.fullmatch(piece):
                continue
            after_digits = i > 0 and pieces[i - 1][0].isdigit()
            before_digits = i + 1 < len(pieces) and pieces[i + 1][0].isdigit()
            if after_digits and piece not in ORDINAL_ENDINGS and not lex.spelled_letters(piece):
                return True
            if before_digits and lex.function_class(piece) in lex.FUNCTION_CLASSES:
                return True
        return False


_NO_SPACE_AFTER = lazy_regex(
    rf"(?:[।॥;!?)\]]|(?<!\p{{Nd}}),|(?<=[\p{{L}}\p{{M}}])[”’])(?={_DEVA})"
)
#: One of those marks before a Devanagari letter, what the context around it aside (a stdlib scan
#: that most paragraphs fail).
_MARK_BEFORE_DEVA = lazy_re(f"[।॥;!?)\\],”’](?={_DEVA})")


class NoSpaceAfterPunctuation(Rule):
    r"""A danda, comma, closing bracket or closing quote with the next word glued to it.

    ``था।पैसे`` reads as one word. Reported with the next word (``।पैसे``) and the space restored.
    Full stops (``डॉ.``, ``बी.जे.पी.``) and colons (often typed for the visarga, ``दु:ख``) are not
    checked; a closing quote counts only when a word sits right before it too (a misused ``”``
    opening a quotation is a punctuation matter), and the ``;`` that ends a character entity
    (``&quot;हम``) is markup (QA306). Category ``spelling``, like the other glued words.

    Flags:
        इसे अस्वीकार कर दिया गया था।पैसे का अनुगमन करो
        समूह,जिसके पास जनादेश है।
        “पैसे का अनुगमन करो”कहा गया।
    Passes:
        इसे अस्वीकार कर दिया गया था। पैसे का अनुगमन करो
        संख्या 1,200 है, और डॉ.शर्मा ने कहा: ठीक।
        उन्होंने कहा, &quot;हम तैयार हैं&quot;।
    """

    code = "QA203"
    name = "no-space-after-punctuation"
    category = Category.SPELLING
    mqm = "Fluency/Spelling"
    severity = Severity.MINOR
    fix = "safe"  # a space after the mark

    def check(self, para: Paragraph):
        if not _MARK_BEFORE_DEVA.search(para.text):
            return ()
        return self._hits(para)

    def _hits(self, para: Paragraph):
        text = para.text
        entity_ends = None
        for m in _NO_SPACE_AFTER.finditer(text):
            if entity_ends is None:  # read only when a mark is glued
                entity_ends = {end - 1 for _, end, kind in markup_spans(text) if kind == "entity"}
            if m.start() in entity_ends:
                continue  # the ; of &quot; is QA306's
            word = DEVANAGARI_WORD.match(text, m.end())
            end = word.end() if word else m.end()
            mark = text[m.start()]
            yield Hit(
                para.index, m.start(), end,
                f"no space after “{mark}”: “{text[m.start():end]}” runs into the next word",
                f"{mark} {text[m.end():end]}",
            )
