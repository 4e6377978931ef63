"""Machine-translation artefacts, with or without a source (QA670–QA672): an assistant's refusal
or chatter instead of a translation, a hallucinated loop, a unit in the wrong script.

The phrases are data (``glossaries/mt_artefacts.tsv``); a phrase the aligned source paragraph
also has is the source's own text, not an artefact.
"""

from __future__ import annotations

from functools import lru_cache
from operator import eq

import regex

from ..model import Category, Paragraph, Severity
from ..resources import data_dir, read_tsv
from ..text.lazy import lazy_re, lazy_regex
from ..text.tokens import LOOSE_TOKEN, loose_tokens, plain
from .base import Hit, Rule

_TOKEN = LOOSE_TOKEN
#: Letters of scripts a Hindi text is not written in (Latin is the untranslated rules' matter).
_FOREIGN_SCRIPT = {
    "Arabic (Urdu?)": lazy_regex(r"\p{Arabic}"),
    "Bengali": lazy_regex(r"\p{Bengali}"),
    "Gurmukhi": lazy_regex(r"\p{Gurmukhi}"),
    "Gujarati": lazy_regex(r"\p{Gujarati}"),
    "Cyrillic": lazy_regex(r"\p{Cyrillic}"),
    "Han": lazy_regex(r"\p{Han}"),
}
_LETTER = lazy_regex(r"\p{L}")
#: A letter of any of those scripts: a paragraph without one has nothing for QA672.
_ANY_FOREIGN = lazy_regex(r"[\p{Arabic}\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Cyrillic}\p{Han}]")
#: Characters of none of them (ASCII to Greek, Devanagari, general punctuation): a paragraph of
#: these only is not scanned for them (the stdlib's range test is the faster).
_NONE_FOREIGN = "\x00-\u03ff\u0900-\u097f\u2000-\u206f"
_MAYBE_FOREIGN = lazy_re(f"[^{_NONE_FOREIGN}]")


@lru_cache(maxsize=1)
def phrases() -> tuple[tuple[regex.Pattern, str, Severity, str], ...]:
    out = []
    for r in read_tsv(data_dir() / "mt_artefacts.tsv", required=("pattern", "where", "severity", "kind")):
        body = r["pattern"]
        if r["where"] == "start":
            body = r"\A[\s\"“'‘*#>\-]*(?:" + body + ")"
        out.append((lazy_regex(body, regex.IGNORECASE), r["kind"], Severity(r["severity"]), r["pattern"]))
    return tuple(out)


@lru_cache(maxsize=1)
def any_phrase() -> tuple[regex.Pattern, ...]:
    """:func:`phrases` in two patterns, those at the start and the others (apart, as ``regex``
    tries an anchored alternative at every position): a paragraph neither matches has none."""
    start = tuple(p.pattern for p, *_ in phrases() if p.pattern.startswith("\\A"))
    anywhere = tuple(p.pattern for p, *_ in phrases() if not p.pattern.startswith("\\A"))
    return tuple(regex.compile("|".join(f"(?:{p})" for p in ps), regex.IGNORECASE)
                 for ps in (start, anywhere) if ps)


class AssistantChatter(Rule):
    r"""An assistant's refusal, chatter or prompt instead of (or around) the translation: "I
    apologize, but…", "Here is the translation", "Note:", "अनुवाद:", "Translate the following…".

    Large language models used as translators sometimes refuse, explain or label their output;
    none of it belongs in a published text. The phrases are listed in
    ``glossaries/mt_artefacts.tsv`` (English and Hindi) with their severity: a refusal, a
    label or leaked instructions are critical (the text is not a translation), a note is major.
    With a source, a phrase the source paragraph also has passes (a source that says "Note:").

    Flags:
        I apologize, but I don't feel comfortable translating that particular text segment into Hindi.
        अनुवाद: मंगल पर बहुत पानी था।
        Here is the translation: मंगल पर बहुत पानी था।
    Passes:
        मंगल पर बहुत पानी था। इसका अनुवाद कठिन था।
        उन्होंने कहा कि वे माफ़ी नहीं माँगेंगे।
    """

    code = "QA670"
    name = "assistant-chatter"
    category = Category.MISTRANSLATION
    mqm = "Accuracy/Addition"
    severity = Severity.CRITICAL

    def check(self, para: Paragraph):
        if all(p.search(para.text) is None for p in any_phrase()):
            return
        src = self.ctx.source_for(para.index)
        for pattern, kind, severity, _ in phrases():
            m = pattern.search(para.text)
            if m is None or (src is not None and pattern.search(src.text)):
                continue
            start = m.start() + len(m.group()) - len(m.group().lstrip(" \"“'‘*#>-"))
            yield Hit(para.index, start, m.end(),
                      f"machine-translation {kind}, not a translation: {m.group().strip()!r}", severity=severity)
            return


class RepeatedLoop(Rule):
    r"""A hallucinated loop: the same word or phrase repeated over and over, as machine
    translation does when it loses its place.

    A sequence of one to six words repeated back to back, four times or more (a phrase) or eight
    times or more (a single word), is flagged from its second occurrence; reduplication
    (``धीरे धीरे``, ``बहुत बहुत``) repeats a word once or twice and passes. With a source, a
    paragraph whose source repeats itself as much passes (a chant, "ha ha ha").

    Flags:
        सरकार ने कहा कि यह योजना अच्छी है अच्छी है अच्छी है अच्छी है अच्छी है।
    Passes:
        वह धीरे धीरे चला और बहुत बहुत खुश हुआ।
        नहीं, नहीं, नहीं!
    """

    code = "QA671"
    name = "repeated-loop"
    category = Category.MISTRANSLATION
    mqm = "Accuracy/Addition"
    severity = Severity.MAJOR

    def check(self, para: Paragraph):
        loop = find_loop(para.text)
        if loop is None:
            return
        src = self.ctx.source_for(para.index)
        if src is not None and find_loop(src.text) is not None:
            return
        start, end, times, phrase = loop
        yield Hit(para.index, start, end, f"{phrase!r} repeated {times} times in a row: a machine-translation loop")


#: (n, the fewest words equal to the word n before them in a loop of n words: (need - 1) * n)
_LEAST_EQUAL = tuple((n, 7 if n == 1 else 3 * n) for n in range(1, 7))


def find_loop(text: str) -> tuple[int, int, int, str] | None:
    """(start of the second occurrence, end of the last, count, phrase) of the longest run."""
    # (on plain text casefold changes ASCII capitals only, to letters: the same cut, folded once)
    words = loose_tokens(text.casefold()) if plain(text) else list(map(str.casefold, loose_tokens(text)))
    # a run of k >= need repeats of n words has (k - 1) * n words equal to the word n before
    # them: as many repeated words at least, and as many equal pairs n apart
    repeated = len(words) - len(set(words))
    if not any(sum(map(eq, words, words[n:])) >= least
               for n, least in _LEAST_EQUAL if repeated >= least):
        return None
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    best = None
    for n in range(1, 7):
        need = 8 if n == 1 else 4
        i = 0
        while i + n * need <= len(words):
            k = 1
            while words[i + k * n: i + (k + 1) * n] == words[i: i + n]:
                k += 1
            if k >= need and (best is None or k * n > best[2] * len(best[3].split())):
                phrase = text[toks[i][0]: toks[i + n - 1][1]]
                best = (toks[i + n][0], toks[i + k * n - 1][1], k, phrase)
            i += max(1, (k - 1) * n) if k >= need else 1
    return best


class WrongScript(Rule):
    r"""A paragraph written in another script than Devanagari: Urdu (Arabic script), Bengali,
    Gurmukhi, Cyrillic… A translation into Hindi in another script is no translation a Hindi
    reader can use.

    Flagged (critical) when letters of one foreign script are at least 20 and more than half of
    the paragraph's letters. A quoted word or name in another script passes. Latin script is
    the untranslated rules' matter (QA101–QA105, QA661).

    Flags:
        حکومت نے کہا کہ یہ منصوبہ اچھا ہے اور اس پر کام جاری ہے۔
    Passes:
        सरकार ने कहा कि यह योजना अच्छी है और इस पर काम जारी है।
        उर्दू में इसे "حکومت" कहते हैं, यानी सरकार; यह शब्द अरबी से आया है।
    """

    code = "QA672"
    name = "wrong-script"
    category = Category.ENCODING
    mqm = "Accuracy/Mistranslation"
    severity = Severity.CRITICAL

    def check(self, para: Paragraph):
        if _MAYBE_FOREIGN.search(para.text) is None or _ANY_FOREIGN.search(para.text) is None:
            return
        letters = len(_LETTER.findall(para.text))
        if letters < 20:
            return
        for script, pattern in _FOREIGN_SCRIPT.items():
            found = pattern.findall(para.text)
            if len(found) >= 20 and len(found) > letters / 2:
                src = self.ctx.source_for(para.index)
                if src is not None and len(pattern.findall(src.text)) >= len(found) / 2:
                    return
                start = len(para.text) - len(para.text.lstrip())
                yield Hit(para.index, start, len(para.text.rstrip()),
                          f"paragraph written in {script} script, not Devanagari")
                return


#: An English "or" standing between two renderings (neighbours not Latin words).
_OR = lazy_regex(r"(?<=\p{Devanagari}[\p{M}\p{P}\p{S}]*\s+|[`*\"”»)]\s*)(?:or|OR|Or)(?=\s+[`*\"“«(]|\s+\p{Devanagari})")
#: Two Devanagari words joined by a slash.
_SLASH = lazy_regex(r"\p{Devanagari}[\p{Devanagari}\p{M}]*\s*/\s*\p{Devanagari}[\p{Devanagari}\p{M}]*")


class AlternativesOffered(Rule):
    r"""Two renderings offered instead of one translation: an English "or" between two Hindi
    versions (``वाह!``` or ```कमाल!``), or, with a source that has no slash there, two Hindi
    words joined by a slash (``पागल/निंदक`` for *paranoid*).

    A machine translation that hedges leaves the choice to the reader; a published text makes it.
    The "or" is major (flagged without a source: English "or" between Devanagari text is never
    Hindi); a slash with a source that has none is minor (``और/या`` is sometimes written on
    purpose).

    Flags:
        @user33 वाह!```   or   ```@user33 कमाल!```
    Passes:
        वाह! कमाल है।
        Rock or Pop शैली के गाने।
        उन्होंने और/या लिखा।
    """

    code = "QA673"
    name = "alternatives-offered"
    category = Category.MISTRANSLATION
    mqm = "Accuracy/Addition"
    severity = Severity.MAJOR

    def check(self, para: Paragraph):
        src = self.ctx.source_for(para.index)
        m = _OR.search(para.text)
        if m is not None and not (src is not None and _OR.search(src.text)):
            yield Hit(para.index, m.start(), m.end(),
                      "two renderings offered, joined by an English “or”: keep one", severity=Severity.MAJOR)
            return
        if src is not None and src.text.strip() and "/" not in src.text:
            s = _SLASH.search(para.text)
            if s is not None:
                yield Hit(para.index, s.start(), s.end(),
                          "two renderings joined by a slash where the source has one word: keep one",
                          severity=Severity.MINOR)
