"""``qa fix``: the checker's own suggestions applied to the translation, safely.

A rule declares whether its suggestion may be applied without a reviewer (``Rule.fix``): ``safe``
(an invisible or mechanical change: a no-break space, a missing space after the danda, a Latin full
stop where the document uses the danda), ``unsafe`` (a change of wording a reviewer should see: an
official name for a wrong expansion) or None (no fix). Edits are made in the text of the file as
read: in a text file at the paragraph's offset, in a bilingual file through the position in the
file of every character of the target (``Paragraph.origin``), written with that format's escaping,
so that everything outside the edited targets stays byte-identical. Overlapping edits are resolved
(the first in the text wins; the other is left for the next run), never applied twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .model import Document, Finding
from .model import line_starts  # a line ends at LF, CRLF or a lone CR, as in Paragraph.origin

SAFE, UNSAFE = "safe", "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace code points ``start:end`` of the file's text with ``text``."""

    start: int
    end: int
    text: str
    finding: Finding


@dataclass(frozen=True)
class Plan:
    edits: tuple[Edit, ...]
    skipped_unsafe: int  # unsafe fixes left out (no --unsafe-fixes)
    skipped_overlap: int  # fixes that overlap one applied before them (left for the next run)
    skipped_unmapped: int  # fixes whose span cannot be mapped onto the file (markup inside it)


def safety(finding: Finding) -> str | None:
    """The fix safety of a finding: its rule's declaration (``Rule.fix_safety``)."""
    from .rules import get_rule

    if finding.suggestion is None:
        return None
    return get_rule(finding.rule).fix_safety(finding)


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
        if edits and (e.start < edits[-1].end or (e.start == edits[-1].start == e.end == edits[-1].end)):
            overlaps += 1
            continue
        edits.append(e)
    return Plan(tuple(edits), unsafe_left, overlaps, unmapped)


def apply(raw: str, edits: Sequence[Edit]) -> str:
    out, at = [], 0
    for e in edits:
        out.append(raw[at : e.start])
        out.append(e.text)
        at = e.end
    out.append(raw[at:])
    return "".join(out)


def _span(para, f: Finding, starts: list[int], fmt: str, raw: str) -> tuple[int, int] | None:
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
