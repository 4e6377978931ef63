"""Whitespace left by markup and editing: no-break spaces, doubled spaces, trailing spaces."""

from __future__ import annotations

from ..model import Category, Paragraph, Severity
from ..text.lazy import lazy_regex
from .base import Hit, Rule

_NBSP = lazy_regex(r"(?<=\S)[\u00a0\u2007\u202f]+(?=\S)")
# A no-break space is right between a number and its unit or a currency and its amount.
_NBSP_OK_BEFORE = lazy_regex(r"(?:\p{N}|\p{Sc})$")
_NBSP_OK_AFTER = lazy_regex(r"^(?:%|\p{Sc}|\p{N}|[a-zA-Zµ°]{1,3}\b)")
_DOUBLE = lazy_regex(r"(?<=\S)[ \t]{2,}(?=\S)")
_TRAILING = lazy_regex(r"[^\S\r\n]+(?=\r?\n|$)")


class NoBreakSpace(Rule):
    r"""A no-break space inside running text, where a plain space belongs.

    Reported for information: a house style may raise it (it is invisible to readers but
    stops line wrapping). Web pages translated by machine keep the ``&nbsp;`` of their inline markup: the Hindi then
    does not wrap where it should and searches miss the words. A no-break space between a number
    and its unit (``10\u00a0km``, ``5\u00a0%``) or a currency sign and its amount is left alone.

    Flags:
        की थीम है\u00a0आर्थिक सुरक्षा
        Un\u00a0फोकस विशिष्ट
    Passes:
        की थीम है आर्थिक सुरक्षा
        दूरी 10\u00a0km है।
    """

    code = "QA701"
    name = "no-break-space"
    category = Category.WHITESPACE
    mqm = "Locale convention/Whitespace"
    severity = Severity.INFO
    fix = "safe"  # a no-break space becomes a space

    def check(self, para: Paragraph):
        text = para.text
        if "\u00a0" not in text and "\u2007" not in text and "\u202f" not in text:
            return ()
        return self._hits(para)

    def _hits(self, para: Paragraph):
        text = para.text
        for m in _NBSP.finditer(text):
            before = text[max(0, m.start() - 1):m.start()]
            after = text[m.end():m.end() + 4]
            if _NBSP_OK_BEFORE.search(before) and _NBSP_OK_AFTER.match(after):
                continue
            if before and before in "€$£₹" and after[:1].isdigit():
                continue
            yield Hit(para.index, m.start(), m.end(), "no-break space inside running text", " ")


class DoubledSpace(Rule):
    r"""Two or more spaces (or tabs) between words.

    Usually harmless, often a sign that a word was deleted. Reported for information.

    Flags:
        बैठक  में चर्चा हुई।
    Passes:
        बैठक में चर्चा हुई।
    """

    code = "QA702"
    name = "doubled-space"
    category = Category.WHITESPACE
    mqm = "Locale convention/Whitespace"
    severity = Severity.INFO
    fix = "safe"  # spaces in a row become one

    def check(self, para: Paragraph):
        if "  " not in para.text and "\t" not in para.text:
            return ()  # two spaces or tabs in a row need one of these
        return self._hits(para)

    def _hits(self, para: Paragraph):
        for m in _DOUBLE.finditer(para.text):
            yield Hit(para.index, m.start(), m.end(), f"{m.end() - m.start()} spaces in a row", " ")


class TrailingWhitespace(Rule):
    r"""Spaces, tabs or no-break spaces at the end of a line.

    Invisible, harmless to readers, but they make diffs noisy and often mark where markup was.

    Flags:
        बैठक में चर्चा हुई।\u00a0
        बैठक में चर्चा हुई। \nदूसरी पंक्ति
    Passes:
        बैठक में चर्चा हुई।
    """

    code = "QA703"
    name = "trailing-whitespace"
    category = Category.WHITESPACE
    mqm = "Locale convention/Whitespace"
    severity = Severity.INFO
    fix = "safe"  # whitespace at a line's end is deleted

    def check(self, para: Paragraph):
        if "\n" not in para.text and not para.text[-1:].isspace():
            return ()  # a line ends at a newline or at the end
        return self._hits(para)

    def _hits(self, para: Paragraph):
        for m in _TRAILING.finditer(para.text):
            yield Hit(para.index, m.start(), m.end(), "whitespace at the end of the line", "")
