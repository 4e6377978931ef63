"""The Latin-script word lists of language evidence (``qa.langid``): word frequencies per language
on the Zipf scale (``glossaries/latin_wordfreq.tsv``, read lazily, one frequency tier at a time),
Italian and English function words, the word endings that tell Italian from English, and the
inflectional endings that read a form from its base word.
"""

from __future__ import annotations

import bisect
import os
from functools import lru_cache

from .errors import QAError
from .resources import data_dir, read_tsv

#: The languages of the word-frequency lists.
LANGS = ("it", "en", "fr", "es", "de", "pt")
#: The common words (loaded first) are those at least this frequent; the rarer ones load only
#: when needed.
CORE_ZIPF = 3.0


class ZipfTable:
    """Word → Zipf lookups in one language's words of one frequency tier: rows (zipf, start,
    end) of words separated by single spaces in ``buffer``, each with a space on both sides.

    Building a dict of a hundred thousand words costs tens of milliseconds, more than a short
    document needs: the first ``BUILD_AFTER`` lookups search the words as bytes (a fraction of a
    millisecond each), and only a document that asks more builds the dict.
    """

    BUILD_AFTER = 300

    def __init__(self, buffer: bytes | bytearray, rows: list[tuple[float, int, int]]):
        self._buffer = buffer
        self._zipfs = [zipf for zipf, _, _ in rows]
        self._starts = [start for _, start, _ in rows]
        self._ends = [end for _, _, end in rows]
        self._asked = 0
        # an empty tier (no rare words kept for a language) needs no search at all
        self._table: dict[str, float] | None = None if rows else {}

    @classmethod
    def of(cls, rows: list[tuple[float, bytes]]) -> ZipfTable:
        """A table of (zipf, words separated by spaces) rows, in a buffer of its own."""
        buffer, spans = bytearray(b" "), []
        for zipf, words in rows:
            spans.append((zipf, len(buffer), len(buffer) + len(words)))
            buffer += words + b" "
        return cls(bytes(buffer), spans)

    def get(self, word: str) -> float | None:
        if self._table is None:
            self._asked += 1
            if self._asked <= self.BUILD_AFTER:
                return self._search(word)
            self._table = self._build()
        return self._table.get(word)

    def _search(self, word: str) -> float | None:
        if " " in word:
            return None  # (no word of the lists holds one)
        needle = b" " + word.encode("utf-8") + b" "
        find, lo, hi = self._buffer.find, self._starts[0] - 1, self._ends[-1] + 1
        at = find(needle, lo, hi)
        while at >= 0:  # the tier's rows lie together; a hit between them is another tier's
            i = bisect.bisect_right(self._starts, at + 1) - 1
            if at + len(needle) - 1 <= self._ends[i]:
                return self._zipfs[i]
            at = find(needle, at + 1, hi)
        return None

    def _build(self) -> dict[str, float]:
        table: dict[str, float] = {}
        for zipf, start, end in zip(self._zipfs, self._starts, self._ends):
            try:
                words = self._buffer[start:end].decode("utf-8").split(" ")
            except UnicodeDecodeError:
                raise QAError(f"{data_dir() / 'latin_wordfreq.tsv'}: not UTF-8; reinstall qa") from None
            for w in words:
                if w:
                    table[w] = zipf
        return table

    def __len__(self) -> int:
        return sum(self._buffer.count(b" ", s, e) + 1 for s, e in zip(self._starts, self._ends) if e > s)


def _read_lexicon() -> tuple[bytearray, dict[str, list[tuple[float, int, int]]]]:
    """latin_wordfreq.tsv read into one buffer, with each language's rows as (zipf, start, end)
    of their words. The buffer is the tables' storage: each row's language and Zipf columns,
    the tabs, line ends, comments and header are overwritten with spaces, so that each word has
    a space on both sides, and the file is never held twice nor cut into lines."""
    path = data_dir() / "latin_wordfreq.tsv"
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            buf = bytearray(size + 1)  # one more byte: a space after the last row
            if fh.readinto(buf) != size:
                raise OSError(0, "changed while read")
    except OSError as exc:
        raise QAError(f"{path}: cannot read it ({exc.strerror}); reinstall qa") from None
    buf[size] = 0x20
    out: dict[str, list[tuple[float, int, int]]] = {lang: [] for lang in LANGS}
    header = False
    pos = lineno = 0
    while pos < size:
        lineno += 1
        nl = buf.find(b"\n", pos, size)
        end = size if nl < 0 else nl + 1  # the line and its line feed
        stop = end - 1 if nl >= 0 else end
        if stop > pos and buf[stop - 1] == 0x0D:
            stop -= 1
        first = pos
        while first < stop and buf[first] in (0x09, 0x20):
            first += 1
        blank_from = pos  # all of a comment, a blank line or the header
        if first < stop and buf[first] != 0x23:  # not "#"
            if header:
                t1 = buf.find(b"\t", pos, stop)
                t2 = buf.find(b"\t", t1 + 1, stop) if t1 >= 0 else -1
                try:
                    if t2 < 0:
                        raise ValueError
                    out[buf[pos:t1].decode("ascii")].append((float(buf[t1 + 1:t2]), t2 + 1, stop))
                except (ValueError, KeyError, UnicodeDecodeError):
                    raise QAError(f"{path}:{lineno}: expected lang<TAB>zipf<TAB>words") from None
                buf[pos:t2 + 1] = b" " * (t2 + 1 - pos)
                blank_from = stop
            header = True
        buf[blank_from:end] = b" " * (end - blank_from)
        pos = end
    return buf, out


@lru_cache(maxsize=1)
def _tables() -> dict[str, tuple[ZipfTable, ZipfTable]]:
    """Per language, its common-word and rare-word tables, sharing one buffer of the file."""
    buf, rows = _read_lexicon()
    return {
        lang: (ZipfTable(buf, [r for r in rows[lang] if r[0] >= CORE_ZIPF]),
               ZipfTable(buf, [r for r in rows[lang] if r[0] < CORE_ZIPF]))
        for lang in LANGS
    }


def lexicon(lang: str) -> ZipfTable:
    """Zipf frequencies of the common words (Zipf >= CORE_ZIPF) of one language."""
    return _tables()[lang][0]


def rare_words(lang: str) -> ZipfTable:
    """Zipf frequencies of the rarer words of one language, consulted only for a word missing
    from every common-word table asked."""
    return _tables()[lang][1]


@lru_cache(maxsize=1)
def function_words() -> dict[str, dict[str, frozenset[str]]]:
    """{"it": {word: shared-languages}, "en": {...}} from the function-word lists."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    for lang in ("it", "en"):
        rows = read_tsv(data_dir() / f"{lang}_function_words.tsv", required=("word", "class"))
        out[lang] = {
            normalise(r["word"]) if r["class"] != "capitalised" else r["word"]: frozenset(
                (r.get("shared") or "").split()
            )
            for r in rows
        }
    return out


@lru_cache(maxsize=1)
def suffix_odds() -> dict[str, float]:
    """Word ending → log10 odds Italian:English (latin_suffixes.tsv), for words no list knows."""
    rows = read_tsv(data_dir() / "latin_suffixes.tsv", required=("suffix", "log_odds"))
    try:
        return {r["suffix"]: float(r["log_odds"]) for r in rows}
    except ValueError:
        raise QAError(f"{data_dir() / 'latin_suffixes.tsv'}: log_odds must be numbers") from None


def capitalised_words() -> frozenset[str]:
    """English words that English writes with a capital (days, months): not names."""
    return frozenset(w for w in function_words()["en"] if w[:1].isupper())


def normalise(word: str) -> str:
    """Case-folded, curly apostrophe straightened: the form the lists use."""
    return word.replace("’", "'").casefold()


@lru_cache(maxsize=1)
def inflections() -> dict[str, tuple[tuple[str, str], ...]]:
    """(ending, base) pairs by language, longest ending first (``glossaries/latin_inflections.tsv``)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in read_tsv(data_dir() / "latin_inflections.tsv", required=("lang", "ending", "base")):
        out.setdefault(row["lang"], []).append((row["ending"], row["base"] or ""))
    return {lang: tuple(sorted(pairs, key=lambda p: -len(p[0]))) for lang, pairs in out.items()}
