"""Locale: conventions of the Italian source left in the Hindi (number formats, guillemets)."""

from __future__ import annotations

import regex

from ..model import Category, Paragraph, Severity
from ..text.lazy import lazy_regex
from ..text.web import SEPARATED_NUMBER
from .base import Hit, Rule

#: A number written with dots and commas, bounded by anything but letters, digits, dots, commas
#: (a full stop or comma right after it is punctuation, not part of it).
_NUMBER = SEPARATED_NUMBER
_THOUSANDS = lazy_regex(r"(?![0०])\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # ASCII or Devanagari digits
_DECIMAL_COMMA = lazy_regex(r"\d+,\d{1,2}")
#: Either needs a digit, a dot or comma and a digit: a paragraph without is not scanned.
_DIGIT_SEPARATOR_DIGIT = lazy_regex(r"\d[.,]\d")


def _international(number: str) -> str:
    """``1.234.567,5`` → ``1,234,567.5``."""
    return number.replace(".", "\0").replace(",", ".").replace("\0", ",")


def _ip_address(number: str) -> bool:
    parts = number.split(".")
    return len(parts) == 4 and all(p.isdigit() and int(p) <= 255 for p in parts)


class ItalianNumberFormat(Rule):
    r"""A number in the Italian format: dots group thousands, a comma marks decimals.

    Hindi follows the English convention (``1,200``, ``3.5``), so an Italian ``1.200`` reads as
    one point two and ``3,5`` as thirty-five or a list. Reported: dot-grouped thousands
    (``1.200``, ``1.000.000``, ``26.750``), with or without a decimal comma (``1.234,5``), and a
    decimal comma with one or two decimals (``3,5``, ``0,75``). Left alone: English-style
    numbers (``1,200``, ``3.5``, ``2.75``), Indian grouping (``1,20,000``), dates and times with
    dots (``19.04.2024``, ``5.30``, whose groups are not three digits), version numbers
    (``1.2.3``), lists without spaces (``3,5,7``), numbers glued to letters (``v1.200``) and IP
    addresses. Several groups, a decimal comma after groups, or the same number in the aligned
    Italian paragraph make it certain (``major``); a single group (``1.200`` could be a decimal
    with three places) or a decimal comma alone is ``minor``. The suggestion writes the number
    in the English convention.

    Flags:
        इस अभियान में 1.000.000 यूरो खर्च हुए।
        लगभग 26.750 डॉलर लूटे गए।
        मुद्रास्फीति 3,5 प्रतिशत रही।
        कुल 1.234,5 टन जब्त किया गया।
    Passes:
        लगभग 26,750 डॉलर लूटे गए और 1,20,000 लोग आए।
        मुद्रास्फीति 3.5 प्रतिशत और 2.75 प्रतिशत रही।
        19.04.2024 को सुबह 5.30 बजे बैठक हुई।
        संस्करण 1.2.3 और v1.200 जारी हुए; पृष्ठ 3,5,7 देखें।
        सर्वर 192.168.100.200 बंद है।
    """

    code = "QA801"
    name = "italian-number-format"
    category = Category.LOCALE
    mqm = "Locale convention/Number format"
    severity = Severity.MAJOR
    fix = "unsafe"  # 1.000 may be a thousand or one; a reviewer reads the number

    def check(self, para: Paragraph):
        # a plain function, not a generator: most paragraphs get () at once
        return self._hits(para) if _DIGIT_SEPARATOR_DIGIT.search(para.text) else ()

    def _hits(self, para: Paragraph):
        text = para.text
        source = None
        for m in _NUMBER.finditer(text):
            number = m.group()
            if _THOUSANDS.fullmatch(number):
                if _ip_address(number):
                    continue
                certain = number.count(".") > 1 or "," in number
                what = "dots grouping thousands" + (" and a decimal comma" if "," in number else "")
            elif _DECIMAL_COMMA.fullmatch(number):
                certain = False
                what = "a decimal comma"
            else:
                continue
            if not certain:
                if source is None:
                    src = self.ctx.source_for(para.index)
                    source = src.text if src is not None else ""
                certain = bool(source) and regex.search(
                    r"(?<![\d.,])" + regex.escape(number) + r"(?![\d]|[.,]\d)", source
                ) is not None
            yield Hit(
                para.index,
                m.start(),
                m.end(),
                f"Italian number format ({what}): {number} reads differently in Hindi; "
                f"write {_international(number)}",
                _international(number),
                None if certain else Severity.MINOR,
            )


_GUILLEMETS = lazy_regex(r"[«»‹›]")
_REPLACEMENT = {"«": "“", "»": "”", "‹": "‘", "›": "’"}


class Guillemets(Rule):
    r"""Italian guillemets « » (or ‹ ›) left in the Hindi.

    Hindi uses the quotation marks “ ” (or straight ``"``); guillemets come from the Italian
    source and look foreign. Each guillemet is reported with its replacement.

    Flags:
        उन्होंने कहा, «हम तैयार हैं»।
        ‹डिजिटल तस्करी›
    Passes:
        उन्होंने कहा, “हम तैयार हैं”।
        मूल्य 5 >> 3 है।
    """

    code = "QA802"
    name = "guillemets"
    category = Category.LOCALE
    mqm = "Locale convention/Punctuation"
    severity = Severity.MINOR
    fix = "safe"  # the Hindi quotation mark for the guillemet

    def check(self, para: Paragraph):
        text = para.text
        if "«" not in text and "»" not in text and "‹" not in text and "›" not in text:
            return ()  # (not a generator: most paragraphs get this at once)
        return self._hits(para)

    def _hits(self, para: Paragraph):
        text = para.text
        for m in _GUILLEMETS.finditer(text):
            mark = m.group()
            yield Hit(
                para.index, m.start(), m.end(),
                f"Italian guillemet {mark}; Hindi uses {_REPLACEMENT[mark]}",
                _REPLACEMENT[mark],
            )
