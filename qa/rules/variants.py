"""Consistency: one word spelled two accepted ways in one document."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

from ..model import Category, Paragraph, Severity
from ..resources import data_dir, read_tsv
from ..text.chunks import chunk_starts, chunks
from ..text.fold import ANUSVARA, CHANDRABINDU, CLASS_NASAL, drop_optional_nukta
from ..text.lazy import lazy_regex
from ..text.tokens import DEVANAGARI_COMPOUND
from .base import Hit, Rule

_WORD = DEVANAGARI_COMPOUND
#: य-forms of vowel endings after a vowel or consonant (not after a virama: प्रत्येक, ध्येय).
_YA_E = lazy_regex("(?<=[^\u094d-])ये")
_YA_I = lazy_regex("(?<=[^\u094d-])यी")
_VIRAMA = "\u094d"  # in every class nasal CLASS_NASAL reads (न्द)


def fold(word: str) -> str:
    """The spelling-independent key of a Devanagari word (the policy of :mod:`qa.text.fold`):
    NFC, optional nukta dropped (not the nukta of ड़ ढ़),
    chandrabindu as anusvara, class nasals as anusvara, ये/यी as ए/ई, hyphens removed."""
    w = drop_optional_nukta(unicodedata.normalize("NFC", word))
    w = w.replace(CHANDRABINDU, ANUSVARA)
    if _VIRAMA in w:  # (each pattern needs the letter tested: most words skip them)
        w = CLASS_NASAL.sub(ANUSVARA, w)
    if "य" in w:
        w = _YA_I.sub("ई", _YA_E.sub("ए", w))
    return w.replace("-", "")


@lru_cache(maxsize=1)
def variant_groups() -> dict[str, str]:
    """Folded spelling → folded key of its group, from ``glossaries/hi_spelling_variants.tsv``."""
    rows = read_tsv(data_dir() / "hi_spelling_variants.tsv", required=("spelling", "variant"))
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for r in rows:
        a, b = fold(r["spelling"]), fold(r["variant"])
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[root(b)] = root(a)
    return {k: root(k) for k in parent}


class SpellingVariantMix(Rule):
    r"""One word written in two accepted spellings in one document.

    Hindi allows several spellings of many words: with and without the nukta of Perso-Arabic
    sounds (ज़्यादा/ज्यादा), chandrabindu or anusvara (पहुँच/पहुंच), a class nasal or the
    anusvara (सन्दर्भ/संदर्भ), य-forms of vowel endings (गये/गए), with or without a hyphen
    (आस-पास/आसपास), and lexical pairs listed in ``glossaries/hi_spelling_variants.tsv``
    (अंतर्राष्ट्रीय/अंतरराष्ट्रीय). Either is correct, a mix is not consistent. Reported for
    information: each occurrence of the less frequent spelling, with the more frequent one as
    suggestion (on a tie, the one used first). The same spelling in different Unicode forms is
    one spelling here (QA3xx reports text that is not NFC).

    Flags:
        अंतर्राष्ट्रीय सहयोग और अंतरराष्ट्रीय अपराध पर चर्चा हुई।
        इसके संदर्भ में बात हुई।\n\nविषय के सन्दर्भ में चर्चा हुई।
        वे गये और फिर वापस गए।
    Passes:
        अंतरराष्ट्रीय सहयोग और अंतरराष्ट्रीय अपराध पर चर्चा हुई।
        उसने कार्रवाई की और कार्यवाही दर्ज की।
        यह बड़ा है और वह बडा है।
    """

    code = "QA555"
    name = "spelling-variant-mix"
    category = Category.CONSISTENCY
    mqm = "Fluency/Inconsistency"
    severity = Severity.INFO
    fix = "unsafe"  # which spelling the house uses is a choice

    def __init__(self, ctx):
        super().__init__(ctx)
        self.groups = variant_groups()
        # occurrences of each white-space-delimited chunk of text, in the order first seen: grows
        # with the vocabulary, not with the text; read into words (the pattern neither matches
        # white space nor looks past it), then folded into spellings per word, at the end
        self.chunk_counts: Counter[str] = Counter()
        # occurrences of each word as written, in the order first seen (made by finish)
        self.written: dict[str, int] = {}
        self.counts: dict[str, dict[str, int]] = {}

    def _form(self, word: str) -> tuple[str, str]:
        """The key of a word as written (folded, then its group's) and its NFC spelling."""
        folded = fold(word)
        return self.groups.get(folded, folded), unicodedata.normalize("NFC", word)

    def check(self, para: Paragraph):
        self.chunk_counts.update(chunks(para.text))
        return ()

    def _words(self) -> dict[str, int]:
        """Occurrences of each word as written, in the order first seen in the text."""
        written: dict[str, int] = {}
        get = written.get
        findall = _WORD.findall
        for chunk, n in self.chunk_counts.items():
            for word in findall(chunk):
                written[word] = get(word, 0) + n
        return written

    def _spellings(self, forms: dict[str, tuple[str, str]]) -> dict[str, dict[str, int]]:
        """Folded key → {NFC spelling: occurrences}, spellings in the order first seen (``forms``:
        each word as written → its key and NFC spelling)."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for word, n in self.written.items():
            key, spelling = forms[word]
            counts[key][spelling] += n
        return counts

    def finish(self):
        main: dict[str, str] = {}
        self.written = self._words()
        forms = {w: self._form(w) for w in self.written}
        self.counts = self._spellings(forms)
        for k, counts in self.counts.items():
            if len(counts) > 1:  # the most frequent spelling wins; a tie goes to the first seen
                main[k] = max(counts, key=lambda s, order=list(counts): (counts[s], -order.index(s)))
        if not main:
            return
        # a second pass, only when spellings were mixed, only over paragraphs that may hold one of
        # the spellings to report: a word as written whose spelling is not its word's main one,
        # with what to say of it
        odd: dict[str, tuple[str, str]] = {}
        for w, (k, spelling) in forms.items():
            best = main.get(k)
            if best is not None and spelling != best:
                counts = self.counts[k]
                odd[w] = (
                    f"“{spelling}” ({counts[spelling]}×) and “{best}” ({counts[best]}×) are two "
                    f"accepted spellings of one word in this document; use one",
                    best,
                )
        # the chunks that hold such a word, with where in the chunk and what to say: a paragraph
        # without one is skipped at once
        marked: dict[str, list[tuple[int, int, str, str]]] = {}
        holds_none, findall = odd.keys().isdisjoint, _WORD.findall
        for chunk in self.chunk_counts:
            if not holds_none(findall(chunk)):
                marked[chunk] = [(m.start(), m.end(), *odd[m.group()]) for m in _WORD.finditer(chunk) if m.group() in odd]
        isdisjoint = marked.keys().isdisjoint
        for para in self.ctx.paragraphs:
            text = para.text
            pieces = text.split()
            if isdisjoint(pieces):
                continue
            for at, piece in chunk_starts(text, pieces, marked):
                for start, end, message, best in marked[piece]:
                    yield Hit(para.index, at + start, at + end, message, best)

