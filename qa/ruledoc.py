"""The rule reference (``docs/rules.md``), rendered from the rule registry.

``render_markdown()`` gives one Markdown page: a summary table of every rule, then a section per
rule with its code, name, category, MQM type, default severity, its docstring and declared
options (the text ``qa explain CODE`` prints) and the examples it flags and passes. ``tools/rule_reference.py``
writes the page; ``tests/test_docs.py`` fails when the file in the repository is stale.
"""

from __future__ import annotations

import re
import unicodedata

from .fixer import explanation as fix_explanation
from .fixer import label as fix_label
from .rules import all_rules
from .text.lazy import lazy_re

HEADER = """\
# Rule reference

<!-- Generated from the rule registry by `python3 tools/rule_reference.py`; do not edit by hand.
     A test (tests/test_docs.py) fails when this file is stale. -->

Every rule is a class in `qa/rules/` with a stable code, a kebab-case name, a category, an MQM
error type, a default severity and a docstring that is its documentation (`qa explain CODE`
prints it), with examples it flags and examples it passes; the test suite runs every rule on
its own examples. Code ranges: QA1xx untranslated, QA2xx spelling and glued words, QA3xx
encoding, QA4xx punctuation, QA5xx structure and consistency, QA6xx acronyms and terms, QA7xx
whitespace, QA8xx locale. Severities can be changed per rule (`--severity CODE=LEVEL`, or
`[severity]` in the configuration); a rule's options, where it declares any, are set in
`[rules.CODE]` tables of `qa.toml`; `qa rules` prints the table below. The fix column says
which suggestions `qa fix` applies (docs/fix.md): `safe` ones always, `unsafe` ones with
`--unsafe-fixes`; `*` marks a safety that depends on the finding.
"""

_EXAMPLE_HEAD = lazy_re(r"(flags|passes)::?", re.IGNORECASE)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _prose(cls) -> str:
    """The docstring without its ``Flags:``/``Passes:`` blocks (they are rendered apart)."""
    out: list[str] = []
    skipping = False
    for line in cls.doc().splitlines():
        if _EXAMPLE_HEAD.fullmatch(line.strip()):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out).strip()


def _visible(example: str) -> str:
    """An example on one line: line breaks as ``\\n``, invisible characters as ``\\uXXXX``."""
    out = []
    for ch in example:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\\":
            out.append("\\\\")
        elif ch != " " and (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zs")):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _examples(title: str, examples: list[str]) -> list[str]:
    if not examples:
        return []
    shown = [_visible(e) for e in examples]
    fence = "````" if any("```" in e for e in shown) else "```"  # an example may hold a fence itself
    return [f"{title}:", "", f"{fence}text", *shown, fence, ""]


def render_markdown() -> str:
    """The whole rule reference as Markdown (ends with one newline)."""
    rules = all_rules()
    lines = [HEADER]
    lines += ["| code | name | category | default severity | fix | summary |", "| --- | --- | --- | --- | --- | --- |"]
    for cls in rules:
        lines.append(
            f"| [{cls.code}](#{cls.code.lower()}-{cls.name}) | {cls.name} | {cls.category.value} | "
            f"{cls.severity.value} | {fix_label(cls)} | {_cell(cls.summary())} |"
        )
    lines.append("")
    lines.append("Examples are one document a line; `\\n` stands for a line break and `\\uXXXX` for an")
    lines.append("invisible character, as in the docstrings.")
    lines.append("")
    for cls in rules:
        flags, passes = cls.examples()
        lines += [
            f"## {cls.code} {cls.name}",
            "",
            f"Category `{cls.category.value}` · MQM `{cls.mqm}` · "
            f"default severity `{cls.severity.value}` · fix `{fix_label(cls).replace('-', 'none')}`",
            "",
            *([f"Fix safety: {fix_explanation(cls)}", ""] if fix_explanation(cls) else []),
            _prose(cls),
            "",
            *_examples("Flags", flags),
            *_examples("Passes", passes),
        ]
    return "\n".join(lines).rstrip("\n") + "\n"
