"""Language evidence for short Latin-script runs (one to a few words) found in Hindi text.

langdetect, the usual tool, guesses one-word fragments right only about half the time. For the
runs machine translation leaves behind (``Un``, ``al traffico di``, ``cybercrime``) the evidence
that works is lexical:

* word frequencies per language (Zipf scale) from ``glossaries/latin_wordfreq.tsv``, a compact
  extract of the wordfreq lists made by ``tests/benchmarks/make_wordlists.py``: a naive-Bayes
  score per language (the sum of the words' Zipf values, a missing word counting as ``FLOOR``)
  plus a prior that favours Italian, the language these translations come from;
* function words (``glossaries/it_function_words.tsv``, ``en_function_words.tsv``): articles,
  articulated prepositions, conjunctions, auxiliaries; elided forms (``dell’``, ``all'``) are
  read as such, so ``dell’Unione`` is Italian before anything is looked up;
* the shape of the words: capitals mid-sentence (Hindi has none) mark names and titles, all-caps
  and digits mark acronyms, a content word ending in a consonant is rarely native Italian;
* langdetect, only for runs of ``LANGDETECT_MIN_WORDS`` words or more, where it is reliable.

Everything heavy loads lazily, on the first run that needs it: Italian and English lists first,
the four other languages only when a word is too rare in both to decide, langdetect only for long
runs. The lists are read by ``qa.latin_lexicon``. ``classify_run`` is the entry point; ``qa.rules.untranslated`` turns its verdicts into
findings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .latin_lexicon import (
    CORE_ZIPF,
    LANGS,
    ZipfTable,
    function_words,
    inflections,
    lexicon,
    normalise,
    rare_words,
    suffix_odds,
)
from .text.lazy import lazy_regex

LANGUAGE_NAMES = {
    "it": "Italian",
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "pt": "Portuguese",
}

#: Zipf value of a word missing from a language's list (the lists stop at 2.0 or 3.0).
FLOOR = 1.0
#: log10 prior odds: the translations come from Italian, English is the usual pivot language.
PRIOR = {"it": 0.6, "en": 0.3, "fr": 0.0, "es": 0.0, "de": 0.0, "pt": 0.0}
#: Extra evidence (log10) for a function word of Italian or English.
FUNCTION_BONUS = 1.0
#: Evidence against Italian for a content word ending in a consonant (network, focus, smuggling).
CONSONANT_PENALTY = 1.0
#: A word no list knows is read as Italian (or English) when its ending gives these log10 odds.
SUFFIX_MARGIN = 1.0
#: A sentence-initial capitalised word is read as Italian (not a name) only with this margin.
INITIAL_MARGIN = 2.0
#: From this many words on, langdetect joins lexical evidence that is not decisive.
LANGDETECT_MIN_WORDS = 4
LANGDETECT_BELOW = 3.0
#: From this many words on, languages other than Italian and English are considered.
OTHER_MIN_WORDS = 3
LANGDETECT_WEIGHT = 2.0
#: A word this frequent in Italian or English needs no other language to be judged: the common
#: words, loaded first (the rarer ones load only when needed).
CLEAR_ZIPF = CORE_ZIPF

APOSTROPHES = "'’"
_ELISION = lazy_regex(r"^([\p{L}]+['’])(\p{L}.*)$")
#: A capital after a hyphen or apostrophe (C-SPAN, O'Brien): not a capital inside a word.
_JOINED_CAPITAL = lazy_regex(r"[-'’]\p{Lu}")
_CLITIC = lazy_regex(r"^(\p{L}.*?)('s|n't|'re|'ll|'ve|'d|'m)$")
_VOWEL_END = lazy_regex(r"[aeiouàèéìíòóù]$")


@dataclass(frozen=True)
class Guess:
    """Lexical verdict on a sequence of words: the best language and its log10 margin."""

    lang: str | None  # None when no word is known in any list
    margin: float
    known: int
    words: int
    evidence: str = ""


@dataclass(frozen=True)
class Verdict:
    """What a Latin-script run is.

    ``kind``: ``language`` (``lang`` says which), ``name`` (person, brand, title, place),
    ``letter`` (a lone letter), ``unknown`` (no evidence either way).
    """

    kind: str
    lang: str | None = None
    margin: float = 0.0
    evidence: str = ""


# -- data ------------------------------------------------------------------------------------


def ending_guess(words: Sequence[str]) -> Guess:
    """Italian or English by the words' endings alone (longest known ending of 4, 3 or 2
    letters), for words that no frequency list knows; None when the odds are under
    SUFFIX_MARGIN."""
    table = suffix_odds()
    odds = 0.0
    cue = ""
    for word in words:
        w = normalise(word)
        if len(w) < 4 or not w.isalpha():
            continue
        for n in (4, 3, 2):
            if w[-n:] in table:
                odds += table[w[-n:]]
                cue = cue or w[-n:]
                break
    if odds >= SUFFIX_MARGIN:
        return Guess("it", odds, 0, len(words), f"an Italian word ending, -{cue}")
    if odds <= -SUFFIX_MARGIN:
        return Guess("en", -odds, 0, len(words), f"an English word ending, -{cue}")
    return Guess(None, 0.0, 0, len(words))


# -- word shapes -----------------------------------------------------------------------------


def shape(token: str) -> str:
    """``number`` (80s, 3.6bn), ``acronym`` (G7, UNICRI, C-SPAN, D.C), ``letter`` (A, w),
    ``capitalised`` (Fentanyl, Sainsbury's), ``mixed`` (YouGov, iPhone), ``lower``."""
    if token[0].isdigit():
        return "number"
    letters = [c for c in token if c.isalpha()]
    if any(c.isdigit() for c in token):
        return "acronym"
    if len(letters) == 1:
        return "letter"
    if all(c.isupper() for c in letters):
        return "acronym"
    m = _ELISION.match(token)
    body = m.group(2) if m else token
    if token[0].isupper():
        inner = body[1:] if body is token else body
        return "mixed" if any(c.isupper() for c in _JOINED_CAPITAL.sub("", inner)) else "capitalised"
    if m and body[0].isupper():
        return "elided-name"  # dell’Unione, l'Italia: a grammatical Italian word before a name
    if any(c.isupper() for c in token):
        return "mixed"
    return "lower"


def italian_elision(token: str) -> str | None:
    """The Italian elided function word that starts ``token`` (``dell'``), or None."""
    m = _ELISION.match(token)
    if not m:
        return None
    prefix = normalise(m.group(1))
    return prefix if prefix in function_words()["it"] else None


# -- lexical evidence ------------------------------------------------------------------------


def _pieces(word: str) -> list[tuple[str, dict[str, float]]]:
    """The scored pieces of one word: (piece, fixed scores) where fixed scores come from the
    function-word lists (elided prefixes, English clitics) and override the frequency lists."""
    w = normalise(word)
    fw = function_words()
    m = _ELISION.match(w)
    if m and m.group(1) in fw["it"]:
        shared = fw["it"][m.group(1)]
        fixed = {lang: 6.0 if lang == "it" or lang in shared else FLOOR for lang in LANGS}
        return [(m.group(1), fixed), *_pieces(m.group(2))]
    m = _CLITIC.match(w)
    if m:
        fixed = {lang: 6.0 if lang == "en" else FLOOR for lang in LANGS}
        return [*_pieces(m.group(1)), (m.group(2), fixed)]
    return [(w, {})]


def _lookup(table: ZipfTable, piece: str) -> float | None:
    z = table.get(piece)
    if z is None and "-" in piece:
        parts = [table.get(p) for p in piece.split("-") if p]
        known = [p for p in parts if p is not None]
        if known:
            z = (sum(known) + FLOOR * (len(parts) - len(known))) / len(parts)
    return z


def _zipfs(piece: str, langs: Sequence[str]) -> dict[str, float | None]:
    """Zipf of ``piece`` in each language; the rare-word tables are consulted only when the
    piece is common in none of ``langs`` (a word common in one language and missing from
    another's common words counts as absent there)."""
    out = {lang: _lookup(lexicon(lang), piece) for lang in langs}
    if all(z is None for z in out.values()):
        out = {lang: _lookup(rare_words(lang), piece) for lang in langs}
    if all(z is None for z in out.values()):
        out = {lang: _inflected(piece, lang) for lang in langs}
    return out


#: A word read as an inflected form counts a little less than the form itself would.
INFLECTION_PENALTY = 0.3


def _inflected(piece: str, lang: str) -> float | None:
    """The Zipf of the base word when ``piece`` is an inflected form of a word known in ``lang``
    (``solstices`` from ``solstice``), less a small penalty; None otherwise."""
    best = None
    for ending, base in inflections().get(lang, ()):
        if len(piece) - len(ending) < 3 or not piece.endswith(ending):
            continue
        stem = piece[: len(piece) - len(ending)] + base
        z = lexicon(lang).get(stem)
        if z is None:
            z = rare_words(lang).get(stem)
        if z is not None and (best is None or z > best):
            best = z
    return None if best is None else max(FLOOR, best - INFLECTION_PENALTY)


def _scores(words: Sequence[str], langs: Sequence[str] | None) -> tuple[dict[str, float], int, int, list[str]]:
    """Per-language log10 scores of ``words``, how many pieces were known, how many pieces there
    were, and the Italian function words seen. ``langs`` None: Italian and English, and for runs
    of OTHER_MIN_WORDS words or more the other languages too when some word is too rare in both
    to decide (one or two words are too little to tell French from Italian)."""
    fw = function_words()
    pieces = [p for w in words for p in _pieces(w)]
    if langs is None:
        langs = ("it", "en")
        for piece, fixed in pieces if len(words) >= OTHER_MIN_WORDS else ():
            if not fixed and piece not in fw["it"] and piece not in fw["en"]:
                if max((z or 0.0) for z in _zipfs(piece, ("it", "en")).values()) < CLEAR_ZIPF:
                    langs = LANGS
                    break
    scores = {lang: PRIOR[lang] for lang in langs}
    known = 0
    cues: list[str] = []
    for piece, fixed in pieces:
        found = bool(fixed)
        zipfs = fixed or _zipfs(piece, langs)
        for lang in langs:
            z = zipfs[lang]
            if z is None:
                z = FLOOR
            else:
                found = True
            if lang in fw and piece in fw[lang]:
                z += FUNCTION_BONUS
            if lang == "it" and not fixed and piece not in fw["it"] and not _VOWEL_END.search(piece):
                z -= CONSONANT_PENALTY
            scores[lang] += z
        known += found
        if piece in fw["it"] and piece not in cues:
            cues.append(piece)
    return scores, known, len(pieces), cues


def _guess(scores: dict[str, float], known: int, n: int, cues: list[str], evidence: str = "") -> Guess:
    if not known:
        return Guess(None, 0.0, 0, n)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    lang, top = ranked[0]
    margin = top - ranked[1][1] if len(ranked) > 1 else top
    if lang == "it" and cues and not evidence:
        evidence = "Italian function word" + ("s " if len(cues) > 1 else " ") + ", ".join(cues[:3])
    return Guess(lang, margin, known, n, evidence)


def lexical_guess(words: Sequence[str], langs: Sequence[str] | None = None) -> Guess:
    """Naive-Bayes language guess for ``words`` (any case, apostrophes of either kind)."""
    return _guess(*_scores(words, langs))


@lru_cache(maxsize=1)
def _detector_factory():
    # lazy: loading langdetect's profiles takes a quarter of a second
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = 0
    detector_factory.init_factory()
    return detector_factory._factory


def langdetect_probabilities(text: str) -> dict[str, float]:
    """langdetect's language probabilities for ``text`` (seeded: the same answer every run)."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = _detector_factory().create()
        detector.append(text)
        return {r.lang: r.prob for r in detector.get_probabilities()}
    except LangDetectException:
        return {}


def language_guess(words: Sequence[str]) -> Guess:
    """Lexical evidence; for a run of LANGDETECT_MIN_WORDS words or more on which it is not
    decisive (margin below LANGDETECT_BELOW), joined by langdetect's."""
    guess = lexical_guess(words)
    if len(words) < LANGDETECT_MIN_WORDS or guess.margin >= LANGDETECT_BELOW:
        return guess
    scores, known, n, cues = _scores(words, LANGS)
    probs = langdetect_probabilities(" ".join(words))
    if not probs or not known:
        return _guess(scores, known, n, cues)
    for lang in scores:
        scores[lang] += LANGDETECT_WEIGHT * math.log10(probs.get(lang, 0.0) + 1e-3)
    return _guess(scores, known, n, cues)


# -- runs ------------------------------------------------------------------------------------


def is_function(token: str) -> set[str]:
    """The languages (it, en) in which ``token`` is a function word."""
    fw = function_words()
    w = normalise(token)
    out = {lang for lang in ("it", "en") if w in fw[lang]}
    if token in fw["en"]:  # capitalised English words (days, months)
        out.add("en")
    return out


def classify_run(tokens: Sequence[str], initial: bool = False) -> Verdict:
    """Classify a run of Latin-script word tokens found in Hindi text.

    ``tokens`` hold no acronyms or numbers (the caller splits runs at them); ``initial`` says
    whether the run starts a sentence (where a capital is no sign of a name).
    """
    if len(tokens) == 1 and shape(tokens[0]) == "letter":
        return Verdict("letter")
    shapes = [shape(t) for t in tokens]
    if _title_like(tokens, shapes):
        return _capitalised(tokens, shapes, initial)
    if shapes[0] == "elided-name" and len(tokens) == 1 and normalise(tokens[0])[:2] in ("l'", "d'"):
        return Verdict("name", evidence="elided article before a name")
    guess = language_guess(tokens)
    if guess.lang is None:
        guess = ending_guess(tokens)
    if guess.lang is None:
        return Verdict("unknown")
    return Verdict("language", guess.lang, guess.margin, guess.evidence)


def _common_italian(token: str) -> bool:
    """A common Italian word (Sicurezza, Durante) much rarer in English: at the start of a
    sentence such a capitalised word is Italian left untranslated rather than a name."""
    w = normalise(token)
    it = lexicon("it").get(w)
    if it is None or _CLITIC.match(w):
        return False
    return it - (lexicon("en").get(w) or FLOOR) + PRIOR["it"] - PRIOR["en"] >= INITIAL_MARGIN


def _title_like(tokens: Sequence[str], shapes: Sequence[str]) -> bool:
    """A name or title: one capitalised word, or two or more capitalised words (a capital letter
    such as the I of "I Love it" counts) with nothing but function words among them."""
    caps = [s in ("capitalised", "mixed") or (s == "letter" and t.isupper()) for t, s in zip(tokens, shapes)]
    if not caps[0] or (len(tokens) > 1 and sum(caps) < 2):
        return False
    return all(c or (s == "lower" and is_function(t)) for t, s, c in zip(tokens, shapes, caps))


def _capitalised(tokens: Sequence[str], shapes: Sequence[str], initial: bool) -> Verdict:
    """A run whose words are all capitalised (or lowercase function words inside): a name or a
    title, unless it is a lone function word (Un, The) or a day or month (Monday)."""
    if len(tokens) == 1:
        langs = is_function(tokens[0])
        if shapes[0] == "capitalised" and langs:
            guess = lexical_guess(tokens, ("it", "en"))
            lang = langs.pop() if len(langs) == 1 else guess.lang
            assert lang is not None  # the words both function-word lists hold are in both lexicons
            return Verdict("language", lang, guess.margin, f"{LANGUAGE_NAMES[lang]} function word")
        if shapes[0] == "capitalised" and initial and _common_italian(tokens[0]):
            return Verdict("language", "it", INITIAL_MARGIN, "a common Italian word")
        return Verdict("name")
    if all(is_function(t) for t in tokens):
        guess = lexical_guess(tokens)
        if guess.lang is not None:
            return Verdict("language", guess.lang, guess.margin, guess.evidence)
    return Verdict("name")
