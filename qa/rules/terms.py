"""Terminology (QA650): known wrong renderings (calques anywhere), and — with the Italian source
(``--source``) — false friends, and the glossary terms, organisations, numbers and dates of each
source paragraph checked in the aligned Hindi paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from .. import langid, translit
from ..acronyms import DISTINCTIVE, THRESHOLD, chrf, decode, mentions
from ..glossary import (
    TOKEN_RE,
    Glossary,
    Organisation,
    Term,
    find_phrase,
    norm_key,
    norm_tokens,
    pattern_tokens,
    token_matches,
    token_spans,
)
from ..model import Category, Paragraph, Severity
from ..resources import function_words
from ..text.lazy import lazy_regex
from . import source_numbers as numbers
from .accuracy import source_language
from .base import Hit, Rule


def _plain(form: str) -> str:
    return form.replace("*", "")


def _listing(forms, limit: int = 4) -> str:
    shown = [_plain(f) for f in forms[:limit]]
    return ", ".join(shown) + (" …" if len(forms) > limit else "")


class TermCheck(Rule):
    r"""A term rendered wrongly: a calque that is never correct Hindi; with the Italian source
    (``--source``), also a false friend of a source term, a glossary term or organisation of the
    source paragraph with no approved rendering, or a number or date of the source that is
    missing.

    * Calques (major): machine translation sometimes keeps the Italian word order: *traffico di
      esseri umani* becomes *प्राणियों मानव* ("beings human") where Hindi says मानव तस्करी. Such
      phrases (the ``always_wrong`` column of ``glossaries/terms.tsv``) are word sequences no
      correct Hindi sentence contains, so they are flagged without a source.
    * False friends (major, with a source): renderings wrong in context (the ``wrong`` column):
      *contrasto* (countering) is not विरोध (opposition), *declinare* (set out) is not अस्वीकार
      (reject), *fenomeno* (a crime trend) is not घटना (an event). Flagged when the aligned source
      paragraph has the term and the Hindi paragraph none of its approved renderings.
    * Missing names (minor, with a source): an organisation of ``glossaries/organisations.tsv``
      (found by its Italian or English name or its acronym; not a capitalised elided article,
      UN'ALTRA) in the source paragraph, with no approved form in the Hindi one: Hindi names
      (also close renderings, by chrF), Devanagari spellings (also glued to a word, or with full
      stops: यू.एन.), Latin short forms, the English name written in Devanagari (स्टेट काउंसिल). A term of ``glossaries/terms.tsv`` with no approved
      rendering (inflected forms count: प्रमुखों for प्रमुख) is weak evidence, since translators
      paraphrase words: reported for information, except a month (minor: dates keep their
      month). The finding points at the paragraph's first word.
    * Missing numbers and dates (with a source): Italian formats are read as such (``1.200`` =
      1200, ``3,5`` = 3.5, ``2 milioni``), the Hindi ones every plausible way (``1,200``,
      ``1,00,000``, Devanagari digits, लाख and करोड़); a date's month may be a month name. When
      exactly one source number is missing and the paragraph has exactly one number the source
      lacks, that number is flagged (major: a changed number); otherwise the paragraph's first
      word (minor: the number may have been written as a word).

    The suggestion is the approved rendering. Source-aware examples are in tests/test_terms.py.

    Flags:
        इनमें से al traffico di प्राणियों मानव और प्रवासी तस्करी पर चर्चा हुई।
        आदेश की ताकतें सतर्क हैं।
    Passes:
        मानव तस्करी और प्रवासियों की तस्करी पर चर्चा हुई।
        सभी प्राणियों में मानव सबसे बुद्धिमान है।
        उन्होंने इस प्रस्ताव को अस्वीकार कर दिया।
    """

    code = "QA650"
    name = "term-check"
    category = Category.MISTRANSLATION
    mqm = "Accuracy/Mistranslation"
    severity = Severity.MAJOR
    fix = "unsafe"  # a change of wording: the approved term

    def check(self, para: Paragraph):
        # a plain function, not a generator: most paragraphs get () at once
        g = self.ctx.glossary
        calque = g.may_hold_calque(para.text)
        src = self.ctx.source_for(para.index)
        source = src.text if src is not None and src.text.strip() else None
        return self._hits(para, g, calque, source) if calque or source is not None else ()

    def _hits(self, para: Paragraph, g: Glossary, calque: bool, source: str | None):
        if calque:
            yield from self._calques(para, g)
        if source is not None:
            for h in source_hits(source, para.text, g):
                yield Hit(para.index, h.start, h.end, h.message, h.suggestion, h.severity)

    def _calques(self, para: Paragraph, g: Glossary):
        toks = token_spans(para.text)
        trie = g.calque_trie
        for i, j, payloads in trie.find([t for _, _, t in toks]):
            term, _phrase = payloads[0]
            yield Hit(
                para.index,
                toks[i][0],
                toks[j - 1][1],
                f"word-by-word rendering of “{term.label}” ({term.en}): Hindi says {_listing(term.hi, 2)}",
                _plain(term.hi[0]),
            )


# -- source-aware checks ------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceHit:
    start: int
    end: int
    message: str
    suggestion: str | None = None
    severity: Severity | None = None


def source_hits(source: str, target: str, g: Glossary) -> list[SourceHit]:
    """What the source-aware checks report for one aligned pair of paragraphs."""
    return list(_analyse(source, target, g))


def _anchor(target: str) -> tuple[int, int]:
    """Where a finding about something missing from the paragraph points: its first word."""
    m = TOKEN_RE.search(target)
    return (m.start(), m.end()) if m else (0, len(target))


def _analyse(source: str, target: str, g: Glossary):
    anchor = _anchor(target)
    src = norm_tokens(source)
    terms: list[Term] = []
    orgs: list[Organisation] = []
    for _, _, payloads in g.source_trie.find(src):
        for p in payloads:
            bucket = terms if isinstance(p, Term) else orgs
            if p not in bucket:
                bucket.append(p)
    groups: list[tuple[Organisation, ...]] = [(org,) for org in orgs]
    for m in mentions(source, g):
        if m.org is None or m.script != "latin" or _ELIDED.match(source, m.end):
            continue
        # an ambiguous acronym (SCO) names the candidate the source names in full, else any
        group = g.candidates(m.acronym) or (m.org,)
        if not any(c in orgs for c in group) and group not in groups:
            groups.append(group)
    hi = token_spans(target) if terms or groups else ()
    hi_norm = norm_tokens(target) if terms or groups else ()  # most paragraphs: nothing to look for
    for term in terms:
        yield from _check_term(term, hi, hi_norm, anchor)
    for group in groups:
        org = group[0]
        if not any(_org_present(c, target, hi, hi_norm, g) for c in group):
            forms = tuple(org.hi_short) + tuple(org.short) + tuple(org.hi)
            yield SourceHit(
                *anchor,
                f"the source names {org.label} ({org.official}); this paragraph has none of its approved "
                f"forms: {_listing(forms, 5)}",
                None,
                Severity.MINOR,
            )
    yield from _check_numbers(source, target, g, anchor)


def _spans(hi, hi_norm, forms) -> list[tuple[int, int]]:
    out = []
    for form in forms:
        for i, j in find_phrase(hi_norm, pattern_tokens(form)):
            out.append((hi[i][0], hi[j - 1][1]))
    return out


def _check_term(term: Term, hi, hi_norm, anchor: tuple[int, int]):
    if _spans(hi, hi_norm, term.hi):
        return
    wrong = sorted(set(_spans(hi, hi_norm, term.wrong)))
    for start, end in wrong:
        note = f" ({term.note})" if term.note else ""
        yield SourceHit(
            start,
            end,
            f"the source's “{term.label}” ({term.en}) is not rendered this way: use {_listing(term.hi)}{note}",
            _plain(term.hi[0]),
        )
    if not wrong and not _spans(hi, hi_norm, term.always_wrong):
        # a translator paraphrases a word (अभी for attualmente, a pronoun for Regione): weak
        # evidence, for information; a month is part of a date, a fact like a number
        month = not set(numbers.months().values()).isdisjoint(f.casefold() for f in term.it)
        yield SourceHit(
            *anchor,
            f"the source has “{term.label}” ({term.en}); this paragraph has none of its approved "
            f"renderings: {_listing(term.hi)}",
            None,
            Severity.MINOR if month else Severity.INFO,
        )


def _glued(key: str, token: str, g: Glossary) -> bool:
    """Whether ``token`` is the spelling ``key``, or holds it glued to a word: after another
    word (इंटरपोल|यूएनओडीसी) or before a known name or a function word (यूएन|में), but not as the
    start of a longer acronym (यूएन in यूएनओडीसी)."""
    if token == key:
        return True
    if token.startswith(key):
        rest = token[len(key):]
        return rest in g.devanagari_keys() or rest in function_words()
    if token.endswith(key):
        return len(token) - len(key) >= 2 and decode(token[: -len(key)]) is None
    return False


#: An elided article or preposition (UN'ALTRA, DELL'ONU written in capitals), not an acronym.
_ELIDED = lazy_regex(r"['’]\p{L}")
_LATIN_RUN = lazy_regex(r"[A-Za-z][A-Za-z0-9&]*")
_LETTER_RUN = lazy_regex(r"\p{L}+")
#: The full stops of an abbreviation written with them: यू.एन., U.N.
_ABBREV_DOT = lazy_regex(r"(?<=[\p{Devanagari}\p{Lu}])\.(?=[\p{Devanagari}\p{Lu}])|(?<=[\p{Devanagari}\p{Lu}]\.[\p{Devanagari}\p{Lu}]{1,3})\.")


def _org_present(org: Organisation, target: str, hi, hi_norm, g: Glossary) -> bool:
    compact = _ABBREV_DOT.sub("", target)
    if compact != target and _org_present_in(org, compact, token_spans(compact), g):
        return True
    return _org_present_in(org, target, hi, g)


def _org_present_in(org: Organisation, target: str, hi, g: Glossary) -> bool:
    hi_norm = norm_tokens(target)
    if _spans(hi, hi_norm, org.hi) or _spans(hi, hi_norm, org.hi_short):  # जी-7 is two tokens
        return True
    keys = [norm_key(s) for s in org.hi_short]
    if any(k and _glued(k, t, g) for k in keys for t in hi_norm):
        return True
    latin = {s for s in org.short + org.it_short}
    folded = {s.casefold() for s in org.short if any(c.islower() for c in s)}
    for m in _LATIN_RUN.finditer(target):
        if m.group() in latin or m.group().casefold() in folded:
            return True
    return _fuzzy_present(org, hi, hi_norm, g) or _transliterated(org, hi_norm)


def _transliterated(org: Organisation, hi_norm) -> bool:
    """The English name written in Devanagari (स्टेट काउंसिल), as press Hindi often does:
    every content word of a name of two or more sounds like a different word of three letters
    or more (qa/translit.py skeletons: at least 60 % alike each, 70 % on average), within a
    window of the name's length and two more words."""
    for name in org.en:
        words = [w for w in _LETTER_RUN.findall(name) if len(w) > 2 and "en" not in langid.is_function(w.casefold())]
        if len(words) < 2:
            continue
        for s in range(len(hi_norm)):
            window = [t for t in hi_norm[s:s + len(words) + 2] if len(t) >= 3 and t not in function_words()]
            best, used = [], set()
            for w in words:
                score, tok = max(((translit.similar(w, t), t) for t in window if t not in used), default=(0.0, ""))
                best.append(score)
                used.add(tok)
            if min(best) >= 0.6 and sum(best) >= 0.7 * len(best):
                return True
    return False


def _fuzzy_present(org: Organisation, hi, hi_norm, g: Glossary) -> bool:
    """A run of words close to one of the Hindi names (chrF), around a word they share, that
    holds the words telling the name apart from the other names (Glossary.distinctive_share)."""
    for name in org.hi:
        pattern = norm_tokens(name)
        k = len(pattern)
        if k < 2:
            continue
        for i, tok in enumerate(hi_norm):
            if not any(token_matches(p, tok) for p in pattern):
                continue
            for size in (k - 1, k, k + 1):
                for s in range(max(0, i - size + 1), i + 1):
                    window = hi_norm[s:s + size]
                    if (
                        len(window) == size
                        and g.distinctive_share(window, name) >= DISTINCTIVE  # cheap: first
                        and chrf(" ".join(window), name) >= THRESHOLD
                    ):
                        return True
    return False


# -- numbers and dates --------------------------------------------------------------------------


#: A digit a number or a time of the source needs (numbers.read_numbers, numbers.times).
_SOURCE_DIGIT = lazy_regex("[0-9०-९]")


def _check_numbers(source: str, target: str, g: Glossary, anchor: tuple[int, int]):
    if not _SOURCE_DIGIT.search(source):
        return  # no number in the source: none can be missing
    target_numbers = list(numbers.read_numbers(target, italian=False))
    digits = set().union(*(v for *_, v in target_numbers)) if target_numbers else set()
    found = digits | numbers.word_values(target)
    month_ok = numbers.months_present(source, target, g)
    lang = source_language(source)
    missing = []
    marker = numbers.LIST_MARKER.match(source)
    times = numbers.times(source)
    for start, end, written, values in numbers.read_numbers(source, italian=True, lang=lang):
        if any(s <= start < e for s, e, *_ in times):
            continue  # read with its minutes below
        values = values | numbers.decade_values(source, start, written)
        if values & found or (start, end) in month_ok or (marker and start < marker.end()) \
                or numbers.converted(source, end, values, target, found):
            continue
        missing.append(written)
    missing.extend(t[2] for t in times if not numbers.time_present(t[3], t[4], found))
    if not missing:
        return
    source_values = set().union(*(v for *_, v in numbers.read_numbers(source, italian=True, lang=lang)))
    strays = [n for n in target_numbers if not n[3] & source_values]
    if len(missing) == 1 and len(strays) == 1:
        start, end, written, _ = strays[0]
        yield SourceHit(
            start,
            end,
            f"the source has the number {missing[0]}, which this paragraph lacks; it has {written} here instead",
            None,
            Severity.MAJOR,
        )
        return
    yield SourceHit(
        *anchor,
        f"number(s) of the source missing from this paragraph: {', '.join(missing)}",
        None,
        Severity.MINOR,
    )
