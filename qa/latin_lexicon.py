"""The Latin-script word lists of language evidence (``qa.langid``): word frequencies per language
on the Zipf scale (``glossaries/latin_wordfreq.tsv``, read lazily, one frequency tier at a time),
Italian and English function words, the word endings that tell Italian from English, and the
inflectional endings that read a form from its base word.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from .errors import QAError
from .resources import data_dir, read_tsv

#: The languages of the word-frequency lists.
LANGS = ("it", "en", "fr", "es", "de", "pt")
#: The common words (loaded first) are those at least this frequent; the rarer ones load only
#: when needed.
CORE_ZIPF = 3.0


class ZipfTable:
    """Word → Zipf lookups in one language's words of one frequency tier.

    Building a dict of a hundred thousand words costs tens of milliseconds, more than a short
    document needs: the first ``BUILD_AFTER`` lookups search the words as bytes (a fraction of a
    millisecond each), and only a document that asks more builds the dict.
    """

    BUILD_AFTER = 300

    def __init__(self, rows: list[tuple[float, bytes]]):
        self._blob = b" " + b" ".join(words for _, words in rows) + b" "
        self._starts: list[int] = []
        self._zipfs: list[float] = []
        pos = 0
        for zipf, words in rows:
            self._starts.append(pos)
            self._zipfs.append(zipf)
            pos += len(words) + 1
        self._asked = 0
        # an empty tier (no rare words kept for a language) needs no search at all
        self._table: dict[str, float] | None = None if rows else {}

    def get(self, word: str) -> float | None:
        if self._table is None:
            self._asked += 1
            if self._asked <= self.BUILD_AFTER:
                at = self._blob.find(b" " + word.encode("utf-8") + b" ")
                return None if at < 0 else self._zipfs[bisect.bisect_right(self._starts, at) - 1]
            self._table = self._build()
        return self._table.get(word)

    def _build(self) -> dict[str, float]:
        table: dict[str, float] = {}
        try:
            words = self._blob.decode("utf-8").split(" ")[1:-1]
        except UnicodeDecodeError:
            raise QAError(f"{data_dir() / 'latin_wordfreq.tsv'}: not UTF-8; reinstall qa") from None
        ends = self._starts[1:] + [len(self._blob)]
        i = 0
        pos = 0
        for word in words:
            while pos >= ends[i]:
                i += 1
            table[word] = self._zipfs[i]
            pos += len(word.encode("utf-8")) + 1
        return table

    def __len__(self) -> int:
        return self._blob.count(b" ") - 1


def _raw_lexicon() -> dict[str, list[tuple[float, bytes]]]:
    """The rows of latin_wordfreq.tsv per language, words still undecoded (cheap to read; not
    kept: :func:`_tables` holds the words once, in its tables)."""
    path = data_dir() / "latin_wordfreq.tsv"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QAError(f"{path}: cannot read it ({exc.strerror}); reinstall qa") from None
    out: dict[str, list[tuple[float, bytes]]] = {lang: [] for lang in LANGS}
    header = False
    lines = data.split(b"\n")
    del data  # the rows keep slices of it: do not hold the file twice
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith(b"#"):
            continue
        if not header:
            header = True
            continue
        try:
            lang, zipf, words = line.rstrip(b"\r").split(b"\t", 2)
            out[lang.decode("ascii")].append((float(zipf), words))
        except (ValueError, KeyError, UnicodeDecodeError):
            raise QAError(f"{path}:{lineno}: expected lang<TAB>zipf<TAB>words") from None
    return out


@lru_cache(maxsize=1)
def _tables() -> dict[str, tuple[ZipfTable, ZipfTable]]:
    """Per language, its common-word and rare-word tables, made in one read of the file (a table
    joins its rows' bytes: the 2.5 MB of words are held once, not also as the file's rows)."""
    raw, out = _raw_lexicon(), {}
    for lang in LANGS:  # each language's rows are dropped as soon as its tables hold them
        rows = raw.pop(lang)
        out[lang] = (ZipfTable([r for r in rows if r[0] >= CORE_ZIPF]), ZipfTable([r for r in rows if r[0] < CORE_ZIPF]))
    return out


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
