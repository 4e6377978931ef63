"""The text report: one finding a line (``path:line:col: CODE [severity] message``), then a line
per file with its score and verdict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..display import printable
from ..model import DocumentResult, Finding, ParagraphResult, Severity

_COLOURS = {
    Severity.CRITICAL: "\x1b[1;31m",
    Severity.MAJOR: "\x1b[31m",
    Severity.MINOR: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"


def show_suggestion(s: str) -> str:
    if s == "":
        return "delete it"
    if s.strip() == "":
        return "use " + " + ".join("a plain space" if ch == " " else f"U+{ord(ch):04X}" for ch in s)
    return f"suggestion: {s}"


def severity_counts(doc: DocumentResult | ParagraphResult) -> str:
    counts = Counter(f.severity for f in doc.findings)
    parts = [f"{counts[s]} {s.value}" for s in sorted(Severity, reverse=True) if counts[s]]
    return ", ".join(parts) if parts else "no findings"


def finding_line(path: str, f: Finding, color: bool = False) -> str:
    """``path:line:col: CODE [severity] message (suggestion)``: one finding, one line."""
    sev = f"[{f.severity.value}]"
    code = f.rule
    if color:
        sev = f"{_COLOURS[f.severity]}{sev}{_RESET}"
        code = f"{_BOLD}{code}{_RESET}"
    line = f"{printable(path)}:{f.line}:{f.column}: {code} {sev} {printable(f.message)}"
    if f.suggestion is not None:
        line += f" ({printable(show_suggestion(f.suggestion))})"
    return line


def render(results: Sequence[DocumentResult], color: bool = False, **_: object) -> str:
    out: list[str] = []
    for doc in results:
        for f in sorted(doc.findings, key=lambda f: f.sort_key()):
            out.append(finding_line(doc.path, f, color))
        for note in doc.notes:
            out.append(f"{printable(doc.path)}: note: {printable(note)}")
    for doc in results:
        verdict = "PASS" if doc.passed else "FAIL"
        if color:
            verdict = f"\x1b[1;32m{verdict}{_RESET}" if doc.passed else f"\x1b[1;31m{verdict}{_RESET}"
        out.append(
            f"{printable(doc.path)}: score {doc.score:.2f} (threshold {doc.threshold:g}), {doc.words} words, "
            f"{severity_counts(doc)}: {verdict}"
        )
    return "\n".join(out) + ("\n" if out else "")
