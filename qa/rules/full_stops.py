r"""Full stops in Hindi prose: a Latin full stop where the document ends its sentences with the
danda (QA403), a stray full stop between a Latin word and its postposition (QA404).

Which full stops end a sentence and which belong to an abbreviation, an initial, a number or a
URL is decided by :func:`qa.text.sentences.full_stops`.
"""

from __future__ import annotations

from ..model import Category, Paragraph, Severity
from ..text.sentences import FullStop, full_stops
from .base import Hit, Rule

# -- QA403 ----------------------------------------------------------------------------------------


class LatinFullStop(Rule):
    r"""A Latin full stop ends a Hindi sentence in a document that otherwise uses the danda.

    Hindi ends sentences with the danda ``।``; machine translation sometimes keeps the source's
    full stop (*… G7 रोम/ल्योन समूह. सार्वजनिक …*). Only a full stop after a Devanagari word (or a
    closing bracket or quotation mark after one, or a number in Hindi text) followed by a space or
    the end counts: decimals (``3.5``), dotted abbreviations (``यू.एस.``, ``डॉ.``, ``मि.``,
    ``Mr.``), initials (``जे. के. रोलिंग``, ``J. K. Rowling``), URLs and e-mail addresses are not
    sentence ends. The document decides: the full stops are reported only when the document ends
    more sentences with a danda than with a full stop, so a text that consistently uses full
    stops is left alone. A full stop in a paragraph that also holds a danda is the slip a reader
    sees (``minor``); a paragraph that ends all its sentences with full stops is consistent in
    itself, a matter of house style across the document (``info``: annotators of machine
    translation never mark it). Abbreviations come from ``glossaries/abbreviations.tsv``.

    Flags:
        बैठक रोम में हुई। चर्चा सफल रही। नतीजे अच्छे रहे.
        सत्र समाप्त हुआ। बैठक में कई संस्थान (संयुक्त राष्ट्र संस्थान). अगला सत्र कल होगा।
    Passes:
        बैठक रोम में हुई. चर्चा सफल रही. नतीजे अच्छे रहे.
        डॉ. शर्मा ने 3.5 प्रतिशत की वृद्धि बताई। यू.एस. ने स्वागत किया।
        लेखक जे. के. रोलिंग और J. K. Rowling एक हैं। देखें www.esteri.it या info@esteri.it पर।
        मि. एडम्स ने कहा। सेन. क्रिस ने भी कहा। 19.04.2024 को बैठक हुई।
    """

    code = "QA403"
    name = "latin-full-stop"
    category = Category.PUNCTUATION
    mqm = "Locale convention/Punctuation"
    severity = Severity.MINOR
    fix = "safe"  # the danda the document itself uses

    def __init__(self, ctx):
        super().__init__(ctx)
        self.dandas = 0
        self.candidates: list[tuple[int, FullStop, str, bool]] = []

    def check(self, para: Paragraph):
        text = para.text
        dandas = text.count("।") + text.count("॥")
        self.dandas += dandas
        if "." not in text:
            return ()  # (full_stops' own first test, before its memo is asked)
        for fs in full_stops(text):
            if fs.kind == "devanagari":
                word = text[fs.word[0]:fs.word[1]]
                self.candidates.append((para.index, fs, word, dandas > 0))
        return ()

    def finish(self):
        if self.dandas <= len(self.candidates):
            return
        for index, fs, word, mixed in self.candidates:
            where = "this paragraph and document end" if mixed else "this document ends"
            yield Hit(
                index, fs.pos, fs.pos + 1,
                f"Latin full stop ends the sentence after “{word}”; {where} its "
                f"sentences with the danda ({self.dandas}×)",
                "।",
                None if mixed else Severity.INFO,
            )


# -- QA404 ----------------------------------------------------------------------------------------


class StrayFullStop(Rule):
    r"""A full stop between a Latin word and the postposition that governs it.

    *के संबंध में Fentanyl. से जुड़ा उभरता ख़तरा*: the full stop belonged to the source's sentence
    or to markup around the Latin word; the Hindi phrase goes on (a postposition such as से, के,
    में cannot open a sentence). Delete the full stop. Abbreviations (``U.S. के``, ``Inc. की``)
    and initials are left alone.

    Flags:
        बढ़ते प्रसार के संबंध में Fentanyl. से जुड़ा ख़तरा बढ़ा।
        उन्होंने Europol. के साथ काम किया।
    Passes:
        उन्होंने Europol के साथ काम किया।
        D.C. की अदालत और Inc. की बैठक हुई।
        बैठक UNICRI. अगले दिन चर्चा हुई।
    """

    code = "QA404"
    name = "stray-full-stop"
    category = Category.PUNCTUATION
    mqm = "Fluency/Punctuation"
    severity = Severity.MINOR
    fix = "unsafe"  # the full stop may end an abbreviation or a sentence

    def check(self, para: Paragraph):
        if "." not in para.text:
            return ()  # (full_stops' own first test, before its memo is asked)
        return self._hits(para)

    def _hits(self, para: Paragraph):
        text = para.text
        for fs in full_stops(text):
            if fs.kind == "stray":
                yield Hit(
                    para.index, fs.pos, fs.pos + 1,
                    f"full stop between “{text[fs.word[0]:fs.word[1]]}” and the postposition "
                    f"“{fs.next_word(text)}” that governs it",
                    "",
                )
