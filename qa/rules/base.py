"""What a rule is: a class with a code, a name, an MQM category and type, a default severity and a
docstring that documents it, including examples it flags and examples it passes.

A rule sees one paragraph at a time (``check``) and may keep state across a document and report
more when the document ends (``finish``). It yields ``Hit``s: positions inside a paragraph and a
message. The engine turns hits into ``Finding``s (line and column, severity overrides, sorting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Iterable, Mapping, Sequence

from ..model import Category, Paragraph, Severity


#: Paragraphs on either side within which rules compare one part of a document with another.
DEFAULT_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: characters ``start:end`` of paragraph ``paragraph``."""

    paragraph: int
    start: int
    end: int
    message: str
    suggestion: str | None = None
    severity: Severity | None = None  # None: the rule's (configured) severity


@dataclass
class Context:
    """What rules may consult besides the paragraph: the document's path, the aligned source
    paragraphs (if a source was given), glossaries (loaded lazily) and options."""

    path: str = "<text>"
    paragraphs: Sequence[Paragraph] = ()
    source: Sequence[Paragraph] | None = None
    glossary_paths: Sequence[str] = ()
    use_default_glossaries: bool = True
    options: Mapping[str, Any] = field(default_factory=dict)

    @cached_property
    def glossary(self):
        from ..glossary import load_glossary

        return load_glossary(tuple(self.glossary_paths), self.use_default_glossaries)

    @property
    def window(self) -> int:
        """How many paragraphs on either side document-level evidence is taken from (the
        ``window`` setting; 0: the whole document). A file may gather many articles, a corpus or a
        batch of press releases; a press release runs to some tens of paragraphs."""
        return int(self.options.get("window", DEFAULT_WINDOW))

    def source_for(self, index: int) -> Paragraph | None:
        """The source paragraph aligned with target paragraph ``index`` (or None)."""
        if self.source is None or index >= len(self.source):
            return None
        return self.source[index]


class Rule:
    """Base class. Subclasses set the class attributes and override ``check`` and/or ``finish``."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    mqm: ClassVar[str]
    severity: ClassVar[Severity]
    #: Whether ``qa fix`` may apply this rule's suggestions: ``"safe"`` (mechanical, invisible or
    #: typographic), ``"unsafe"`` (a change of wording, only with ``--unsafe-fixes``) or None.
    fix: ClassVar[str | None] = None

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def check(self, para: Paragraph) -> Iterable[Hit]:
        return ()

    def finish(self) -> Iterable[Hit]:
        return ()

    @classmethod
    def fix_safety(cls, finding) -> str | None:
        """The fix safety of one of this rule's findings (a rule may make it depend on the
        finding, e.g. on the strength of its evidence); by default the rule's ``fix``."""
        return cls.fix

    # -- documentation -------------------------------------------------------------------
    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The docstring's first paragraph, on one line."""
        return " ".join(cls.doc().split("\n\n", 1)[0].split())

    @classmethod
    def examples(cls) -> tuple[list[str], list[str]]:
        """(flagged examples, passing examples) from the docstring's ``Flags:``/``Passes:`` blocks.

        Each indented line under a block is one example document; ``\\n`` stands for a line
        break and ``\\uXXXX`` for a code point, so invisible characters stay visible in the docs.
        """
        flags: list[str] = []
        passes: list[str] = []
        current: list[str] | None = None
        for line in cls.doc().splitlines():
            head = line.strip().lower()
            if head in ("flags:", "flags::"):
                current = flags
            elif head in ("passes:", "passes::"):
                current = passes
            elif line.startswith("    ") and current is not None:
                current.append(unescape(line[4:]))
            elif line.strip() and not line.startswith(" "):
                current = None
        return flags, passes


_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|n|t|\\)")


def unescape(text: str) -> str:
    def sub(m: re.Match) -> str:
        e = m.group(1)
        if e == "n":
            return "\n"
        if e == "t":
            return "\t"
        if e == "\\":
            return "\\"
        return chr(int(e[1:], 16))

    return _ESCAPE.sub(sub, text)
