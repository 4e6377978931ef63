"""Machine-translation artefacts, with or without a source (QA670–QA672): an assistant's refusal
or chatter instead of a translation, a hallucinated loop, a unit in the wrong script.

The phrases are data (``glossaries/mt_artefacts.tsv``); a phrase the aligned source paragraph
also has is the source's own text, not an artefact.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from importlib import import_module
from operator import eq
from typing import Any

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


def any_phrase() -> tuple[regex.Pattern, ...]:
    """:func:`phrases` in two patterns, those at the start and the others (apart, as ``regex``
    tries an anchored alternative at every position): a paragraph neither matches has none."""
    start, _, anywhere = chatter_pre_tests()
    return tuple(p for p in (start, anywhere) if p is not None)


#: The stdlib's own parser of regular expressions (its opcodes are among its names too).
sre: Any = import_module("re._parser")
#: The shortest literal worth a pre-test (a shorter one is found in most paragraphs).
_LEAST_LITERAL = 3


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings, folded as :func:`regex_casefold` folds a text, one of which the text folded
    holds wherever ``pattern`` (``regex`` syntax, matched case-insensitively) matches; None when
    the stdlib's parser cannot read the pattern or finds no literal of three characters or more
    that is required."""
    try:
        with warnings.catch_warnings():  # ``[[:alpha:]]``: a nested set to ``regex``, warned of
            warnings.simplefilter("error")
            parsed = sre.parse(pattern)
    except Exception:  # syntax only ``regex`` reads: no pre-test
        return None
    return _best(_required(list(parsed)))


def _required(items: list) -> list[frozenset[str]]:
    """Sets of literals (each set: any match of the sequence ``items`` holds one of them)."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        literal = "".join(run).strip()  # (a part of a required literal is required too)
        if len(literal) >= _LEAST_LITERAL:
            out.append(frozenset({regex_casefold(literal)}))
        run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        best = None
        if op is sre.SUBPATTERN:
            best = _best(_required(list(av[3])))
        elif op is sre.BRANCH:
            each = [_best(_required(list(a))) for a in av[1]]
            best = frozenset(w for e in each if e for w in e) if all(each) else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _best(_required(list(av[2])))
        if best is not None:
            out.append(best)
    flush()
    return out


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The set whose shortest literal is longest (the rarest to find by chance)."""
    return max(sets, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def regex_casefold(text: str) -> str:
    """``text`` casefolded, dotless ı as i and combining dot above dropped: a character ``regex``
    matches case-insensitively with another folds as it does (``regex`` takes the Turkish İ for i
    and ı for I, which casefold keeps apart)."""
    text = text.casefold()
    if "ı" in text:
        text = text.replace("ı", "i")
    if "\u0307" in text:
        text = text.replace("\u0307", "")
    return text


@lru_cache(maxsize=1)
def chatter_pre_tests() -> tuple[regex.Pattern | None, re.Pattern[str] | None, regex.Pattern | None]:
    """(the phrases at the start in one pattern, a stdlib pattern of their required literals for
    :func:`regex_casefold`-ed text, the phrases anywhere in one pattern): a paragraph where the first finds
    nothing and the second or third nothing has none of the phrases. The second is None when a
    phrase has no required literal."""
    start = [p.pattern for p, *_ in phrases() if p.pattern.startswith("\\A")]
    anywhere = [p.pattern for p, *_ in phrases() if not p.pattern.startswith("\\A")]
    literals = [required_literals(p) for p in anywhere]
    words = None
    if all(literals):
        every = frozenset(w for lit in literals if lit for w in lit)
        # (a literal that holds another is found wherever that one is: left out)
        least = sorted(w for w in every if not any(v != w and v in w for v in every))
        words = re.compile("|".join(map(re.escape, least)))
    start_p, anywhere_p = (regex.compile("|".join(f"(?:{p})" for p in ps), regex.IGNORECASE) if ps else None
                           for ps in (start, anywhere))
    return start_p, words, anywhere_p


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
        text = para.text
        start, words, anywhere = chatter_pre_tests()
        if (start is None or start.search(text) is None) and (
                anywhere is None or (words is not None and words.search(regex_casefold(text)) is None)
                or anywhere.search(text) is None):
            return ()
        return self._hits(para)

    def _hits(self, para: Paragraph):
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


#: A character casefold may change: none but ASCII capitals and what lies outside ASCII,
#: Devanagari and general punctuation.
_MAY_FOLD = lazy_re("[^\x00-\x40\x5b-\x7f\u0900-\u097f\u2000-\u206f]")
#: (n, the fewest words equal to the word n before them in a loop of n words: (need - 1) * n)
_LEAST_EQUAL = tuple((n, 7 if n == 1 else 3 * n) for n in range(1, 7))


def find_loop(text: str) -> tuple[int, int, int, str] | None:
    """(start of the second occurrence, end of the last, count, phrase) of the longest run."""
    # (on plain text casefold changes ASCII capitals only, to letters: the same cut, folded once;
    # a text of characters casefold leaves alone is cut as it is)
    if _MAY_FOLD.search(text) is None:
        words = loose_tokens(text)
    elif plain(text):
        words = loose_tokens(text.casefold())
    else:
        words = list(map(str.casefold, loose_tokens(text)))
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
            return ()
        return self._hits(para)

    def _hits(self, para: Paragraph):
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
        text = para.text
        if "or" not in text and "OR" not in text and "Or" not in text:
            src = self.ctx.source_for(para.index)
            if src is None:
                return ()  # no "or", and no source to compare a slash with
        else:
            src = self.ctx.source_for(para.index)
        return self._hits(para, src)

    def _hits(self, para: Paragraph, src: Paragraph | None):
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
