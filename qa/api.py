"""The Python API for pipelines: lint a text or a stream of records, get plain dataclasses back.

    >>> import qa
    >>> result = qa.lint_text("की बैठक रोम में हुई।")
    >>> [(i.rule, i.text) for i in result.findings]
    [('QA501', 'की')]
    >>> [r.score for r in qa.lint_records([{"id": "s1", "target": "बैठक हुई।"}])]
    [100.0]

``config`` is None (every rule, default settings), a path to a ``qa.toml`` (or a
``pyproject.toml`` with ``[tool.qa]``), a mapping with the same keys (``{"select": ["QA5"],
"threshold": 90}``), or a ``qa.engine.Options``. Records are mappings (or objects) with ``id``,
``target`` and optional ``source``, or ``(id, target)`` / ``(id, target, source)`` tuples; they
are linted like the records of a JSON Lines file: all the records of one call are one document
(repeated-paragraph and consistency rules look across them). For millions of records, use
``qa.dask``, where each partition is one document.
Everything here raises ``qa.errors.QAError`` (a ValueError-like, one-line message) on bad input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, UsageError
from .model import Finding


@dataclass(frozen=True)
class Issue:
    """One finding: the same fields as in the JSON output, as plain strings and numbers."""

    rule: str
    name: str
    category: str
    mqm: str
    severity: str
    paragraph: int
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    message: str
    suggestion: str | None = None
    unit: str | None = None

    @classmethod
    def from_finding(cls, f: Finding) -> Issue:
        return cls(**f.to_dict())  # the JSON fields are exactly these


@dataclass(frozen=True)
class ParagraphScore:
    index: int
    line: int
    words: int
    penalty: int
    score: float


@dataclass(frozen=True)
class TextResult:
    """The result of ``lint_text``: the MQM score and verdict of the whole text, its findings and
    the score of every paragraph."""

    score: float
    passed: bool
    threshold: float
    words: int
    penalty: int
    findings: tuple[Issue, ...]
    paragraphs: tuple[ParagraphScore, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordResult:
    """The result for one record of ``lint_records``: its id, MQM score and findings (``start``
    and ``end`` are code points of its target; ``paragraph`` is its position in the input)."""

    id: str
    words: int
    penalty: int
    score: float
    findings: tuple[Issue, ...]


def options_for(config: Any = None, name: str = "<text>"):
    """The engine Options for ``config`` (see the module's documentation)."""
    from . import config as configuration
    from .engine import Options

    if isinstance(config, Options):
        return config
    if config is None:
        settings = configuration.Settings()
    elif isinstance(config, (str, os.PathLike)):
        settings = configuration.load(str(config)).settings_for(name)
    elif isinstance(config, Mapping):
        settings = configuration.parse(config, "config", Path.cwd()).settings_for(name)
    else:
        raise UsageError(f"config must be None, a path, a mapping or qa.engine.Options, not {type(config).__name__}")
    return options_from(settings)


def options_from(settings, source=None):
    """The engine Options for resolved ``config.Settings``: the one path from settings to options,
    used by the command line, this API, Dask and ``qa eval``."""
    from .engine import Options
    from .rules import select_rules

    return Options(
        rules=select_rules(list(settings.select), list(settings.ignore)),
        severities=settings.severities,
        threshold=settings.threshold,
        glossary_paths=settings.glossaries,
        use_default_glossaries=settings.default_glossaries,
        source=source,
        rule_options={"window": settings.window, "rules": settings.rule_options},
        paragraph_documents=settings.paragraph_documents,
    )


def lint_text(target: str, source: str | None = None, config: Any = None) -> TextResult:
    """Lint a translation held in memory (paragraphs are blocks of non-blank lines, as in a .txt
    file), optionally with its Italian source aligned by paragraph."""
    from dataclasses import replace

    from .document import from_text
    from .engine import lint_document

    if not isinstance(target, str) or (source is not None and not isinstance(source, str)):
        raise UsageError("lint_text takes the target (and the source) as str")
    options = options_for(config)
    if source is not None:
        options = replace(options, source=from_text(source, "<source>"))
    result = lint_document(from_text(target), options)
    return TextResult(
        score=result.score,
        passed=result.passed,
        threshold=result.threshold,
        words=result.words,
        penalty=result.penalty,
        findings=tuple(Issue.from_finding(f) for f in result.findings),
        paragraphs=tuple(ParagraphScore(p.index, p.line, p.words, p.penalty, p.score) for p in result.paragraphs),
        notes=result.notes,
    )


def _record(n: int, record: Any):
    from .formats._units import Unit

    if isinstance(record, Mapping):
        get = record.get
    elif isinstance(record, (tuple, list)):
        if len(record) not in (2, 3):
            raise InputError("<records>", f"record {n}: a tuple must be (id, target) or (id, target, source)")
        values = dict(zip(("id", "target", "source"), record))
        get = values.get
    else:
        def get(key, default=None):
            return getattr(record, key, default)
    uid, target, source = get("id"), get("target"), get("source")
    if uid is None or not isinstance(target, str):
        raise InputError("<records>", f'record {n}: needs an "id" and a "target" string')
    if source is not None and not isinstance(source, str):
        raise InputError("<records>", f'record {n}: "source" must be a string or None')
    return Unit(id=str(uid), target=target, source=source, line=n)


def iter_records(records: Iterable[Any], config: Any = None) -> Iterator[RecordResult]:
    """Like ``lint_records``, yielding the results one by one (the records are one document, so
    they are all read before the first result)."""
    from .formats._units import documents
    from .runner import Part, lint_part

    options = options_for(config, "<records>")
    units = [_record(n, record) for n, record in enumerate(records, 1)]
    if not units:
        return
    doc, source = documents("<records>", units)
    result = lint_part(Part("<records>", options, doc, source))
    for para, pres in zip(doc.paragraphs, result.paragraphs):
        yield RecordResult(
            id=para.unit or "",
            words=pres.words,
            penalty=pres.penalty,
            score=pres.score,
            findings=tuple(Issue.from_finding(f) for f in pres.findings),
        )


def lint_records(records: Iterable[Any], config: Any = None) -> list[RecordResult]:
    """Lint records (``id``, ``target``, optional ``source``) as one document; one RecordResult
    per record, in order."""
    return list(iter_records(records, config))
