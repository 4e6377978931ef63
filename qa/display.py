"""Text shown on a terminal or in a log, one line per record: control characters (a newline or an
ANSI escape in a file name, a control character in a message) are shown escaped, so that they can
neither forge a line of the report nor drive the terminal."""

from __future__ import annotations

import re

from .text.lazy import lazy_re

_CONTROL = lazy_re(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x1b``, ``\\u2028``)."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_escape, text)


def _escape(m: re.Match) -> str:
    ch = m.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch)
    if named:
        return named
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
