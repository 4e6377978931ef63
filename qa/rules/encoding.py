"""Encoding: mojibake, replacement characters, control characters, broken Devanagari, non-NFC text.

Every rule reports the exact characters of the text as read: nothing is normalised or repaired
before offsets are taken. ftfy (for mojibake) is imported only when a paragraph holds the
characters mojibake is made of.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

from .. import hindi_lexicon as lex
from ..model import Category, Paragraph, Severity
from ..text.lazy import lazy_re, lazy_regex
from ..text.tokens import surely_nfc
from .base import Hit, Rule
from .invisible import invisible_hits

#: What bytes 0x80-0x9F become when UTF-8 is read as Windows-1252 (€ ‚ ƒ „ … ‡ ‰ Š ‹ Œ ‘ ’ “ ” …).
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_MOJI_CHARS = "\u0080-\u00ff\ufffd" + regex.escape(_CP1252_HIGH)
#: A UTF-8 lead byte read as Latin-1/cp1252 (Â … ô) followed by a continuation byte read the same
#: way: the fingerprint of mojibake (à¤•, Ã©, â€œ). Only paragraphs with it reach ftfy.
_MOJIBAKE_HINT = lazy_re(f"[\u00c2-\u00f4][\u0080-\u00bf{re.escape(_CP1252_HIGH)}]")
#: A stretch of such characters, with the ASCII letters of the words they sit in, and the
#: spaces, digits and punctuation between two such stretches.
_MOJI_RUN = lazy_regex(
    f"[A-Za-z]*[{_MOJI_CHARS}]+(?:[A-Za-z]+[{_MOJI_CHARS}]+)*[A-Za-z]*"
    f"(?:[\\s\\d!-/:-@\\[-`{{-~]+[A-Za-z]*[{_MOJI_CHARS}]+(?:[A-Za-z]+[{_MOJI_CHARS}]+)*[A-Za-z]*)*"
)


@lru_cache(maxsize=64)
def mojibake_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, repair) for each stretch of ``text`` that ftfy judges to be mojibake and can
    repair with ``fix_encoding`` (which, unlike ``fix_text``, leaves curly quotes alone)."""
    if not _MOJIBAKE_HINT.search(text):
        return ()
    import ftfy
    from ftfy.badness import is_bad

    out = []
    for m in _MOJI_RUN.finditer(text):
        run = m.group()
        if not _MOJIBAKE_HINT.search(run) or not is_bad(run):
            continue
        fixed = ftfy.fix_encoding(run)
        if fixed != run:
            out.append((m.start(), m.end(), fixed))
    return tuple(out)


def _inside(spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e, _ in spans)


class Mojibake(Rule):
    r"""Mojibake: UTF-8 text decoded as Windows-1252 or Latin-1, once or twice.

    Devanagari read with the wrong encoding turns into ``à¤‡à¤Ÿà¤²à¥€`` (इटली), Italian
    accents into ``perchÃ©``. A reader cannot recover the words, so it is critical. ftfy's
    ``badness.is_bad`` decides (it does not fire on clean Hindi, on Italian accents, on curly
    quotes), and the suggestion is ftfy's ``fix_encoding`` of the stretch: the words as they were
    meant. Only the garbled stretch is reported, from its first to its last garbled word.

    Flags:
        बैठक à¤‡à¤Ÿà¤²à¥€ 2024 में हुई।
        Il ministro ha detto perchÃ© no.
        G7 Ã\u00a0Â¤â€¡Ã\u00a0Â¤Å¸Ã\u00a0Â¤Â²Ã\u00a0Â¥â‚¬ 2024
    Passes:
        बैठक इटली 2024 में हुई।
        Il ministro ha detto perché no, a Città di Castello, “così”.
        कीमत 5 € या £4 है, ½ हिस्सा।
    """

    code = "QA301"
    name = "mojibake"
    category = Category.ENCODING
    mqm = "Fluency/Character encoding"
    severity = Severity.CRITICAL
    fix = "safe"  # ftfy's repair of the garbled stretch (only where it has one)

    def check(self, para: Paragraph):
        if _MOJIBAKE_HINT.search(para.text) is None:
            return ()  # (mojibake_spans' own first test, before its memo is asked)
        return self._hits(para)

    def _hits(self, para: Paragraph):
        for start, end, fixed in mojibake_spans(para.text):
            yield Hit(
                para.index, start, end,
                "mojibake: UTF-8 text decoded with the wrong encoding (Windows-1252 or Latin-1); "
                "re-read the source as UTF-8",
                fixed,
            )


_REPLACEMENT = lazy_re("\ufffd+")


class ReplacementCharacter(Rule):
    r"""U+FFFD REPLACEMENT CHARACTER (�): a character was lost when bytes were decoded.

    Some program met bytes that were not valid in the encoding it assumed and put � in their
    place; the original letters are gone and must be restored from the source.

    Flags:
        बैठक में चर्चा हुई\ufffd
        प्रतिनिधि\ufffd\ufffdडल की बैठक
    Passes:
        बैठक में चर्चा हुई।
    """

    code = "QA302"
    name = "replacement-character"
    category = Category.ENCODING
    mqm = "Fluency/Character encoding"
    severity = Severity.MAJOR

    def check(self, para: Paragraph):
        if "\ufffd" not in para.text:
            return ()
        return self._hits(para)

    def _hits(self, para: Paragraph):
        spans = mojibake_spans(para.text)
        for m in _REPLACEMENT.finditer(para.text):
            if _inside(spans, m.start(), m.end()):
                continue
            n = m.end() - m.start()
            yield Hit(
                para.index, m.start(), m.end(),
                f"{n} replacement character{'s' if n > 1 else ''} (U+FFFD): text lost in decoding; "
                "restore it from the source",
            )


#: C0 controls other than tab, line feed and carriage return; DEL; C1 controls; a byte-order mark
#: inside the text; bidirectional embeddings, overrides and isolates; the noncharacters U+FFFE/F.
_CONTROL = lazy_re(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u202a-\u202e\u2066-\u2069\ufffe\uffff]+"
)


class ControlCharacter(Rule):
    r"""Control characters in the text: invisible, and they break XML, search and display.

    C0 and C1 control codes (other than tab and line breaks), DEL, a byte-order mark in the middle
    of the text, bidirectional override/embedding/isolate controls and the noncharacters U+FFFE
    and U+FFFF. Zero-width joiner and non-joiner are reported only out of place (qa/rules/invisible.py):
    two or more zero-width characters in a row, or a lone joiner by no virama or emoji (info). C1
    codes inside mojibake are left to QA301.

    Flags:
        बैठक में\u0007 चर्चा हुई।
        बैठक में चर्चा\u0085 हुई।
        बैठक \u202eमें चर्चा हुई।
        बैठक में\u200d\u200d चर्चा हुई।
    Passes:
        बैठक में\tचर्चा हुई।
        र्\u200dय और क्\u200cष
    """

    code = "QA303"
    name = "control-character"
    category = Category.ENCODING
    mqm = "Fluency/Character encoding"
    severity = Severity.MINOR
    fix = "unsafe"  # deleting a control character between two words would join them

    def check(self, para: Paragraph):
        if para.text.isprintable():
            return ()  # control, format and zero-width characters are all unprintable
        return self._hits(para)

    def _hits(self, para: Paragraph):
        spans = None
        for m in _CONTROL.finditer(para.text):
            if spans is None:
                spans = mojibake_spans(para.text)
            if _inside(spans, m.start(), m.end()):
                continue
            names = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group()))
            yield Hit(
                para.index, m.start(), m.end(),
                f"control character{'s' if m.end() - m.start() > 1 else ''} {names} in the text",
                "",
            )
        yield from invisible_hits(para)  # zero-width characters out of place (qa/rules/invisible.py)


_CONS = lex.CONSONANT_RANGES
_INDEP = lex.INDEPENDENT_VOWEL_RANGES
_VSIGN = lex.VOWEL_SIGN_RANGES
_SIGN = lex.SIGN_RANGES
_MARK = lex.MARK_RANGES
#: A nukta not right after a plain consonant (after consonant + virama it is only out of order,
#: which QA305 reports); a virama or vowel sign not right after a consonant (or consonant +
#: nukta); candrabindu, anusvara or visarga with no letter, vowel sign or sign before it.
#: A dotted circle (◌) before a mark is how marks are shown on their own, and passes.
#: (Written mark first, then looking back, so that the search skips straight to the marks.)
_BAD_MARK = lazy_re(
    "\u093c(?<![\u0915-\u0939\u0978-\u097f\u25cc]\u093c)(?<![\u0915-\u0939\u0978-\u097f]\u094d\u093c)"
    f"|[\u094d{_VSIGN}](?<![{_CONS}\u093c\u25cc][\u094d{_VSIGN}])"
    f"|[{_SIGN}](?<![{_CONS}{_INDEP}\u093c{_VSIGN}{_SIGN}\u25cc][{_SIGN}])"
)
_CLUSTER_START = lazy_regex(f"[{_CONS}{_INDEP}][{_MARK}]*$")
_MARKS_AFTER = lazy_regex(f"[{_MARK}]*")
#: A vowel sign typed after an independent vowel instead of the vowel letter itself.
_VOWEL_REPAIR = {
    "अा": "आ", "अॉ": "ऑ", "अॅ": "ॲ", "अो": "ओ", "अौ": "औ", "एे": "ऐ", "अे": "ए", "अै": "ऐ",
    "उु": "ऊ",
}


class InvalidDevanagari(Rule):
    r"""A Devanagari sign with nothing to attach to: broken text that renders with a dotted circle.

    A vowel sign (matra), virama or nukta must follow a consonant; candrabindu, anusvara and
    visarga a letter or a vowel sign. Reported: a vowel sign after an independent vowel
    (``अा`` for ``आ``, ``अॉ`` for ``ऑ``), two vowel signs in a row, a vowel sign after a virama or
    anusvara, a sign at the start of a word, a second nukta. The whole broken akshara is
    reported; where the intended letter is clear it is suggested. A doubled or misplaced sign is
    a typo (minor); a sign with no letter at all before it means a letter was lost (major).

    Flags:
        हमने अाज बैठक की।
        बैठक में चर्चा कोे हुई।
        बैठक में ा चर्चा हुई।
        डॉक्टर और डअॉक्टर
    Passes:
        हमने आज बैठक की। डॉक्टर, ज़िंदगी, क्‍या, र्‍य और ◌ा मात्रा।
    """

    code = "QA304"
    name = "invalid-devanagari"
    category = Category.ENCODING
    mqm = "Fluency/Character encoding"
    severity = Severity.MINOR
    fix = "safe"  # the evident letter (only where it is evident)

    def check(self, para: Paragraph):
        text = para.text
        done = -1
        for m in _BAD_MARK.finditer(text):
            if m.start() < done:
                continue
            before = _CLUSTER_START.search(text, max(0, m.start() - 8), m.start())
            start = before.start() if before else m.start()
            end = _MARKS_AFTER.match(text, m.end()).end()
            done = end
            cluster = text[start:end]
            mark = m.group()
            severity = None
            prev = text[m.start() - 1] if m.start() > start else ""
            if start == m.start():
                what = "with no letter before it (a letter was lost)"
                severity = Severity.MAJOR
            elif prev in lex.INDEPENDENT_VOWELS:
                what = f"after the vowel letter “{prev}”"
            else:
                what = f"after the sign “\u25cc{prev}”"
            yield Hit(
                para.index, start, end,
                f"{unicodedata.name(mark, 'U+%04X' % ord(mark)).lower()} (U+{ord(mark):04X}) {what}: "
                "the sequence is not valid Devanagari and shows a dotted circle",
                _repair(cluster),
                severity,
            )


def _repair(cluster: str) -> str | None:
    """The evident intended spelling of a broken akshara, if there is one."""
    if cluster in _VOWEL_REPAIR:
        return _VOWEL_REPAIR[cluster]
    deduped = regex.sub(f"([{_MARK}])\\1+", r"\1", cluster)
    if deduped != cluster and not _BAD_MARK.search(deduped):
        return deduped  # a doubled sign: ज़्यादाातर, टुुलसा
    moved = regex.sub(f"([{_VSIGN}])\u093c", "\u093c\\1", cluster)
    if moved != cluster and not _BAD_MARK.search(moved):
        return moved  # a nukta typed after the vowel sign: फै़सला -> फ़ैसला
    return None


_EXCLUDED = {c: unicodedata.normalize("NFD", chr(c)) for c in range(0x0958, 0x0960)}


def _decompose_excluded(text: str) -> str:
    """``text.translate(_EXCLUDED)``, by one ``replace`` per letter present (a dict translate
    looks up every character)."""
    for c, nfd in _EXCLUDED.items():
        if chr(c) in text:
            text = text.replace(chr(c), nfd)
    return text


_CLUSTER = lazy_regex(r"\P{M}\p{M}*|\p{M}+")


class NotNFC(Rule):
    r"""Characters not in Unicode normalisation form C (a letter and its accent stored apart).

    ``e`` + U+0301 looks like ``é`` but is two code points: searches, spell checkers and glossary
    matching miss it. Each decomposed cluster is reported with its NFC form as the suggestion.
    The precomposed nukta letters (``ज़`` U+095B …), which NFC itself decomposes, are in common
    use and are not reported. Minor: a reader sees nothing wrong, but search, sorting and every
    term check downstream treat the word as a different one; the repair is mechanical.

    Flags:
        रोम में Citta\u0300 di Castello की बैठक
        प्रतिनिधि न\u093c की
    Passes:
        रोम में Città di Castello की बैठक
        ज़िंदगी \u095bिंदगी फ़ैसला
    """

    code = "QA305"
    name = "not-nfc"
    category = Category.ENCODING
    mqm = "Fluency/Character encoding"
    severity = Severity.INFO
    fix = "safe"  # the NFC form: the same text, stored canonically

    def check(self, para: Paragraph):
        text = para.text
        if surely_nfc(text, nukta_letters_decomposed=True):
            return ()  # surely NFC, nukta letters decomposed (cheaper than the exact test below)
        if unicodedata.is_normalized("NFC", text) or unicodedata.is_normalized("NFC", _decompose_excluded(text)):
            return ()
        return self._hits(para)

    def _hits(self, para: Paragraph):
        text = para.text
        for m in _CLUSTER.finditer(text):
            cluster = m.group()
            if unicodedata.is_normalized("NFC", cluster):
                continue
            plain = cluster.translate(_EXCLUDED)
            if unicodedata.is_normalized("NFC", plain):
                continue
            fixed = unicodedata.normalize("NFC", plain)
            points = " ".join(f"U+{ord(c):04X}" for c in cluster)
            yield Hit(
                para.index, m.start(), m.end(),
                f"not in NFC: {points} should be written as {' '.join(f'U+{ord(c):04X}' for c in fixed)}",
                fixed,
            )
