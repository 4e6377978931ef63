"""Names and words the Hindi list lacks, vouched for by the document (QA204): a token that splits
into pieces of which the list lacks one or both (मैसेडोनिया|के, बोरिस|जॉनसन) is kept until the
paragraphs around it have been read; when they write the pieces alone, the token lost a space.
A mixin of ``GluedHindiWords`` (``glued_hindi.py``), which holds the paragraph-level evidence.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from .. import hindi_lexicon as lex
from .. import morphology as morph
from ..model import Paragraph, Severity
from ..text.tokens import DEVANAGARI_SPACED_PAIR
from .base import Context, Hit
from .glued_evidence import _MAJOR_CLASSES

#: Function words that open a token only after the word they belong to (``_head_ok``).
_HEADS = ("postposition", "copula", "auxiliary")


def _closes_phrase(word: str, then: str = "") -> bool:
    """A word after which no postposition or auxiliary can follow: a one-syllable case marker
    (का, ने, में …), an auxiliary or a conjunction. An oblique infinitive takes a postposition
    (करने के, होने की), and a case marker the second part of a compound one (के लिए, के बाद):
    ``then`` is the word that follows."""
    cls = lex.function_class(word)
    if cls == "auxiliary":
        return not word.endswith("ने")
    if cls == "postposition" and lex.aksharas(word) == 1:
        return lex.function_class(then) != "postposition" or lex.aksharas(then) < 2
    return cls in ("copula", "conjunction")


class DocumentVouching:
    """The document-level half of QA204 (state: ``_seen``, ``_last``, ``_unlisted``,
    ``_later_tokens``, ``_vouched``, set up by the rule)."""

    # The state, set up by the rule's ``__init__`` (declared here for the type checker).
    ctx: Context
    _seen: dict[str, int]
    _unlisted: dict[str, tuple[tuple, tuple[bool, ...]]]
    _later_tokens: deque
    _vouched: list[tuple[str, int, int, int, tuple]]
    _last: dict[str, int]

    if TYPE_CHECKING:  # the rule's methods this half calls (``GluedHindiWords``)
        def names(self) -> frozenset[str]: ...

        def _piece(self, piece: str) -> str | None: ...

        def _a_word(self, token: str) -> bool: ...

        def option(self, name: str): ...

        @staticmethod
        def _neighbour(text: str, tokens, n: int, step: int) -> str | None: ...

    # -- words the list lacks but the document has ------------------------------------------------
    def _later(self, para: Paragraph, tokens, n: int) -> bool:
        """Keep token ``n`` for :meth:`_document_words` when it splits into pieces of which one or
        both the list lacks (names: मैसेडोनिया|के, बोरिस|जॉनसन), which only the paragraphs around
        it can vouch for. False when the token has no such split (wherever it stands)."""
        token = tokens[n].group()
        try:
            splits, heads = self._unlisted[token]
        except KeyError:
            splits = self._unlisted_splits(token)
            # which splits open on a word that must follow the word it belongs to
            heads = tuple(lex.function_class(token[:i]) in _HEADS for i, _ in splits)
            self._unlisted[token] = (splits, heads)
        if not splits:
            return False
        ok = tuple(s for s, head in zip(splits, heads)
                   if not head or self._head_ok(para.text, tokens, n, s[0])) if any(heads) else splits
        if ok:
            self._later_tokens.append((token, para.index, tokens[n].start(), ok))
        return True

    def _slide(self, index: int | None) -> None:
        """Settle the waiting tokens whose window has been read (all of them at the end: index
        None): a token is vouched for when its unlisted pieces occur, as tokens the list lacks,
        in the paragraphs of the window, which ``_last`` (each such token's last paragraph, the
        paragraphs up to ``index`` counted) tells: at ``index``, the ``2 x window`` paragraphs
        before it; at the end, those from ``window`` before the token on."""
        window = self.ctx.window
        last = self._last
        waiting = self._later_tokens
        while waiting and (index is None or (window and waiting[0][1] <= index - window)):
            token, at, start, splits = waiting.popleft()
            floor = at - window if index is None else index - 2 * window
            for i, pieces in splits:
                for p in pieces:
                    if p not in last or (window and last[p] < floor):  # 0: the whole document
                        break
                else:
                    self._vouched.append((token, at, start, i, pieces))
                    break

    def _unlisted_splits(self, token: str) -> tuple:
        """(offset, unlisted pieces) for each split of ``token`` into two pieces that are each a
        word, a name, a function word or a piece of two or more aksharas the list lacks, at least
        one of them the latter."""
        if self._a_word(token):
            return ()
        listed = lex.frequencies()
        out = []
        for i in lex.akshara_starts(token):
            unlisted, kinds = [], []
            for piece in (token[:i], token[i:]):
                kind = self._piece(piece)
                if kind is None and piece not in listed and lex.aksharas(piece) >= 2 \
                        and lex.function_class(piece) is None:
                    unlisted.append(piece)
                kinds.append(kind)
            if unlisted and all(k in ("function", "word", "name") or p in unlisted
                                for k, p in zip(kinds, (token[:i], token[i:]))):
                out.append((i, tuple(unlisted)))
        return tuple(out)

    def _written_apart(self, wanted: set[tuple[str, str]]) -> set[tuple[str, str]]:
        """Those of the ``wanted`` word pairs that the document writes side by side, only white
        space between: its paragraphs are read again at the end, as only the few weak splits
        that end up ``info`` ask (a set of every pair would grow with the document)."""
        found: set[tuple[str, str]] = set()
        if not wanted:
            return found
        few = len(wanted) <= 64
        for para in self.ctx.paragraphs:
            text = para.text
            if few and not any(a in text and b in text for a, b in wanted):
                continue
            found.update(wanted.intersection(DEVANAGARI_SPACED_PAIR.findall(text)))
            if len(found) == len(wanted):
                break
        return found

    def _head_ok(self, text: str, tokens, n: int, i: int) -> bool:
        """A postposition or auxiliary that opens a token must follow the word it belongs to."""
        if lex.function_class(tokens[n].group()[:i]) not in _HEADS:
            return True
        before = self._neighbour(text, tokens, n, -1)
        if not before:
            return False
        return not _closes_phrase(before, tokens[n].group()[:i])

    def _document_words(self):
        self._slide(None)
        for token, index, start, i, unlisted in self._vouched:
            if self._seen.get(token) != 1:
                continue  # a token that recurs is a word, not an accident
            alone = " and ".join(f"“{p}”" for p in unlisted)
            yield Hit(
                index, start, start + len(token),
                f"“{token}” is not a word but “{token[:i]}” and “{token[i:]}” run together ({alone} "
                f"{'stands' if len(unlisted) == 1 else 'stand'} alone nearby in the document); a "
                "space is missing",
                f"{token[:i]} {token[i:]}",
                self._vouched_grade(token[:i], token[i:], unlisted, self.option("major-piece")),
            )

    @staticmethod
    def _vouched_grade(left: str, right: str, unlisted: tuple, major_piece: int) -> Severity:
        """``major`` for a word the document writes alone, of ``major_piece`` aksharas or more (3), with a
        postposition, conjunction, copula or particle glued to it (क्वालोव्स्की|के); else
        ``minor``: the document vouches for the pieces, no list does (डर्बी|शायर)."""
        other = right if left in unlisted else left
        if left in unlisted and morph.verb_ending(right) and (left[-1] in lex.CONSONANTS or left[-1] in "ाो"):
            # झपट|ने, गुर्रा|हट: a bare verb stem (which ends in a consonant, -ा or -ो) stands
            # alone (झपट पड़ा); ने and के also mark case, so after a name they stay minor
            return Severity.MINOR if lex.function_class(right) == "postposition" else Severity.INFO
        if other not in unlisted and lex.function_class(other) in _MAJOR_CLASSES \
                and all(lex.aksharas(p) >= major_piece for p in unlisted):
            return Severity.MAJOR
        return Severity.MINOR
