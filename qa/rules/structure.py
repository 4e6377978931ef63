"""Structure: paragraphs that cannot stand as written (dangling openings, repeats)."""

from __future__ import annotations

import regex

from ..model import Category, Paragraph, Severity
from ..resources import function_words
from ..tokens import DEVANAGARI_LETTERS, WORD
from .base import Hit, Rule

_OPENING = regex.compile(r"[\s\"'“‘«(\[]*" + f"([{DEVANAGARI_LETTERS}]+)")


class DanglingPostposition(Rule):
    r"""A paragraph opens with a postposition that has nothing to attach to.

    Hindi postpositions (का, की, के, को, में, से, ने, तक …) follow the noun they govern. A paragraph
    that starts with one has lost that noun: machine translation moved the phrase it belonged to
    (often the subject) to the end of the sentence, as in *की पहली बैठक … आयोजित की गई थी
    इतालवी प्रेसीडेंसी के तहत G7 रोम/ल्योन समूह*. The postpositions come from
    ``glossaries/hi_function_words.tsv`` (rows with ``dangles`` = ``yes``; पर is left out there
    because it is also the conjunction "but").

    Flags:
        की पहली बैठक रोम में आयोजित की गई थी।
        के संबंध में गहन चर्चा की गई।
        “में भी चर्चा हुई।
    Passes:
        पहली बैठक रोम में आयोजित की गई थी।
        पर वह समय पर नहीं आया।
        इसके संबंध में चर्चा हुई।
    """

    code = "QA501"
    name = "dangling-postposition"
    category = Category.STRUCTURE
    mqm = "Fluency/Grammar"
    severity = Severity.MAJOR

    def check(self, para: Paragraph):
        m = _OPENING.match(para.text)
        if not m:
            return
        word = m.group(1)
        entry = function_words().get(word)
        if entry and entry.get("class") == "postposition" and entry.get("dangles") == "yes":
            yield Hit(
                para.index,
                m.start(1),
                m.end(1),
                f"paragraph opens with the postposition “{word}”, which has no noun before it; "
                "the phrase it belongs to was probably moved (restore the word order)",
            )


def _normalised(text: str) -> str:
    return " ".join(text.split())


class RepeatedParagraph(Rule):
    r"""A paragraph repeats an earlier one verbatim (whitespace aside).

    Machine-translation pipelines that stitch pages together often repeat the title at the end, or
    a paragraph twice. The later copy is flagged, naming the paragraph it repeats. Paragraphs of a
    single word (separators, "END") are not compared.

    Flags:
        पहली बैठक रोम में\n\nबैठक में चर्चा हुई।\n\nपहली बैठक रोम में
    Passes:
        पहली बैठक रोम में\n\nदूसरी बैठक रोम में
        ***\n\nपहली बैठक\n\n***
    """

    code = "QA502"
    name = "repeated-paragraph"
    category = Category.STRUCTURE
    mqm = "Fluency/Duplication"
    severity = Severity.MINOR

    def __init__(self, ctx):
        super().__init__(ctx)
        self.seen: dict[str, int] = {}

    def check(self, para: Paragraph):
        key = _normalised(para.text)
        if sum(1 for _ in WORD.finditer(key)) < 2:
            return
        first = self.seen.setdefault(key, para.index)
        if first != para.index:
            body = para.text.rstrip()
            lead = len(para.text) - len(para.text.lstrip())
            yield Hit(
                para.index,
                lead,
                len(body),
                f"paragraph repeats paragraph {first} (line {self.ctx.paragraphs[first].line}) "
                "word for word; delete the copy"
                if first < len(self.ctx.paragraphs)
                else f"paragraph repeats paragraph {first} word for word; delete the copy",
            )
