"""Patterns compiled on first use.

The checker defines about 150 patterns at import time; compiling them all (``regex`` parses a
pattern in Python) cost about 0.1 s of every start, though a short text uses about half of them.
:func:`lazy_regex` and :func:`lazy_re` return an object that behaves as the compiled pattern and
compiles it the first time one of its methods is asked for; from then on its methods are the
compiled pattern's own bound methods, stored on the object, so a hot loop pays nothing more.
"""

from __future__ import annotations

import re
from typing import Any, cast

import regex


class LazyPattern:
    """A pattern (``pattern``, ``flags``) compiled by ``compiler`` when first used."""

    def __init__(self, compiler: Any, pattern: Any, flags: int = 0) -> None:
        self._compiler = compiler
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_compiler", "_compiled"):
            raise AttributeError(name)
        compiled = self._compiler(self.pattern, self.flags)
        for attr in dir(compiled):
            if not attr.startswith("_"):
                setattr(self, attr, getattr(compiled, attr))
        self._compiled = compiled
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self._compiler, self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, compiled on first use."""
    return cast("regex.Pattern[str]", LazyPattern(regex.compile, pattern, flags))


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled on first use."""
    return cast("re.Pattern[str]", LazyPattern(re.compile, pattern, flags))
