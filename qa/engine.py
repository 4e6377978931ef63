"""Runs the selected rules over a document and scores it. No printing, no exiting."""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import document, scoring
from .model import Document, DocumentResult, Finding, Paragraph, ParagraphResult, Severity
from .rules import Context, Hit, Rule
from .text import RECENT_TEXTS
from .text.tokens import count_words


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
    #: Each paragraph is a document of its own (a corpus file of unrelated segments).
    paragraph_documents: bool = False


def to_finding(rule: type[Rule], hit: Hit, para: Paragraph, path: str, severity: Severity, share=None) -> Finding:
    """``share``: a dict of the strings already held (the same message, span or suggestion of
    many findings is then one string: a large file's findings repeat them)."""
    line, column = para.position(hit.start)
    text, message, suggestion = para.text[hit.start:hit.end], hit.message, hit.suggestion
    if share is not None:
        text, message = share.setdefault(text, text), share.setdefault(message, message)
        suggestion = share.setdefault(suggestion, suggestion) if suggestion is not None else None
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
        text=text,
        message=message,
        suggestion=suggestion,
        path=path,
        unit=para.unit,
    )


def lint_document(doc: Document, options: Options) -> DocumentResult:
    """Run ``options.rules`` over ``doc``; return findings and MQM scores per paragraph."""
    return lint_paragraphs(doc.path, doc.paragraphs, options)


def lint_path(path: str, options: Options) -> DocumentResult:
    """Read and lint one input file (or ``-``). A file larger than ``document.STREAM_BYTES`` is
    linted from disk paragraph by paragraph: memory holds an index of its paragraphs, not its
    text, and the result keeps per-paragraph numbers in arrays, so memory stays flat."""
    if path != "-" and document.input_size(path) > document.STREAM_BYTES:
        return lint_paragraphs(path, document.FileParagraphs(path), options, compact=True)
    return lint_document(document.read_document(path), options)


def lint_paragraphs(
    path: str, paragraphs: Sequence[Paragraph], options: Options, compact: bool = False
) -> DocumentResult:
    """The engine: every rule over ``paragraphs`` in one pass, a block of ``RECENT_TEXTS``
    paragraphs at a time (rules may index any paragraph through their context), then ``finish``;
    ``compact`` keeps per-paragraph results in arrays."""
    source: Sequence[Paragraph] | None = options.source.paragraphs if options.source is not None else None
    notes: list[str] = []
    if source is not None and len(paragraphs) < len(source) <= 2000:
        # paragraphs left out: align by length and numbers, and let QA662 report the dropped ones
        from .align import align_source  # only for a source that lacks paragraphs

        aligned = align_source(source, paragraphs)
        notes.append(
            f"source has {len(source)} paragraphs, the translation "
            f"{len(paragraphs)}; aligned by length and numbers, {len(aligned.dropped)} source "
            "paragraph(s) without a translation"
        )
        source = aligned
    elif source is not None and len(source) < len(paragraphs):
        notes.append(
            f"source has {len(source)} paragraphs, the translation {len(paragraphs)}; "
            f"source-aware checks cover the first {len(source)}"
        )
    ctx = Context(
        path=path,
        paragraphs=paragraphs,
        source=source,
        glossary_paths=tuple(options.glossary_paths),
        use_default_glossaries=options.use_default_glossaries,
        options=options.rule_options,
    )
    instances = [cls(ctx) for cls in options.rules]
    found: dict[int, list[Finding]] = {}
    words = array("q")
    lines = array("q")
    severities = options.severities
    current: Paragraph | None = None
    share: dict[str, str] = {}

    def add(rule: Rule, hit: Hit) -> None:
        para = current if current is not None and current.index == hit.paragraph else paragraphs[hit.paragraph]
        severity = hit.severity or severities.get(rule.code) or rule.severity
        if hit.severity is not None and rule.code in severities:
            severity = severities[rule.code]
        found.setdefault(hit.paragraph, []).append(to_finding(type(rule), hit, para, path, severity, share))

    def run_block(block: list[Paragraph]) -> None:
        # each rule over a few paragraphs in a row, not each paragraph through all the rules: a
        # rule's code and data stay in the processor's caches (a quarter less time), and the text
        # layer's per-text memos (RECENT_TEXTS) still answer every rule about these paragraphs;
        # each rule still sees the paragraphs in order, and findings do not depend on the order
        nonlocal current
        for rule in instances:
            for current in block:
                for hit in rule.check(current):
                    add(rule, hit)

    block: list[Paragraph] = []
    for para in paragraphs:
        words.append(count_words(para.text))
        lines.append(para.line)
        block.append(para)
        if len(block) == RECENT_TEXTS:
            run_block(block)
            block = []
    run_block(block)
    current = None
    for rule in instances:
        for hit in rule.finish():
            add(rule, hit)

    penalties: dict[int, int] = {}
    for i, group in found.items():
        group.sort(key=Finding.sort_key)
        penalties[i] = scoring.penalty(f.severity for f in group)
    total_words, total_penalty = sum(words), sum(penalties.values())
    results = _Results(lines, words, penalties, found)
    doc_score = scoring.rounded(total_penalty, total_words)
    all_findings = [f for i in sorted(found) for f in found[i]]
    empty = scoring.nothing_to_publish(total_words, (p.text for p in paragraphs))
    return DocumentResult(
        path=path,
        words=total_words,
        penalty=total_penalty,
        score=doc_score,
        passed=scoring.passes(doc_score, all_findings, options.threshold, empty),
        threshold=options.threshold,
        paragraphs=results if compact else tuple(results),
        notes=tuple(notes),
        empty=empty,
    )


class _Results(Sequence[ParagraphResult]):
    """Per-paragraph results kept as arrays (lines, words) and the findings of the paragraphs
    that have any; a ``ParagraphResult`` is made when asked for."""

    def __init__(self, lines: array, words: array, penalties: dict[int, int], found: dict[int, list[Finding]]):
        self._lines, self._words, self._penalties, self._found = lines, words, penalties, found

    def __len__(self) -> int:
        return len(self._words)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        words, pen = self._words[i], self._penalties.get(i, 0)
        return ParagraphResult(
            index=i,
            line=self._lines[i],
            words=words,
            penalty=pen,
            score=scoring.rounded(pen, words),
            findings=tuple(self._found.get(i, ())),
        )

    def __iter__(self):
        return (self[i] for i in range(len(self)))
