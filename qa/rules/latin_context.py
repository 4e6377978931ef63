"""What the context of a Latin-script run says about it, for the untranslated rules (QA101-QA106):
chat abbreviations, a word being explained or glossed, a name half transliterated, and whether a
document transliterates the names of its source (house style)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from .. import hindi_lexicon as lex
from .. import langid
from ..model import Paragraph
from ..resources import data_dir, read_tsv
from ..text.lazy import lazy_re, lazy_regex
from ..text.tokens import script_runs


@lru_cache(maxsize=1)
def web_slang() -> frozenset[str]:
    """Chat abbreviations kept in Latin script in any language (latin_web_slang.tsv)."""
    return frozenset(r["abbreviation"] for r in read_tsv(data_dir() / "latin_web_slang.tsv", required=("abbreviation",)))


#: A word being explained or glossed: ``twp का मतलब``, ``X यानी``, ``शब्द X``, and an English
#: equivalent in brackets right after the Hindi word (``ज्वालामुखी विज्ञान (volcanology)``).
_EXPLAINED_AFTER = lazy_regex(
    r"[\s\"'”’»]*(?:(?:का|की|के)\s+(?:मतलब|अर्थ)|यानी|यानि|अर्थात|मतलब|कहलाता|कहलाती|कहलाते)(?![\p{L}\p{M}])"
)
_EXPLAINED_BEFORE = lazy_regex(r"(?:शब्द|शब्दों|विन्यास|वर्तनी|अंग्रेज़ी में|अंग्रेजी में|इंग्लिश में)[\s\"'“‘«]*$")
_GLOSS_BEFORE = lazy_regex(r"\p{Devanagari}[\s\u00a0]*\([\s\u00a0]*$")
_GLOSS_AFTER = lazy_regex(r"[\s\u00a0]*\)")


def explained(text: str, start: int, end: int) -> bool:
    """The run is a word being explained or the English (or Italian) equivalent given in
    brackets after the Hindi: a mention, not text left untranslated."""
    if _EXPLAINED_AFTER.match(text, end) or _EXPLAINED_BEFORE.search(text, max(0, start - 30), start):
        return True
    return bool(_GLOSS_BEFORE.search(text, max(0, start - 10), start) and _GLOSS_AFTER.match(text, end))


@lru_cache(maxsize=1)
def name_parts() -> tuple[frozenset[str], frozenset[str]]:
    """Foreign given names and place-name particles (hi_foreign_name_parts.tsv): their Devanagari
    and their Latin spellings."""
    rows = read_tsv(data_dir() / "hi_foreign_name_parts.tsv", required=("devanagari", "latin"))
    return frozenset(r["devanagari"] for r in rows), frozenset(r["latin"] for r in rows)


_DEVA_BEFORE = lazy_regex(r"(?<![\p{L}\p{M}])([\p{Devanagari}]+) $")
_DEVA_AFTER = lazy_regex(r" ([\p{Devanagari}]+)(?![\p{L}\p{M}])")


def _transliterated_part(word: str, latin: str) -> bool:
    """``word`` (Devanagari, next to the Latin name ``latin``) reads as a part of the same name:
    a given name or particle of the list, or, next to a Latin given name or particle of the list
    (``Palazzo``), a word Hindi does not know that is no Hindi inflected form."""
    deva, latin_parts = name_parts()
    if word in deva:
        return True
    return (latin in latin_parts and len(word) >= 3 and not lex.known(word)
            and not lex.inflected(word) and lex.function_class(word) is None)


def half_transliterated(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a Latin-script name (``text[start:end]``) with a transliterated part right
    next to it (``मारिया Rossi``, ``Palazzo कीगी``): one name written in two scripts (QA106)."""
    words = text[start:end].split()
    if len(words) > 2:
        return None
    before = _DEVA_BEFORE.search(text, max(0, start - 40), start)
    after = _DEVA_AFTER.match(text, end)
    if before and _transliterated_part(before.group(1), words[0]):
        return before.start(1), end
    if after and _transliterated_part(after.group(1), words[-1]):
        return start, after.end(1)
    return None


#: QA104 is minor when the document writes at least this many names in Devanagari and they are
#: at least this share of the names it writes.
HOUSE_STYLE_NAMES = 3
HOUSE_STYLE_SHARE = 0.6
_SOURCE_NAME = lazy_regex(r"(?<=[\p{L}\p{N},;] )\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}])")
#: A character outside ASCII, Devanagari and general punctuation (where \p{Lu} is A-Z and \p{Ll}
#: a-z), or a capital and two small letters: a text with none has no name for it.
_MAYBE_SOURCE_NAME = lazy_re("[^\x00-\x7f\u0900-\u097f\u2000-\u206f]|[A-Z][a-z][a-z]")


def is_lower_function(word: str) -> bool:
    """A lowercase function word inside a name (``Game of Thrones``)."""
    return word.islower() and bool(langid.is_function(word))


def source_names(source: str) -> list[str]:
    """Capitalised words inside the sentences of a source paragraph (names), function words
    (days, months, I) aside."""
    if _MAYBE_SOURCE_NAME.search(source) is None:
        return []
    return [m.group() for m in _SOURCE_NAME.finditer(source) if not langid.is_function(m.group())]


class ParagraphTexts:
    """The texts of a document's paragraphs, read again at each iteration: the house style reads
    them twice, and a large file linted from disk is never held whole."""

    def __init__(self, paragraphs: Sequence[Paragraph]):
        self._paragraphs = paragraphs

    def __iter__(self) -> Iterator[str]:
        return (p.text for p in self._paragraphs)


def transliterates_names(texts: Iterable[str], glossary_names: frozenset[str]) -> bool:
    """The house style, with or without a source: the document writes foreign names in Devanagari (distinct words that are
    foreign given names or particles of ``hi_foreign_name_parts.tsv``, glossary names, or
    acronyms spelled in letter names: एनएचएस) at least ``HOUSE_STYLE_NAMES`` times, and they are
    at least ``HOUSE_STYLE_SHARE`` of all the names it writes (those kept in Latin script:
    capitalised words inside a sentence)."""
    if isinstance(texts, Iterator):
        texts = list(texts)  # a one-shot iterator; a document's paragraphs come as ParagraphTexts
    written = _written_names(texts, glossary_names)
    if len(written) < HOUSE_STYLE_NAMES:
        return False  # whatever it keeps in Latin script
    kept: set[str] = set()
    for text in texts:
        if _MAYBE_SOURCE_NAME.search(text) is None:
            continue  # (source_names' own pre-test, without the call)
        kept.update(w for w in source_names(text) if not w.isupper())
        if len(written) < (len(written) + len(kept)) * HOUSE_STYLE_SHARE:
            return False  # more kept names only lower the share
    names = len(written) + len(kept)
    return len(written) >= names * HOUSE_STYLE_SHARE


def _written_names(texts: Iterable[str], glossary_names: frozenset[str]) -> set[str]:
    """The distinct Devanagari runs (``script_runs``) of ``texts`` that are foreign name parts,
    glossary names or acronyms spelled in letter names. A run never spans white space, so the
    runs are those of the distinct white-space-separated words, each cut once (bounded: a word
    cut again is no harm)."""
    deva_parts = name_parts()[0]
    written: set[str] = set()
    words: set[str] = set()
    for text in texts:
        words.update(text.split())
        if len(words) > 100_000:
            _judge(words, deva_parts, glossary_names, written)
            words.clear()
    _judge(words, deva_parts, glossary_names, written)
    return written


def _judge(words: set[str], deva_parts: frozenset[str], glossary_names: frozenset[str], written: set[str]) -> None:
    for word in words:
        for w in script_runs(word):
            if w in deva_parts or w in glossary_names or lex.spelled_letters(w) >= 3:
                written.add(w)
