"""Scoring the checker against gold annotations (``qa eval``). No printing, no exiting.

The gold format (one JSON object a line, ``X.gold.jsonl`` beside ``X.hi.txt``) is the project's
annotation format, documented in docs/evaluation.md. An item names characters of the
document by paragraph (0-based, blocks of non-blank lines) and text (``occurrence``, 1-based,
counts overlapping matches as ``str.find`` steps through them), or ``any_of`` several such
places, or ``para: "*"`` (a whole-document wildcard that matches by category only); it lists the
``categories`` that count as a correct label and a ``level``: ``required``, ``stretch`` or
``tolerated``. A no-break space in the document matches a plain space in the gold text.

Scoring follows ``fixtures/score_findings.py`` exactly (a test holds the two together): a gold
item is found when a finding overlaps one of its places and carries a listed category (for
"any category", overlap alone); a finding is a true positive when it overlaps any gold item of
any level, or carries the category of a wildcard. Findings of severity ``info`` are left out
unless ``count_info`` is set. Offsets are absolute code points of the document as read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

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
    refs = raw["any_of"] if "any_of" in raw else [raw]
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


def _hits(span: tuple[int, int], a: int, b: int) -> bool:
    s, e = span
    return (a < e and s < b) if b > a else (s <= a <= e)


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def score(gold: Sequence[GoldItem], found: Sequence[Scored], doc: Document | None = None) -> dict:
    """Score ``found`` against ``gold``: the numbers of score_findings.py and the detail behind them."""
    overlapping: list[list[Scored]] = [
        [f for f in found if any(_hits(sp, f.start, f.end) for sp in g.spans)] for g in gold
    ]
    true_pos: list[bool] = []
    for f in found:
        ok = any(
            any(_hits(sp, f.start, f.end) for sp in g.spans) or (g.wildcard and f.category in g.categories)
            for g in gold
        )
        true_pos.append(ok)
    res: dict = {}
    strict_of: dict[str, bool] = {}
    for level in ("required", "stretch"):
        idx = [i for i, g in enumerate(gold) if g.level == level]
        strict = [i for i in idx if any(f.category in gold[i].categories for f in overlapping[i])]
        loose = [i for i in idx if overlapping[i]]
        for i in idx:
            strict_of[gold[i].id] = i in strict
        res[level] = {
            "items": len(idx),
            "found": len(strict),
            "found_any_category": len(loose),
            "missed": [gold[i].id for i in idx if i not in strict],
        }
    n, tp = len(found), sum(true_pos)
    req = res["required"]
    res["findings"] = n
    res["true_positives"] = tp
    res["false_positives"] = n - tp
    res["precision"] = _ratio(tp, n)
    res["recall"] = _ratio(req["found"], req["items"])
    res["recall_any_category"] = _ratio(req["found_any_category"], req["items"])
    res["stretch_recall"] = _ratio(res["stretch"]["found"], res["stretch"]["items"])
    res["by_category"] = _table(gold, found, true_pos, strict_of, overlapping, lambda g: g.primary)
    if any(g.kind for g in gold):
        res["by_kind"] = _table(gold, found, true_pos, strict_of, overlapping, lambda g: g.kind or "(none)", side=False)
    res["by_rule"] = _by_rule(found, true_pos)
    res["missed_items"] = [
        _missed(g, overlapping[i], doc) for i, g in enumerate(gold) if g.level != "tolerated" and not strict_of[g.id]
    ]
    res["false_alarms"] = [f.info for f, ok in zip(found, true_pos) if not ok]
    return res


def _table(gold, found, true_pos, strict_of, overlapping, key, side: bool = True) -> dict:
    """Rows keyed by ``key(item)``: required items/found (strict and any category); when
    ``side``, also the findings of that category and how many are true positives."""
    rows: dict[str, dict] = {}

    def row(name: str) -> dict:
        return rows.setdefault(name, {"items": 0, "found": 0, "found_any_category": 0, "findings": 0, "true_positives": 0})

    for i, g in enumerate(gold):
        if g.level != "required":
            continue
        r = row(key(g))
        r["items"] += 1
        r["found"] += strict_of[g.id]
        r["found_any_category"] += bool(overlapping[i])
    if side:
        for f, ok in zip(found, true_pos):
            r = row(f.category)
            r["findings"] += 1
            r["true_positives"] += ok
    for r in rows.values():
        _finish_row(r)
    return dict(sorted(rows.items()))


def _finish_row(r: dict) -> None:
    r["recall"] = _ratio(r["found"], r["items"])
    if "findings" in r:
        r["precision"] = _ratio(r["true_positives"], r["findings"])


def _by_rule(found: Sequence[Scored], true_pos: Sequence[bool]) -> dict:
    rows: dict[str, dict] = {}
    for f, ok in zip(found, true_pos):
        r = rows.setdefault(f.rule or "(none)", {"category": f.category, "findings": 0, "true_positives": 0})
        r["findings"] += 1
        r["true_positives"] += ok
    for r in rows.values():
        r["precision"] = _ratio(r["true_positives"], r["findings"])
    return dict(sorted(rows.items()))


def _missed(g: GoldItem, overlapping: list[Scored], doc: Document | None) -> dict:
    out = {"id": g.id, "level": g.level, "categories": list(g.categories), "places": g.places}
    if g.kind:
        out["kind"] = g.kind
    if g.note:
        out["note"] = g.note
    if doc is not None and g.spans:
        a, b = g.spans[0]
        out["text"] = doc.text[a:b]
    if overlapping:  # found, but under another category
        out["found_as"] = sorted({f"{f.rule} {f.category}" for f in overlapping})
    return out


# -- totals over several documents --------------------------------------------------------------

_SUMMED = ("findings", "true_positives", "false_positives")


def combine(reports: Sequence[dict]) -> dict:
    """Micro-averaged totals of several documents' reports (same keys as one report)."""
    tot: dict = {k: sum(r[k] for r in reports) for k in _SUMMED}
    for level in ("required", "stretch"):
        tot[level] = {
            "items": sum(r[level]["items"] for r in reports),
            "found": sum(r[level]["found"] for r in reports),
            "found_any_category": sum(r[level]["found_any_category"] for r in reports),
            "missed": [m for r in reports for m in r[level]["missed"]],
        }
    tot["precision"] = _ratio(tot["true_positives"], tot["findings"])
    tot["recall"] = _ratio(tot["required"]["found"], tot["required"]["items"])
    tot["recall_any_category"] = _ratio(tot["required"]["found_any_category"], tot["required"]["items"])
    tot["stretch_recall"] = _ratio(tot["stretch"]["found"], tot["stretch"]["items"])
    for table in ("by_category", "by_kind", "by_rule"):
        merged: dict[str, dict] = {}
        for r in reports:
            for name, row in r.get(table, {}).items():
                m = merged.setdefault(name, {k: (v if isinstance(v, str) else 0) for k, v in row.items()
                                             if k not in ("recall", "precision")})
                for k, v in row.items():
                    if k not in ("recall", "precision") and not isinstance(v, str):
                        m[k] += v
        for row in merged.values():
            if "items" in row:
                _finish_row(row)
            else:
                row["precision"] = _ratio(row["true_positives"], row["findings"])
        if merged or table != "by_kind":
            tot[table] = dict(sorted(merged.items()))
    for k in ("missed_items", "false_alarms"):
        tot[k] = [dict(x, document=r["document"]) for r in reports for x in r[k]]
    return tot


# -- pairs and running --------------------------------------------------------------------------


def find_pairs(directory: str | Path) -> list[tuple[str, str]]:
    """Every ``X.hi.txt`` with an ``X.gold.jsonl`` beside it, below ``directory``, sorted."""
    root = Path(directory)
    pairs = []
    for doc in sorted(root.rglob("*" + DOC_SUFFIX)):
        gold = doc.with_name(doc.name[: -len(DOC_SUFFIX)] + GOLD_SUFFIX)
        if gold.is_file():
            pairs.append((str(doc), str(gold)))
    if not pairs:
        raise InputError(str(directory), f"holds no X{DOC_SUFFIX} + X{GOLD_SUFFIX} pair; pass DOC GOLD or such a directory")
    return pairs


def evaluate(
    doc_path: str,
    gold_path: str,
    options,
    count_info: bool = False,
    findings_path: str | None = None,
) -> dict:
    """Lint ``doc_path`` with ``options`` (an ``engine.Options``; or score the findings JSON at
    ``findings_path``) and score the result against ``gold_path``."""
    from .document import read_document
    from .engine import lint_document

    doc = read_document(doc_path)
    gold = load_gold(gold_path, doc)
    if findings_path:
        found = scored_from_json(findings_path, doc, count_info)
    else:
        found = scored_from_result(lint_document(doc, options), doc, count_info)
    report = score(gold, found, doc)
    report["document"] = doc_path
    report["gold"] = str(gold_path)
    return report


def evaluate_many(pairs: Iterable[tuple[str, str]], options, count_info: bool = False) -> dict:
    """Score every pair; the result holds each document's numbers and the totals. ``options``:
    the engine Options for every document, or a function of a document's path returning them."""
    reports = [evaluate(d, g, options(d) if callable(options) else options, count_info) for d, g in pairs]
    return {"documents": reports, "total": combine(reports)}


# -- text report --------------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def summary_line(r: dict) -> str:
    """The last line of score_findings.py, word for word."""
    return f"recall {r['recall']} precision {r['precision']} findings {r['findings']}"


def render_text(report: dict, limit: int = 50, per_document: int = 20) -> str:
    """Human-readable report of ``evaluate`` (one document) or ``evaluate_many`` (several; one
    line per document when there are at most ``per_document``)."""
    out: list[str] = []
    docs = report["documents"] if "documents" in report else [report]
    total = report["total"] if "documents" in report else report
    if 1 < len(docs) <= per_document:
        for r in docs:
            out.append(f"{r['document']}: required {r['required']['found']}/{r['required']['items']} "
                       f"{summary_line(r)}")
        out.append("")
    req, st = total["required"], total["stretch"]
    out.append(f"required: {req['found']}/{req['items']} found (any category: {req['found_any_category']}); "
               f"recall {_fmt(total['recall'])} (any category {_fmt(total['recall_any_category'])})")
    out.append(f"stretch: {st['found']}/{st['items']} found; recall {_fmt(total['stretch_recall'])}")
    out.append(f"findings: {total['findings']}, true positives {total['true_positives']}, "
               f"false alarms {total['false_positives']}; precision {_fmt(total['precision'])}")
    out.append("")
    out.extend(_table_lines("category", total["by_category"], with_precision=True))
    if total.get("by_kind"):
        out.append("")
        out.extend(_table_lines("defect kind", total["by_kind"], with_precision=False))
    for title, rows, fmt in (
        ("missed", total["missed_items"], _missed_line),
        ("false alarm", total["false_alarms"], _alarm_line),
    ):
        if rows:
            out.append("")
            for x in rows[:limit]:
                out.append(f"{title}: {fmt(x)}")
            if len(rows) > limit:
                out.append(f"{title}: … {len(rows) - limit} more (--limit, or --format json for all)")
    out.append("")
    out.append(summary_line(total))
    return "\n".join(out) + "\n"


def _table_lines(head: str, rows: dict, with_precision: bool) -> list[str]:
    width = max([len(head)] + [len(k) for k in rows])
    cols = f"{head:<{width}}  {'items':>5}  {'found':>5}  {'recall':>6}  {'any cat':>7}"
    if with_precision:
        cols += f"  {'findings':>8}  {'true':>5}  {'precision':>9}"
    lines = [cols]
    for name, r in rows.items():
        line = (f"{name:<{width}}  {r['items']:>5}  {r['found']:>5}  {_fmt(r['recall']):>6}  "
                f"{_fmt(_ratio(r['found_any_category'], r['items'])):>7}")
        if with_precision:
            line += f"  {r['findings']:>8}  {r['true_positives']:>5}  {_fmt(r['precision']):>9}"
        lines.append(line)
    return lines


def _missed_line(m: dict) -> str:
    where = m.get("document", "")
    place = m["places"][0] if m.get("places") else {}
    text = m.get("text", place.get("text", ""))
    level = "" if m["level"] == "required" else f"({m['level']}) "
    s = f"{level}{where + ' ' if where else ''}{m['id']} para {place.get('para', '*')} {text!r} [{', '.join(m['categories'])}]"
    if m.get("found_as"):
        s += f" (found as {'; '.join(m['found_as'])})"
    if m.get("note"):
        s += f" — {m['note']}"
    return s


def _alarm_line(f: dict) -> str:
    where = f.get("document", "")
    return (f"{where + ':' if where else ''}{f.get('line')}:{f.get('column')} {f.get('rule', '')} "
            f"{f.get('category')} {f.get('severity')} {f.get('text', '')!r} {f.get('message', '')}")
