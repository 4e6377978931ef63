"""Reporters: pure functions from lint results to text. They never print and never decide exit codes.

Every reporter is ``render(results, **context) -> str``; the context it may use: ``color``,
``documents`` (path -> Document, for paragraph texts and fingerprints) and ``fail_on``
(the lowest failing Severity of ``qa lint``, None for ``qa gate``). Modules are imported only
when their format is asked for, so ``qa lint`` starts fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from ..model import DocumentResult

Reporter = Callable[..., str]

FORMATS: Sequence[str] = ("text", "json", "sarif", "junit", "github", "csv")


def get_reporter(name: str) -> Reporter:
    if name not in FORMATS and name != "gate":
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}").render


__all__ = ["FORMATS", "DocumentResult", "get_reporter"]
