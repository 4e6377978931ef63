"""SARIF 2.1.0 (for GitHub code scanning and other SARIF viewers).

Every registered rule is described in ``tool.driver.rules``; columns count Unicode code points
(``columnKind: unicodeCodePoints``, as qa's columns do, end column exclusive as SARIF wants);
``partialFingerprints["qaFinding/v1"]`` identifies a finding by rule, paragraph words, flagged
text and rank, so it survives edits elsewhere in the document. A suggestion becomes a ``fix``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..model import Document, DocumentResult, Finding, Severity
from .text import show_suggestion

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "qaFinding/v1"
LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "note"}
# GitHub code scanning reads `problem.severity` (error, warning, recommendation) from rule properties
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "note": "recommendation"}


def artifact_uri(path: str, root: str | None = None) -> str:
    """A URI reference for ``path``: relative (to ``root``, default the working directory, where
    code scanning expects the repository) when the file lies below it, else a ``file:`` URI."""
    if os.path.isabs(path):
        rel = os.path.relpath(path, root or os.getcwd())
        if rel.startswith(".."):
            return Path(path).as_uri()
        path = rel
    return quote(path.replace(os.sep, "/"), safe="/@!$&'()*+,;=-._~")


def rule_descriptors() -> list[dict]:
    from ..rules import all_rules

    out = []
    for cls in all_rules():
        level = LEVELS[cls.severity]
        out.append(
            {
                "id": cls.code,
                "name": cls.name,
                "shortDescription": {"text": cls.summary() or cls.name},
                "fullDescription": {"text": cls.doc() or cls.name},
                "help": {"text": cls.doc() or cls.name},
                "defaultConfiguration": {"level": level},
                "properties": {
                    "category": cls.category.value,
                    "mqm": cls.mqm,
                    "severity": cls.severity.value,
                    "problem.severity": PROBLEM_SEVERITY[level],
                    "tags": ["translation-quality", cls.category.value],
                },
            }
        )
    return out


def _region(f: Finding) -> dict:
    region: dict[str, object] = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
    if f.text:
        region["snippet"] = {"text": f.text}
    return region


def _result(f: Finding, rule_index: int, artifact_index: int, uri: str, fingerprint: str | None) -> dict:
    message = f.message if f.suggestion is None else f"{f.message} ({show_suggestion(f.suggestion)})"
    location = {"artifactLocation": {"uri": uri, "index": artifact_index}, "region": _region(f)}
    out: dict = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": location}],
        "properties": {
            "severity": f.severity.value,
            "category": f.category.value,
            "mqm": f.mqm,
            "paragraph": f.paragraph,
        },
    }
    if fingerprint:
        out["partialFingerprints"] = {FINGERPRINT: fingerprint}
    if f.suggestion is not None:
        out["fixes"] = [
            {
                "description": {"text": show_suggestion(f.suggestion)},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri, "index": artifact_index},
                        "replacements": [{"deletedRegion": _region(f), "insertedContent": {"text": f.suggestion}}],
                    }
                ],
            }
        ]
    return out


def to_sarif(
    results: Sequence[DocumentResult], documents: Mapping[str, Document] | None = None
) -> dict:
    """The SARIF log as a dict (``documents`` by path give the paragraphs for fingerprints)."""
    from ..baseline import finding_fingerprints

    rules = rule_descriptors()
    index = {r["id"]: i for i, r in enumerate(rules)}
    artifacts, sarif_results, scores = [], [], []
    for n, doc in enumerate(results):
        uri = artifact_uri(doc.path)
        artifacts.append({"location": {"uri": uri}, "mimeType": "text/plain", "encoding": "utf-8"})
        source = (documents or {}).get(doc.path)
        if source is not None:
            prints = {id(f): fp for f, _, fp in finding_fingerprints(source, doc)}
        else:
            prints = {}
        for f in sorted(doc.findings, key=Finding.sort_key):
            sarif_results.append(_result(f, index[f.rule], n, uri, prints.get(id(f))))
        scores.append(
            {"path": doc.path, "words": doc.words, "score": doc.score, "threshold": doc.threshold, "passed": doc.passed}
        )
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "qa",
                        "semanticVersion": __version__,
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": sarif_results,
                "properties": {"documents": scores},
            }
        ],
    }


def render(results: Sequence[DocumentResult], documents: Mapping[str, Document] | None = None, **_: object) -> str:
    return json.dumps(to_sarif(results, documents), ensure_ascii=False, indent=1) + "\n"
