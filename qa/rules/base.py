"""What a rule is: a class with a code, a name, an MQM category and type, a default severity and a
docstring that documents it, including examples it flags and examples it passes.

A rule may declare options (``options``: name, type, default, one line of documentation), which
a configuration sets per rule (``[rules.QA204]`` in ``qa.toml``) and the rule reads with
``self.option(name)``; ``qa explain CODE`` and docs/rules.md list them.

A rule sees one paragraph at a time (``check``) and may keep state across a document and report
more when the document ends (``finish``). It yields ``Hit``s: positions inside a paragraph and a
message. The engine turns hits into ``Finding``s (line and column, severity overrides, sorting).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from ..model import Category, Paragraph, Severity
from ..text.lazy import lazy_re

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


#: The types an option may have; ``tuple`` is a list of strings (a TOML array).
OPTION_TYPES = (bool, int, float, str, tuple)


@dataclass(frozen=True, slots=True)
class Option:
    """A setting a rule declares: ``name`` (kebab-case, the key in ``[rules.CODE]``), its type
    (bool, int, float, str, or tuple: a list of strings), its default and one line of doc."""

    name: str
    type: type
    default: Any
    doc: str

    def __post_init__(self):
        if self.type not in OPTION_TYPES:
            raise TypeError(f"option {self.name}: type must be one of bool, int, float, str, tuple")

    def parse(self, value: Any) -> Any:
        """``value`` (as TOML gives it) as this option's type; ValueError says what is expected."""
        if self.type is tuple:
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return tuple(value)
            raise ValueError("must be a list of strings")
        if self.type is bool:
            if isinstance(value, bool):
                return value
            raise ValueError("must be true or false")
        if isinstance(value, bool):
            raise ValueError(f"must be {self.type_name()}")
        if self.type is float and isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, self.type):
            return value
        raise ValueError(f"must be {self.type_name()}")

    def type_name(self) -> str:
        return {bool: "true or false", int: "a whole number", float: "a number", str: "a string",
                tuple: "a list of strings"}[self.type]

    def shown_default(self) -> str:
        """The default as it is written in ``qa.toml``."""
        import json

        value = list(self.default) if self.type is tuple else self.default
        return json.dumps(value, ensure_ascii=False)


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
    #: The options this rule reads (``self.option(name)``), settable as ``[rules.CODE]``.
    options: ClassVar[tuple[Option, ...]] = ()

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def option(self, name: str) -> Any:
        """The configured value of option ``name`` (``[rules.CODE]``), else its default; resolved
        once per rule instance (a document), so a rule may read it in its inner loop."""
        values = self.__dict__.get("_option_values")
        if values is None:
            configured = self.ctx.options.get("rules", {}).get(self.code, {})
            values = {o.name: configured.get(o.name, o.default) for o in self.options}
            self.__dict__["_option_values"] = values
        try:
            return values[name]
        except KeyError:
            raise KeyError(f"{self.code} has no option {name!r}") from None

    @classmethod
    def declared(cls, name: str) -> Option:
        """The declaration of option ``name``; KeyError if the rule has no such option."""
        for opt in cls.options:
            if opt.name == name:
                return opt
        raise KeyError(f"{cls.code} has no option {name!r}")

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
        """The docstring, then the options the rule declares (what ``qa explain`` prints)."""
        import inspect

        text = inspect.cleandoc(cls.__doc__ or "")
        return text + "\n\n" + cls.options_doc() if cls.options else text

    @classmethod
    def options_doc(cls) -> str:
        """The declared options as a list: name, type, default and documentation."""
        lines = [f"Options (set in `qa.toml` as `[rules.{cls.code}]`):", ""]
        for o in cls.options:
            lines.append(f"- `{o.name}` ({o.type_name()}, default `{o.shown_default()}`): {o.doc}")
        return "\n".join(lines)

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


_ESCAPE = lazy_re(r"\\(u[0-9a-fA-F]{4}|n|t|\\)")


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
