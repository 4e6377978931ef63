"""Invisible characters that carry no meaning where they stand (zero-width joiners out of place).

Not a rule of its own: QA303 (control-character, ``encoding.py``) reports these hits."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..model import Paragraph, Severity
from ..text.lazy import lazy_re
from .base import Hit

#: Zero-width space, non-joiner, joiner, word joiner, soft hyphen, Mongolian vowel separator.
_INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\u180e"
_RUN = lazy_re(f"[{_INVISIBLE}]+")
_VIRAMA = "\u094d"
#: Where a single joiner does work: next to a virama (half forms, eyelash ra), or inside an
#: emoji sequence (pictographs, skin tones, variation selectors).
_SHOWN = 3  # code points named in a message, at most


def _emoji(ch: str) -> bool:
    return bool(ch) and (unicodedata.category(ch) == "So" or "\U0001f3fb" <= ch <= "\U0001f3ff" or ch in "\ufe0f\u20e3")


def invisible_hits(para: Paragraph) -> Iterator[Hit]:
    r"""Zero-width characters that do nothing where they stand: two or more in a row, or a
    zero-width joiner or non-joiner that touches no virama and no emoji (reported by QA303).

    Devanagari needs a joiner or non-joiner next to a virama (half forms, explicit halant) and
    emoji sequences join pictographs with it: those pass. A lone joiner elsewhere renders as
    nothing and is reported at info. A run of zero-width spaces, joiners, word joiners or soft
    hyphens is invisible junk from copy and paste or a tool: inside a word it breaks search and
    spell checking (the rule's severity); a short run (up to three) beside a space splits no
    word and is reported at info. The message names the characters, however long the run (and
    stays short).
    """
    text = para.text
    for m in _RUN.finditer(text):
        start, end = m.span()
        run = m.group()
        if len(run) == 1:
            if run not in "\u200c\u200d":
                continue  # one zero-width space or soft hyphen: a line-break hint
            before, after = text[start - 1 : start], text[end : end + 1]
            if _VIRAMA in (before, after) or _emoji(before) or _emoji(after):
                continue
        names = ", ".join(
            f"U+{ord(c):04X} {unicodedata.name(c, '').lower()}" for c in list(dict.fromkeys(run))[:_SHOWN]
        )
        count = f"{len(run):,} invisible characters in a row" if len(run) > 1 else "an invisible character"
        # one stray joiner renders as nothing (a hint); a short run beside a space splits no
        # word (WMT24 annotators never marked one: a hint); a run inside a word is junk from a
        # tool that breaks search and spell checking (the rule's severity)
        spaced = text[start - 1:start].isspace() or text[end:end + 1].isspace()
        severity = Severity.INFO if len(run) == 1 or (spaced and len(run) <= 3) else None
        yield Hit(para.index, start, end, f"{count} ({names}) that join nothing; delete them", "", severity)
