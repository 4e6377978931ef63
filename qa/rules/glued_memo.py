"""What QA204 learns about a token or a piece (its splits, its kind, whether it is a word of its
own), shared by the documents a process lints with one glossary and one set of QA204 options:
each is a pure function of the token, the glossary's names and the options, and a batch of
documents (the files of a PO project) repeats most of its words. Bounded: the memos start again
when they hold too many words (frequencies are Zipfian; the common words come back at once).
The Devanagari words the list lacks in each white-space-separated chunk of text are kept the same
way (``Chunks``).
"""

from __future__ import annotations

from itertools import filterfalse

from .. import hindi_lexicon as lex
from ..text.tokens import DEVANAGARI_WORD_RE

#: Words the memos of one glossary and options may hold before they start again.
MAX_WORDS = 50_000


class Memos:
    """The memos of one glossary (kept, so that an id reused by a later object is never
    mistaken for it) and one set of options."""

    __slots__ = ("glossary", "names", "pieces", "quiet", "splits", "unlisted", "words")

    def __init__(self, glossary):
        self.glossary = glossary
        self.names = frozenset(lex.nfc(n) for n in glossary.devanagari_names())
        self.splits: dict[str, tuple | None] = {}  # token -> its splits with evidence (``_split``)
        self.pieces: dict[str, str | None] = {}  # piece -> its kind (``_piece``)
        self.words: dict[str, bool] = {}  # token -> a word of its own (``_a_word``)
        self.unlisted: dict[str, tuple] = {}  # token -> its splits with a piece the list lacks
        # tokens with neither, or of two letters: nothing to do wherever they stand
        self.quiet: set[str] = set()

    def size(self) -> int:
        return len(self.splits) + len(self.pieces) + len(self.words) + len(self.unlisted) + len(self.quiet)


_SHARED: dict[tuple, Memos] = {}


def shared(glossary, options: tuple) -> Memos:
    """The memos for ``glossary`` and the rule's option values ``options``."""
    key = (id(glossary), options)
    memos = _SHARED.get(key)
    if memos is None or memos.glossary is not glossary or memos.size() > MAX_WORDS:
        if len(_SHARED) >= 8:
            _SHARED.clear()
        memos = _SHARED[key] = Memos(glossary)
    return memos


#: White-space-separated chunks of text the chunk memo may hold before it starts again.
MAX_CHUNKS = 100_000


class Chunks:
    """The Devanagari words that the word list ``listed`` lacks, in each white-space-separated
    chunk of text: a Devanagari word never spans white space, so a paragraph's are those of its
    chunks (``str.split()``), in order. ``clean`` holds the chunks with none (most of them),
    ``unlisted`` the others with theirs."""

    __slots__ = ("clean", "listed", "unlisted")

    def __init__(self, listed: dict[str, str]):
        self.listed = listed
        self.clean: dict[str, None] = {}  # (a dict's keys: a fifth of a set's memory)
        self.unlisted: dict[str, tuple[str, ...]] = {}

    def words(self, chunk: str) -> tuple[str, ...]:
        """The Devanagari words of ``chunk`` the list lacks (read once, then remembered)."""
        found = self.unlisted.get(chunk)
        if found is not None or chunk in self.clean:
            return found or ()
        found = tuple(filterfalse(self.listed.__contains__, DEVANAGARI_WORD_RE.findall(chunk)))
        if len(self.clean) + len(self.unlisted) >= MAX_CHUNKS:
            self.clean.clear()  # (in place: a rule may hold its bound methods)
            self.unlisted.clear()
        if found:
            self.unlisted[chunk] = found
        else:
            self.clean[chunk] = None
        return found


_CHUNKS: list[Chunks] = []


def chunk_memo() -> Chunks:
    """The chunk memo of the process's word list."""
    listed = lex.frequencies()
    if not _CHUNKS or _CHUNKS[0].listed is not listed:
        _CHUNKS[:] = [Chunks(listed)]
    return _CHUNKS[0]
