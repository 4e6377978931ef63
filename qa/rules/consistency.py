"""Consistency across a document: one name, one spelling (QA550-QA554; spelling variants of
ordinary words are QA56x-QA59x, in variants.py)."""

from __future__ import annotations

from array import array
from collections import Counter

from ..acronyms import mentions
from ..model import Category, Paragraph, Severity
from ..text.lazy import lazy_regex
from .base import Hit, Rule

_GLOSS = lazy_regex(r"(?<=[\p{L}\p{M}\p{N}])[\s\u00a0]*\([\s\u00a0]*$")  # "word (" before a gloss


def _gloss(text: str, start: int, end: int) -> bool:
    """The mention stands alone in brackets right after a word: the other script's spelling
    given as a gloss (``नाटो (NATO)``, ``NATO (नाटो)``), not a second way of writing the name."""
    return bool(_GLOSS.search(text, max(0, start - 12), start)) and text[end:].lstrip().startswith(")")


class MixedScriptName(Rule):
    r"""The same acronym or name is written in Latin script in one place and in Devanagari in
    another (``G7`` and ``जी7``, ``NATO`` and ``नाटो``, ``UNODC`` and ``यूएनओडीसी``).

    Hindi press style accepts either, but one document should use one. Names are matched through
    the glossaries (``नाटो`` is NATO) and through the letter names of acronyms (``जी7`` spells G7),
    so acronyms the glossaries do not know count too when both spellings appear. The first
    occurrence of the spelling used less often (on a tie, the later one) is flagged, with the
    other as suggestion; the message counts the rest. A known acronym glued to another word is
    left to the glued-word rule. Spellings are compared within a stretch of text where the name
    keeps coming back: a use more than ``window`` paragraphs (default 40) after the one before
    it starts a new stretch, so a file that gathers many articles (a corpus, a batch of press
    releases) is not compared across them; ``window = 0`` compares the whole document. A spelling
    given in brackets right after a word, as a gloss (``नाटो (NATO)``), is not counted.

    Flags:
        G7 देशों की बैठक हुई।\n\nजी7 देशों ने निर्णय लिया।
        NATO की बैठक हुई।\n\nनाटो ने कहा।\n\nNATO ने फिर कहा।
        एबीसी ने खबर दी।\n\nABC ने फिर खबर दी।
    Passes:
        G7 देशों की बैठक हुई।\n\nG7 देशों ने निर्णय लिया।
        जी7 देशों की बैठक हुई।\n\nजी20 देशों ने निर्णय लिया।
        संयुक्त राष्ट्र (UN) ने कहा।\n\nसंयुक्त राष्ट्र ने फिर कहा।
        नाटो (NATO) में नए देश आए।\n\nनाटो ने कहा।
    """

    code = "QA550"
    name = "mixed-script-name"
    category = Category.CONSISTENCY
    mqm = "Terminology/Inconsistent use of terminology"
    severity = Severity.MINOR
    fix = "unsafe"  # which script the house uses for a name is a choice

    def __init__(self, ctx):
        super().__init__(ctx)
        # name → its uses in order, kept in arrays (a 50 MB file names G7 in every paragraph);
        # script and text are numbers into ``self.words`` (a few distinct spellings per name)
        self.seen: dict[str, _Uses] = {}
        self.words: dict[str, int] = {}

    def check(self, para: Paragraph):
        for m in mentions(para.text, self.ctx.glossary):
            if m.glued or m.italian or _gloss(para.text, m.start, m.end):
                continue
            if m.org is not None:
                key = m.org.id
            elif m.acronym and (len(m.acronym) >= 3 or any(c.isdigit() for c in m.acronym)):
                key = m.acronym.upper()
            else:
                continue
            uses = self.seen.get(key)
            if uses is None:
                uses = self.seen[key] = _Uses()
            uses.add(self._word(m.script), para.index, m.start, m.end, self._word(m.text))
        return ()

    def _word(self, text: str) -> int:
        return self.words.setdefault(text, len(self.words))

    def finish(self):
        names = list(self.words)
        for uses in self.seen.values():
            yield from self._compare(uses, names)

    def _stretches(self, uses: _Uses) -> list[range]:
        """The uses of one name (their positions), cut where it goes unmentioned for more than
        the window."""
        window = self.ctx.window
        out: list[range] = []
        lo = 0
        index = uses.index
        for k in range(1, len(index)):
            if window and index[k] - index[k - 1] > window:
                out.append(range(lo, k))
                lo = k
        if len(index):
            out.append(range(lo, len(index)))
        return out

    def _compare(self, all_uses: _Uses, names: list[str]):
        script, text = all_uses.script, all_uses.text
        for uses in self._stretches(all_uses):
            scripts = Counter(names[script[k]] for k in uses)
            if len(scripts) < 2:
                continue
            first = names[script[uses[0]]]
            # the majority spelling wins; on a tie, the one used first
            keep = max(scripts, key=lambda s: (scripts[s], s == first))
            kept = Counter(names[text[k]] for k in uses if names[script[k]] == keep).most_common(1)[0][0]
            odd = [k for k in uses if names[script[k]] != keep]
            k = odd[0]
            index, start, end, written = all_uses.index[k], all_uses.start[k], all_uses.end[k], names[text[k]]
            more = f" (and {len(odd) - 1} more time{'s' if len(odd) > 2 else ''})" if len(odd) > 1 else ""
            yield Hit(
                index,
                start,
                end,
                f"{written}{more} is written {kept} elsewhere in the document ({scripts[keep]} "
                f"time{'s' if scripts[keep] > 1 else ''}); use one spelling throughout",
                kept,
            )


class _Uses:
    """The uses of one name: script and spelling (numbers), paragraph, start and end."""

    __slots__ = ("end", "index", "script", "start", "text")

    def __init__(self) -> None:
        self.script, self.text = array("I"), array("I")
        self.index, self.start, self.end = array("q"), array("q"), array("q")

    def add(self, script: int, index: int, start: int, end: int, text: int) -> None:
        self.script.append(script)
        self.index.append(index)
        self.start.append(start)
        self.end.append(end)
        self.text.append(text)
