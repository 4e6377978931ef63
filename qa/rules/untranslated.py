"""Untranslated fragments: Italian and English left in the Hindi, terms and names left in Latin
script (QA101–QA105).

Every paragraph with a Latin letter is cut into Latin-script runs (words separated only by
spaces); URLs, e-mail addresses, hashtags, @handles, numbers with their units, acronyms (G7,
UNICRI) and the names the glossaries know are set aside first. ``qa.langid.classify_run`` then
says what each run is; the glossary ``glossaries/latin_terms.tsv`` adds the Hindi that press style
uses; with a source, a run that also occurs in the aligned Italian paragraph is untranslated
beyond doubt. The five rules below share that analysis and each reports its own kind of run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import langid
from ..model import Category, Paragraph, Severity
from ..resources import data_dir, read_tsv
from ..text.lazy import lazy_regex
from ..text.tokens import has_latin
from ..text.web import MARKUP_CODE, WEB_PATTERN
from . import latin_context as context
from .base import Hit, Rule

_HAS_LATIN = lazy_regex(r"\p{Latin}")
_LETTERS = r"\p{Latin}\p{N}\u0300-\u036f"
#: Markup (tags, entities, fences: QA306) and web text (URLs, e-mail, handles, hashtags,
#: tickers) end a run and are no language's words; the rest are words.
_TOKEN = lazy_regex(
    r"(?P<markup>" + regex.sub(r"\(\?P<\w+>", "(?:", MARKUP_CODE) + ")|" + WEB_PATTERN
    + rf"|(?P<word>[\p{{Latin}}\p{{N}}][{_LETTERS}]*(?:(?:['’\-+]|&(?!#|[A-Za-z][A-Za-z0-9]*;)|\.(?=[\p{{Latin}}\p{{N}}]))[{_LETTERS}]+)*)"
)
_GAP = lazy_regex(r"[ \u00a0\u202f]{1,3}|[ \u00a0]*&[ \u00a0]*")
#: What may stand between a sentence start and a run that is sentence-initial.
_OPENERS = " \t\u00a0\u202f\"'“‘«([-–—*•"
_SENTENCE_END = "।॥.!?:;\n"
_DIGIT_BEFORE = lazy_regex(r"\p{N}[ \u00a0\u202f]?$")
_VOWEL = lazy_regex(r"[aeiouAEIOU]")
_CLAUSE_GAP = lazy_regex(r"[\s,;()\"“”‘’'«»\-–—]+")


@dataclass(frozen=True)
class Run:
    """One Latin-script run and what it is."""

    start: int
    end: int
    text: str
    rule: str | None  # the code of the rule that reports it, None when it is allowed
    message: str = ""
    suggestion: str | None = None


# -- data ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def latin_terms() -> dict[str, dict[str, str]]:
    """latin_terms.tsv keyed by the normalised Latin form."""
    rows = read_tsv(data_dir() / "latin_terms.tsv", required=("latin", "lang", "kind", "hindi"))
    return {langid.normalise(r["latin"]): r for r in rows}


@lru_cache(maxsize=1)
def units() -> frozenset[str]:
    """Units and suffixes allowed after a number (km, mph, am, bn)."""
    return frozenset(r["unit"] for r in read_tsv(data_dir() / "latin_units.tsv", required=("unit",)))


# -- analysis --------------------------------------------------------------------------------


def _runs(text: str):
    """Yield runs of Latin word tokens [(token, start, end), ...]; specials end a run."""
    run: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "word" and _HAS_LATIN.search(m.group()):
            if run and not _GAP.fullmatch(text, run[-1][2], m.start()):
                yield run
                run = []
            run.append((m.group(), m.start(), m.end()))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _allowed(token: str, text: str, start: int, names: frozenset[str]) -> bool:
    """Acronyms, numbers, names the glossaries know, and units: after a number, or anywhere when
    they have no vowel (kg, km, mph: symbols, not words)."""
    if token in names or langid.shape(token) in ("acronym", "number") or token.casefold() in context.web_slang():
        return True
    if token not in units():
        return False
    return not _VOWEL.search(token) or bool(_DIGIT_BEFORE.search(text, 0, start))


def _initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(_OPENERS)
    return not before or before[-1] in _SENTENCE_END


def _source_words(source: str | None) -> tuple[str, ...]:
    if not source:
        return ()
    return tuple(langid.normalise(m.group()) for m in _TOKEN.finditer(source) if m.lastgroup == "word")


def _in_source(words: list[str], source: tuple[str, ...]) -> bool:
    n = len(words)
    return any(list(source[i:i + n]) == words for i in range(len(source) - n + 1))


def _split(run, text: str, names: frozenset[str]):
    """The parts of a run between allowed tokens."""
    part: list[tuple[str, int, int]] = []
    for tok in run:
        if _allowed(tok[0], text, tok[1], names):
            if part:
                yield part
            part = []
        else:
            part.append(tok)
    if part:
        yield part


@lru_cache(maxsize=256)
def analyse(text: str, source: str | None = None, names: frozenset[str] = frozenset()) -> tuple[Run, ...]:
    """Every Latin-script run of ``text`` (a paragraph) with the rule that reports it."""
    if not has_latin(text):
        return ()
    source_words = _source_words(source)
    out = []
    for run in _runs(text):
        if " ".join(t for t, _, _ in run) in names:
            continue
        for part in _split(run, text, names):
            judged = _judge(part, text, source_words)
            if judged.rule in ("QA101", "QA102", "QA105") and context.explained(text, judged.start, judged.end):
                judged = Run(judged.start, judged.end, judged.text, None)
            elif judged.rule == "QA104" and (span := context.half_transliterated(text, judged.start, judged.end)):
                shown = text[span[0]:span[1]]
                judged = Run(span[0], span[1], shown, "QA106", f"name half transliterated: “{shown}” mixes "
                             "Devanagari and Latin script; write the whole name in one script")
            out.append(judged)
    return tuple(_merge(out, text))


def _merge(runs: list[Run], text: str) -> list[Run]:
    """One finding for a clause left untranslated: neighbouring Italian (or English) runs with
    only commas, brackets, quotes or dashes between them become one run."""
    out: list[Run] = []
    for run in runs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and run.rule == prev.rule
            and run.rule in ("QA101", "QA102")
            and prev.suggestion is None
            and run.suggestion is None
            and _CLAUSE_GAP.fullmatch(text, prev.end, run.start)
        ):
            shown = " ".join(text[prev.start:run.end].split())
            head = prev.message.split(":", 1)[0]
            out[-1] = Run(prev.start, run.end, text[prev.start:run.end], run.rule, f"{head}: “{shown}”; translate it")
        else:
            out.append(run)
    return out


def _judge(part, text: str, source_words: tuple[str, ...]) -> Run:
    tokens = [t for t, _, _ in part]
    start, end = part[0][1], part[-1][2]
    shown = " ".join(text[start:end].split())  # for messages: no-break spaces shown as spaces

    def run(code: str | None, message: str = "", suggestion: str | None = None) -> Run:
        return Run(start, end, text[start:end], code, message, suggestion)

    in_source = bool(source_words) and _in_source([langid.normalise(t) for t in tokens], source_words)
    also = "; it is also in the aligned Italian source paragraph" if in_source else ""
    term = latin_terms().get(langid.normalise(shown))
    if term is not None and not (len(tokens) == 1 and langid.shape(tokens[0]) == "mixed"):
        hindi = term["hindi"]
        named = langid.LANGUAGE_NAMES.get(term["lang"], "international")
        if term["kind"] == "term":
            return run("QA103", f"{named} term “{shown}” left in Latin script; Hindi press writes {hindi}{also}", hindi)
        code = "QA101" if term["lang"] == "it" else "QA102"
        return run(code, f"{named} left untranslated: “{shown}”; Hindi: {hindi}{also}", hindi)
    verdict = langid.classify_run(tokens, _initial(text, start))
    lang = verdict.lang if verdict.kind == "language" else None
    if lang in ("it", "en"):
        why = f" ({verdict.evidence})" if verdict.evidence else ""
        code = "QA101" if lang == "it" else "QA102"
        return run(code, f"{langid.LANGUAGE_NAMES[lang]} left untranslated: “{shown}”{why}{also}; translate it")
    if in_source and verdict.kind in ("language", "unknown"):
        return run("QA101", f"Italian left untranslated: “{shown}” is copied from the aligned Italian source paragraph; translate it")
    if verdict.kind == "name":
        return run("QA104", f"name or title kept in Latin script: “{shown}”{also}; house style decides whether to transliterate it")
    if lang is not None:
        return run("QA105", f"{langid.LANGUAGE_NAMES[lang]} text in the Hindi: “{shown}”; translate it, or mark it as a quotation")
    if verdict.kind == "unknown" and len(shown) > 1:
        return run("QA105", f"Latin-script word of no known language in the Hindi: “{shown}”")
    return run(None)


# -- rules -----------------------------------------------------------------------------------


class _LatinRunRule(Rule):
    """Shared check: analyse the paragraph once (cached) and report this rule's runs."""

    category = Category.UNTRANSLATED
    mqm = "Accuracy/Untranslated"

    def check(self, para: Paragraph):
        # a plain function, not a generator: most paragraphs have no Latin letter and get ()
        return self._hits(para) if has_latin(para.text) else ()

    def _hits(self, para: Paragraph):
        source = self.ctx.source_for(para.index)
        names = self.ctx.glossary.latin_names()
        for run in analyse(para.text, source.text if source is not None else None, names):
            if run.rule == self.code:
                yield Hit(para.index, run.start, run.end, run.message, run.suggestion)


class UntranslatedItalian(_LatinRunRule):
    r"""Italian words left untranslated in the Hindi.

    Machine translation leaves source words in place when it cannot place them: an article at the
    start of a sentence (*Un फोकस विशिष्ट*), a prepositional phrase (*विरोध al traffico di
    प्राणियों*). Latin-script runs are judged by word frequencies in six languages, Italian
    function words (articles, articulated prepositions such as ``dell’``, conjunctions) and, for
    runs of four words or more, langdetect; a run that also occurs in the aligned Italian source
    paragraph (``--source``) is reported whatever its words. Capitalised words in mid-sentence
    are names (QA104), acronyms are left to the acronym checks.

    Flags:
        इनमें से विरोध al traffico di प्राणियों मानव तस्करी।
        Un फोकस विशिष्ट को समर्पित किया गया था।
        यह बैठक dell’Unione europea के तहत हुई।
        इस पर sicurezza के लिए चर्चा हुई।
    Passes:
        G7 रोम/ल्योन समूह की बैठक हुई।
        UNICRI और LEPSG के प्रतिनिधि शामिल हुए।
        विवरण www.esteri.it पर और #G7Italia के साथ।
        ग्रेड A प्राप्त किया।
    """

    code = "QA101"
    name = "untranslated-italian"
    severity = Severity.MAJOR
    fix = "unsafe"  # the glossary's Hindi: a change of wording


class UntranslatedEnglish(_LatinRunRule):
    r"""English words left untranslated in the Hindi.

    Italian press releases borrow English (*cybercrime*, *digital smuggling*, *follow the money*)
    and machine translation often copies the loanword through. Judged like QA101; days and months
    (capitalised in English) count as words, other capitalised words as names. The Hindi is
    suggested when ``glossaries/latin_terms.tsv`` knows it.

    Flags:
        सुरक्षा और खिलाफ लड़ना है cybercrimeवर्चुअल स्पेस की सुरक्षा।
        बैठक में the fight against crime पर चर्चा हुई।
        यह बैठक Monday को हुई।
    Passes:
        HBO की सीरीज Game of Thrones में उनकी भूमिका।
        वेस्ट ने गाना I Love it पर परफॉरमेंस दी।
        सुबह 7.55 am पर 85 mph की हवा चली।
    """

    code = "QA102"
    name = "untranslated-english"
    severity = Severity.MAJOR
    fix = "unsafe"  # the glossary's Hindi: a change of wording


class LatinScriptTerm(_LatinRunRule):
    r"""A term left in Latin script where Hindi press style transliterates it.

    Drug names, technical terms and international words (``Fentanyl`` → फेंटेनाइल, ``online``
    → ऑनलाइन) keep their meaning but not the script of the text; a minor defect. Only terms
    that ``glossaries/latin_terms.tsv`` lists with kind ``term`` are reported, with the Hindi
    spelling as the suggestion.

    Flags:
        बढ़ते प्रसार के संबंध में Fentanyl. से जुड़ा ख़तरा।
        बच्चों का online शोषण।
    Passes:
        बढ़ते प्रसार के संबंध में फेंटेनाइल से जुड़ा ख़तरा।
        Inrupt का प्लेटफ़ॉर्म Solid ओपन सोर्स है।
    """

    code = "QA103"
    name = "latin-script-term"
    severity = Severity.MINOR
    fix = "unsafe"  # the Devanagari spelling: house style decides


class LatinScriptName(_LatinRunRule):
    r"""A name of a person, brand, place or title kept in Latin script.

    Hindi newspapers often keep brand and title names in Latin script (``Sainsbury's``,
    ``Game of Thrones``); others transliterate everything. Reported for information; a house
    style that transliterates can raise its severity in the configuration. A document that has
    chosen to transliterate makes a name it keeps in Latin script (capitalised words inside a
    sentence; not ``PhD``, ``DIYs``) ``minor``; the document's own names decide, with or without
    a source (``--source``): three or more foreign names written in Devanagari (given names of
    ``hi_foreign_name_parts.tsv``, glossary names, acronyms spelled in letter names), at least
    60 % of the names it writes. A ``[severity]`` entry for QA104 in ``qa.toml`` (the house
    style) overrides both. A capitalised word in
    mid-sentence, or a run of capitalised words, is read as a name.

    Flags:
        Sainsbury's ब्यूटी प्रोडक्ट वाले विशेषज्ञ नियुक्त करेगा।
        किट ने Game of Thrones की सह-कलाकार से शादी की।
    Passes:
        G7 देशों की बैठक हुई।
        बैठक रोम में हुई।
    """

    code = "QA104"
    name = "latin-script-name"
    severity = Severity.INFO

    def _hits(self, para: Paragraph):
        for hit in super()._hits(para):
            words = para.text[hit.start:hit.end].split()
            # the document's style last: it is read (once, over the whole document) only when
            # a name could take it
            if not _initial(para.text, hit.start) and not context.explained(para.text, hit.start, hit.end) \
                    and all(langid.shape(w) == "capitalised" or context.is_lower_function(w) for w in words) \
                    and self._transliterating():
                hit = Hit(hit.paragraph, hit.start, hit.end, hit.message.replace(
                    "house style decides whether to transliterate it",
                    "the document writes most of its names in Devanagari; transliterate this one too"),
                    hit.suggestion, severity=Severity.MINOR)
            yield hit

    def _transliterating(self) -> bool:
        """The document writes its names in Devanagari (``transliterates_names``), so a name
        kept in Latin script breaks its own style. One decision, with or without a source: a
        source's capitalised words include common nouns (Presidenza, Regione) that any
        translation renders, so they tell nothing about how it writes names."""
        if not hasattr(self, "_style"):
            self._style = context.transliterates_names(
                context.ParagraphTexts(self.ctx.paragraphs), self.ctx.glossary.devanagari_names())
        return self._style


class ForeignFragment(_LatinRunRule):
    r"""Latin-script text in a language other than Italian or English, or in no known language.

    French, Spanish, German or Portuguese phrases (judged by word frequencies and langdetect) are
    usually quotations, which a house style may keep; reported for information.

    Flags:
        Il faut bien le faire.
    Passes:
        G7 देशों की बैठक हुई।
        ई-मेल jo@samaritans.org पर करें।
    """

    code = "QA105"
    name = "foreign-fragment"
    severity = Severity.INFO


class HalfTransliteratedName(_LatinRunRule):
    r"""A name written half in Devanagari, half in Latin script.

    Machine translation transliterates the part of a name it knows and copies the rest
    (``मारिया Rossi``, ``सैन Giovanni``, ``Palazzo कीगी``): whatever the house style, one name
    is written in one script. A Latin-script name (as QA104 reads it) counts when the word right
    next to it is a foreign given name or place particle in Devanagari
    (``glossaries/hi_foreign_name_parts.tsv``), or when the Latin name is such a given name or
    particle (``Palazzo``) and the Devanagari word next to it is one Hindi does not know and no
    Hindi inflected form. Transliterated loanwords next to a Latin name (``Sunday Times
    न्यूज़पेपर``) are not name parts.

    Flags:
        बैठक में मारिया Rossi ने भाग लिया।
        प्रदर्शनी Palazzo कीगी में हुई।
    Passes:
        बैठक में मारिया रॉसी ने भाग लिया।
        सुपरमार्केट चेन छूटदाताओं Aldi और Lidl से भिड़ने की कोशिश कर रही है।
        अभिनेत्री Maria Rossi ने भाग लिया।
        Sunday Times न्यूज़पेपर के साथ इंटरव्यू, NoMa इनफिल मेट्रो स्टेशन।
    """

    code = "QA106"
    name = "half-transliterated-name"
    severity = Severity.MAJOR
