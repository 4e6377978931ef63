"""The text report of ``qa eval``: a summary line, tables per category and rule, missed items and
false alarms. Reads the dictionaries :mod:`qa.evaluation` builds."""

from __future__ import annotations


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def summary_line(r: dict) -> str:
    """The last line of score_findings.py, word for word."""
    return f"recall {r['recall']} precision {r['precision']} findings {r['findings']}"


def render_text(report: dict, limit: int = 50, per_document: int = 20) -> str:
    """Human-readable report of ``evaluate`` (one document) or ``evaluate_many`` (several; one
    line per document when there are at most ``per_document``)."""
    out: list[str] = []
    docs = report.get("documents", [report])
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
