"""GitHub Actions workflow commands: findings become annotations on the pull request.

``::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`` for critical and major
findings, ``::warning`` for minor ones and ``::notice`` for info. GitHub shows at most 10
annotations of each kind per step and 50 per job (actions/toolkit, docs/problem-matchers.md,
"Limitations"); what is printed beyond that is silently dropped. So this reporter annotates the
most severe findings first, within those caps, and prints every finding it could not annotate
as a plain log line under a summary that says how many were left out and why.

Columns are code points, end column exclusive, as in qa's other formats; ``col``/``endColumn``
are given only for a single-line finding (GitHub ignores them across lines).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..display import printable
from ..model import DocumentResult, Finding, Severity
from .text import finding_line, show_suggestion

KINDS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "notice"}
PER_STEP = 10  # annotations of each kind (error, warning, notice) GitHub shows per step
PER_JOB = 50  # annotations GitHub shows per job, all steps together


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(path: str, f: Finding) -> str:
    props = [f"file={escape_property(path)}", f"line={f.line}", f"endLine={f.end_line}"]
    if f.line == f.end_line:
        props += [f"col={f.column}", f"endColumn={f.end_column}"]
    props.append(f"title={escape_property(f'{f.rule} {f.name} [{f.severity.value}]')}")
    message = f.message if f.suggestion is None else f"{f.message} ({show_suggestion(f.suggestion)})"
    return f"::{KINDS[f.severity]} {','.join(props)}::{escape_data(message)}"


def render(
    results: Sequence[DocumentResult], per_step: int = PER_STEP, per_job: int = PER_JOB, **_: object
) -> str:
    findings = [(doc.path, f) for doc in results for f in doc.findings]
    findings.sort(key=lambda pf: (-pf[1].severity.rank, pf[0], pf[1].sort_key()))
    used = {kind: 0 for kind in set(KINDS.values())}
    shown: list[str] = []
    left: list[tuple[str, Finding]] = []
    for path, f in findings:
        kind = KINDS[f.severity]
        if used[kind] < per_step and len(shown) < per_job:
            used[kind] += 1
            shown.append(command(path, f))
        else:
            left.append((path, f))
    out = shown
    if left:
        kinds: dict[str, int] = {}
        for _path, f in left:
            kinds[KINDS[f.severity]] = kinds.get(KINDS[f.severity], 0) + 1
        detail = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in sorted(kinds.items()))
        out.append(
            f"qa: {len(left)} of {len(findings)} findings were not annotated ({detail}): GitHub shows at most "
            f"{per_step} errors, {per_step} warnings and {per_step} notices per step and {per_job} per job. "
            "All of them:"
        )
        # escaped too: a line break inside a message must not start a line GitHub reads as a command
        left.sort(key=lambda pf: (pf[0], pf[1].sort_key()))
        out.extend(escape_data(finding_line(path, f)) for path, f in left)
    for doc in results:
        verdict = "PASS" if doc.passed else "FAIL"
        out.append(f"{printable(doc.path)}: score {doc.score:.2f} (threshold {doc.threshold:g}), {doc.words} words: {verdict}")
    return "\n".join(out) + "\n"
