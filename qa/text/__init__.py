"""The text layer: what every part of the checker needs to know about text, defined once."""

from __future__ import annotations


def line_starts(text: str) -> list[int]:
    """The code-point offset at which each line of ``text`` starts (only ``\\n`` ends a line)."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts
