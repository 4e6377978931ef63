"""Hindi words for the spelling rules: frequencies, aksharas, inflection, function words, acronyms.

Frequencies come from ``glossaries/hi_wordfreq.tsv``: the Devanagari words of wordfreq's Hindi
list (Zipf scale: 3 = once per million words, 6 = once per thousand; the list holds the words of
Zipf 3 and above). The file is precomputed so that linting never imports wordfreq; regenerate it
with ``python3 tools/make_hi_wordfreq.py`` (needs wordfreq). It is read lazily, the first time a rule asks
for a frequency, in about 20 ms.

Everything here works on NFC keys (wordfreq's keys are NFKC, which for Devanagari is the same):
callers pass words exactly as written and keep their own offsets.
"""

from __future__ import annotations

import bisect
import sys
import unicodedata
from array import array
from functools import cache, lru_cache
from itertools import islice, takewhile

from .resources import data_dir, function_words, read_tsv
from .text import tokens as text_tokens
from .text.fold import only_spelling, same_word_spellings
from .text.lazy import lazy_re
from .text.memo import word_memo

FREQ_FILE = "hi_wordfreq.tsv"
LETTERS_FILE = "hi_letter_names.tsv"

VIRAMA = "\u094d"
NUKTA = "\u093c"
ZW = "\u200c\u200d"  # zero-width non-joiner and joiner: legitimate inside Devanagari words

#: Devanagari character classes as regex ranges (the rules build patterns from them) ...
CONSONANT_RANGES = "\u0915-\u0939\u0958-\u095f\u0978-\u097f"  # with precomposed nukta letters
INDEPENDENT_VOWEL_RANGES = "\u0904-\u0914\u0960\u0961\u0972-\u0977"  # अ … औ, ऋ, ॲ …
VOWEL_SIGN_RANGES = "\u093a\u093b\u093e-\u094c\u094e\u094f\u0955-\u0957\u0962\u0963"  # matras
SIGN_RANGES = "\u0900-\u0903"  # candrabindu, anusvara, visarga
#: ... every combining mark: signs, nukta, virama, stress marks, vowel signs. A mark belongs to
#: the letter before it and never starts an akshara.
MARK_RANGES = SIGN_RANGES + "\u093c\u094d\u0951-\u0954" + VOWEL_SIGN_RANGES


def _expand(ranges: str) -> frozenset[str]:
    """The characters of a regex character-class body made of single characters and a-b ranges."""
    out: set[str] = set()
    i = 0
    while i < len(ranges):
        if i + 2 < len(ranges) and ranges[i + 1] == "-":
            out.update(chr(c) for c in range(ord(ranges[i]), ord(ranges[i + 2]) + 1))
            i += 3
        else:
            out.add(ranges[i])
            i += 1
    return frozenset(out)


# ... and as sets.
CONSONANTS = _expand(CONSONANT_RANGES)
INDEPENDENT_VOWELS = _expand(INDEPENDENT_VOWEL_RANGES)
VOWEL_SIGNS = _expand(VOWEL_SIGN_RANGES)
MARKS = _expand(MARK_RANGES)

#: Plural and oblique endings of nouns and adjectives (-ों, -ियों, -ओं, -एं, -ें, -ियां). A word
#: with one of them is inflected, which the first member of a compound never is.
INFLECTED_ENDINGS = ("ियों", "ियां", "ियाँ", "ाओं", "ाएं", "ाएँ", "ों", "ओं", "एं", "एँ", "ें")

#: A Devanagari word as the lists keep it: letters, marks, zero-width (non-)joiners.
DEVANAGARI_RUN = text_tokens.DEVANAGARI_RUN

#: Function-word classes that show a lost space when glued to a word (``suffix`` words do not:
#: they are written joined by standard spelling).
FUNCTION_CLASSES = frozenset(
    {"postposition", "conjunction", "copula", "auxiliary", "particle", "pronoun", "determiner", "numeral",
     "adverb"}
)


def nfc(word: str) -> str:
    return word if unicodedata.is_normalized("NFC", word) else unicodedata.normalize("NFC", word)


@lru_cache(maxsize=1)
def frequencies() -> dict[str, str]:
    """Word -> Zipf frequency as written in the list (NFC keys, in code-point order), read on
    first use. Values stay strings until asked for: :func:`zipf` converts them."""
    path = data_dir() / FREQ_FILE
    try:
        text = path.read_text(encoding="utf-8")
        body = text[text.index("word\tzipf\n") + len("word\tzipf\n"):]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        from .errors import QAError

        raise QAError(f"{path}: cannot read the Hindi word list ({exc}); reinstall qa") from None
    cells = body.split()
    # a few hundred distinct frequencies for 24,000 words: each value string is kept once
    return dict(zip(cells[0::2], map(sys.intern, cells[1::2])))


def spellings(word: str) -> list[str]:
    """``word`` (NFC) and the spellings Hindi treats as the same word (:mod:`qa.text.fold`:
    without an optional nukta, ज़ = ज but ड़ ≠ ड; with anusvara for candrabindu, हूँ = हूं)."""
    return same_word_spellings(word)


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` or an equivalent spelling (0.0 when it is not in the list)."""
    freq = frequencies()
    z = freq.get(word)
    if z is not None:  # a key is NFC, so ``word`` is its own first spelling
        return float(z)
    if only_spelling(word):
        return 0.0  # its only spelling, which the list lacks
    for w in spellings(word):
        z = freq.get(w)
        if z is not None:
            return float(z)
    return 0.0


#: A character that starts an akshara other than the first: not a mark or joiner, and not after
#: a virama or joiner (which bind it into a conjunct).
_AKSHARA_START = lazy_re(f"(?<=[^\u094d{ZW}])[^{MARK_RANGES}{ZW}]")


@word_memo(1 << 16)
def akshara_starts(word: str) -> tuple[int, ...]:
    """Offsets inside ``word`` where an akshara (orthographic syllable) other than the first
    begins: the places where a space could have been lost. A conjunct (virama + consonant), a
    mark or a zero-width joiner never starts one."""
    return tuple(m.start() for m in _AKSHARA_START.finditer(word, 1))


@word_memo(1 << 16)
def aksharas(word: str) -> int:
    return len(akshara_starts(word)) + 1


def inflected(word: str) -> bool:
    """True if ``word`` ends in a plural or oblique ending after at least one akshara."""
    return any(word.endswith(end) and len(word) > len(end) for end in INFLECTED_ENDINGS)


_LEMMA_RULES = (
    ("ियों", ("ी", "ि")), ("ियां", ("ी", "ि")), ("ियाँ", ("ी", "ि")),
    ("ाओं", ("ा",)), ("ाएं", ("ा",)), ("ाएँ", ("ा",)),
    ("ुओं", ("ु", "ू")), ("ुएं", ("ु", "ू")), ("ओं", ("",)), ("एं", ("",)), ("एँ", ("",)),
    ("ों", ("", "ा")), ("ें", ("",)),
)
_LEMMA_ENDINGS = tuple(end for end, _ in _LEMMA_RULES)


def lemmas(word: str) -> list[str]:
    """Candidate dictionary forms of an inflected ``word`` (दवाएं -> दवा, लड़कियों -> लड़की,
    शिल्पकारों -> शिल्पकार, लड़कों -> लड़का)."""
    if not word.endswith(_LEMMA_ENDINGS):
        return []
    out: list[str] = []
    for end, repl in _LEMMA_RULES:
        if word.endswith(end) and len(word) > len(end):
            out.extend(word[: -len(end)] + r for r in repl)
    return out


#: Endings of verb forms after a verb stem: future (देख|ेगा), habitual (देख|ता), perfective
#: (बना|या, बना|ई), subjunctive (कर|ें), oblique infinitive (कर|ने), conjunctive (देख|कर).
VERB_ENDINGS = (
    "ेंगे", "ेगा", "ेगी", "एंगे", "एगा", "एगी", "ूंगा", "ूंगी", "ोगे",
    "ता", "ती", "ते", "या", "यी", "ये", "ई", "ए", "ें", "ने", "नी", "कर", "के",
)


def verb_stem(word: str, endings: tuple[str, ...] = VERB_ENDINGS) -> str | None:
    """The stem of ``word`` when it is a verb form: a listed ending after a stem whose
    infinitive (stem + ना) is a known word (बनाया -> बना, करेंगे -> कर); else None."""
    for end in endings:
        if word.endswith(end) and len(word) > len(end):
            stem = word[: -len(end)]
            if stem[-1] != VIRAMA and zipf(stem + "ना") > 0:
                return stem
    return None


@word_memo(1 << 16)
def known(word: str) -> bool:
    """``word`` or its dictionary form is in the frequency list."""
    return zipf(word) > 0 or any(zipf(lemma) > 0 for lemma in lemmas(nfc(word)))


@word_memo(1 << 14)
def function_class(word: str) -> str | None:
    """The class of a Hindi function word (glossaries/hi_function_words.tsv), or ``pronoun`` for
    a pronoun stem fused with a postposition by standard spelling (उसमें, जिनसे, आपको)."""
    words = function_words()
    entry = words.get(word)
    if entry is not None:
        return entry.get("class") or None
    for i in akshara_starts(word):
        stem = words.get(word[:i])
        post = words.get(word[i:])
        if stem and post and stem.get("class") == "pronoun" and post.get("class") == "postposition":
            return "pronoun"
    return None


#: Zipf frequency a word needs for a token one vowel sign away from it to count as its typo.
TYPO_ZIPF = 4.0
_TYPO_MARKS = tuple(sorted(VOWEL_SIGNS | {"\u0902", "\u0901", NUKTA}))
_VOWEL_SIGN_ORDER = tuple(sorted(VOWEL_SIGNS))  # (a set's order changes with the hash seed)


_TYPO_MARK_SET = frozenset(_TYPO_MARKS)


class _SkeletonTable(dict):
    """``str.translate`` table of :func:`_skeleton`, filled as code points are met: it deletes
    the marks a typo may add, drop or change and every combining mark (which canonical
    reordering may move), and keeps the rest."""

    def __missing__(self, code: int) -> int | None:
        c = chr(code)
        value = None if c in _TYPO_MARK_SET or unicodedata.combining(c) else code
        self[code] = value
        return value


_SKELETON_TABLE = _SkeletonTable()


def _skeleton(word: str) -> str:
    """``word`` decomposed (NFD), without the marks of ``_SkeletonTable``: the same for every
    candidate :func:`typo_of` builds from a word and for each of its spellings (:func:`spellings`
    only drops a nukta or writes anusvara for candrabindu), whatever their normalisation."""
    return unicodedata.normalize("NFD", word).translate(_SKELETON_TABLE)


@lru_cache(maxsize=1)
def _typo_skeletons() -> frozenset[str]:
    """The skeletons of the list's words of Zipf TYPO_ZIPF or more: a word whose skeleton is
    not among them is no typo of any (most unknown tokens are not; :func:`typo_of` then builds
    no candidate)."""
    return frozenset(_skeleton(w) for w, z in frequencies().items() if float(z) >= TYPO_ZIPF)


def _typo_candidates(w: str):
    """The words one vowel sign, anusvara, candrabindu or nukta away from ``w`` (NFC), in the
    order :func:`typo_of` tries them."""
    for i, c in enumerate(w):
        if c in _TYPO_MARK_SET:
            yield w[:i] + w[i + 1:]
            if c in VOWEL_SIGNS:
                yield from (w[:i] + m + w[i + 1:] for m in _VOWEL_SIGN_ORDER if m != c)
        elif i + 1 < len(w) and w[i + 1] not in MARKS:
            yield from (w[:i + 1] + m + w[i + 1:] for m in ("\u093e", "\u093f", "\u0940", "\u0947"))


#: Words :func:`typo_of` tries one by one before it builds ``_typo_skeletons`` (a few ms, repaid
#: after about a hundred words: a short document never builds it).
TYPO_INDEX_AFTER = 128
_typo_asked = 0


def typo_of(word: str) -> str | None:
    """A frequent word (Zipf >= TYPO_ZIPF) that ``word`` is one vowel sign, anusvara,
    candrabindu or nukta away from (बिनाने -> बनाने): a misspelling, not two words."""
    global _typo_asked
    if _typo_asked >= TYPO_INDEX_AFTER:
        if _skeleton(word) not in _typo_skeletons():
            return None
    else:
        _typo_asked += 1
    for cand in _typo_candidates(nfc(word)):
        if cand and zipf(cand) >= TYPO_ZIPF:
            return cand
    return None


@lru_cache(maxsize=1)
def _head_sorted() -> list[str]:
    """The list's words in code-point order (the file keeps them so: Timsort checks it in one pass)."""
    return sorted(frequencies())


@lru_cache(maxsize=1)
def _tail_order() -> array:
    """Positions in :func:`_head_sorted` in the order of the words read backwards, made when a
    tail is first asked for; the reversed words are not kept (they would hold 2 MiB)."""
    words = _head_sorted()
    return array("i", sorted(range(len(words)), key=lambda i: words[i][::-1]))


def _affixed(piece: str, side: str):
    """(word, rest) for each list word that begins (``side="head"``) or ends (``"tail"``) with
    ``piece`` at an akshara boundary, the rest being two or more aksharas."""
    words = _head_sorted()
    if side == "head":
        i = bisect.bisect_left(words, piece)
        found = takewhile(lambda w: w.startswith(piece), islice(words, i, None))
    else:
        order = _tail_order()
        i = bisect.bisect_left(order, piece[::-1], key=lambda j: words[j][::-1])
        found = takewhile(lambda w: w.endswith(piece), (words[j] for j in islice(order, i, None)))
    for word in found:
        cut = len(piece) if side == "head" else len(word) - len(piece)
        if not 0 < cut < len(word) or not _boundary(word, cut):
            continue
        rest = word[cut:] if side == "head" else word[:cut]
        if aksharas(rest) >= 2:
            yield word, rest


@cache
def affix_ambiguity(piece: str, side: str) -> int:
    """How many list words begin (``side="head"``) or end (``"tail"``) with ``piece`` at an akshara
    boundary, the rest being two or more aksharas: को is the head of कोरिया and कोमल (59 words),
    में the tail of one word only. A function word with a high count is weak evidence of a lost
    space on that side; pronoun + postposition spellings (इसके) are not counted."""
    words = function_words()
    count = 0
    for _, rest in _affixed(piece, side):
        pronoun, post = (rest, piece) if side == "tail" else (piece, rest)
        if words.get(pronoun, {}).get("class") == "pronoun" and words.get(post, {}).get("class") == "postposition":
            continue  # इसके, उनमें: a pronoun's standard spelling, not a compound
        count += 1
    return count


@cache
def opaque_affixes(piece: str, side: str) -> int:
    """How many list words begin (``side="head"``) or end (``"tail"``) with ``piece`` at an
    akshara boundary, the rest being two or more aksharas that are not a word: names and words
    that only look like ``piece`` + a word (मेक्सिको, इलाहाबाद, आजीविका, वेल्श). An oblique or
    feminine -े/-ी form of a listed -ा word (धमाके) is not counted. A word the list lacks that
    begins or ends with such a piece is no evidence of a lost space."""
    return sum(
        1 for word, rest in _affixed(piece, side)
        if not (known(rest) or function_class(rest)) and not (word[-1] in "ेी" and known(word[:-1] + "ा"))
    )


def _boundary(word: str, i: int) -> bool:
    """An akshara starts at ``word[i]``."""
    return word[i] not in MARKS and word[i] not in ZW and word[i - 1] != VIRAMA and word[i - 1] not in ZW


@lru_cache(maxsize=1)
def letter_names() -> frozenset[str]:
    """Devanagari names of the Latin letters (ए, बी, सी … डब्ल्यू, वाई, ज़ेड)."""
    rows = read_tsv(data_dir() / LETTERS_FILE, required=("letter", "devanagari"))
    return frozenset(nfc(r["devanagari"]) for r in rows if r["devanagari"])


@lru_cache(maxsize=1)
def _letter_name_chars() -> frozenset[str]:
    return frozenset("".join(letter_names()))


@word_memo(1 << 14)
def spelled_letters(word: str) -> int:
    """How many Latin letter names ``word`` spells out (यूएनओडीसी -> 5: यू एन ओ डी सी), or 0 when
    it is not made entirely of letter names."""
    names = letter_names()
    w = nfc(word)
    if not _letter_name_chars().issuperset(w):
        return 0
    longest = max(map(len, names))
    best = [0] + [-1] * len(w)  # best[i]: letters in a parse of w[:i], -1 when none
    for i in range(1, len(w) + 1):
        for k in range(1, min(longest, i) + 1):
            if best[i - k] >= 0 and w[i - k : i] in names:
                best[i] = max(best[i], best[i - k] + 1)
    return max(best[len(w)], 0)
