"""``qa fix``: the checker's own suggestions applied to the translation, safely.

A rule declares whether its suggestion may be applied without a reviewer (``Rule.fix``): ``safe``
(an invisible or mechanical change: a no-break space, a missing space after the danda, a Latin full
stop where the document uses the danda), ``unsafe`` (a change of wording a reviewer should see: an
official name for a wrong expansion) or None (no fix). Edits are made in the text of the file as
read: in a text file at the paragraph's offset, in a bilingual file through the position in the
file of every character of the target (``Paragraph.origin``), written with that format's escaping,
so that everything outside the edited targets stays byte-identical. Overlapping edits are resolved,
never applied twice: an edit inside another is merged into it when the outer suggestion keeps the
inner text in place (a space restored around a word that another fix replaces) and is covered by it
when the outer suggestion drops that text; edits that only cross are left to the next run (the
first in the text wins).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import (
    Document,
    Finding,
    line_starts,  # a line ends at LF, CRLF or a lone CR, as in Paragraph.origin
)

SAFE, UNSAFE = "safe", "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace code points ``start:end`` of the file's text with ``text``."""

    start: int
    end: int
    text: str
    finding: Finding
    also: tuple[Finding, ...] = ()  # findings of edits merged into this one or covered by it

    @property
    def findings(self) -> tuple[Finding, ...]:
        return (self.finding, *self.also)


@dataclass(frozen=True)
class Plan:
    edits: tuple[Edit, ...]
    skipped_unsafe: int  # unsafe fixes left out (no --unsafe-fixes)
    skipped_overlap: int  # fixes that overlap one applied before them (left for the next run)
    skipped_unmapped: int  # fixes whose span cannot be mapped onto the file (markup inside it)

    @property
    def fixed(self) -> int:
        """How many findings the edits fix (merged and covered ones included)."""
        return sum(len(e.findings) for e in self.edits)


def safety(finding: Finding) -> str | None:
    """The fix safety of a finding: its rule's declaration (``Rule.fix_safety``)."""
    from .rules import get_rule

    if finding.suggestion is None:
        return None
    return get_rule(finding.rule).fix_safety(finding)


def label(rule) -> str:
    """A rule's fix safety as ``qa rules`` and docs/rules.md show it: ``safe``, ``unsafe``, ``-``
    (no fix), with ``*`` when it depends on the finding (the rule's ``fix_safety`` says how)."""
    from .rules.base import Rule

    # the function behind the classmethod: the rule overrides it, or inherits Rule's
    varies = getattr(rule.fix_safety, "__func__", None) is not vars(Rule)["fix_safety"].__func__
    return (rule.fix or "-") + ("*" if varies and rule.fix else "")


def explanation(rule) -> str | None:
    """How a rule's fix safety depends on the finding (None: it does not)."""
    if not label(rule).endswith("*"):
        return None
    import inspect

    return " ".join((inspect.getdoc(rule.fix_safety) or "").split()) or None


def plan(document: Document, raw: str, findings: Iterable[Finding], fmt: str, unsafe: bool = False) -> Plan:
    """The edits that fix ``findings`` in ``raw`` (the file's text as read, BOM removed)."""
    starts = line_starts(raw)
    wanted, unsafe_left, unmapped = [], 0, 0
    for f in findings:
        level = safety(f)
        if level is None:
            continue
        if level == UNSAFE and not unsafe:
            unsafe_left += 1
            continue
        span = _span(document.paragraphs[f.paragraph], f, starts, fmt, raw)
        if span is None:
            unmapped += 1
            continue
        wanted.append(Edit(span[0], span[1], _escape(f.suggestion or "", fmt), f))
    wanted.sort(key=lambda e: (e.start, e.end))
    edits: list[Edit] = []
    overlaps = 0
    for e in wanted:
        last = edits[-1] if edits else None
        if last is None or (e.start >= last.end and not (e.start == last.start == e.end == last.end)):
            edits.append(e)
            continue
        if e.start == last.start and e.end == last.end and e.text == last.text:
            edits[-1] = _with(last, last.text, e.finding)  # two rules, one fix: applied once
        elif last.start <= e.start and e.end <= last.end:
            merged = _merge(raw, last, e)
            edits[-1] = merged if merged is not None else last
            overlaps += merged is None
        elif e.start == last.start and e.end > last.end:  # ``last`` lies inside ``e``
            merged = _merge(raw, e, last)
            edits[-1] = merged if merged is not None else last
            overlaps += merged is None
        else:
            overlaps += 1
    return Plan(tuple(edits), unsafe_left, overlaps, unmapped)


def _with(edit: Edit, text: str, *found: Finding) -> Edit:
    return Edit(edit.start, edit.end, text, edit.finding, (*edit.also, *found))


_SPACES = str.maketrans("", "", " \u00a0\t\n")


def _merge(raw: str, outer: Edit, inner: Edit) -> Edit | None:
    """``outer`` with ``inner`` (which lies inside it) folded in, or None if they cannot be joined.

    Where the outer suggestion keeps the inner edit's text at the same place (spaces aside), the
    inner replacement is made inside it; where it no longer holds that text, the outer edit covers
    the inner one."""
    old = raw[inner.start : inner.end]
    before = raw[outer.start : inner.start]
    at = outer.text.find(old) if old else -1
    if old and at >= 0 and outer.text.count(old) == 1:
        if outer.text[:at].translate(_SPACES) != before.translate(_SPACES):
            return None
        return _with(outer, outer.text[:at] + inner.text + outer.text[at + len(old) :], inner.finding, *inner.also)
    if old and at < 0:
        return _with(outer, outer.text, inner.finding, *inner.also)  # the outer fix replaces it
    return None


def apply(raw: str, edits: Sequence[Edit]) -> str:
    out, at = [], 0
    for e in edits:
        out.append(raw[at : e.start])
        out.append(e.text)
        at = e.end
    out.append(raw[at:])
    return "".join(out)


def _span(para, f: Finding, starts: Sequence[int], fmt: str, raw: str) -> tuple[int, int] | None:
    """Where the finding's characters stand in ``raw`` (None: cannot be edited safely there)."""
    if para.origin is None:  # a verbatim slice of the file
        start, end = para.offset + f.start, para.offset + f.end
    else:
        (l1, c1), (l2, c2) = para.origin[f.start], para.origin[f.end]
        start, end = starts[l1 - 1] + c1 - 1, starts[l2 - 1] + c2 - 1
    if not 0 <= start <= end <= len(raw):
        return None
    if fmt in ("xliff", "tmx", "html") and "<" in raw[start:end]:
        return None  # markup inside the span: an edit would change or drop it
    if fmt in ("xliff", "tmx", "html") and raw.rfind("<![CDATA[", 0, start) > raw.rfind("]]>", 0, start):
        return None  # inside a CDATA section, where escapes are not read as such
    if fmt == "po" and '"' in raw[start:end].replace('\\"', ""):
        return None  # the span runs across PO string literals
    if para.origin is None and raw[start:end] != f.text:
        return None
    return start, end


def _escape(text: str, fmt: str) -> str:
    if fmt in ("xliff", "tmx", "html"):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if fmt == "po":
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return text
