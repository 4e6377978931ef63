"""Text as the glossaries match it: normalised tokens (nukta, chandrabindu, nasal clusters and
equivalent spellings folded), inflection-tolerant token matching, phrase search and the token
trie that finds every listed phrase in one pass. No glossary data here."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..text.fold import CLASS_NASAL, drop_optional_nukta, nfc
from ..text.lazy import lazy_regex
from ..text.tokens import TOKEN, surely_nfc

#: Several values in one cell are separated by this character (names contain commas).
SEP = ";"

# -- text normalisation --------------------------------------------------------------------------

_CHAR_MAP = str.maketrans(
    {
        "\u0901": "\u0902",  # chandrabindu → anusvara
        "\u200c": None,
        "\u200d": None,
        "\u00ad": None,
        "\u2019": "'",
        "\u2018": "'",
    }
)
_MAPPED = "".join(map(chr, _CHAR_MAP))  # the characters it changes
#: a nasal consonant + virama before a stop of its class is written with the anusvara as well
#: (अन्तर/अंतर, सम्बन्ध/संबंध): the text layer's one policy (:data:`qa.text.fold.CLASS_NASAL`)
_NASAL = CLASS_NASAL


@lru_cache(maxsize=1)
def word_equivalents() -> dict[str, str]:
    """Whole-word spellings that mean the same in names and terms (spelling -> the one it is
    read as), from ``glossaries/hi_word_equivalents.tsv``."""
    from ..resources import data_dir, read_tsv

    rows = read_tsv(data_dir() / "hi_word_equivalents.tsv", ("spelling", "same_as"))
    return {r["spelling"]: r["same_as"] for r in rows}


DEVANAGARI_RE = lazy_regex(r"[\u0900-\u097f]")
LATIN_RE = lazy_regex(r"\p{Latin}")
#: A matching token: letters, marks and digits (hyphens, slashes and apostrophes separate tokens).
TOKEN_RE = TOKEN
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


def norm_token(token: str) -> str:
    """One token as matched: NFC, lower case, nukta and chandrabindu folded, nasal clusters
    written with the anusvara, Devanagari digits as ASCII, equivalent spellings unified."""
    if token.isascii() and not _ascii_equivalents():
        return token.lower()  # what the folding below makes of ASCII: no memo entry needed
    found = _FOLDED.get(token)
    return found if found is not None else _norm_token(token)

@lru_cache(maxsize=1)
def _ascii_equivalents() -> bool:
    return any(k.isascii() for k in word_equivalents())


#: token -> :func:`norm_token` of it (words are Zipfian: a bounded memo keeps the common ones)
_FOLDED: dict[str, str] = {}


def _norm_token(token: str) -> str:
    """:func:`norm_token` computed, and memoised; a token already normal is its own value (one
    string kept, not two)."""
    t = drop_optional_nukta(unicodedata.normalize("NFC", token)).translate(_CHAR_MAP).lower()
    t = _NASAL.sub("\u0902", t).translate(_DIGITS)
    t = word_equivalents().get(t, t)
    if t == token:
        t = token
    if len(_FOLDED) >= 1 << 16:
        _FOLDED.clear()
    _FOLDED[token] = t
    return t


def fold(text: str) -> str:
    """``text`` with the character-level normalisations of :func:`norm_token` (not the
    whole-word ones); lengths change, so use it only to test whether something may occur.
    Each step runs only when the text has a character it changes (QA650 folds every paragraph)."""
    t = drop_optional_nukta(text if surely_nfc(text) else nfc(text))
    if any(c in t for c in _MAPPED):
        t = t.translate(_CHAR_MAP)
    t = t.lower()
    return _NASAL.sub("\u0902", t) if "\u094d" in t else t


@lru_cache(maxsize=32)  # several rules (QA650, its number and date checks) read one paragraph
def token_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, normalised token) for every token of ``text``; offsets are code points."""
    norm = norm_token
    return tuple([(*m.span(), norm(m[0])) for m in TOKEN_RE.finditer(text)])


def tokens(text: str) -> list[tuple[int, int, str]]:
    """:func:`token_spans` as a list."""
    return list(token_spans(text))


@lru_cache(maxsize=32)
def norm_tokens(text: str) -> tuple[str, ...]:
    """The normalised tokens of :func:`token_spans`, without their offsets."""
    toks = TOKEN_RE.findall(text)
    if _ascii_equivalents():
        return tuple(map(norm_token, toks))
    get, fold_token = _FOLDED.get, _norm_token  # norm_token inlined: one call less per token
    return tuple([t.lower() if t.isascii() else (f if (f := get(t)) is not None else fold_token(t)) for t in toks])


def norm_key(text: str) -> str:
    """A lookup key for a short form: its tokens run together (जी-7 → जी7, G 7 → g7)."""
    return "".join(norm_tokens(text))


# Inflection adds vowel signs, nasalisation, independent vowels and the glide य (प्रथा → प्रथाओं,
# घटना → घटनाएं, नीति → नीतियों), never another consonant (घटना ≠ घटनाक्रम).
_INFLECTION = lazy_regex("[\u0900-\u0903\u093e-\u094c\u0905-\u0914\u092f]{1,4}")
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


_PATTERN_TOKEN = lazy_regex(r"[\p{L}\p{M}\p{N}]+\*?")


@lru_cache(maxsize=1 << 12)  # the glossary's phrases, asked again for every paragraph
def pattern_tokens(phrase: str) -> tuple[str, ...]:
    """Tokens of a pattern; a ``*`` at the end of a word is kept as a wildcard."""
    out = []
    for m in _PATTERN_TOKEN.finditer(phrase):
        w = m.group()
        out.append(norm_token(w[:-1]) + "*" if w.endswith("*") else norm_token(w))
    return tuple(out)



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

