"""Structure: paragraphs that cannot stand as written (dangling openings, repeats)."""

from __future__ import annotations

import hashlib

from ..model import Category, Paragraph, Severity
from ..resources import function_words
from ..text.lazy import lazy_regex
from ..text.sentences import is_postposition, sentence_ends
from ..text.tokens import DEVANAGARI_LETTERS, count_words
from .base import Hit, Rule

_OPENING = lazy_regex(r"[\s\"'“‘«(\[]*" + f"([{DEVANAGARI_LETTERS}]+)")


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


#: A paragraph of fewer words may repeat on purpose (QA502 reports its copy at info).
SHORT_PARAGRAPH = 5


class RepeatedParagraph(Rule):
    r"""A paragraph repeats an earlier one verbatim (whitespace aside).

    Machine-translation pipelines that stitch pages together often repeat the title at the end, or
    a paragraph twice. The later copy is flagged, naming the paragraph it repeats. Paragraphs of a
    single word (separators, "END") are not compared, and a short one (under five words: a
    sign-off, a refrain, an exclamation such as *यह बहुत भयानक है।*) may repeat on purpose, so its
    copy is reported at ``info``.

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
        self.seen: dict[bytes, int] = {}  # a 16-byte digest per paragraph: memory stays small

    def check(self, para: Paragraph):
        words = count_words(para.text)  # white space is never part of a word: as in the key
        if words < 2:
            return
        key = _normalised(para.text)
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
        first = self.seen.setdefault(digest, para.index)
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
                severity=Severity.INFO if words < SHORT_PARAGRAPH else None,
            )


class DanglingSentence(Rule):
    r"""A sentence inside a paragraph opens with a postposition that has nothing to attach to.

    The same defect as QA501, after a sentence end instead of at the start of the paragraph:
    *… उच्च जिम्मेदारी है। के संबंध में गहन चर्चा की गई।* Sentences end at a danda, at ``?`` or
    ``!`` followed by a space, and at a Latin full stop followed by a space that is not part of an
    abbreviation, an initial (``जे. के. रोलिंग``) or a URL, and not a stray full stop between a
    Latin word and its postposition (QA404 reports that one). A postposition right after a
    closing quotation mark or bracket governs the quotation (``"…हैं?" के जवाब में``) and is left
    alone; so is a postposition followed by a full stop (an initial, ``के.``). The first sentence
    of a paragraph is QA501's.

    Flags:
        बैठक रोम में हुई। के संबंध में गहन चर्चा की गई।
        बैठक रोम में हुई? की पहली बैठक कल होगी।
        बैठक खत्म हुई! की पहली बैठक कल होगी।
    Passes:
        बैठक रोम में हुई। इसके संबंध में चर्चा हुई।
        उन्होंने पूछा, "क्या हम जीत सकते हैं?" के जवाब में कहा गया।
        यू.एस. के राष्ट्रपति और ए.आई. के विशेषज्ञ आए। जे. के. रोलिंग ने लिखा।
        उभरता ख़तरा Fentanyl. से जुड़ा है।
        की पहली बैठक रोम में हुई।
    """

    code = "QA503"
    name = "dangling-sentence"
    category = Category.STRUCTURE
    mqm = "Fluency/Grammar"
    severity = Severity.MAJOR

    def check(self, para: Paragraph):
        text = para.text
        for _pos, start, quoted in sentence_ends(text):
            if quoted:
                continue
            m = _OPENING.match(text, start)
            if not m or text.startswith(".", m.end(1)):
                continue
            word = m.group(1)
            if is_postposition(word):
                yield Hit(
                    para.index,
                    m.start(1),
                    m.end(1),
                    f"sentence opens with the postposition “{word}”, which has no noun before it; "
                    "the phrase it belongs to was probably moved (restore the word order)",
                )
