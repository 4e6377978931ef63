r"""Punctuation: empty and unbalanced quotations and brackets. Latin full stops in Hindi prose
and stray full stops are in :mod:`qa.rules.full_stops`, prose paragraphs that stop without
terminal punctuation in :mod:`qa.rules.ending`.

The sentence splitter and its full-stop analysis (which full stops end a sentence and which
belong to an abbreviation, an initial, a number, a URL) are in :mod:`qa.text.sentences`.
"""

from __future__ import annotations

import re

from ..model import Category, Paragraph, Severity
from ..text.lazy import lazy_re, lazy_regex
from ..text.sentences import (  # noqa: F401 (the full-stop analysis, as the rules knew it here)
    CLOSERS,
    FullStop,
    abbreviations,
    full_stops,
    is_postposition,
    sentence_ends,
)
from ..text.web import EMOTICON
from .base import Hit, Rule

# -- shared: quotes and brackets -----------------------------------------------------------------

#: Quotation marks by family; a mark's direction comes from where it stands, not its glyph
#: (machine translation and typists mix “…”, "…", ”…” freely).
DOUBLE_QUOTES = "\"“”„‟«»"
SINGLE_QUOTES = "'‘’‚‛‹›"
QUOTES = DOUBLE_QUOTES + SINGLE_QUOTES
BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSING_BRACKETS = {v: k for k, v in BRACKETS.items()}
#: Characters after which a quotation mark still opens (besides whitespace and the start).
_OPEN_CONTEXT = "([{-–—/" + QUOTES
#: Characters before which a quotation mark still closes (besides whitespace and the end).
_CLOSE_CONTEXT = ".,;:!?।॥…)]}-–—/" + QUOTES
_LATIN = lazy_regex(r"\p{Latin}")
#: Any quotation mark, any bracket: where the pairing loops look.
_QUOTE_CHAR = lazy_re(f"[{re.escape(QUOTES)}]")
_BRACKET_CHAR = lazy_re(r"[()\[\]{}]")
_QUOTE_OR_BRACKET = lazy_re(f"[{re.escape(QUOTES)}()\\[\\]{{}}]")


# -- QA401 ----------------------------------------------------------------------------------------

_BLANK = r"[ \t\u00a0\u202f]*"
_EMPTY = lazy_regex(
    r"(?:(?<=[\s(\[])|(?<=^)(?=[“«‘‹]))"  # after a space or bracket; at the start only if curly
    r"(?:[\"“„«‟]" + _BLANK + r"[\"”»‟]|['‘‚‹]" + _BLANK + r"['’›]|\(" + _BLANK + r"\)|\[" + _BLANK + r"\])"
    r"(?=[\s.,;:!?।॥)\]]|$)"
)
#: An opening mark or bracket, blanks, then a closing one: any empty quotation has one (the
#: stdlib scans for the class it starts with fast); a paragraph without one has none.
_MAY_BE_EMPTY = lazy_re("[\"“„«‟'‘‚‹(\\[]" + _BLANK + "[\"”»‟'’›)\\]]")


class EmptyQuotation(Rule):
    r"""An empty quotation: a pair of quotation marks (or brackets) with nothing between them.

    Machine translation of web pages drops the words inside inline markup, leaving the marks
    behind: *जिसे "" में पहचाने जाने योग्य घटना* lost the term the sentence introduces. The
    quoted words must be restored from the source. The pair must stand where a quotation
    stands, after a space and before a space or punctuation: two closing marks in a row
    (``है,""`` ends a quotation inside a quotation) and ``''`` written for a closing ``"``
    are not empty quotations, nor is ``f()`` in code.

    Flags:
        जिसे "" में पहचाने जाने योग्य घटना के संदर्भ में चर्चा हुई।
        उन्होंने “ ” कहा।
        इसे '' कहा जाता है।
        बैठक () में हुई।
    Passes:
        जिसे "डिजिटल तस्करी" कहा जाता है।
        "उसने कहा, "क्योंकि वह मुझे हंसाते हैं,"" सुश्री स्कोवेल ने बताया।
        तीन फीसदी की गिरावट दर्ज की गई।''
        The function f() returns.
    """

    code = "QA401"
    name = "empty-quotation"
    category = Category.PUNCTUATION
    mqm = "Accuracy/Omission"
    severity = Severity.MAJOR

    def check(self, para: Paragraph):
        if _MAY_BE_EMPTY.search(para.text) is None:
            return ()
        return self._hits(para)

    def _hits(self, para: Paragraph):
        for m in _EMPTY.finditer(para.text):
            yield Hit(
                para.index,
                m.start(),
                m.end(),
                f"empty quotation {m.group()}: the quoted words were lost; restore them from the source",
            )


# -- QA402 ----------------------------------------------------------------------------------------

#: Two single marks written for one double mark (ASCII and old typewriter style).
_DOUBLED_SINGLE = ("''", "‘‘", "’’", "``")


def _direction(text: str, i: int, width: int = 1) -> str | None:
    """``open``, ``close`` or None (an apostrophe inside a word, a mark between spaces)."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + width] if i + width < len(text) else ""
    opens = bool(nxt) and not nxt.isspace() and (not prev or prev.isspace() or prev in _OPEN_CONTEXT)
    closes = bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _CLOSE_CONTEXT)
    if opens and closes:  # between two marks, e.g. "‘…’" nested: trust the glyph
        opens, closes = text[i] in "“„«‘‚‹", text[i] in "”»’›"
    elif not opens and not closes and nxt.isspace() and (not prev or prev.isspace()):
        # a mark set off by spaces (``कहा, “ हमने``): a curly glyph says its side; a straight
        # one opens after a colon or comma, or at the start
        before = text[:i].rstrip()
        opens = text[i] in "“„«‘‚‹" or (text[i] == '"' and (not before or before[-1] in ":,"))
        closes = text[i] in "”»’›"
    if opens == closes:
        return None
    return "open" if opens else "close"


def _is_apostrophe(text: str, i: int, direction: str) -> bool:
    """A single mark that is an apostrophe: after a Latin letter (players', po') or before a
    digit ('90s)."""
    if direction == "close":
        return i > 0 and bool(_LATIN.match(text[i - 1]))
    return i + 1 < len(text) and text[i + 1].isdigit()


#: A list marker ``a)``, ``2)``: at the start of a line, or after a space when no bracket is open
#: (``विकल्प a) पहला और b) दूसरा``); inside an open bracket a short word before ``)`` closes it
#: (``(G7 और G20)``, ``(वित्तीय कार्रवाई कार्य बल)``).
_LIST_MARKER = lazy_regex(r"(?:^|(?<=\s))[\p{L}\p{N}]{1,3}\)")
_LINE_START = lazy_regex(r"(?:^|(?<=\n))[ \t]*$")


def quote_marks(text: str):
    """Yield (position, width, family, direction) for the quotation marks of ``text`` that open
    or close a quotation; empty quotations (QA401) and apostrophes are skipped."""
    marks = [m.start() for m in _QUOTE_CHAR.finditer(text)]
    if not marks:
        return
    masked: set[int] = set()
    if _MAY_BE_EMPTY.search(text) is not None:
        for m in _EMPTY.finditer(text):
            masked.update(range(m.start(), m.end()))
    after = 0  # the mark before took this position too (two singles for one double)
    for i in marks:
        if i < after or i in masked:
            continue
        ch = text[i]
        width = 2 if text[i:i + 2] in _DOUBLED_SINGLE else 1
        family = "double" if width == 2 or ch in DOUBLE_QUOTES else "single"
        direction = _direction(text, i, width)
        if direction and not (family == "single" and _is_apostrophe(text, i, direction)):
            yield i, width, family, direction
        after = i + width


def _ends_clause(text: str, i: int, width: int) -> bool:
    """The closing mark at ``i`` ends a quoted sentence or clause: a sentence end or comma
    stands right before it (``…हैं।"``, ``…है,”``) or right after it (``…है"।``)."""
    j = i
    while j > 0 and text[j - 1] in " \u00a0" + QUOTES:
        j -= 1
    k = i + width
    while k < len(text) and text[k] in QUOTES:
        k += 1
    return (j > 0 and text[j - 1] in _CLAUSE_END) or k == len(text) or text[k] in _CLAUSE_END


_CLAUSE_END = "।॥.?!…,;:"


def unmatched_brackets(text: str) -> tuple[list[int], list[int]]:
    """Positions of unmatched (closing, opening) brackets of ``text``, each kind paired with its
    own; list markers ``a)``/``1)`` and emoticons ``:)`` are not brackets."""
    if "(" not in text and ")" not in text and "[" not in text and "]" not in text \
            and "{" not in text and "}" not in text:
        return [], []  # (six tests of a character cost less than one search for any of them)
    found = [m.start() for m in _BRACKET_CHAR.finditer(text)]
    # a list marker ends on ")"; an emoticon that holds a bracket has one of ":;=" before it
    markers = {m.end() - 1: m.start() for m in _LIST_MARKER.finditer(text)} if ")" in text else {}
    emoticons = ({i for m in EMOTICON.finditer(text) for i in range(m.start(), m.end())}
                 if ":" in text or ";" in text or "=" in text else set())
    stacks: dict[str, list[int]] = {}
    closes: list[int] = []
    for i in found:
        if i in emoticons:
            continue
        ch = text[i]
        if ch in BRACKETS:
            stacks.setdefault(ch, []).append(i)
        else:
            stack = stacks.setdefault(_CLOSING_BRACKETS[ch], [])
            if i in markers and (not stack or _LINE_START.search(text, 0, markers[i])):
                continue  # a list marker
            if stack:
                stack.pop()
            else:
                closes.append(i)
    return closes, sorted(i for stack in stacks.values() for i in stack)


class UnbalancedQuoteOrBracket(Rule):
    r"""A quotation mark or bracket with no partner.

    Points at the unmatched character: a closing ``”`` whose opening mark was lost
    (*… तस्करी करना”, यानी …*), an opening ``(`` never closed. Brackets pair within their
    paragraph. Quotation marks are paired by family (double ``" “ ” „ « »`` and ``''``; single
    ``' ‘ ’``), whatever glyph was used, by the side of the word they stand on. Quoted speech
    may run over several paragraphs: a quotation left open at the end of a paragraph may be
    closed by a mark that ends a sentence (``…हैं।"``) in any later paragraph, or continued by a
    paragraph that opens with a mark of the same family; only one never closed is reported (at
    the end of the document). A closing mark inside a sentence (``करना”, यानी``) must find its
    opening mark in its own paragraph. A quotation left open at the end of the document is
    reported at ``info`` when it opens quoted speech (at the start of a paragraph or after a colon
    or comma), which may continue in text that is not there, and at the rule's severity when it
    opens inside a sentence (a quoted term that lost its closing mark).
    Apostrophes (``Sainsbury's``, ``players'``, ``'90s``, ``dell'Interno``), list markers
    (``a)``, ``2)`` at the start of a line, or with no bracket open) and emoticons (``:)``,
    ``:(``, ``:-(``) are neither quotation marks nor brackets. With a source, a mark whose family
    the aligned source paragraph leaves unpaired too is faithful to it (``info``).

    Flags:
        घटना के संदर्भ में संबोधित किया गया थाडिजिटल तस्करी करना”, यानी इंटरनेट का उपयोग।
        इसे अस्वीकार कर दिया गया था।पैसे का अनुगमन करो”।
        उन्होंने कहा, “हम तैयार हैं।
        संयुक्त राष्ट्र (ड्रग्स और अपराध पर कार्यालय की बैठक हुई।
        “हम तैयार हैं।\n\nबैठक हुई और नतीजा ”अच्छा” रहा।
    Passes:
        उन्होंने कहा, “हम ‘डिजिटल तस्करी’ के खिलाफ तैयार हैं।”
        लेखक जे. के. रोलिंग ने 'हैरी पॉटर' लिखा।
        Sainsbury's और players' की योजनाएं '90s से चल रही हैं।
        विकल्प a) पहला और b) दूसरा हैं।
        "यू.एस. ने कहा कि "टैरिफ" लागू होंगे।"
        उन्होंने कहा, “हम तैयार हैं।\n\n“और हम जीतेंगे।”
        "हम तैयार हैं।\n\nबैठक हुई।\n\nऔर हम जीतेंगे।"
        ''तीन फीसदी की गिरावट दर्ज की गई।''
        वित्तीय कार्रवाई कार्य बल (FATF) और समूह (G7 और G20) की बैठक :( हुई :-( और (वित्तीय कार्रवाई कार्य बल) भी।
        सूची:\na) पहला\nb) दूसरा
        साक़िब ने कहा, “ हमने सहायता माँगी है।” उन्होंने कहा: " यह सच है।"
    """

    code = "QA402"
    name = "unbalanced-quote-or-bracket"
    category = Category.PUNCTUATION
    mqm = "Fluency/Punctuation"
    severity = Severity.MINOR

    def __init__(self, ctx):
        super().__init__(ctx)
        # quotations still open at the end of their paragraph: (paragraph, position, mark)
        self.pending: dict[str, list[tuple[int, int, str]]] = {"double": [], "single": []}

    def check(self, para: Paragraph):
        if not _QUOTE_OR_BRACKET.search(para.text):
            return ()  # nothing to pair, nothing left open
        return self._hits(para)

    def _hits(self, para: Paragraph):
        text = para.text
        closes, opens = unmatched_brackets(text)
        for i in closes:
            yield self._hit(para.index, i, text[i], "closing", "bracket")
        for i in opens:
            yield self._hit(para.index, i, text[i], "opening", "bracket")
        local: dict[str, list[tuple[int, int, str]]] = {"double": [], "single": []}
        lead = len(text) - len(text.lstrip())
        for i, width, family, direction in quote_marks(text):
            pending = self.pending[family]
            if i == lead and direction == "open" and pending and pending[-1][0] == para.index - 1:
                pending.pop()  # the paragraph continues the quotation left open before it
            if direction == "open":
                local[family].append((para.index, i, text[i:i + width]))
            elif local[family]:
                local[family].pop()
            elif pending and _ends_clause(text, i, width):
                pending.pop()  # a quotation of several sentences closes here
            else:
                yield self._hit(para.index, i, text[i:i + width], "closing", "quotation mark")
        for family, marks in local.items():
            self.pending[family].extend(marks)

    def finish(self):
        left = sorted(x for stack in self.pending.values() for x in stack)
        for p, i, mark in left:
            hit = self._hit(p, i, mark, "opening", "quotation mark")
            if self._speech(p, i):
                hit = Hit(hit.paragraph, hit.start, hit.end, hit.message + " (quoted speech may "
                          "run on into a part of the text that is missing)", severity=Severity.INFO)
            yield hit

    def _speech(self, index: int, i: int) -> bool:
        """The mark opens quoted speech: at the start of its paragraph or after a colon or comma
        (``उन्होंने कहा, "…``), where a quotation may run over several sentences."""
        if index >= len(self.ctx.paragraphs):
            return False
        before = self.ctx.paragraphs[index].text[:i].rstrip()
        return not before or before[-1] in ":,ः"

    def _hit(self, index: int, i: int, mark: str, side: str, kind: str) -> Hit:
        if side == "closing":
            message = (f"closing {kind} {mark} with no opening one; the words or mark before it "
                       "were probably lost")
        else:
            message = f"opening {kind} {mark} is never closed"
        if self._unbalanced_in_source(index, mark, kind):
            return Hit(index, i, i + len(mark), message + " (so is the source's: faithful)",
                       severity=Severity.INFO)
        return Hit(index, i, i + len(mark), message)

    def _unbalanced_in_source(self, index: int, mark: str, kind: str) -> bool:
        """The aligned source paragraph leaves a mark of the same family unpaired too (a segment
        cut from a longer quotation): the translation is faithful to it."""
        source = self.ctx.source_for(index)
        if source is None or not source.text:
            return False
        if kind == "bracket":
            return any(unmatched_brackets(source.text))
        family = "double" if mark in DOUBLE_QUOTES else "single"
        marks = [d for _, _, f, d in quote_marks(source.text) if f == family]
        return marks.count("open") != marks.count("close")
