"""The data the checker passes around: frozen, plain, and free of behaviour that prints or exits."""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol


class PositionMap(Protocol):
    """Where each code point of a text sits in its input file: ``m[i]`` is the 1-based (line,
    column) of code point ``i`` (``m[len(text)]``: just after the text). A tuple of positions is
    one; so is the compact ``qa.formats._units.Runs``."""

    def __getitem__(self, i: int, /) -> tuple[int, int]: ...

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[tuple[int, int]]: ...


class Severity(enum.Enum):
    """MQM severity levels, ordered; ``weight`` is the MQM 2.0 penalty of one finding."""

    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def weight(self) -> int:
        return _WEIGHTS[self]

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def __lt__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None


_WEIGHTS = {Severity.INFO: 0, Severity.MINOR: 1, Severity.MAJOR: 5, Severity.CRITICAL: 25}
_RANKS = {Severity.INFO: 0, Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class Category(enum.Enum):
    """The finding categories of the JSON contract (exactly these)."""

    UNTRANSLATED = "untranslated"
    MISTRANSLATION = "mistranslation"
    ACRONYM = "acronym"
    TERMINOLOGY = "terminology"
    CONSISTENCY = "consistency"
    SPELLING = "spelling"
    ENCODING = "encoding"
    PUNCTUATION = "punctuation"
    WHITESPACE = "whitespace"
    STRUCTURE = "structure"
    LOCALE = "locale"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of non-blank lines, its text exactly as written (trailing line break removed).

    ``offset`` is the code-point offset of the paragraph in its document, ``line`` the 1-based
    line it starts on. Positions inside the paragraph are code points of ``text``.
    """

    index: int
    text: str
    offset: int
    line: int
    #: The unit's identifier in a structured input (XLIFF/TMX/PO id, JSONL id); None for text.
    unit: str | None = None
    #: For text extracted from markup: the 1-based (line, column) in the input file of every code
    #: point of ``text`` plus one for its end. None when ``text`` is a verbatim slice of the file.
    origin: PositionMap | None = None

    def position(self, start: int) -> tuple[int, int]:
        """1-based (line, column) of code point ``start`` of this paragraph, in the input file.

        A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r``. Linear over many calls: the line
        starts of a text are found once (cached), each call is a binary search."""
        if self.origin is not None:
            return self.origin[start]
        starts = line_starts(self.text)
        k = bisect.bisect_right(starts, start) - 1
        return self.line + k, start - starts[k] + 1


@lru_cache(maxsize=64)
def line_starts(text: str) -> tuple[int, ...]:
    """The offsets where the lines of ``text`` start (0 first); a line ends at LF, CRLF or CR."""
    out = [0]
    out.extend(m.end() for m in _LINE_END.finditer(text))
    return tuple(out)


_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Document:
    """A translation as read: its display path, full text and paragraphs. A file of units (PO,
    XLIFF, TMX, JSON Lines) has no text of its own (``""``): its paragraphs are its units."""

    path: str
    text: str
    paragraphs: tuple[Paragraph, ...]


#: The longest finding message, in code points (the finding's ``text`` carries the span itself).
MAX_MESSAGE = 500


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported defect, at exact code-point positions of the text as read."""

    rule: str
    name: str
    category: Category
    mqm: str
    severity: Severity
    paragraph: int
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    message: str
    suggestion: str | None = None
    path: str = ""
    unit: str | None = None

    def __post_init__(self) -> None:
        if len(self.message) > MAX_MESSAGE:  # a message quoting a huge span stays readable
            object.__setattr__(self, "message", self.message[: MAX_MESSAGE - 1] + "…")

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column)

    def to_dict(self) -> dict:
        out = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category.value,
            "mqm": self.mqm,
            "severity": self.severity.value,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "message": self.message,
        }
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        if self.unit is not None:
            out["unit"] = self.unit
        return out


@dataclass(frozen=True, slots=True)
class ParagraphResult:
    index: int
    line: int
    words: int
    penalty: int
    score: float
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class DocumentResult:
    path: str
    words: int
    penalty: int
    score: float
    passed: bool
    threshold: float
    #: A tuple; for a large file linted from disk, a lazy sequence (``engine._Results``).
    paragraphs: Sequence[ParagraphResult]
    notes: tuple[str, ...] = field(default=())
    #: Nothing to publish: no target holds a letter or digit (empty, or only invisible characters,
    #: soft hyphens, spaces or punctuation). Such a document fails (``scoring.passes``).
    empty: bool = False

    @property
    def findings(self) -> list[Finding]:
        return [f for p in self.paragraphs for f in p.findings]
