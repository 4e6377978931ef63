"""One table-driven test for the examples in tests/examples/*.toml: each pins a rule's exact span
(``<marker>…</marker>``, code points of the paragraph), its suggestion and its severity, or, with
no marker, that the rule finds nothing. One file per rule family; add an example there, not a test
function here."""

import re
import tomllib
from pathlib import Path

import pytest

from qa.rules import get_rule

from runqa import lint

EXAMPLES = Path(__file__).resolve().parent / "examples"
MARKER = re.compile(r"<marker>(.*?)</marker>", re.S)


def _load():
    for path in sorted(EXAMPLES.glob("*.toml")):
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for n, example in enumerate(data["example"], 1):
            yield pytest.param(example, id=f"{path.stem}-{n}-{example['rule']}")


def unmark(marked: str) -> tuple[str, list[tuple[int, int, int]]]:
    """The text without markers, and (paragraph, start, end) of each marked span."""
    paragraphs, spans = [], []
    for index, para in enumerate(marked.split("\n\n")):
        plain, pos = "", 0
        for m in MARKER.finditer(para):
            plain += para[pos:m.start()]
            spans.append((index, len(plain), len(plain) + len(m.group(1))))
            plain += m.group(1)
            pos = m.end()
        paragraphs.append(plain + para[pos:])
    return "\n\n".join(paragraphs), spans


def test_unmark():
    assert unmark("a <marker>bc</marker> d\n\n<marker>e</marker>") == ("a bc d\n\ne", [(0, 2, 4), (1, 0, 1)])


@pytest.mark.parametrize("example", list(_load()))
def test_example(example):
    rule = get_rule(example["rule"])
    text, spans = unmark(example["text"])
    found = sorted((f for f in lint(text, rule, source=example.get("source")) if f.rule == rule.code),
                   key=lambda f: (f.paragraph, f.start))
    assert [(f.paragraph, f.start, f.end) for f in found] == spans
    if spans:
        assert [f.suggestion or "" for f in found] == example["suggestion"]
        assert [f.severity.value for f in found] == example["severity"]
