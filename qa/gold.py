"""Gold annotations and findings as ``qa eval`` scores them: reading an ``X.gold.jsonl`` against
its document (``load_gold``), and reducing findings, from a run or from a findings JSON, to
absolute spans (``scored_from_result``, ``scored_from_json``). The format is documented in
docs/evaluation.md and in :mod:`qa.evaluation`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Category, Document, DocumentResult
from .text import line_starts

LEVELS = ("required", "stretch", "tolerated")
_CATEGORIES = frozenset(c.value for c in Category)
#: The suffixes that make a DOC/GOLD pair in a directory.
DOC_SUFFIX, GOLD_SUFFIX = ".hi.txt", ".gold.jsonl"


@dataclass
class GoldItem:
    """One annotation: its places (absolute ``(start, end)`` offsets) and what counts as found."""

    id: str
    level: str
    categories: tuple[str, ...]
    spans: list[tuple[int, int]]
    wildcard: bool = False
    kind: str | None = None  # the injected defect kind (synthetic sets), else None
    severity: str | None = None
    note: str = ""
    places: list[dict] = field(default_factory=list)  # the gold refs as written

    @property
    def primary(self) -> str:
        """The category an item is tabulated under: its first listed one."""
        return self.categories[0] if self.categories else "(none)"


@dataclass
class Scored:
    """A finding reduced to what scoring needs: absolute ``[start, end)`` and its fields."""

    start: int
    end: int
    category: str
    severity: str
    rule: str
    info: dict


# -- gold ---------------------------------------------------------------------------------------


def _regular(path) -> None:
    """Refuse a FIFO or device (reading one would hang or never end) and an oversized file."""
    if Path(path).exists():
        from .document import regular_file

        regular_file(path)


def load_gold(path: str | Path, doc: Document) -> list[GoldItem]:
    """Read ``path`` (gold JSONL) and locate every item in ``doc``; errors name the line."""
    name = str(path)
    _regular(path)
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 (byte at offset {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise InputError(name, f"cannot read it ({exc.strerror})") from None
    items: list[GoldItem] = []
    seen: set[str] = set()
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(name, f"line {lineno}: not JSON ({exc.msg})") from None
        except RecursionError:
            raise InputError(name, f"line {lineno}: not JSON qa reads (nested too deep)") from None
        except ValueError as exc:  # a number of thousands of digits
            raise InputError(name, f"line {lineno}: not JSON qa reads ({str(exc).split(';')[0]})") from None
        item = _gold_item(raw, doc, name, f"line {lineno}")
        if item.id in seen:
            raise InputError(name, f"line {lineno}: id {item.id!r} is used twice")
        seen.add(item.id)
        items.append(item)
    return items


def _gold_item(raw: object, doc: Document, name: str, where: str) -> GoldItem:
    def bad(problem: str) -> InputError:
        return InputError(name, f"{where}: {problem}")

    if not isinstance(raw, dict):
        raise bad("a gold item is a JSON object")
    level = raw.get("level")
    if level not in LEVELS:
        raise bad(f"level {level!r} is not one of {', '.join(LEVELS)}")
    cats = raw.get("categories", [])
    if not isinstance(cats, list) or not all(isinstance(c, str) for c in cats):
        raise bad("categories must be a list of category names")
    unknown = [c for c in cats if c not in _CATEGORIES]
    if unknown:
        raise bad(f"unknown categories {', '.join(unknown)} (known: {', '.join(sorted(_CATEGORIES))})")
    if level != "tolerated" and not cats:
        raise bad(f"a {level} item needs categories")
    item = GoldItem(
        id=str(raw.get("id", where)),
        level=level,
        categories=tuple(cats),
        spans=[],
        kind=raw.get("kind"),
        severity=raw.get("severity"),
        note=str(raw.get("note", "")),
    )
    if raw.get("para") == "*":
        item.wildcard = True
        return item
    refs = raw.get("any_of", [raw])
    if not isinstance(refs, list) or not refs:
        raise bad("any_of must be a non-empty list of {para, text, occurrence}")
    for ref in refs:
        item.spans.append(_locate(ref, doc, bad))
        item.places.append({k: ref[k] for k in ("para", "text", "occurrence") if k in ref})
    return item


def _locate(ref: object, doc: Document, bad) -> tuple[int, int]:
    if not isinstance(ref, dict):
        raise bad("a place is an object with para and text")
    para, text, k = ref.get("para"), ref.get("text"), ref.get("occurrence", 1)
    if not isinstance(para, int) or isinstance(para, bool):
        raise bad(f"para {para!r} is not a paragraph number (0-based) or \"*\"")
    if not 0 <= para < len(doc.paragraphs):
        raise bad(f"para {para} is out of range: the document has {len(doc.paragraphs)} paragraphs")
    if not isinstance(text, str) or not text:
        raise bad("text must be a non-empty string")
    if not isinstance(k, int) or k < 1:
        raise bad(f"occurrence {k!r} must be a positive integer")
    p = doc.paragraphs[para]
    body, needle = p.text.replace("\u00a0", " "), text.replace("\u00a0", " ")
    at = -1
    for _ in range(k):
        at = body.find(needle, at + 1)
        if at < 0:
            raise bad(f"text {text!r} (occurrence {k}) not found in paragraph {para}")
    return (p.offset + at, p.offset + at + len(needle))


# -- findings -----------------------------------------------------------------------------------


def scored_from_result(result: DocumentResult, doc: Document, count_info: bool = False) -> list[Scored]:
    """The findings of one of qa's own results, as absolute spans."""
    out = []
    for f in result.findings:
        if f.severity.value == "info" and not count_info:
            continue
        base = doc.paragraphs[f.paragraph].offset
        info = f.to_dict()
        out.append(Scored(base + f.start, base + max(f.end, f.start), f.category.value, f.severity.value, f.rule, info))
    return out


def scored_from_json(path: str | Path, doc: Document, count_info: bool = False) -> list[Scored]:
    """Findings of any checker that writes qa's JSON contract (line/column based), one document."""
    name = str(path)
    _regular(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(name, f"not a JSON findings file ({str(exc).split(';')[0]})") from None
    except RecursionError:
        raise InputError(name, "not a JSON findings file (nested too deep)") from None
    if isinstance(data, dict) and "documents" in data:
        data = data["documents"]
    if isinstance(data, list):
        if len(data) != 1:
            raise InputError(name, f"holds {len(data)} documents; give the findings of exactly one")
        data = data[0]
    if not isinstance(data, dict):
        raise InputError(name, "expected a JSON object with findings or paragraphs")
    found = list(data.get("findings", []))
    for p in data.get("paragraphs", []):
        found.extend(p.get("findings", []))
    starts = line_starts(doc.text)
    out = []
    for f in found:
        if f.get("severity") == "info" and not count_info:
            continue
        try:
            a = starts[f["line"] - 1] + f["column"] - 1
            b = starts[f.get("end_line", f["line"]) - 1] + f.get("end_column", f["column"] + 1) - 1
        except (KeyError, IndexError, TypeError):
            raise InputError(name, f"finding without a valid line/column: {json.dumps(f, ensure_ascii=False)[:120]}") from None
        out.append(Scored(a, max(a, b), f.get("category", ""), f.get("severity", ""), f.get("rule", ""), f))
    return out


# -- scoring ------------------------------------------------------------------------------------
