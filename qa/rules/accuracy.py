"""Source-aware accuracy checks (QA660–QA661): a translation far shorter than its source (an
omission or a truncation), an empty target, and a unit left in the source language.

They run wherever a target paragraph has an aligned source paragraph: ``--source`` for plain
text, and every bilingual unit of XLIFF, TMX, PO and JSON Lines. The length check is calibrated
per language pair on human translations (``glossaries/length_ratios.tsv``, computed by
``tools/calibrate_length_ratio.py`` from NTREX-128); the source language is detected per
paragraph from its function words (English or Italian), and messages name it.
"""

from __future__ import annotations

import math
from functools import lru_cache

from .. import langid
from ..align import size
from ..model import Category, Paragraph, Severity
from ..resources import data_dir, read_tsv
from ..text import web
from ..text.lazy import lazy_regex
from ..text.tokens import LETTER_WORD, has_latin
from .base import Hit, Rule

_WORD = LETTER_WORD
_LATIN_LETTER = lazy_regex(r"\p{Latin}")
_DEVANAGARI = lazy_regex(r"\p{Devanagari}")
_LANG_NAME = {"en": "English", "it": "Italian"}
#: The sentence ends of the source (Latin) and the target (danda, or Latin ones).
#: What a unit may keep as it is: URLs, e-mail, @handles, #hashtags, markup tags and entities.
_KEPT = lazy_regex(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#][\w-]+|<[^<>]*>|&#?\w+;"
)
_SENTENCE_END = lazy_regex(r"[.!?।]+(?=[\s\"”’)]*(?:\s|$))")


@lru_cache(maxsize=1)
def length_ratios() -> dict[str, dict[str, float]]:
    """{source language: {q001, q01, q50, q99, q999, min_source}} for Hindi targets."""
    out: dict[str, dict[str, float]] = {}
    for r in read_tsv(data_dir() / "length_ratios.tsv", required=("source", "target", "q001", "min_source")):
        if r["target"] == "hi":
            out[r["source"]] = {k: float(v) for k, v in r.items() if k not in ("source", "target", "n")}
    return out


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=16)  # QA650, QA660 and QA664 ask it of each source paragraph
def source_language(text: str) -> str | None:
    """``en`` or ``it`` by the function words of ``text`` (None: no evidence either way)."""
    own = _own_function_words()
    found = [langid.normalise(w) for w in words(text)]
    counts = {lang: sum(n in table for n in found) for lang, table in own.items()}
    best = max(counts, key=counts.__getitem__)
    ordered = sorted(counts.values(), reverse=True)
    if ordered[0] == 0 or ordered[0] == ordered[1]:
        return None
    return best


@lru_cache(maxsize=1)
def _own_function_words() -> dict[str, frozenset[str]]:
    """The function words of each language that no other language shares (a shared one proves
    nothing)."""
    return {lang: frozenset(w for w, shared in table.items() if not shared)
            for lang, table in langid.function_words().items()}


def language_phrase(lang: str | None) -> str:
    """How messages name the source: "the English source", or "the source"."""
    return f"the {_LANG_NAME[lang]} source" if lang in _LANG_NAME else "the source"


def sentences(text: str) -> int:
    return max(1, len(_SENTENCE_END.findall(text.strip())))


class Omission(Rule):
    r"""The translation is far shorter than its source: sentences or a whole passage left out, or
    the unit truncated; an empty translation of a non-empty source is critical.

    With a source (``--source`` or a bilingual format), the length of each target paragraph
    (non-space characters) is compared with its source's. Human translations into Hindi keep a
    steady ratio (Italian→Hindi: median 0.86, 0.1 % of lines below 0.51; English→Hindi: median
    1.01, 0.1 % below 0.63; NTREX-128, ``glossaries/length_ratios.tsv``). A paragraph below the
    0.1 % quantile of its pair (the source language detected from its function words) is
    reported as an omission (major); below half of it, as critical: most of the source is
    missing. Sources shorter than the calibration's minimum (40 characters) are not judged.
    The whole paragraph is the span; the message gives both lengths and sentence counts.

    A whole missing sentence is ``major`` too, in a paragraph whose length alone passes: the
    sentences of the source and the translation are aligned as paragraphs are (``qa/align.py``:
    length, numbers, and the source's names found transliterated or copied as anchors); a source
    sentence of 40 characters or more left without a translation counts when the paragraph is
    shorter than the pair's median and the rest of the source matches the translation's length.
    The span is the target sentence after which it is missing. (NTREX it→hi and en→hi: none.)

    Examples are written "source ⟶ translation" (the tests lint them with that source).

    Flags:
        On Mars, a planet half the size of the Earth, there was a lot of water long ago. There is a volcano 81,000 feet tall, almost three times taller than Everest. ⟶ मंगल पर बहुत पानी था।
        The ministers met in Rome on Monday to discuss the security of their citizens and the fight against crime. After a long debate they agreed on a joint plan against organised crime and terrorism. The next meeting of the group will be held in Lyon in the autumn, the ministry said in a statement. ⟶ मंत्रियों ने अपने नागरिकों की सुरक्षा और अपराध के विरुद्ध लड़ाई पर चर्चा करने के लिए सोमवार को रोम में मुलाकात की। मंत्रालय ने एक बयान में कहा कि समूह की अगली बैठक शरद ऋतु में ल्योन में होगी।
    Passes:
        On Mars, a planet half the size of the Earth, there was a lot of water long ago. ⟶ मंगल पर, जो पृथ्वी से आधे आकार का ग्रह है, बहुत पहले बहुत सारा पानी था।
        मंगल पर बहुत पानी था।
    """

    code = "QA660"
    name = "omission"
    category = Category.MISTRANSLATION
    mqm = "Accuracy/Omission"
    severity = Severity.MAJOR

    def check(self, para: Paragraph):
        src = self.ctx.source_for(para.index)
        if src is None or not src.text.strip():
            return
        s = size(src.text)
        lang = source_language(src.text)
        if not para.text.strip():
            yield Hit(para.index, 0, len(para.text), f"empty translation of {language_phrase(lang)} ({s} characters)",
                      severity=Severity.CRITICAL)
            return
        ratios = length_ratios()
        cal = ratios.get(lang) if lang is not None else None
        if not cal:  # no calibration for the language: the one with the lowest q001
            cal = min(ratios.values(), key=lambda c: c["q001"])
        if s < cal["min_source"] or not _DEVANAGARI.search(para.text):
            return
        t = size(para.text)
        ratio = t / s
        if ratio >= cal["q001"]:
            yield from self._dropped_sentences(para, src.text, cal, lang, s, t)
            return
        severity = Severity.CRITICAL if ratio < cal["q001"] / 2 else Severity.MAJOR
        start = len(para.text) - len(para.text.lstrip())
        end = len(para.text.rstrip())
        yield Hit(
            para.index, start, end,
            f"translation much shorter than {language_phrase(lang)}: {t} characters for {s} "
            f"(ratio {ratio:.2f}; human translations go below {cal['q001']:.2f} once in 1,000), "
            f"{sentences(para.text)} sentence(s) for {sentences(src.text)}: a passage seems left out",
            severity=severity,
        )


    def _dropped_sentences(self, para: Paragraph, source: str, cal: dict, lang: str | None, s: int, t: int):
        """A whole source sentence with no translation, in a paragraph whose length alone is
        plausible: the sentences are aligned like paragraphs (``align.dropped_sentences``); a
        sentence left over counts when it is long (``min_source``), the paragraph is shorter than
        the pair's median and the rest of the source, without it, matches the translation's
        length (the drop explains the shortfall); ``s`` and ``t``: the sizes of both."""
        if t / s >= cal["q50"]:
            return
        from ..align import dropped_sentences, sentence_spans

        sigma = math.log(cal["q99"] / cal["q50"]) / 2.33
        for (a, b), before in dropped_sentences(source, para.text, cal["q50"], sigma):
            lost = size(source[a:b])
            if lost < cal["min_source"] or t / (s - lost) < cal["q01"]:
                continue
            spans = sentence_spans(para.text)
            start, end = spans[max(0, before - 1)] if spans else (0, len(para.text))
            quote = source[a:b] if len(source[a:b]) <= 80 else source[a:a + 77].rstrip() + "…"
            where = "before this sentence" if before == 0 else "after this sentence"
            yield Hit(
                para.index, start, end,
                f"a sentence of {language_phrase(lang)} seems to have no translation ({where}; "
                f"{sentences(para.text)} sentence(s) for {sentences(source)}), by length probably "
                f"“{quote}” ({lost} characters)",
            )


class UntranslatedUnit(Rule):
    r"""A unit left untranslated: the target repeats its source, or is written in the source's
    language (Latin script, most of its words taken from the source).

    With a source (``--source`` or a bilingual format). Units of fewer than three words (a name,
    a code, ``@user wow!``), URLs, e-mail addresses, handles, hashtags and markup, and units with
    no function word of English or Italian (a title, a list of names) are passed: they are often
    kept as they are on purpose. The whole unit is the span.

    Examples are written "source ⟶ translation" (the tests lint them with that source).

    Flags:
        HTML for section 1, 2, 3, etc. ⟶ HTML for section 1, 2, 3, etc.
        The minister met the ambassador in Rome today. ⟶ The minister met the ambassador in Rome.
    Passes:
        HTML for section 1, 2, 3, etc. ⟶ अनुभाग 1, 2, 3 आदि के लिए HTML।
        @user33 wow! ⟶ @user33 wow!
        https://thedublinreview.com/article/even-if-you-beat-me/ ⟶ https://thedublinreview.com/article/even-if-you-beat-me/
        <div id=sec1></div> ⟶ <div id="sec1"></div>
        The minister met the ambassador. ⟶ मंत्री ने राजदूत से मुलाकात की।
    """

    code = "QA661"
    name = "untranslated-unit"
    category = Category.UNTRANSLATED
    mqm = "Accuracy/Untranslated"
    severity = Severity.MAJOR

    def check(self, para: Paragraph):
        src = self.ctx.source_for(para.index)
        if src is None or not src.text.strip() or not para.text.strip():
            return
        if not has_latin(para.text):  # (memoised: the untranslated rules ask it of each paragraph)
            return  # no Latin word: a translation (what follows would find too few)
        t_words = [w.casefold() for w in words(_KEPT.sub(" ", para.text))]
        latin = [w for w in t_words if _LATIN_LETTER.search(w)]
        if len(t_words) < 3 or len(latin) < 0.8 * len(t_words):
            return
        s_words = [w.casefold() for w in words(_KEPT.sub(" ", src.text)) if _LATIN_LETTER.search(w)]
        if len(s_words) < 3:
            return
        shared = sum(w in set(s_words) for w in latin) / len(latin)
        if shared < 0.6:
            return
        lang = source_language(src.text)
        if lang is None:  # no sentence of a language: a title, a list of names, a code
            return
        same = " ".join(src.text.split()) == " ".join(para.text.split())
        what = "a copy of" if same else "in the language of"
        start = len(para.text) - len(para.text.lstrip())
        yield Hit(para.index, start, len(para.text.rstrip()),
                  f"unit left untranslated: {what} {language_phrase(lang)}")


class DroppedParagraph(Rule):
    r"""A whole source paragraph with no translation (plain text with ``--source``, when the source
    has more paragraphs than the translation).

    The paragraphs are aligned as sentence aligners align sentences (``qa/align.py``: length
    ratio of the language pair and shared numbers; one to one, two to one, one to two, or a
    paragraph with no counterpart), and each source paragraph left without a translation is an
    omission (major). The finding points at the first word of the target paragraph where the
    missing one belongs (the next aligned one) and quotes the source paragraph's start.

    Examples are written "source ⟶ translation" (the tests lint them with that source).

    Flags:
        The summit opened in Rome on Monday.\n\nThe ministers discussed migration, drug trafficking and terrorism for three days, with 40 delegations.\n\nThe next meeting will be in Lyon. ⟶ शिखर सम्मेलन सोमवार को रोम में शुरू हुआ।\n\nअगली बैठक ल्योन में होगी।
    Passes:
        The summit opened in Rome on Monday.\n\nThe next meeting will be in Lyon. ⟶ शिखर सम्मेलन सोमवार को रोम में शुरू हुआ।\n\nअगली बैठक ल्योन में होगी।
    """

    code = "QA662"
    name = "dropped-paragraph"
    category = Category.MISTRANSLATION
    mqm = "Accuracy/Omission"
    severity = Severity.MAJOR

    def finish(self):
        dropped = getattr(self.ctx.source, "dropped", ())
        if not dropped:
            return
        lang = source_language(" ".join(d.source.text for d in dropped))
        for d in dropped:
            at_end = d.before >= len(self.ctx.paragraphs)
            index = len(self.ctx.paragraphs) - 1 if at_end else d.before
            if index < 0:
                continue
            para = self.ctx.paragraphs[index]
            m = _WORD.search(para.text)
            start, end = (m.start(), m.end()) if m else (0, len(para.text))
            where = "after this paragraph" if at_end else "before this paragraph"
            quote = " ".join(d.source.text.split()[:8])
            yield Hit(index, start, end,
                      f"paragraph {d.source.index + 1} of {language_phrase(lang)} (line {d.source.line}) has no "
                      f"translation {where}: “{quote}…”")


_ADDRESS = {
    "URL": (web.URL, Severity.MAJOR),
    "e-mail address": (web.EMAIL, Severity.MAJOR),
    "@handle": (web.HANDLE, Severity.INFO),
    "#hashtag": (web.HASHTAG, Severity.INFO),
}

#: A string in the target that looks like a changed address: ``@…``, ``#…``, ``…://…``.
_CHANGED = web.ANY_WEB


class LostAddress(Rule):
    r"""A URL, e-mail address, @handle or #hashtag of the source missing from its translation,
    or changed (translated, transliterated, cut).

    With a source (``--source`` or a bilingual format). These strings are copied verbatim: a
    reader who follows a changed link lands nowhere. URLs and e-mail addresses are major; handles
    and hashtags are reported as info (some styles translate hashtags, and annotators of real
    MT forgive a transliterated handle: WMT24 segments with one score 90 on average). The finding points at the changed form when the paragraph has exactly one string
    of that kind (``@यूज़र33``, ``#सेक्शन7``, a transliterated URL), else at the first word, and
    names what is missing.

    Examples are written "source ⟶ translation" (the tests lint them with that source).

    Flags:
        @user32 I could perform a liver transplant. ⟶ मैं लिवर ट्रांसप्लांट कर सकता था।
        Render the linked section (#section7) fast. ⟶ लिंक किए गए सेक्शन (#सेक्शन7) को जल्दी रेंडर करें।
    Passes:
        @user32 I could perform a liver transplant. ⟶ @user32 मैं लिवर ट्रांसप्लांट कर सकता था।
        Read it at https://example.org/a-b. ⟶ इसे https://example.org/a-b पर पढ़ें।
    """

    code = "QA663"
    name = "lost-address"
    category = Category.MISTRANSLATION
    mqm = "Accuracy/Omission"
    severity = Severity.MAJOR

    def check(self, para: Paragraph):
        src = self.ctx.source_for(para.index)
        if src is None or not src.text.strip() or not para.text.strip():
            return
        target = para.text.casefold()
        missing: dict[Severity, list[str]] = {}
        for _kind, (pattern, severity) in _ADDRESS.items():
            for m in pattern.finditer(src.text):
                if m.group().casefold() not in target:
                    missing.setdefault(severity, []).append(m.group())
        if not missing:
            return
        changed = list(_CHANGED.finditer(para.text))
        if len(changed) == 1:
            start, end = changed[0].span()
        else:
            m = _WORD.search(para.text)
            start, end = (m.start(), m.end()) if m else (0, len(para.text))
        severity = Severity.MAJOR if Severity.MAJOR in missing else Severity.INFO
        lost = [x for sev in (Severity.MAJOR, Severity.INFO) for x in missing.get(sev, [])]
        yield Hit(para.index, start, end,
                  f"{', '.join(lost)} of the source missing or changed in this paragraph (copy it verbatim)",
                  severity=severity)
