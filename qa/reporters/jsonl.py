"""The JSON Lines report (``qa lint --format jsonl``), written as each input is linted:

    {"type": "finding", "path": ..., <every field of a finding in the JSON output>}
    {"type": "document", "path", "words", "penalty", "score", "threshold", "passed",
     "paragraphs", "findings", "notes"}   -- after the last finding of each input
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import IO

from .. import scoring
from ..model import DocumentResult, Finding, Severity


def finding_line(path: str, finding: Finding) -> str:
    return json.dumps({"type": "finding", "path": path, **finding.to_dict()}, ensure_ascii=False)


def document_line(result: DocumentResult) -> str:
    return json.dumps(
        {
            "type": "document",
            "path": result.path,
            "words": result.words,
            "penalty": result.penalty,
            "score": result.score,
            "threshold": result.threshold,
            "passed": result.passed,
            "paragraphs": len(result.paragraphs),
            "findings": sum(len(p.findings) for p in result.paragraphs),
            "notes": list(result.notes),
        },
        ensure_ascii=False,
    )


def lines(result: DocumentResult) -> Iterable[str]:
    """The lines of one input: its findings, then its document line."""
    for p in result.paragraphs:
        for f in p.findings:
            yield finding_line(result.path, f)
    yield document_line(result)


def render(results: Sequence[DocumentResult], **_: object) -> str:
    return "".join(line + "\n" for result in results for line in lines(result))


def write(results: Iterable[DocumentResult], out: IO[str], fail_on: Severity | None) -> bool:
    """Write the report of ``results`` to ``out`` as each comes. True when the run fails (a
    finding at or above ``fail_on``, or an input that does not pass)."""
    failed = False
    for result in results:
        for line in lines(result):
            out.write(line + "\n")
        failed = failed or scoring.run_fails([result], fail_on)
    return failed
