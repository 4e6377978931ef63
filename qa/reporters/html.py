"""The reviewer's report: one self-contained HTML page (no network, no external assets).

Header with the document's score and verdict and an inline SVG chart of the counts by category
and severity; one card per paragraph with its score badge, the Hindi with every finding as a
``<mark>`` (colour by severity *and* a text marker, a tooltip, a numbered list with rule, message
and suggestion) and, given a source, the aligned Italian paragraph beside it.

Built for triage: an index of the paragraphs to review, worst first (sortable in document
order); filters that hide the paragraphs they leave without findings; identical findings of a
paragraph grouped into one expandable row, info collapsed when it outnumbers the rest; marks and
explanations linked both ways, j/k (n/p) for the next/previous finding; whole-paragraph findings as
a banner; source paragraphs with no translation as their own cards; the source's matching span
marked; a record of the run; and "accept" / "false alarm" on every finding, downloaded as a
baseline file in the exact format of ``qa lint --write-baseline`` (each finding carries its
baseline line, computed here with qa.baseline). Markers (numbers, "␣") are CSS generated
content, so copying the text copies the document's characters only.

Overlapping findings: marks nest; a finding that crosses another's edge is split into fragments
that share its ``data-finding`` id, the first one carrying ``data-head``. So there is exactly one
``mark[data-head]`` per finding, and every character a finding covers is inside one of its marks.

Everything from the input goes through Jinja's autoescaping; the only unescaped strings are the
page's own stylesheet and script, which a Content-Security-Policy pins by hash, so even a
failure of escaping could not run a script. Without JavaScript the filters stay hidden and the
page shows everything.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from .. import __version__, scoring
from .. import baseline as bl
from ..model import Category, Document, DocumentResult, Finding, Severity
from ..text.lazy import lazy_re
from .text import show_suggestion

TEMPLATES = Path(__file__).resolve().parent / "templates"
SEVERITIES = tuple(sorted(Severity, reverse=True))  # critical first
SHORT = {Severity.CRITICAL: "crit", Severity.MAJOR: "maj", Severity.MINOR: "min", Severity.INFO: "info"}
# chart fills: every pair at least 1.8:1 apart in luminance (any two severities can be adjacent)
COLOURS = {Severity.CRITICAL: "#7f1d1d", Severity.MAJOR: "#f97316", Severity.MINOR: "#facc15", Severity.INFO: "#2563eb"}
BANNER_MIN = 40  # a finding over this many characters covering (nearly) its whole paragraph is a banner
DOCS = "docs/rules.md#{}"


@dataclass(frozen=True)
class Token:
    """One piece of a highlighted paragraph: ``text``, ``open`` (a mark), ``close`` or ``ref``
    (the numbered marker after a finding's last fragment)."""

    kind: str
    text: str = ""
    item: Item | None = None
    head: bool = False


@dataclass(frozen=True)
class Item:
    """A finding as the page shows it."""

    id: str
    number: int
    finding: Finding
    entry: str = ""  # its line in a baseline file ("" when it cannot have one)
    rank: int = 0  # its place in a baseline file's order
    banner: bool = False  # shown as a paragraph-level banner, not as marks

    @property
    def docs(self) -> str:
        return DOCS.format(self.finding.rule.lower())

    @property
    def group_key(self) -> tuple:
        f = self.finding
        return (f.rule, f.text, f.message, f.suggestion)

    @property
    def sev(self) -> str:
        return self.finding.severity.value

    @property
    def short(self) -> str:
        return SHORT[self.finding.severity]

    @property
    def tooltip(self) -> str:
        f = self.finding
        tip = f"{f.rule} {f.name} [{f.severity.value}, {f.category.value}]: {f.message}"
        if f.suggestion is not None:
            tip += f" → {show_empty(f.suggestion)}"
        return tip


def show_empty(suggestion: str) -> str:
    """A suggestion as the page shows it: "delete it", "use a plain space", or the words."""
    return show_suggestion(suggestion) if not suggestion.strip() else visible(suggestion)


def visible(text: str) -> str:
    """``text`` with invisible and space characters made visible (for lists and tooltips)."""
    out = []
    for ch in text:
        if ch == " ":
            out.append("␣")
        elif ch == "\n":
            out.append("⏎")
        elif ch.isspace() or ord(ch) in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
            out.append(f"⟨U+{ord(ch):04X}⟩")
        else:
            out.append(ch)
    return "".join(out)


def shown(text: str, limit: int | None = None):
    """``text`` as markup: invisible and space characters stay themselves (so copying gives the
    text) inside a span whose CSS shows a visible symbol as generated content (never copied)."""
    from markupsafe import Markup, escape

    if limit is not None and len(text) > limit:
        text = text[:limit].rstrip() + "…"
    out = []
    for ch in text:
        sym = visible(ch)
        out.append(str(escape(ch)) if sym == ch else f'<span class="vis" data-show="{escape(sym)}">{escape(ch)}</span>')
    return Markup("".join(out))


def tokens(text: str, items: Sequence[Item]) -> list[Token]:
    """Split ``text`` into text and mark tokens so that every item gets marks covering its span.

    Marks are opened outermost first (earlier start, then longer span); where spans cross, the
    inner marks are closed and reopened as continuation fragments. A finding of no characters
    (an insertion point) is an empty mark. The numbered markers wait until no mark is open, so a
    mark's text is exactly the text of the document it covers."""
    order = sorted(items, key=lambda it: (it.finding.start, -it.finding.end, it.number))
    rank = {it.id: n for n, it in enumerate(order)}
    spans = [it for it in order if it.finding.end > it.finding.start]
    empties = [it for it in order if it.finding.end <= it.finding.start]
    points = sorted({0, len(text)} | {it.finding.start for it in items} | {it.finding.end for it in items})
    out: list[Token] = []
    stack: list[Item] = []
    refs: list[Item] = []
    started: set[str] = set()
    for n, point in enumerate(points):
        nxt = points[n + 1] if n + 1 < len(points) else None
        active = [] if nxt is None else [it for it in spans if it.finding.start <= point and it.finding.end >= nxt]
        active.sort(key=lambda it: rank[it.id])
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        for it in reversed(stack[keep:]):
            out.append(Token("close", item=it))
            if it.finding.end <= point:
                refs.append(it)
        del stack[keep:]
        for it in empties:
            if it.finding.start == point:
                out += [Token("open", item=it, head=True), Token("close", item=it)]
                refs.append(it)
        if not stack:
            out.extend(Token("ref", item=it) for it in refs)
            refs.clear()
        for it in active[keep:]:
            out.append(Token("open", item=it, head=it.id not in started))
            started.add(it.id)
            stack.append(it)
        if nxt is not None:
            out.append(Token("text", text[point:nxt]))
    return out


def _chart(results: DocumentResult) -> dict:
    """Bars for an inline SVG: one row per category with findings, one segment per severity."""
    counts: dict[Category, dict[Severity, int]] = {}
    for f in results.findings:
        counts.setdefault(f.category, {s: 0 for s in SEVERITIES})[f.severity] += 1
    cats = [c for c in Category if c in counts]
    label_w, bar_w, row_h, top = 130, 420, 26, 34
    most = max((sum(counts[c].values()) for c in cats), default=1)
    rows = []
    for n, cat in enumerate(cats):
        x: float = label_w
        segments = []
        for sev in SEVERITIES:
            k = counts[cat][sev]
            if not k:
                continue
            w = max(2.0, bar_w * k / most)
            segments.append({"x": round(x, 1), "w": round(w, 1), "n": k, "sev": sev.value, "fill": COLOURS[sev]})
            x += w
        rows.append({"cat": cat.value, "y": top + n * row_h, "total": sum(counts[cat].values()),
                     "end": round(x, 1), "segments": segments})
    legend = [{"sev": s.value, "fill": COLOURS[s], "x": label_w + i * 105} for i, s in enumerate(SEVERITIES)]
    return {"rows": rows, "legend": legend, "width": label_w + bar_w + 60,
            "height": top + max(1, len(cats)) * row_h + 8, "table": [(c.value, [counts[c][s] for s in SEVERITIES]) for c in cats]}


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every {{ }} is escaped, .txt templates included
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _baseline_format(path: str) -> dict:
    """The pieces of a baseline file as ``qa lint --write-baseline`` writes it (qa.baseline.dumps),
    so the page's script can assemble one from the lines of the findings a reviewer decided on."""
    e = bl.Entry(rule="QA000", paragraph="0" * 16, text="x", path=path)
    one, two, line = bl.dumps([e]), bl.dumps([e, e]), _entry_line(e)
    head = one[: one.index(line)]
    return {"head": head, "sep": two[len(head) + len(line) : two.index(line, len(head) + len(line))],
            "tail": one[len(head) + len(line) :], "empty": bl.dumps([])}


def _entry_line(e: bl.Entry) -> str:
    return bl.dumps([e]).split("\n")[2][2:]  # '{"qa-baseline": 1,\n "entries": [\n  LINE\n ]}\n'


def _entries(doc: Document, result: DocumentResult) -> dict[int, tuple[str, int]]:
    """id(finding) -> (its baseline line, its rank in a baseline file's order)."""
    inside = replace(result, paragraphs=tuple(p for p in result.paragraphs if p.index < len(doc.paragraphs)))
    rows = [bl.Entry(rule=f.rule, paragraph=pfp, text=f.text, path=doc.path, name=f.name)
            for f, pfp, _ in bl.finding_fingerprints(doc, inside)]
    found = [f for f, _, _ in bl.finding_fingerprints(doc, inside)]
    order = sorted(range(len(rows)), key=lambda n: (rows[n].path, rows[n].rule, rows[n].paragraph, rows[n].text))
    rank = {n: r for r, n in enumerate(order)}
    return {id(f): (_entry_line(rows[n]), rank[n]) for n, f in enumerate(found)}


def _is_banner(f: Finding, text: str) -> bool:
    """A whole-paragraph finding: one whose rule says so (``scope == "paragraph"``), or a long one
    covering nearly all of its paragraph (a repeated paragraph)."""
    if getattr(f, "scope", None) == "paragraph":
        return True
    body = len(text.strip())
    return f.end - f.start >= BANNER_MIN and body > 0 and f.end - f.start >= 0.9 * body


def _groups(items: Sequence[Item]) -> list[list[Item]]:
    """Identical findings (rule, text, message, suggestion) of a paragraph as one group, in order."""
    out: dict[tuple, list[Item]] = {}
    for it in items:
        out.setdefault(it.group_key, []).append(it)
    return list(out.values())


QUOTED = lazy_re(r"“([^”]{2,80})”")


def source_span(f: Finding, source: str) -> tuple[int, int] | None:
    """Where in the source paragraph a finding's matter is: the span the finding gives
    (``source_start``/``source_end``, if its rule records one), else its flagged text or a word
    its message quotes, when that occurs exactly once in the source."""
    start, end = getattr(f, "source_start", None), getattr(f, "source_end", None)
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(source):
        return start, end
    for cand in [f.text.strip(), *QUOTED.findall(f.message)]:
        if len(cand) >= 2 and any(ch.isalnum() for ch in cand) and source.count(cand) == 1:
            at = source.index(cand)
            return at, at + len(cand)
    return None


def _source_tokens(source: str | None, items: Sequence[Item]) -> list[Token]:
    if not source:
        return []
    moved = []
    for it in items:
        span = source_span(it.finding, source)
        if span is not None:
            moved.append(replace(it, finding=replace(it.finding, start=span[0], end=span[1])))
    return [t for t in tokens(source, moved) if t.kind != "ref"]


def _card(key: str, number: int, line, pres, text, items, source_text, passed, omitted=False) -> dict:
    marked = [it for it in items if not it.banner]
    return {
        "key": key, "number": number, "line": line, "p": pres, "passed": passed, "omitted": omitted,
        "tokens": tokens(text, marked) if text is not None else [], "finds": items,
        "source_tokens": _source_tokens(source_text, items),
        "groups": _groups(items), "banners": [it for it in items if it.banner], "source": source_text,
        "counts": {s.value: sum(it.finding.severity is s for it in items) for s in SEVERITIES},
    }


def render_report(
    result: DocumentResult,
    doc: Document,
    source: Document | None = None,
    title: str | None = None,
    baseline=None,
    *,
    config_file: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Sequence[str] = (),
    glossaries: Sequence[str] = (),
    settings: Mapping[str, object] | None = None,
    generated: datetime | None = None,
) -> str:
    """The HTML page for one linted document (``doc`` gives the paragraph texts).

    The keyword arguments are the record of the run shown in the page's header: the settings file
    used, the rules selected and ignored, severity overrides, the glossaries loaded, any other
    settings (label -> value) and when the run happened (default: now, UTC)."""
    from markupsafe import Markup

    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    entries = _entries(doc, result)
    n_doc = len(doc.paragraphs)
    cards = []
    omitted: dict[int, list[Finding]] = {}
    for pres in result.paragraphs:
        inside = [f for f in pres.findings if f.paragraph < n_doc and pres.index < n_doc]
        for f in pres.findings:
            if not (f.paragraph < n_doc and pres.index < n_doc):
                omitted.setdefault(max(f.paragraph, pres.index), []).append(f)
        if pres.index >= n_doc:
            continue
        para = doc.paragraphs[pres.index]
        items = [Item(f"p{pres.index}-{k}", k, f, *entries.get(id(f), ("", 0)), banner=_is_banner(f, para.text))
                 for k, f in enumerate(inside, 1)]
        src = source.paragraphs[pres.index].text if source is not None and pres.index < len(source.paragraphs) else None
        cards.append(_card(f"para-{pres.index}", pres.index + 1, pres.line, pres, para.text, items, src,
                           scoring.passes(pres.score, pres.findings, result.threshold)))
    extra = set(omitted) | (set(range(n_doc, len(source.paragraphs))) if source is not None else set())
    for at in sorted(extra):
        items = [Item(f"s{at}-{k}", k, f, banner=True) for k, f in enumerate(omitted.get(at, ()), 1)]
        src_para = source.paragraphs[at] if source is not None and at < len(source.paragraphs) else None
        cards.append(_card(f"source-{at}", at + 1, src_para.line if src_para is not None else None, None, None,
                           items, src_para.text if src_para is not None else None, False, omitted=True))
    sev_counts = {s.value: 0 for s in SEVERITIES}
    for c in cards:
        for k, v in c["counts"].items():
            sev_counts[k] += v
    categories = [c.value for c in Category if any(f.category is c for f in result.findings)]
    index = sorted((c for c in cards if c["finds"] or not c["passed"]),
                   key=lambda c: (c["passed"], c["p"].score if c["p"] is not None else -1, c["number"]))
    when = (generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    record = [("date", when), ("qa version", __version__), ("translation", result.path),
              ("source", source.path if source is not None else "none"),
              ("threshold", f"{result.threshold:g}"), ("settings file", config_file or "none"),
              ("rules selected", ", ".join(select) or "all"), ("rules ignored", ", ".join(ignore) or "none"),
              ("severity overrides", ", ".join(severity) or "none"),
              ("glossaries", ", ".join(glossaries) or "the defaults")]
    record += [(str(k), v if isinstance(v, str) else ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v))
               for k, v in (settings or {}).items()]
    if baseline is not None:
        record.append(("baseline", f"{baseline.path} ({baseline.suppressed} hidden)"))
    return _environment().get_template("report.html.j2").render(
        title=title or f"qa report: {Path(result.path).name}",
        result=result,
        cards=cards,
        index=index,
        record=record,
        has_source=source is not None,
        source_path=source.path if source is not None else None,
        severities=[s.value for s in SEVERITIES],
        sev_counts=sev_counts,
        categories=categories,
        chart=_chart(result),
        failing=sum(1 for c in cards if not c["passed"] and not c["omitted"]),
        baseline=baseline,
        baseline_format=_baseline_format(doc.path),
        version=__version__,
        visible=visible,
        shown=shown,
        show_empty=show_empty,
        css=Markup(css),
        js=Markup(js),
        csp=f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'",
    )
