"""Glossaries: organisations, acronyms and terms (see glossaries/README.md).

Placeholder: the full loader arrives with the glossary issue. Other rules rely only on the
methods below, which must keep their meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Glossary:
    def latin_names(self) -> frozenset[str]:
        """Latin-script acronyms and names the glossaries know (G7, UNICRI, INTERPOL, Europol)."""
        return frozenset()

    def devanagari_names(self) -> frozenset[str]:
        """Single-token Devanagari spellings of known acronyms and names (यूएनओडीसी, इंटरपोल)."""
        return frozenset()


@lru_cache(maxsize=8)
def load_glossary(extra_paths: tuple[str, ...] = (), use_defaults: bool = True) -> Glossary:
    return Glossary()
