"""Reporters: pure functions from lint results to text. They never print and never decide exit codes."""

from __future__ import annotations

from typing import Callable, Sequence

from ..model import DocumentResult

Reporter = Callable[..., str]


def get_reporter(name: str) -> Reporter:
    from . import json as json_reporter
    from . import text as text_reporter

    table: dict[str, Reporter] = {"text": text_reporter.render, "json": json_reporter.render}
    return table[name]


FORMATS: Sequence[str] = ("text", "json")

__all__ = ["DocumentResult", "FORMATS", "get_reporter"]
