"""The JSON report (schema documented in docs/output.md, "JSON").

The text is exactly ``json.dumps(payload, ensure_ascii=False, indent=1)`` of the payload below,
but written piece by piece: a large file's paragraphs are turned into JSON one at a time, so the
report never holds a dict per paragraph (50 MB of PO: ~170k paragraphs)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from .. import __version__
from ..model import DocumentResult, ParagraphResult

SCHEMA_VERSION = 1


def paragraph_dict(p: ParagraphResult) -> dict:
    return {
        "index": p.index,
        "line": p.line,
        "words": p.words,
        "penalty": p.penalty,
        "score": p.score,
        "findings": [f.to_dict() for f in p.findings],
    }


def document_dict(doc: DocumentResult) -> dict:
    return {**document_dict_head(doc), "paragraphs": [paragraph_dict(p) for p in doc.paragraphs]}


def _dumps(value: object, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=1)`` writes it ``depth`` levels deep (JSON strings
    hold no raw line break, so every line break is an indentation)."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return text.replace("\n", "\n" + " " * depth) if depth else text


def _document_pieces(doc: DocumentResult, depth: int) -> Iterator[str]:
    """The document's object, ``depth`` deep (its paragraphs one by one)."""
    head = document_dict_head(doc)
    inner = " " * (depth + 1)
    yield "{"
    for key, value in head.items():
        yield f"\n{inner}{_dumps(key, 0)}: {_dumps(value, depth + 1)},"
    yield f"\n{inner}\"paragraphs\": "
    paragraphs = iter(doc.paragraphs)
    first = next(paragraphs, None)
    if first is None:
        yield "[]"
    else:
        item = "\n" + " " * (depth + 2)
        yield "[" + item + _dumps(paragraph_dict(first), depth + 2)
        for p in paragraphs:
            yield "," + item + _dumps(paragraph_dict(p), depth + 2)
        yield "\n" + inner + "]"
    yield "\n" + " " * depth + "}"


def document_dict_head(doc: DocumentResult) -> dict:
    """``document_dict`` without its paragraphs (the same keys, in the same order)."""
    return {
        "path": doc.path,
        "words": doc.words,
        "penalty": doc.penalty,
        "score": doc.score,
        "threshold": doc.threshold,
        "passed": doc.passed,
        "notes": list(doc.notes),
    }


def _pieces(results: Sequence[DocumentResult], baseline) -> Iterator[str]:
    yield "{\n " + _dumps("schema", 0) + ": " + _dumps(SCHEMA_VERSION, 1) + ","
    yield "\n " + _dumps("tool", 0) + ": " + _dumps({"name": "qa", "version": __version__}, 1) + ","
    yield "\n " + _dumps("documents", 0) + ": "
    if not results:
        yield "[]"
    else:
        for k, doc in enumerate(results):
            yield ("[" if k == 0 else ",") + "\n  "
            yield from _document_pieces(doc, 2)
        yield "\n ]"
    if baseline is not None:  # a qa.baseline.Outcome: findings suppressed, stale entries
        yield ",\n " + _dumps("baseline", 0) + ": " + _dumps(baseline.to_dict(), 1)
    yield "\n}\n"


def render(results: Sequence[DocumentResult], baseline=None, **_: object) -> str:
    # joined a thousand pieces at a time: the pieces of a whole file, each a small string object,
    # would cost more than the text they make
    chunks: list[str] = []
    batch: list[str] = []
    for piece in _pieces(results, baseline):
        batch.append(piece)
        if len(batch) >= 1000:
            chunks.append("".join(batch))
            batch.clear()
    chunks.append("".join(batch))
    return "".join(chunks)
