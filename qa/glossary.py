"""Glossaries: organisations (official names, acronyms, approved Hindi) and press-release terms
(Italian → approved Hindi, known wrong renderings). The file formats are documented in
``glossaries/README.md``; TBX files are read through :mod:`qa.tbx`.

Loading is cheap (two small TSV files, no third-party imports) and happens only when a rule asks
``ctx.glossary``. Matching structures (token tries, indexes) are built on first use.

Other rules rely on :meth:`Glossary.latin_names` and :meth:`Glossary.devanagari_names`.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import regex

from .errors import QAError
from .resources import Row, read_rows

#: Several values in one cell are separated by this character (names contain commas).
SEP = ";"

ORG_COLUMNS = ("id", "short", "en", "it", "it_short", "hi", "hi_short", "hi_basis", "source", "note")
ORG_REQUIRED = ("id", "en", "hi", "source")
TERM_COLUMNS = ("it", "hi", "wrong", "always_wrong", "en", "source", "note")
TERM_REQUIRED = ("it", "hi")
HI_BASIS = ("established", "translation")

DEFAULT_FILES = ("organisations.tsv", "terms.tsv")

# -- text normalisation --------------------------------------------------------------------------

_NUKTA = "\u093c"
_NUKTA_LETTERS = {  # precomposed letters with nukta → base letter
    "\u0958": "\u0915", "\u0959": "\u0916", "\u095a": "\u0917", "\u095b": "\u091c",
    "\u095c": "\u0921", "\u095d": "\u0922", "\u095e": "\u092b", "\u095f": "\u092f",
    "\u0929": "\u0928", "\u0931": "\u0930", "\u0934": "\u0933",
}
_CHAR_MAP = str.maketrans(
    {
        **_NUKTA_LETTERS,
        _NUKTA: None,
        "\u0901": "\u0902",  # chandrabindu → anusvara
        "\u200c": None,
        "\u200d": None,
        "\u00ad": None,
        "\u2019": "'",
        "\u2018": "'",
    }
)
# a nasal consonant + virama before a stop is written with the anusvara as well (अन्तर/अंतर,
# सम्बन्ध/संबंध); not before a nasal or a semivowel (सम्मेलन, न्याय, कन्वेंशन)
_NASAL = regex.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0918\u091a-\u091d\u091f-\u0922\u0924-\u0927\u092a-\u092d])")
#: Whole-word spellings that mean the same in names and terms.
_WORD_EQUIV = {
    "एवं": "और",
    "तथा": "और",
    "अंतर्राष्ट्रीय": "अंतरराष्ट्रीय",
    "अन्तर्राष्ट्रीय": "अंतरराष्ट्रीय",
    "जाँच": "जांच",
}

DEVANAGARI_RE = regex.compile(r"[\u0900-\u097f]")
LATIN_RE = regex.compile(r"\p{Latin}")
#: A matching token: letters, marks and digits (hyphens, slashes and apostrophes separate tokens).
TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


@lru_cache(maxsize=1 << 16)
def norm_token(token: str) -> str:
    """One token as matched: NFC, lower case, nukta and chandrabindu folded, nasal clusters
    written with the anusvara, Devanagari digits as ASCII, equivalent spellings unified."""
    t = unicodedata.normalize("NFC", token).translate(_CHAR_MAP).lower()
    t = _NASAL.sub("\u0902", t).translate(_DIGITS)
    return _WORD_EQUIV.get(t, t)


def fold(text: str) -> str:
    """``text`` with the character-level normalisations of :func:`norm_token` (not the
    whole-word ones); lengths change, so use it only to test whether something may occur."""
    return _NASAL.sub("\u0902", unicodedata.normalize("NFC", text).translate(_CHAR_MAP).lower())


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised token) for every token of ``text``; offsets are code points."""
    return [(m.start(), m.end(), norm_token(m.group())) for m in TOKEN_RE.finditer(text)]


def norm_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for _, _, t in tokens(text))


def norm_key(text: str) -> str:
    """A lookup key for a short form: its tokens run together (जी-7 → जी7, G 7 → g7)."""
    return "".join(norm_tokens(text))


# Inflection adds vowel signs, nasalisation, independent vowels and the glide य (प्रथा → प्रथाओं,
# घटना → घटनाएं, नीति → नीतियों), never another consonant (घटना ≠ घटनाक्रम).
_INFLECTION = regex.compile("[\u0900-\u0903\u093e-\u094c\u0905-\u0914\u092f]{1,4}")
_FINAL_VOWEL = "\u093e\u093f\u0940\u0947"


def token_matches(pattern: str, token: str) -> bool:
    """Whether a normalised text token renders a pattern token: the same word, an inflected form
    of it (Devanagari), or any word starting with the stem of a ``stem*`` pattern."""
    if token == pattern:
        return True
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    stem = pattern[:-1] if pattern[-1] in _FINAL_VOWEL else pattern
    if len(stem) < 2 or not token.startswith(stem) or not has_devanagari(stem):
        return False
    return _INFLECTION.fullmatch(token, len(stem)) is not None


def find_phrase(toks: Sequence[str], pattern: Sequence[str]) -> list[tuple[int, int]]:
    """Token ranges of ``toks`` where the phrase ``pattern`` occurs (with inflection)."""
    n, k = len(toks), len(pattern)
    if not k:
        return []
    out = []
    for i in range(n - k + 1):
        if all(token_matches(pattern[j], toks[i + j]) for j in range(k)):
            out.append((i, i + k))
    return out


def split_values(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split(SEP) if v.strip())


def has_devanagari(text: str) -> bool:
    return DEVANAGARI_RE.search(text) is not None


def has_latin(text: str) -> bool:
    return LATIN_RE.search(text) is not None


# -- entries -------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: fast in sets and dicts
class Organisation:
    """One organisation (or institution, or convention named like one)."""

    id: str
    short: tuple[str, ...]  # Latin short forms: acronyms and one-word names (UNODC, Europol)
    en: tuple[str, ...]  # English names, the official one first
    it: tuple[str, ...] = ()  # Italian names
    it_short: tuple[str, ...] = ()  # Italian acronyms where they differ (ONU, OMS)
    hi: tuple[str, ...] = ()  # approved Hindi names, the preferred one first
    hi_short: tuple[str, ...] = ()  # Devanagari spellings of the short forms (यूएनओडीसी, नाटो)
    hi_basis: str = ""
    source: str = ""
    note: str = ""
    origin: str = ""  # file:line

    @property
    def label(self) -> str:
        """How messages name it: its first short form, else its id."""
        return self.short[0] if self.short else self.id

    @property
    def official(self) -> str:
        return self.en[0]

    def names(self, script: str) -> tuple[str, ...]:
        """Full names in ``script``: ``deva`` (Hindi) or ``latin`` (English and Italian)."""
        return self.hi if script == "deva" else self.en + self.it

    def describe(self) -> str:
        """``the United Nations Office on Drugs and Crime (Hindi: …)``."""
        hi = f" (Hindi: {self.hi[0]})" if self.hi else ""
        return f"{self.official}{hi}"


@dataclass(frozen=True, eq=False)
class Term:
    """An Italian press-release term, its approved Hindi renderings and known wrong ones."""

    it: tuple[str, ...]
    hi: tuple[str, ...]
    wrong: tuple[str, ...] = ()  # wrong when the source has the term
    always_wrong: tuple[str, ...] = ()  # never correct Hindi (calques): flagged without a source
    en: str = ""
    source: str = ""  # where the approved rendering comes from
    note: str = ""
    origin: str = ""

    @property
    def label(self) -> str:
        return self.it[0]


# -- token tries ---------------------------------------------------------------------------------


class TokenTrie:
    """A trie over normalised tokens: finds every listed phrase in one left-to-right pass,
    whatever the number of phrases (the multi-pattern matcher of the glossaries).

    A pattern token ending in ``*`` matches any token starting with the rest (``प्रथा*``)."""

    __slots__ = ("root", "size")

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0

    def add(self, phrase: Sequence[str], payload: object) -> None:
        if not phrase:
            return
        node = self.root
        for tok in phrase:
            if tok.endswith("*") and len(tok) > 1:
                stars = node.setdefault("*", {})
                node = stars.setdefault(tok[:-1], {})
            else:
                node = node.setdefault(tok, {})
        node.setdefault(None, []).append(payload)
        self.size += 1

    def _walk(self, toks: Sequence[str], i: int) -> Iterator[tuple[int, list]]:
        stack = [(self.root, i)]
        while stack:
            node, j = stack.pop()
            if None in node and j > i:
                yield j, node[None]
            if j >= len(toks):
                continue
            tok = toks[j]
            nxt = node.get(tok)
            if nxt is not None:
                stack.append((nxt, j + 1))
            for stem, child in node.get("*", {}).items():
                if tok.startswith(stem):
                    stack.append((child, j + 1))

    def find(self, toks: Sequence[str]) -> list[tuple[int, int, list]]:
        """Longest non-overlapping matches, left to right: (first token, end token, payloads)."""
        out = []
        i = 0
        n = len(toks)
        root = self.root
        stars = "*" in root
        while i < n:
            if toks[i] not in root and not stars:
                i += 1
                continue
            best = None
            for j, payloads in self._walk(toks, i):
                if best is None or j > best[0]:
                    best = (j, payloads)
            if best is None:
                i += 1
                continue
            out.append((i, best[0], best[1]))
            i = best[0]
        return out


# -- the glossary --------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Glossary:
    organisations: tuple[Organisation, ...] = ()
    terms: tuple[Term, ...] = ()
    paths: tuple[str, ...] = field(default=(), compare=False)

    def latin_names(self) -> frozenset[str]:
        """Latin-script acronyms and names the glossaries know (G7, UNICRI, INTERPOL, Europol):
        single tokens as written in the ``short`` and ``it_short`` columns."""
        return self._names[0]

    def devanagari_names(self) -> frozenset[str]:
        """Single-token Devanagari spellings of known acronyms and names (यूएनओडीसी, इंटरपोल):
        the ``hi_short`` column and one-word Hindi names, as written."""
        return self._names[1]

    @cached_property
    def _names(self) -> tuple[frozenset[str], frozenset[str]]:
        latin: set[str] = set()
        deva: set[str] = set()
        for org in self.organisations:
            latin.update(s for s in org.short + org.it_short if " " not in s)
            deva.update(s for s in org.hi_short + org.hi if " " not in s)
        return frozenset(latin), frozenset(deva)

    # -- lookups of short forms ------------------------------------------------------------------

    @cached_property
    def _short_index(self) -> tuple[dict, dict, dict, dict]:
        exact: dict[str, Organisation] = {}
        folded: dict[str, Organisation] = {}
        italian: dict[str, Organisation] = {}
        deva: dict[str, Organisation] = {}
        for org in self.organisations:
            for s in org.short:
                exact.setdefault(s, org)
                if any(c.islower() for c in s):  # a word-like name: any capitalisation
                    folded.setdefault(s.casefold(), org)
            for s in org.hi_short + tuple(h for h in org.hi if " " not in h):
                deva.setdefault(norm_key(s), org)
        for org in self.organisations:  # an Italian acronym that is also an international one is not Italian
            for s in org.it_short:
                if s not in exact:
                    italian.setdefault(s, org)
        return exact, folded, italian, deva

    @cached_property
    def _shared_shorts(self) -> dict[str, tuple[Organisation, ...]]:
        """Latin short forms (international or Italian) that name several organisations."""
        owners: dict[str, list[Organisation]] = defaultdict(list)
        for org in self.organisations:
            for s in dict.fromkeys(org.short + org.it_short):
                owners[s].append(org)
        return {s: tuple(v) for s, v in owners.items() if len(v) > 1}

    def candidates(self, acronym: str | None) -> tuple[Organisation, ...]:
        """Every organisation an ambiguous acronym may name (SCO: Shanghai Cooperation
        Organisation, Servizio Centrale Operativo); empty when it names at most one."""
        return self._shared_shorts.get(acronym or "", ())

    def by_short(self, text: str) -> Organisation | None:
        """The organisation a Latin short form names (``UNODC``; ``Europol`` in any case)."""
        exact, folded, _, _ = self._short_index
        return exact.get(text) or folded.get(text.casefold())

    def by_italian_short(self, text: str) -> Organisation | None:
        """The organisation an Italian acronym names (``OMS`` → WHO), when it differs."""
        return self._short_index[2].get(text)

    def by_devanagari(self, text: str) -> Organisation | None:
        """The organisation a Devanagari spelling names (``यूएनओडीसी``, ``नाटो``, ``जी-7``)."""
        return self._short_index[3].get(norm_key(text))

    def devanagari_keys(self) -> dict[str, Organisation]:
        return self._short_index[3]

    # -- tries ------------------------------------------------------------------------------------

    @cached_property
    def calque_trie(self) -> TokenTrie:
        """Hindi phrases that are never correct (the ``always_wrong`` column)."""
        trie = TokenTrie()
        for term in self.terms:
            for phrase in term.always_wrong:
                trie.add(norm_tokens(phrase) if "*" not in phrase else pattern_tokens(phrase), (term, phrase))
        return trie

    @cached_property
    def calque_keys(self) -> frozenset[str]:
        """For each calque, its longest plain word, as written after :func:`fold` (and its
        equivalent spellings): a paragraph that holds none of them cannot hold a calque, and
        is not tokenised at all. A set intersection per paragraph, whatever the glossary size."""
        keys: set[str] = set()
        for term in self.terms:
            for phrase in term.always_wrong:
                toks = pattern_tokens(phrase)
                plain = [t for t in toks if not t.endswith("*")]
                if not plain:
                    return frozenset({""})  # all wildcards: no prefilter possible
                key = max(plain, key=len)
                keys.add(key)
                keys.update(k for k, v in _WORD_EQUIV.items() if v == key)
        return frozenset(keys)

    def may_hold_calque(self, text: str) -> bool:
        keys = self.calque_keys
        if not keys:
            return False
        if "" in keys:
            return True
        return not keys.isdisjoint(TOKEN_RE.findall(fold(text)))

    @cached_property
    def source_trie(self) -> TokenTrie:
        """Italian (and English) names and terms, lower-cased, to find them in a source text."""
        trie = TokenTrie()
        for term in self.terms:
            for form in term.it:
                trie.add(pattern_tokens(form), term)
        for org in self.organisations:
            for name in org.it + org.en:
                trie.add(pattern_tokens(name), org)
        return trie

    # -- what comparisons of names use -----------------------------------------------------------

    def is_head_noun(self, token: str) -> bool:
        """Whether a normalised token is (or ends in) a head noun of the Hindi names."""
        if token in self.head_nouns:
            return True
        return any(token.endswith(h) for h in self._long_heads)

    @cached_property
    def _long_heads(self) -> tuple[str, ...]:
        return tuple(h for h in self.head_nouns if len(h) >= 3)

    @cached_property
    def head_nouns(self) -> frozenset[str]:
        """The last token of every multi-word Hindi name (कोष, कार्यालय, संस्थान, समूह…): a
        parenthesised phrase ending in one reads as a name."""
        heads = set()
        for org in self.organisations:
            for name in org.hi:
                toks = norm_tokens(name)
                if len(toks) > 1:
                    heads.add(toks[-1])
        return frozenset(heads)

    @cached_property
    def name_index(self) -> dict[str, dict[str, frozenset[Organisation]]]:
        """Per script, name token → organisations whose names hold it."""
        out = {}
        for script in ("deva", "latin"):
            index: dict[str, set[Organisation]] = defaultdict(set)
            for org in self.organisations:
                for name in org.names(script):
                    for t in norm_tokens(name):
                        if len(t) > 1:
                            index[t].add(org)
            out[script] = {t: frozenset(v) for t, v in index.items()}
        return out

    @cached_property
    def word_weights(self) -> dict[str, dict[str, float]]:
        """Per script, name token → weight: log(1 + organisations / organisations whose names
        hold it). A word many names share (मंत्रालय, यूरोपीय, संयुक्त) weighs little, the words that
        tell a name apart (गृह, आयोग, सुरक्षा परिषद) much."""
        import math

        n = max(1, len(self.organisations))
        return {
            script: {t: math.log(1 + n / len(orgs)) for t, orgs in index.items()}
            for script, index in self.name_index.items()
        }

    def distinctive_share(self, words: Sequence[str], name: str, script: str = "deva") -> float:
        """The share of ``name``'s word weight (:attr:`word_weights`) that ``words``
        (normalised tokens) cover, inflected forms included."""
        weights = self.word_weights.get(script, {})
        pattern = [t for t in norm_tokens(name) if len(t) > 1]
        total = sum(weights.get(t, 1.0) for t in pattern)
        if not total:
            return 0.0
        got = sum(weights.get(t, 1.0) for t in pattern if any(token_matches(t, w) for w in words))
        return got / total

    def similar_organisations(self, phrase: str, script: str, coverage: float, limit: int = 8) -> list[Organisation]:
        """The organisations one of whose names has at least ``coverage`` of its words in
        ``phrase``, best covered first: the candidates for "whose name is this"."""
        index = self.name_index.get(script, {})
        shared: dict[Organisation, set[str]] = defaultdict(set)
        for t in set(norm_tokens(phrase)):
            for org in index.get(t, ()):
                shared[org].add(t)
        scored = []
        for org, words in shared.items():
            best = max((len(words & set(n)) / len(n) for n in self._name_tokens(org, script) if n), default=0.0)
            if best >= coverage:
                scored.append((-best, org.origin, org))
        return [org for *_, org in sorted(scored)[:limit]]

    def _name_tokens(self, org: Organisation, script: str) -> list[tuple[str, ...]]:
        return [norm_tokens(n) for n in org.names(script)]

    @cached_property
    def max_name_tokens(self) -> dict[str, int]:
        return {
            s: max((len(n.split()) for o in self.organisations for n in o.names(s)), default=1)
            for s in ("deva", "latin")
        }


def pattern_tokens(phrase: str) -> tuple[str, ...]:
    """Tokens of a pattern; a ``*`` at the end of a word is kept as a wildcard."""
    out = []
    for m in regex.finditer(r"[\p{L}\p{M}\p{N}]+\*?", phrase):
        w = m.group()
        out.append(norm_token(w[:-1]) + "*" if w.endswith("*") else norm_token(w))
    return tuple(out)


# -- reading files -------------------------------------------------------------------------------


def file_kind(header: Sequence[str]) -> str:
    """``organisations``, ``terms`` or ``other`` from a TSV header."""
    cols = set(header)
    if {"id", "short", "en", "hi"} <= cols:
        return "organisations"
    if {"it", "hi"} <= cols and ({"wrong", "always_wrong"} & cols):
        return "terms"
    return "other"


def _entry(cls, row: Row, where: str, lists: tuple[str, ...], texts: tuple[str, ...]):
    """An Organisation or Term from a row: ``lists`` are multi-value cells, ``texts`` plain ones."""
    c = row.cells
    values = {f: split_values(c.get(f, "")) for f in lists} | {f: c.get(f, "") for f in texts}
    return cls(**values, origin=f"{where}:{row.line}")


def _org(row: Row, where: str) -> Organisation:
    return _entry(Organisation, row, where, ("short", "en", "it", "it_short", "hi", "hi_short"), ("id", "hi_basis", "source", "note"))


def _term(row: Row, where: str) -> Term:
    return _entry(Term, row, where, ("it", "hi", "wrong", "always_wrong"), ("en", "source", "note"))


def read_file(path: str) -> tuple[list[Organisation], list[Term]]:
    """The entries of one glossary file (TSV of either kind, or TBX). Rows lacking a required
    cell are an error here; ``qa glossary check`` lists every problem of a file."""
    if str(path).lower().endswith((".tbx", ".xml")):
        from .tbx import read_tbx

        return read_tbx(path)
    header, rows, _ = read_rows(path)
    kind = file_kind(header)
    if kind == "other":
        raise QAError(
            f"{path}: not a glossary this checker reads: the header must have the columns "
            f"{', '.join(ORG_COLUMNS[:3])}… (organisations) or it, hi, wrong (terms); "
            "see glossaries/README.md"
        )
    required = ORG_REQUIRED if kind == "organisations" else TERM_REQUIRED
    for row in rows:
        missing = [c for c in required if not row.cells.get(c)]
        if missing:
            raise QAError(f"{path}:{row.line}: empty required cell(s): {', '.join(missing)}")
    if kind == "organisations":
        return [_org(r, str(path)) for r in rows], []
    return [], [_term(r, str(path)) for r in rows]


@lru_cache(maxsize=8)
def load_glossary(extra_paths: tuple[str, ...] = (), use_defaults: bool = True) -> Glossary:
    """The shipped glossaries (unless ``use_defaults`` is false) plus ``extra_paths``."""
    paths: list[str] = []
    if use_defaults:
        from .resources import data_dir

        base = data_dir()
        paths.extend(str(base / name) for name in DEFAULT_FILES)
    paths.extend(extra_paths)
    orgs: dict[str, Organisation] = {}
    terms: list[Term] = []
    for p in paths:
        o, t = read_file(p)
        for org in o:
            key = org.id.casefold()
            orgs[key] = merge_organisations(orgs[key], org) if key in orgs else org
        terms.extend(t)
    return Glossary(tuple(orgs.values()), tuple(terms), tuple(paths))


def merge_organisations(first: Organisation, again: Organisation) -> Organisation:
    """An organisation declared a second time (a user glossary re-declaring a shipped id to add
    variants): the values of both, the first declaration's first (its official name stays)."""
    values = {}
    for f in ("short", "en", "it", "it_short", "hi", "hi_short"):
        values[f] = tuple(dict.fromkeys(getattr(first, f) + getattr(again, f)))
    for f in ("hi_basis", "source", "note"):
        values[f] = getattr(first, f) or getattr(again, f)
    return Organisation(id=first.id, **values, origin=f"{first.origin}+{again.origin}")


# -- validation: qa/glossary_check.py ------------------------------------------------------------


def check_file(path: str) -> list[str]:
    """Every problem of one glossary file (see :func:`qa.glossary_check.check_file`)."""
    from .glossary_check import check_file as check

    return check(path)


def check_files(paths: Iterable[str]) -> tuple[list[str], int]:
    """Problems of every file and the number of files checked."""
    from .glossary_check import check_files as check

    return check(paths)
