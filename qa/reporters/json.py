"""The JSON report (schema documented in docs/output.md, "JSON")."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .. import __version__
from ..model import DocumentResult

SCHEMA_VERSION = 1


def document_dict(doc: DocumentResult) -> dict:
    return {
        "path": doc.path,
        "words": doc.words,
        "penalty": doc.penalty,
        "score": doc.score,
        "threshold": doc.threshold,
        "passed": doc.passed,
        "notes": list(doc.notes),
        "paragraphs": [
            {
                "index": p.index,
                "line": p.line,
                "words": p.words,
                "penalty": p.penalty,
                "score": p.score,
                "findings": [f.to_dict() for f in p.findings],
            }
            for p in doc.paragraphs
        ],
    }


def render(results: Sequence[DocumentResult], baseline=None, **_: object) -> str:
    payload = {
        "schema": SCHEMA_VERSION,
        "tool": {"name": "qa", "version": __version__},
        "documents": [document_dict(d) for d in results],
    }
    if baseline is not None:  # a qa.baseline.Outcome: findings suppressed, stale entries
        payload["baseline"] = baseline.to_dict()
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
