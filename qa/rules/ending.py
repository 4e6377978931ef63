r"""How paragraphs end: prose paragraphs that stop without terminal punctuation (QA405) and a
vertical bar typed for the danda (QA406).

Before the last character is judged, what may follow a sentence's end is set aside: spaces,
closing quotation marks and brackets, emoji and emoticons, and trailing hashtags, @handles and
URLs (a social post ends ``… है। #G7 https://…``).
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Category, Paragraph, Severity
from ..resources import data_dir, function_words, read_tsv
from ..text.lazy import lazy_re, lazy_regex
from ..text.sentences import CLOSERS, is_postposition, sentence_ends
from ..text.tokens import WORD, count_words
from ..text.web import EMOJI, EMOTICON, WEB
from .base import Hit, Option, Rule

_TERMINAL = "।॥.?!…:;|"
_SOURCE_TERMINAL = ".?!…:;。"
#: What trails a sentence's end, set aside by ``str.rstrip``: white space (``regex``'s ``\s``,
#: the White_Space property) and closing quotation marks and brackets.
_TRAILING_CHARS = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + CLOSERS
_DOT_LOWER = lazy_re(r"\.[a-z]")
_PROSE_WORDS = 40  # longer than any heading: a paragraph this long is prose
_PHRASE_WORDS = 12  # a paragraph this long that stops mid-phrase is prose
_SENTENCE_WORDS = 8  # a paragraph this long with a sentence end inside is prose
#: The translation has fewer than this share of the source's words: it was probably cut short.
_SHORT_RATIO = 0.6
#: A list item: a line that starts with a bullet or an item number or letter (``1.``, ``a)``).
_LIST_ITEM = lazy_regex(r"[ \t]*(?:[-–—•*·▪●]|[\p{N}\p{L}]{1,3}[.)])\s")
#: Postpositions that are also verb forms and so may end a sentence (QA405's ``also-verbs``).
_ALSO_VERBS = ("की",)


def body(text: str) -> str:
    """``text`` without what may trail a sentence's end: spaces, closing quotation marks and
    brackets, emoji, emoticons, and hashtags, handles and URLs at the very end."""
    while True:
        final = text[-1:]
        if final and ("\u0900" <= final <= "\u097f" or final in "?!.") and "/" not in text \
                and "#" not in text and "@" not in text and "www." not in text:
            # nothing (more) to set aside: no space, closing mark, emoji or emoticon ends on a
            # Devanagari character or on ? ! ., and a hashtag, handle or URL that could needs
            # a # @ / or www.
            return text
        # the end-anchored patterns see the last 300 characters only: on a long run of joiners
        # or spaces they would try every start position (quadratic)
        cut = max(0, len(text) - 300)
        head, tail = text[:cut], text[cut:].rstrip()
        # each pattern runs only when the last character may end a match of it
        if tail[-1:] in _EMOTICON_LAST:
            tail = _EMOTICON_END.sub("", tail)
        tail = tail.rstrip(_TRAILING_CHARS)
        if tail and tail[-1] >= "\x80" and not "\u0900" <= tail[-1] <= "\u097f":
            tail = _EMOJI_END.sub("", tail)
        out = head + tail
        start = max(0, len(out) - 300)
        end = out[start:]
        if "#" in end or "@" in end or "://" in end or "www." in end or _DOT_LOWER.search(end):
            # (a hashtag or handle needs # or @, a URL a scheme, www. or a domain's .xx)
            last = None
            for last in WEB.finditer(out, start):  # noqa: B007 (the last match is kept)
                pass
            if last is not None and last.end() == len(out) and last.lastgroup in ("tag", "url"):
                out = out[:last.start()]
        if out == text:
            return out
        text = out


_EMOTICON_END = lazy_regex(f"(?:{EMOTICON.pattern})$")
_EMOJI_END = lazy_regex(f"(?:{EMOJI.pattern})$")
#: The characters an emoticon (:data:`qa.text.web.EMOTICON`) ends on.
_EMOTICON_LAST = "()DPpOo/\\|][3"


def terminated(text: str) -> bool:
    end = body(text)
    return not end or end[-1] in _TERMINAL


def ends_mid_phrase(text: str, also_verbs=_ALSO_VERBS) -> bool:
    """The paragraph stops on a comma, a dash, a case postposition (का, में, से …; not बाद,
    पहले, बाहर, which are also adverbs, nor one of ``also_verbs``) or a conjunction."""
    end = body(text)
    if end and end[-1] in ",-–—":
        return True
    words = WORD.findall(end[-30:])
    if not words or words[-1] in also_verbs:
        return False
    entry = function_words().get(words[-1])
    return is_postposition(words[-1]) or bool(entry and entry.get("class") == "conjunction")


#: A Hindi word that ends on a bare consonant (``ऑनलाइन``, ``बैठक``): finite verbs and auxiliaries
#: end on a vowel sign or nasal (है, हैं, था, गया, करें, हूँ), so a sentence stopping on such a word
#: lacks its verb.
_CONSONANT_END = lazy_regex(r"[\u0915-\u0939\u0958-\u095f]\u093c?$")


def verbless_end(text: str) -> bool:
    """The last word is a Hindi word ending on a bare consonant, which no finite verb does: the
    sentence stops before its verb."""
    words = WORD.findall(body(text)[-30:])
    return bool(words) and bool(_CONSONANT_END.search(words[-1]))


#: A credit at the end of a paragraph is at most this many words.
_CREDIT_WORDS = 6


@lru_cache(maxsize=1)
def credit_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv(data_dir() / "hi_credit_words.tsv", required=("word",)))


def _credit(text: str) -> bool:
    """The paragraph ends on a short photo or source credit after its last sentence
    (``… दिखाई दे रहे हैं। फोटोग्राफर केविन डिश/गेट्टी इमेजिस``)."""
    end = body(text)
    ends = sentence_ends(end)
    tail = end[ends[-1][1]:] if ends else end
    words = WORD.findall(tail)
    return 0 < len(words) <= _CREDIT_WORDS and ("/" in tail or words[0] in credit_words())


class UnterminatedParagraph(Rule):
    r"""A paragraph of running prose ends with no terminal punctuation.

    Hindi prose ends its last sentence with a danda (or ``?``, ``!``; a ``|`` typed for the danda
    counts, QA406 notes it); a paragraph that just stops (*… विशेषकर आकार में ऑनलाइन*) was cut
    short or lost its ending in translation. Trailing emoji, emoticons, hashtags, handles and URLs
    and closing quotation marks are looked through. Headings carry no terminal punctuation, so a
    paragraph counts as prose only when it cannot be a heading: it has at least 40 words
    (headlines are far shorter), or at least 8 words and a sentence end inside it, or at least
    12 words and it stops on a comma, a dash, a case postposition (का, में, से …) or a
    conjunction. The first paragraph (the title) and list items (the last line starts with
    ``-``, ``•``, ``1.``, ``a)``) are never reported, and nothing is reported in a document whose
    other longer paragraphs (15 words or more) mostly lack terminal punctuation anyway. With a
    source (``--source``), a paragraph whose source also ends without punctuation is not
    reported, nor a paragraph whose last sentence is followed by a short photo or source credit
    (``… हैं। फोटोग्राफर केविन डिश/गेट्टी इमेजिस``; ``glossaries/hi_credit_words.tsv``).
    The rule's severity only with a sign of truncation (the paragraph stops on a
    comma, dash, postposition or conjunction, or on a Hindi word ending on a bare consonant,
    which no finite verb does, or has well under the source's words); otherwise
    ``info`` (a lost danda). The finding points at the last word (and a comma or dash after it).

    Flags:
        शीर्षक\n\nएक विशिष्ट फोकस सिंथेटिक दवाओं को समर्पित किया गया था। विशेष रूप से बढ़ते प्रसार के संबंध में चर्चा हुई
        शीर्षक\n\nबैठक में इटली, फ्रांस, जर्मनी, जापान, कनाडा, ब्रिटेन और अमेरिका के प्रतिनिधियों ने भाग लिया और के
    Passes:
        G7 इटली 2024 के प्रतिनिधिमंडल के प्रमुखों की पहली बैठक\n\nबैठक रोम में हुई।
        शीर्षक\n\nबैठक रोम में हुई।\n\nइंडोनेशिया में भूकंप और सुनामी से सैकड़ों लोग मरे
        शीर्षक\n\nउन्होंने कहा, “हम तैयार हैं।”
        शीर्षक\n\nबिंदु:\n- बैठक में इटली, फ्रांस, जर्मनी, जापान, कनाडा, ब्रिटेन और अमेरिका के प्रतिनिधियों ने भाग लिया और
        शीर्षक\n\nआज सुबह सब कुछ ठप्प सा लग रहा है। कोई आश्चर्य नहीं कि सेवाएँ बंद हैं। 😂 #ATT https://foxbusiness.com/x
        शीर्षक\n\nआज सुबह सब कुछ ठप्प सा लग रहा है | कोई आश्चर्य नहीं कि सेवाएँ बंद हैं |
    """

    code = "QA405"
    name = "unterminated-paragraph"
    category = Category.PUNCTUATION
    mqm = "Fluency/Punctuation"
    severity = Severity.MINOR
    options = (
        Option("also-verbs", tuple, _ALSO_VERBS,
               "postpositions that are also verb forms, so may end a sentence (की: the past of करना)"),
    )
    fix = "unsafe"  # the paragraph may have been cut short

    def __init__(self, ctx):
        super().__init__(ctx)
        self.long_paragraphs = 0
        self.long_unterminated = 0  # not counting the candidates
        self.candidates: list[Hit] = []

    def check(self, para: Paragraph):
        text = para.text
        done = terminated(text)
        words = count_words(text)
        if done or para.index == 0 or not self._prose(text, words):
            if words >= 15:
                self.long_paragraphs += 1
                self.long_unterminated += not done
            return ()
        if _credit(text):
            return ()
        source = self.ctx.source_for(para.index)
        source_text = source.text.strip() if source is not None else ""
        if source_text and body(source_text)[-1:] not in _SOURCE_TERMINAL:
            return ()  # the source ends so too: a heading, a caption, a post
        cut = ends_mid_phrase(text, self.option("also-verbs")) or verbless_end(text) or (
            bool(source_text) and words < _SHORT_RATIO * count_words(source_text))
        end = body(text)
        last = list(WORD.finditer(end, max(0, len(end) - 60)))
        if last:
            m = last[-1]  # the span runs on over a trailing comma or dash, replaced by the danda
            self.candidates.append(Hit(
                para.index, m.start(), len(end),
                "this paragraph of running prose ends with no terminal punctuation; it may have "
                "been cut short (check the source)" if cut else
                "this paragraph of running prose ends with no terminal punctuation: a danda is "
                "probably missing",
                m.group() + "।",
                severity=None if cut else Severity.INFO,
            ))
        return ()

    def _prose(self, text: str, words: int) -> bool:
        if _LIST_ITEM.match(text, text.rfind("\n") + 1):
            return False  # a list, whose items need no terminal punctuation
        if words >= _PROSE_WORDS:
            return True
        if words >= _PHRASE_WORDS and ends_mid_phrase(text, self.option("also-verbs")):
            return True
        return words >= _SENTENCE_WORDS and bool(sentence_ends(body(text)))

    def finish(self):
        if self.long_unterminated * 2 > self.long_paragraphs:
            return ()
        return self.candidates


#: A vertical bar (or two) after a Hindi word, standing where the danda belongs.
_PIPE = lazy_regex(r"(?<=[\p{Devanagari}][ \u00a0]?)(?:\|\||\|)(?=[\s\"'”’)]|$)")


class PipeForDanda(Rule):
    r"""A vertical bar ``|`` typed for the danda ``।``.

    Keyboards without Devanagari punctuation make typists write ``|`` (or ``||`` for ``॥``);
    readers accept it, but it is a different character (search, sentence splitting, fonts). The
    suggestion is the danda. Tables (a line that starts with ``|``) are left alone.

    Flags:
        बैठक रोम में हुई | प्रतिनिधि शामिल हुए|
    Passes:
        बैठक रोम में हुई। प्रतिनिधि शामिल हुए।
        | देश | राजधानी |
    """

    code = "QA406"
    name = "pipe-for-danda"
    category = Category.PUNCTUATION
    mqm = "Fluency/Punctuation"
    severity = Severity.INFO
    fix = "safe"  # the danda for the bar

    def check(self, para: Paragraph):
        return self._hits(para) if "|" in para.text else ()  # (not a generator: most get ())

    def _hits(self, para: Paragraph):
        text = para.text
        for m in _PIPE.finditer(text):
            if text[text.rfind("\n", 0, m.start()) + 1:].lstrip().startswith("|"):
                continue
            yield Hit(para.index, m.start(), m.end(), f"“{m.group()}” typed for the danda",
                      "॥" if len(m.group()) == 2 else "।")
