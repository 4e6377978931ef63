"""The publish decision as text: a table with a row per document (file, words, score, critical,
major and minor counts, verdict), then, for each failing document, why it fails and the findings
that weigh most."""

from __future__ import annotations

from collections.abc import Sequence

from ..display import printable
from ..model import DocumentResult, Severity
from ..scoring import reasons
from .text import finding_line

COLUMNS = ("file", "words", "score", "critical", "major", "minor", "verdict")
#: findings listed under a failing document before "… and N more"
SHOWN = 10


def rows(results: Sequence[DocumentResult]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for doc in results:
        counts = {s: 0 for s in Severity}
        for f in doc.findings:
            counts[f.severity] += 1
        out.append(
            (printable(doc.path), str(doc.words), f"{doc.score:.2f}", str(counts[Severity.CRITICAL]),
             str(counts[Severity.MAJOR]), str(counts[Severity.MINOR]), "PASS" if doc.passed else "FAIL")
        )
    return out


def table(results: Sequence[DocumentResult], color: bool = False) -> list[str]:
    body = rows(results)
    widths = [max(len(r[i]) for r in [COLUMNS, *body]) for i in range(len(COLUMNS))]
    lines = []
    for n, row in enumerate([COLUMNS, *body]):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:-1], widths[1:-1])] + [row[-1]]
        line = "  ".join(cells)
        if color and n:
            colour = "\x1b[1;32m" if row[-1] == "PASS" else "\x1b[1;31m"
            line = line[: -len(row[-1])] + f"{colour}{row[-1]}\x1b[0m"
        lines.append(line)
    return lines


def render(results: Sequence[DocumentResult], color: bool = False, **_: object) -> str:
    out = table(results, color)
    for doc in results:
        for note in doc.notes:
            out.append(f"{printable(doc.path)}: note: {printable(note)}")
        if doc.passed:
            continue
        out.append("")
        out.append(f"{printable(doc.path)} fails:")
        out.extend(f"  - {r}" for r in reasons(doc))
        heavy = sorted(
            (f for f in doc.findings if f.severity >= Severity.MAJOR),
            key=lambda f: (-f.severity.rank, f.sort_key()),
        )
        out.extend("    " + finding_line(doc.path, f, color) for f in heavy[:SHOWN])
        shown = {id(f) for f in heavy[:SHOWN]}
        rest = {s: 0 for s in sorted(Severity, reverse=True)}
        for f in doc.findings:
            if id(f) not in shown:
                rest[f.severity] += 1
        if any(rest.values()):
            counts = ", ".join(f"{n} {s.value}" for s, n in rest.items() if n)
            out.append(f"    … and more: {counts} (all of them: qa lint {printable(doc.path)})")
    failed = sum(1 for d in results if not d.passed)
    out.append("")
    docs = f"{len(results)} document{'s' if len(results) != 1 else ''}"
    out.append(f"gate: FAIL ({failed} of {docs} failed)" if failed else f"gate: PASS ({docs}, all passed)")
    return "\n".join(out) + "\n"
