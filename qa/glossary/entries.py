"""Glossary entries (organisations, terms) and the index the rules ask: short forms, Devanagari
spellings, tries of calques and source phrases, name words and their weights."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import filterfalse

from ..text.chunks import chunks
from ..text.tokens import tokens
from .text import (
    TokenTrie,
    fold,
    norm_key,
    norm_tokens,
    pattern_tokens,
    token_matches,
    word_equivalents,
)

ORG_COLUMNS = ("id", "short", "en", "it", "it_short", "hi", "hi_short", "hi_basis", "source", "note")
ORG_REQUIRED = ("id", "en", "hi", "source")
TERM_COLUMNS = ("it", "hi", "wrong", "always_wrong", "en", "source", "note")
TERM_REQUIRED = ("it", "hi")
HI_BASIS = ("established", "translation")

DEFAULT_FILES = ("organisations.tsv", "terms.tsv")

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

    @cached_property
    def terms_by_italian(self) -> dict[str, Term]:
        """Each Italian form of a term, case-folded → its term (the last term listing it)."""
        return {f.casefold(): t for t in self.terms for f in t.it}

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
                keys.update(k for k, v in word_equivalents().items() if v == key)
        return frozenset(keys)

    def may_hold_calque(self, text: str) -> bool:
        """Whether a token of ``fold(text)`` is one of :attr:`calque_keys`. Asked word by word
        (the white-space-separated words of ``text``): :func:`fold` never joins or splits across
        white space and a token never spans it, so a key is a token of the text's fold exactly
        when it is a token of one word's fold; a word found to hold none is remembered (words
        are Zipfian), and a paragraph of remembered words is not folded at all."""
        keys = self.calque_keys
        if not keys:
            return False
        if "" in keys:
            return True
        clean = self._calque_free_words
        words = chunks(text)  # shared with the other rules that read this paragraph's chunks
        if not any(filterfalse(clean.__contains__, words)):  # (words are never empty)
            return False
        if len(clean) > 1 << 16:
            clean.clear()
        few = len(keys) <= 16
        for word in words:
            if word in clean:
                continue
            folded = fold(word)
            # a token is a substring: with a few keys, a word that holds none is not tokenised
            if (not few or any(k in folded for k in keys)) and not keys.isdisjoint(tokens(folded)):
                return True
            clean[word] = None
        return False

    @cached_property
    def _calque_free_words(self) -> dict[str, None]:
        """Words (as written) whose :func:`fold` has no token in :attr:`calque_keys` (a dict's
        keys: a set of as many strings takes up to five times the memory)."""
        return {}

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
        return round(got / total, 6)

    def rival(self, org: Organisation, phrase: str, script: str, share: float) -> Organisation | None:
        """Another organisation whose name ``phrase`` is by the words telling names apart: the
        phrase holds at least ``share`` of that name's distinctive word weight, including a word
        none of ``org``'s names has, and less of every name of ``org``. विदेश मंत्रालय is close to
        गृह मंत्रालय by characters, but it is the Foreign Ministry's name; संयुक्त राष्ट्र inside a
        UN body's name is no rival."""
        words = norm_tokens(phrase)
        if any(self.distinctive_share(words, n, script) >= share - 1e-9 for n in org.names(script)):
            return None
        own = {t for n in org.names(script) for t in norm_tokens(n)}
        for cand in self.similar_organisations(phrase, script, 0.5):
            if cand is org:
                continue
            for name in cand.names(script):
                new = [t for t in norm_tokens(name) if t not in own and len(t) > 1]
                if (
                    new
                    and any(token_matches(t, w) for t in new for w in words)
                    and self.distinctive_share(words, name, script) >= share - 1e-9
                ):
                    return cand
        return None

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

