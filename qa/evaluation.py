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

from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import InputError
from .evaluation_report import _ratio, render_text, summary_line  # noqa: F401 (qa eval's API)
from .gold import (  # noqa: F401 (qa eval's API)
    DOC_SUFFIX,
    GOLD_SUFFIX,
    LEVELS,
    GoldItem,
    Scored,
    load_gold,
    scored_from_json,
    scored_from_result,
)
from .model import Document

# -- scoring ------------------------------------------------------------------------------------


def _hits(span: tuple[int, int], a: int, b: int) -> bool:
    s, e = span
    return (a < e and s < b) if b > a else (s <= a <= e)


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
