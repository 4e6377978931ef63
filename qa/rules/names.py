"""QA664: a name of the source missing from the translation (compared across scripts)."""

from __future__ import annotations

from functools import lru_cache

from .. import langid
from ..model import Category, Paragraph, Severity
from ..text.lazy import lazy_regex
from ..text.memo import word_memo
from ..text.tokens import LETTERS
from ..translit import alike_any
from .accuracy import _WORD, language_phrase, source_language
from .base import Hit, Rule

#: A capitalised word (not all capitals: acronyms are the acronym rules' matter).
_NAME = lazy_regex(r"(?<![\p{L}\p{M}\p{N}'’.@#/-])\p{Lu}\p{Ll}{2,}(?:\p{Lu}\p{Ll}+)?(?![\p{L}\p{M}\p{N}@/])")
_SENTENCE_START = lazy_regex(r"(?:^|[.!?:;\"“”‘'(\[—–-]\s*)$")
_TARGET_WORD = LETTERS
THRESHOLD = 0.6
#: A capitalised word whose lower-case form is this common (Zipf, English or Italian) is taken
#: for an ordinary word that Hindi translates (*House*, *Health*, *Act*), not a name.
COMMON_ZIPF = 4.0
FOREIGN_ZIPF = 3.0


def source_names(text: str, lang: str | None = None) -> list[str]:
    """Capitalised words of ``text`` (in ``lang``) not at a sentence's start, not function words
    and not common words (of the source's language; of the other one, Zipf 3.0 already: English
    words in an Italian source, *Violent Extremism*, are translated)."""
    return [w for w in _capitalised(text) if not _function_word(w) and not _common(w, lang)]


@lru_cache(maxsize=16)
def _capitalised(text: str) -> tuple[str, ...]:
    """The capitalised words of ``text`` not at a sentence's start, each once, in order; none in
    a headline in title case."""
    words = _WORD.findall(text)
    if words and sum(w[:1].isupper() for w in words) > 0.6 * len(words):
        return ()
    out: dict[str, None] = {}
    for m in _NAME.finditer(text):
        if _SENTENCE_START.search(text[max(0, m.start() - 3): m.start()]) or m.start() == 0:
            continue
        out[m.group()] = None
    return tuple(out)


@word_memo(1 << 14)  # names and capitalised words recur
def _function_word(w: str) -> bool:
    return any(langid.normalise(w) in t or w in t for t in langid.function_words().values())


_COMMON: dict[tuple[str, str | None], bool] = {}


def _common(w: str, lang: str | None) -> bool:
    """Common in lower case (Zipf, English or Italian): an ordinary word, not a name."""
    key = (w, lang)
    found = _COMMON.get(key)
    if found is None:
        if len(_COMMON) > 1 << 14:  # bounded: the frequent words come back first
            _COMMON.clear()
        found = _COMMON[key] = any(
            (langid.lexicon(other).get(w.casefold()) or 0) >= (COMMON_ZIPF if other == lang else FOREIGN_ZIPF)
            for other in ("en", "it")
        )
    return found


class MissingName(Rule):
    r"""A name of the source (a capitalised word inside a sentence) that the translation has in
    neither script: not copied in Latin letters, and no Devanagari word that sounds like it.

    With a source (``--source`` or a bilingual format). The Hindi words are romanised and both
    sides reduced to consonant skeletons (``qa/translit.py``: *Kerensky* and केरेंस्की are both
    ``krnsk``), so transliteration conventions do not matter; a name counts as present when a
    word's skeleton is at least 60 % alike. Headlines in title case, and capitalised words that
    are common in lower case (Zipf 4.0 or more in English or Italian: *House*, *Health*) are
    passed. Names that Hindi translates (*Earth* पृथ्वी, *Mars*
    मंगल, *Germany* जर्मनी) are common, so this is a hint (info): it points at the
    paragraph's first word and lists the names it could not find.

    Examples are written "source ⟶ translation" (the tests lint them with that source).

    Flags:
        We present Alexander Kerensky in his apartment. ⟶ हम उनके अपार्टमेंट में एक नेता को प्रस्तुत करते हैं।
    Passes:
        We present Alexander Kerensky in his apartment. ⟶ हम अलेक्जेंडर केरेंस्की को उनके अपार्टमेंट में प्रस्तुत करते हैं।
        We present Alexander Kerensky in his apartment. ⟶ हम Alexander Kerensky को उनके अपार्टमेंट में प्रस्तुत करते हैं।
    """

    code = "QA664"
    name = "missing-name"
    category = Category.MISTRANSLATION
    mqm = "Accuracy/Omission"
    severity = Severity.INFO

    def check(self, para: Paragraph):
        src = self.ctx.source_for(para.index)
        if src is None or not src.text.strip() or not para.text.strip():
            return ()  # (not a generator: without a source every paragraph gets this at once)
        return self._hits(para, src)

    def _hits(self, para: Paragraph, src: Paragraph):
        names = [w for w in _capitalised(src.text) if not _function_word(w)]
        if not names:
            return
        lang = source_language(src.text)
        words = list(dict.fromkeys(_TARGET_WORD.findall(para.text)))
        folded = {w.casefold() for w in words}
        # the lexicon last: asked only of the few names the paragraph lacks (a word it already
        # found common is passed at once)
        missing = [
            n for n in names
            if n.casefold() not in folded and _COMMON.get((n, lang)) is not True
            and not alike_any(n, words, THRESHOLD) and not _common(n, lang)
        ]
        if not missing:
            return
        m = _WORD.search(para.text)
        start, end = (m.start(), m.end()) if m else (0, len(para.text))
        yield Hit(para.index, start, end,
                  f"name(s) of {language_phrase(lang)} not found in this paragraph "
                  f"(copied or transliterated): {', '.join(missing)}")
