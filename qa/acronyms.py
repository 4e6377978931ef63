"""The acronym engine: acronyms in Latin and in Devanagari letter-name spelling, their expansions
beside them, and how well an expansion matches an organisation's approved names.

* ``decode("यूएनओडीसी") == "UNODC"``, ``decode("जी7") == "G7"``: English letter names as written in
  Hindi (ए बी सी डी ई एफ जी … डब्ल्यू एक्स वाई ज़ेड; ``glossaries/hi_letter_names.tsv``).
* :func:`mentions` finds acronyms and known short names in a text, with exact offsets, including a
  known acronym glued to the end of another word (``इंटरपोलयूएनओडीसी``).
* :func:`expansions` finds a phrase in brackets after an acronym (``ACR (expansion)``) or the
  phrase before a bracketed acronym (``expansion (ACR)``).
* :func:`judge` compares an expansion with the organisation's names (sacrebleu's chrF on
  normalised text) and, when it does not match, looks for the organisation whose name it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import filterfalse

from .glossary.entries import Glossary, Organisation
from .glossary.letters import _DEVA_DIGITS, _FOLD_CHARS, _letters, decode, spell  # noqa: F401 (decode, spell: the acronym API)
from .glossary.text import TOKEN_RE, norm_key, norm_token, norm_tokens
from .namesim import chrf, close_spelling, comparable, sacrebleu_chrf, symmetric  # noqa: F401
from .text.chunks import chunk_starts, chunks
from .text.lazy import lazy_regex
from .text.tokens import ASCII_ACRONYM, DEVANAGARI_ACRONYM

#: Chosen on the cases in tests/test_acronyms.py: correct renderings with synonyms, word-order
#: changes and spelling variants score 61-100 there; descriptions and wrong names 23-37 (the
#: ones that are another organisation's exact name are caught before, by OTHER_MIN).
THRESHOLD = 50.0
#: An expansion is another organisation's name when its symmetric chrF against that name reaches
#: this (correct expansions reach at most 67 against any other organisation in the test cases;
#: other organisations' names score 100)...
OTHER_MIN = 80.0
#: ...and beats the symmetric score against the right organisation by this much.
MARGIN = 10.0
#: Only organisations one of whose names has this share of its words in the expansion are
#: compared with it (a name at OTHER_MIN shares far more).
COVERAGE = 0.5
#: A close rendering that holds less than this share of the distinctive word weight of each of
#: the names (:meth:`Glossary.word_weights`), but this share of another organisation's name, is
#: that organisation's name: विदेश मंत्रालय is close to गृह मंत्रालय by chrF, but lacks गृह.
DISTINCTIVE = 0.6
#: ...and a close rendering must hold at least this share of one name's distinctive word weight
#: (synonyms: अंतरराष्ट्रीय मौद्रिक कोष holds 0.5 of अंतरराष्ट्रीय मुद्रा कोष; the bare head noun
#: मंत्रालय holds 0.36 of गृह मंत्रालय).
MIN_SHARE = 0.4



# -- mentions ------------------------------------------------------------------------------------

_LATIN_TOKEN = ASCII_ACRONYM
_LATIN_ACRONYM = lazy_regex(r"[A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*|[A-Z]{1,2}[0-9]{1,3}")
_DEVA_TOKEN = DEVANAGARI_ACRONYM
_DEVA_LETTER_START = lazy_regex(r"[\u0904-\u0939\u0958-\u0961\u0972-\u097f]")


@dataclass(frozen=True)
class Mention:
    """An acronym or short name in a text: characters ``start:end``."""

    start: int
    end: int
    text: str
    script: str  # "latin" or "deva"
    acronym: str | None  # the Latin letters it stands for (decoded for Devanagari)
    org: Organisation | None = None
    italian: bool = False  # an Italian acronym (OMS, FMI) where the international one differs
    glued: bool = False  # found at the end of a longer word


def _latin_word(word: str, g: Glossary) -> tuple | None:
    """(acronym, organisation, italian) of a Latin word as a mention, or None (memoised per
    glossary by :func:`mentions`, like :func:`_deva_word`)."""
    org = g.by_short(word)
    if org is not None:
        return (word.upper(), org)
    org = g.by_italian_short(word)
    if org is not None:
        return (word, org, True)
    if _LATIN_ACRONYM.fullmatch(word):
        return (word,)
    return None


def _deva_word(word: str, g: Glossary, raw: dict) -> tuple | None:
    """(acronym, organisation, italian) of a Devanagari word as a mention, or None: a pure
    function of the word and the glossary, memoised per glossary by :func:`mentions`."""
    org = raw.get(word)
    if org is None and not _FOLD_CHARS.isdisjoint(word):
        org = g.by_devanagari(word)
    letters = _letters()
    code = decode(word) if word[0] in letters[4] and letters[3].issuperset(word) else None
    if org is None and code is not None:
        org = g.by_short(code)
    if org is not None:
        return (code or org.label.upper(), org)
    if code is not None:
        italian = g.by_italian_short(code)
        if italian is not None:  # ओसीएसई: the Italian OCSE spelled in Hindi
            return (code, italian, True)
        if letters[5].fullmatch(norm_token(word)) is None:
            return None  # spelled with a press-only letter name (आइ) and not a known acronym
        return (code,)
    return None


def glued_suffix(word: str, start: int, g: Glossary) -> Mention | None:
    """A known acronym or name glued to the end of ``word`` (``इंटरपोलयूएनओडीसी``), the longest."""
    keys = g.devanagari_keys()
    for k in range(1, len(word) - 1):
        if not _DEVA_LETTER_START.match(word, k):
            continue
        tail = word[k:]
        org = keys.get(norm_key(tail))
        code = decode(tail)
        if org is None and code is not None:
            org = g.by_short(code)
        if org is not None:
            return Mention(start + k, start + len(word), tail, "deva", code or org.label.upper(), org, glued=True)
    return None


# (id of the glossary, text) → (the glossary, mentions): the glossary is kept so that an id
# reused by a later glossary object is never mistaken for it
_CACHE: dict[tuple[int, str], tuple[Glossary, list[Mention]]] = {}
# id of the glossary → (the glossary, what :func:`_deva_word` makes of each Devanagari word, what
# :func:`_latin_word` makes of each Latin word, the white-space-delimited chunks of text read so
# far that hold no mention (a dict's keys: a fifth of a set's memory), and the mentions in those
# that do: (start, end, text, script, *what) in the chunk)
_WORDS: dict[int, tuple[Glossary, dict[str, tuple | None], dict[str, tuple | None], dict[str, None], dict[str, list[tuple]]]] = {}


def _chunk_mentions(chunk: str, g: Glossary, words: dict, latin: dict, raw: dict) -> list[tuple]:
    """The mentions in a white-space-delimited chunk of text, as (start, end, text, script, *what)
    in the chunk. Neither token pattern matches white space nor looks past it, so a chunk read
    alone holds the tokens it holds in the text."""
    out: list[tuple] = []
    for m in _LATIN_TOKEN.finditer(chunk):
        word = m.group()
        try:
            found = latin[word]
        except KeyError:
            found = latin[word] = _latin_word(word, g)
        if found:
            out.append((m.start(), m.end(), word, "latin", *found))
    for m in _DEVA_TOKEN.finditer(chunk):
        word = m.group()
        try:
            found = words[word]
        except KeyError:
            found = words[word] = _deva_word(word, g, raw)
        if found:
            out.append((m.start(), m.end(), word, "deva", *found))
    return out


def mentions(text: str, g: Glossary) -> list[Mention]:
    """Acronyms (Latin capitals, Devanagari letter names) and known short names in ``text``, in
    order. Unknown Devanagari words are not decoded into acronyms unless they spell letters."""
    key = (id(g), text)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is g:
        return hit[1]
    if len(_CACHE) > 512:
        _CACHE.clear()
    memo = _WORDS.get(id(g))
    if memo is None or memo[0] is not g:
        if len(_WORDS) > 8:
            _WORDS.clear()
        memo = _WORDS[id(g)] = (g, {}, {}, {}, {})
    _, words, latin, clean, held = memo
    if len(words) + len(latin) + len(clean) + len(held) > 50_000:  # Zipfian: a bounded memo keeps the common words
        words.clear()
        latin.clear()
        clean.clear()
        held.clear()
    # each chunk is read once: most paragraphs hold no mention at all, and offsets are read only
    # where a chunk holds one
    pieces = chunks(text)
    out: list[Mention] = []
    if any(filterfalse(clean.__contains__, pieces)):  # (chunks are never empty)
        mentioned = False
        raw = g.devanagari_keys()
        for chunk in filterfalse(clean.__contains__, pieces):
            if chunk not in held:
                found = _chunk_mentions(chunk, g, words, latin, raw)
                if not found:
                    clean[chunk] = None
                    continue
                held[chunk] = found
            mentioned = True
        if mentioned:
            for at, chunk in chunk_starts(text, pieces, held):
                for start, end, *rest in held[chunk]:
                    out.append(Mention(at + start, at + end, *rest))
            out.sort(key=lambda x: x.start)
    _CACHE[key] = (g, out)
    return out


# -- expansions ----------------------------------------------------------------------------------

_SPACE = "[ \t\u00a0\u202f]*"
_AFTER = lazy_regex(_SPACE + r"\(" + _SPACE + r"([^()\n]{2,200}?)" + _SPACE + r"\)")
_OPEN_BEFORE = lazy_regex(r"\(" + _SPACE + r"$")
_CLOSE_AFTER = lazy_regex(_SPACE + r"\)")
_BOUNDARY = set("।॥.;:!?()[]{}\"“”«»\n")
_NOT_NAME = lazy_regex(r"[\p{N}\s\-–/.,:%]+")
_DEVA_CHAR = lazy_regex(r"[\u0900-\u097f]")
_LATIN_CHAR = lazy_regex(r"\p{Latin}")
_BEFORE_BRACKET = lazy_regex(r"([\u0900-\u0963\u0971-\u097f]{4,})" + _SPACE + r"\(")
_LETTERS = lazy_regex(r"\p{L}+")


@dataclass(frozen=True)
class Expansion:
    """A phrase that may spell out ``mention``: ``after`` it in brackets, or ``before`` the
    bracketed acronym. For ``before``, ``candidates`` are the possible starts (token offsets)."""

    mention: Mention
    order: str  # "after" or "before"
    start: int
    end: int
    text: str
    script: str
    candidates: tuple[int, ...] = ()


def script_of(text: str) -> str:
    deva = len(_DEVA_CHAR.findall(text))
    latin = len(_LATIN_CHAR.findall(text))
    return "deva" if deva >= latin else "latin"


def expansions(text: str, g: Glossary, ms: Sequence[Mention] | None = None) -> list[Expansion]:
    """Expansions beside the acronyms of ``text`` (either order). A glued known acronym right
    before a bracket counts (``इंटरपोलयूएनओडीसी (…)``)."""
    out: list[Expansion] = []
    ms = list(mentions(text, g) if ms is None else ms)
    known = {(m.start, m.end) for m in ms}
    # acronyms glued to the word before a bracket
    for b in _BEFORE_BRACKET.finditer(text):
        if (b.start(1), b.end(1)) not in known:
            glued = glued_suffix(b.group(1), b.start(1), g)
            if glued is not None:
                ms.append(glued)
    for m in ms:
        a = _AFTER.match(text, m.end)
        if a is not None:
            inner = a.group(1)
            if not _NOT_NAME.fullmatch(inner):
                out.append(Expansion(m, "after", a.start(1), a.end(1), inner, script_of(inner)))
            continue
        if _OPEN_BEFORE.search(text, 0, m.start) and _CLOSE_AFTER.match(text, m.end):
            before = _phrase_before(text, text.rfind("(", 0, m.start), g)
            if before is not None:
                start, end, starts, script = before
                out.append(Expansion(m, "before", start, end, text[start:end], script, starts))
    out.sort(key=lambda e: e.start)
    return out


def _phrase_before(text: str, bracket: int, g: Glossary):
    """The words before a bracket, back to a sentence boundary or as many words as the longest
    name: (start, end, possible start offsets, script), or None when nothing reads as a name."""
    end = bracket
    while end > 0 and text[end - 1] in " \t\u00a0\u202f":
        end -= 1
    begin = end
    while begin > 0 and text[begin - 1] not in _BOUNDARY:
        begin -= 1
    words = [m for m in TOKEN_RE.finditer(text, begin, end)]
    if not words:
        return None
    script = script_of(words[-1].group())
    limit = g.max_name_tokens.get(script, 12) + 3
    words = words[-limit:]
    last = words[-1].group()
    if script == "deva":
        if not g.is_head_noun(norm_token(last)):
            return None
    elif not last[:1].isupper():
        return None
    starts = tuple(w.start() for w in words)
    return starts[0], words[-1].end(), starts, script



@dataclass(frozen=True)
class Verdict:
    ok: bool
    score: float  # best chrF against the organisation's own names
    other: Organisation | None = None  # whose name it is, when it is another's
    other_score: float = 0.0
    start: int = 0  # the characters judged (for ``before``: the best-matching phrase)
    end: int = 0


def _phrases(exp: Expansion, text: str, size: int | None = None) -> list[tuple[int, str]]:
    """The phrases that may be the expansion: the bracketed text, or for ``before`` the runs
    of words ending at the bracket, of about ``size`` words."""
    if exp.order == "after":
        return [(exp.start, exp.text)]
    n = len(exp.candidates)
    if size is None:
        picks = range(n)
    else:
        picks = range(max(0, n - size - 2), max(0, n - size + 3))
    return [(exp.candidates[i], text[exp.candidates[i]:exp.end]) for i in picks if i < n]


def _best(org: Organisation, exp: Expansion, text: str, measure) -> tuple[float, int]:
    best, at = 0.0, exp.start
    for name in org.names(exp.script):
        for s, phrase in _phrases(exp, text, len(norm_tokens(name))):
            score = measure(phrase, name)
            if score > best:
                best, at = score, s
            if best == 100.0:
                return best, at
    return best, at


def judge(exp: Expansion, text: str, g: Glossary) -> Verdict | None:
    """Does the expansion match its (known) organisation's names? None when the acronym is
    unknown, when the organisation has no name in the expansion's script, or when the phrase
    does not read as a name at all.

    Another organisation's name is recognised first (symmetric chrF >= OTHER_MIN and at least
    MARGIN above the organisation's own); otherwise the expansion is right when its chrF
    against one of the approved names reaches THRESHOLD, or it differs from one only by
    small spelling variations."""
    org = exp.mention.org
    if org is None or exp.mention.italian or not org.names(exp.script):
        return None
    others = [c for c in g.candidates(exp.mention.acronym) if c is not org]
    if others:  # an ambiguous acronym (SCO): right when it expands any of its organisations
        verdicts = [_judge(exp, text, g, c) for c in (org, *others)]
        if any(v is None or v.ok for v in verdicts):
            return next((v for v in verdicts if v is not None and v.ok), None)
        return verdicts[0]
    return _judge(exp, text, g, org)


def _judge(exp: Expansion, text: str, g: Glossary, org: Organisation) -> Verdict | None:
    if not org.names(exp.script):
        return None
    if exp.order == "after":
        single = [m for m in mentions(exp.text, g) if m.org is not None and m.end - m.start == len(exp.text.strip())]
        if single:
            other = single[0].org
            if other is org:
                return Verdict(True, 100.0, start=exp.start, end=exp.end)
            return Verdict(False, 0.0, other, 100.0, exp.start, exp.end)
        if len(norm_tokens(exp.text)) < 2:
            return None
    own, at = _best(org, exp, text, chrf)
    if own == 100.0:
        return Verdict(True, own, start=at, end=exp.end)
    own_sym, _ = _best(org, exp, text, symmetric)
    other, other_score, other_at = _whose(org, exp, text, g)
    if other is not None and other_score >= OTHER_MIN and other_score >= own_sym + MARGIN:
        return Verdict(False, own, other, other_score, other_at, exp.end)
    if any(close_spelling(phrase, name) for name in org.names(exp.script) for _, phrase in _phrases(exp, text)):
        return Verdict(True, own, start=at, end=exp.end)
    if own >= THRESHOLD:
        window = norm_tokens(text[exp.start:exp.end])
        rival = g.rival(org, text[exp.start:exp.end], exp.script, DISTINCTIVE)
        if rival is not None:
            score, start = _best(rival, exp, text, symmetric)
            if score >= THRESHOLD:  # named as the rival's only when it reads like its name
                return Verdict(False, own, rival, score, start, exp.end)
        elif any(g.distinctive_share(window, n, exp.script) >= MIN_SHARE for n in org.names(exp.script)):
            return Verdict(True, own, start=at, end=exp.end)
    if exp.order == "before":
        return Verdict(False, own, start=exp.mention.start, end=exp.mention.end)
    if not _reads_as_name(exp.text, exp.script, g):
        return None
    return Verdict(False, own, start=exp.start, end=exp.end)


def _reads_as_name(text: str, script: str, g: Glossary) -> bool:
    """A Hindi phrase ending in a head noun of the glossary's names (कोष, कार्यालय, संस्थान…), or a
    Latin phrase whose words are mostly capitalised."""
    if script == "deva":
        toks = norm_tokens(text)
        return bool(toks) and g.is_head_noun(toks[-1])
    words = [w for w in _LETTERS.findall(text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 > len(words)


def _whose(org: Organisation, exp: Expansion, text: str, g: Glossary):
    """The other organisation whose name the expansion is (candidates share a distinctive
    word with it), by symmetric chrF: (organisation or None, score, start)."""
    phrase = text[exp.start:exp.end]
    candidates = [c for c in g.similar_organisations(phrase, exp.script, COVERAGE) if c is not org]
    best, best_score, best_at = None, 0.0, exp.start
    for cand in candidates:
        score, at = _best(cand, exp, text, symmetric)
        if score > best_score:
            best, best_score, best_at = cand, score, at
    return best, best_score, best_at
