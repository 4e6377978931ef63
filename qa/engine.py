"""Runs the selected rules over a document and scores it. No printing, no exiting."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from . import scoring
from .model import Document, DocumentResult, Finding, Paragraph, ParagraphResult, Severity
from .rules import Context, Hit, Rule
from .tokens import count_words


@dataclass
class Options:
    """How to lint: which rules, severity overrides, threshold, glossaries and source."""

    rules: Sequence[type[Rule]] = ()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    threshold: float = scoring.DEFAULT_THRESHOLD
    glossary_paths: Sequence[str] = ()
    use_default_glossaries: bool = True
    source: Document | None = None
    rule_options: Mapping[str, object] = field(default_factory=dict)


def to_finding(rule: type[Rule], hit: Hit, para: Paragraph, path: str, severity: Severity) -> Finding:
    line, column = para.position(hit.start)
    end_line, end_column = para.position(hit.end)
    return Finding(
        rule=rule.code,
        name=rule.name,
        category=rule.category,
        mqm=rule.mqm,
        severity=severity,
        paragraph=para.index,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=para.text[hit.start:hit.end],
        message=hit.message,
        suggestion=hit.suggestion,
        path=path,
        unit=para.unit,
    )


def lint_document(doc: Document, options: Options) -> DocumentResult:
    """Run ``options.rules`` over ``doc``; return findings and MQM scores per paragraph."""
    ctx = Context(
        path=doc.path,
        paragraphs=doc.paragraphs,
        source=options.source.paragraphs if options.source is not None else None,
        glossary_paths=tuple(options.glossary_paths),
        use_default_glossaries=options.use_default_glossaries,
        options=options.rule_options,
    )
    notes: list[str] = []
    if options.source is not None and len(options.source.paragraphs) != len(doc.paragraphs):
        notes.append(
            f"source has {len(options.source.paragraphs)} paragraphs, the translation "
            f"{len(doc.paragraphs)}; source-aware checks cover the first "
            f"{min(len(options.source.paragraphs), len(doc.paragraphs))}"
        )
    instances = [cls(ctx) for cls in options.rules]
    per_para: list[list[Finding]] = [[] for _ in doc.paragraphs]

    def add(rule: Rule, hit: Hit) -> None:
        para = doc.paragraphs[hit.paragraph]
        severity = hit.severity or options.severities.get(rule.code) or rule.severity
        if hit.severity is not None and rule.code in options.severities:
            severity = options.severities[rule.code]
        per_para[hit.paragraph].append(to_finding(type(rule), hit, para, doc.path, severity))

    for para in doc.paragraphs:
        for rule in instances:
            for hit in rule.check(para):
                add(rule, hit)
    for rule in instances:
        for hit in rule.finish():
            add(rule, hit)

    results = []
    total_words = total_penalty = 0
    for para, found in zip(doc.paragraphs, per_para):
        found.sort(key=Finding.sort_key)
        words = count_words(para.text)
        pen = scoring.penalty(f.severity for f in found)
        total_words += words
        total_penalty += pen
        results.append(
            ParagraphResult(
                index=para.index,
                line=para.line,
                words=words,
                penalty=pen,
                score=round(scoring.score(pen, words), 2),
                findings=tuple(found),
            )
        )
    doc_score = round(scoring.score(total_penalty, total_words), 2)
    all_findings = [f for r in results for f in r.findings]
    return DocumentResult(
        path=doc.path,
        words=total_words,
        penalty=total_penalty,
        score=doc_score,
        passed=scoring.passes(doc_score, all_findings, options.threshold),
        threshold=options.threshold,
        paragraphs=tuple(results),
        notes=tuple(notes),
    )
