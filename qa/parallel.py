"""Linting many inputs, or large ones, on several processes with a deterministic result.

Work is cut into *parts*: every input is one part, except that an input of more than ``PART``
paragraphs (units, records) is cut into consecutive parts of ``PART`` paragraphs. Each part is
linted on its own (document-level rules such as repeated paragraphs or consistency see one part
at a time) and the parts of an input are merged back in order. The cut depends only on the input,
never on ``jobs``, so every ``--jobs`` value gives the same output; ``jobs=1`` runs in-process.

Workers are forked processes (``ProcessPoolExecutor``); at most ``2 * jobs`` parts are in flight,
and JSON Lines inputs are read lazily, so ``stream`` keeps memory flat however large the input.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator, Sequence

from . import scoring
from .engine import Options, lint_document
from .errors import InputError, QAError
from .model import Document, DocumentResult, Finding, Paragraph, ParagraphResult, Severity

#: Paragraphs per part of a large input. Fixed, so that the output never depends on ``jobs``.
PART = 2000
#: Below this many bytes of input in all, a run stays in one process (starting workers costs more).
MIN_PARALLEL_BYTES = 256 * 1024


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_jobs(jobs: int | None) -> int:
    from .errors import UsageError

    if jobs is None or jobs == 0:
        return default_jobs()
    if jobs < 0:
        raise UsageError(f"--jobs {jobs} must be a positive number of processes (0: all cores)")
    return jobs


# -- parts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """Work for one process: paragraphs ``base``.. of ``path`` as a Document, or as JSON Lines
    (``lines``, the first being line ``first_line``) that the worker parses itself."""

    path: str
    options: Options
    base: int
    doc: Document | None = None
    source: Document | None = None
    lines: tuple[str, ...] = ()
    first_line: int = 1
    size: int = 0  # paragraphs (for the progress bar)
    input: int = 0  # which input of the run
    last: bool = True  # the input's last part


def slice_document(doc: Document, start: int, stop: int) -> Document:
    """Paragraphs ``start:stop`` of ``doc``, renumbered from 0 (the engine indexes by position)."""
    paras = tuple(
        Paragraph(i, p.text, p.offset, p.line, p.unit, p.origin)  # faster than dataclasses.replace
        for i, p in enumerate(doc.paragraphs[start:stop])
    )
    return Document(path=doc.path, text=doc.text, paragraphs=paras)


def split(path: str, doc: Document, source: Document | None, options: Options, size: int | None = None) -> Iterator[Part]:
    """The parts of one input already read, made as they are asked for (the paragraphs of a large
    text file are read from disk part by part)."""
    size = size or PART
    n = len(doc.paragraphs)
    if n <= size:
        yield Part(path, options, 0, doc, source, size=n)
        return
    for start in range(0, n, size):
        src = None
        if source is not None and start < len(source.paragraphs):
            src = slice_document(source, start, start + size)
        yield Part(path, options, start, slice_document(doc, start, start + size), src, size=min(size, n - start))


def read_input(path: str, input_format: str | None = None) -> tuple[Document, Document | None]:
    """``formats.read_inputs``, except that a text file over ``document.STREAM_BYTES`` is not
    read into memory: its paragraphs (``document.FileParagraphs``) are read from disk when needed."""
    from . import document
    from .formats import format_of, read_inputs

    if format_of(path, input_format) == "txt" and path != "-" and document.input_size(path) > document.STREAM_BYTES:
        return Document(path=path, text="", paragraphs=document.FileParagraphs(path)), None  # type: ignore[arg-type]
    return read_inputs(path, input_format)


def lint_part(part: Part) -> DocumentResult:
    """Lint one part; paragraph numbers in the result count from the start of the input."""
    doc, source = part.doc, part.source
    if doc is None:
        from .formats import jsonl

        doc, source = jsonl.parse_lines(part.path, part.lines, part.first_line)
    options = part.options
    if source is not None or options.source is not None:
        options = replace(options, source=source)
    return rebase(lint_document(doc, options), part.base)


def rebase(result: DocumentResult, base: int) -> DocumentResult:
    if not base:
        return result
    paragraphs = tuple(
        replace(
            p,
            index=p.index + base,
            findings=tuple(replace(f, paragraph=f.paragraph + base) for f in p.findings),
        )
        for p in result.paragraphs
    )
    return replace(result, paragraphs=paragraphs)


# -- merging ---------------------------------------------------------------------------------


@dataclass
class Totals:
    """Running totals of the parts of one input: enough to score it without keeping findings."""

    path: str
    threshold: float
    words: int = 0
    penalty: int = 0
    critical: bool = False
    paragraphs: int = 0
    findings: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, part: DocumentResult) -> None:
        self.words += part.words
        self.penalty += part.penalty
        self.paragraphs += len(part.paragraphs)
        for p in part.paragraphs:
            self.findings += len(p.findings)
            self.critical = self.critical or any(f.severity is Severity.CRITICAL for f in p.findings)
        self.notes.extend(n for n in part.notes if n not in self.notes)

    @property
    def score(self) -> float:
        return round(scoring.score(self.penalty, self.words), 2)

    @property
    def passed(self) -> bool:
        return scoring.verdict(self.score, self.critical, self.threshold)

    def result(self, paragraphs: Sequence[ParagraphResult] = ()) -> DocumentResult:
        return DocumentResult(
            path=self.path,
            words=self.words,
            penalty=self.penalty,
            score=self.score,
            passed=self.passed,
            threshold=self.threshold,
            paragraphs=tuple(paragraphs),
            notes=tuple(self.notes),
        )


def merge(parts: Sequence[DocumentResult]) -> DocumentResult:
    """One input's result from the results of its parts, in order."""
    if len(parts) == 1:
        return parts[0]
    totals = Totals(parts[0].path, parts[0].threshold)
    for p in parts:
        totals.add(p)
    return totals.result([pr for p in parts for pr in p.paragraphs])


# -- running ---------------------------------------------------------------------------------


def _work(part: Part):
    """Runs in a worker: the part's result, or the error to raise in the parent (QAError
    subclasses with their own constructor arguments do not survive pickling)."""
    try:
        return True, lint_part(part)
    except InputError as exc:
        return False, ("input", exc.name, exc.problem)
    except QAError as exc:
        return False, ("qa", str(exc), "")


def _unwrap(outcome) -> DocumentResult:
    ok, value = outcome
    if ok:
        return value
    kind, a, b = value
    raise InputError(a, b) if kind == "input" else QAError(a)


def run_parts(parts: Iterable[Part], jobs: int = 1, progress: "Progress | None" = None) -> Iterator[tuple[Part, DocumentResult]]:
    """Lint ``parts`` on ``jobs`` processes; yield (part, result) in the order of ``parts``."""
    if jobs <= 1:
        for part in parts:
            result = lint_part(part)
            if progress:
                progress.advance(part.size)
            yield part, result
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    window: deque = deque()
    try:
        for part in parts:
            window.append((part, pool.submit(_work, part)))
            if len(window) >= 2 * jobs:
                done, future = window.popleft()
                yield done, _unwrap(future.result())
                if progress:
                    progress.advance(done.size)
        while window:
            done, future = window.popleft()
            yield done, _unwrap(future.result())
            if progress:
                progress.advance(done.size)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- inputs ------------------------------------------------------------------------------------


def lint_inputs(
    inputs: Sequence[tuple[str, Options]],
    input_format: str | None = None,
    jobs: int = 1,
    progress: bool = False,
) -> list[tuple[Document, DocumentResult]]:
    """Read and lint every (path, options) pair; (document, result) per input, in input order.

    A source given in ``options.source`` (``--source``) applies to plain-text inputs; a bilingual
    input brings its own."""
    import gc

    documents: list[Document] = []
    done: list[DocumentResult] = []
    out = []
    # Results pile up here (no cycles among them): with the collector on, every collection walks
    # them all, and the thread that receives the workers' results stalls (2x slower at 100,000).
    collecting = gc.isenabled()
    gc.disable()
    try:
        for part, result in _run(inputs, input_format, jobs, progress, None, documents):
            done.append(result)
            if part.last:
                out.append((documents[part.input], merge(done)))
                done = []
    finally:
        if collecting:
            gc.enable()
    return out


def stream(
    inputs: Sequence[tuple[str, Options]],
    input_format: str | None = None,
    jobs: int = 1,
    progress: bool = False,
    part_size: int | None = None,
) -> Iterator[tuple[DocumentResult, Totals, bool]]:
    """Lint every input; yield ``(part result, totals of its input so far, last part?)`` for each
    part, in order. JSON Lines files are read lazily, so memory stays flat whatever their size."""
    totals: Totals | None = None
    for part, result in _run(inputs, input_format, jobs, progress, part_size, None):
        if totals is None:
            totals = Totals(result.path, result.threshold)
        totals.add(result)
        yield result, totals, part.last
        if part.last:
            totals = None


def _run(inputs, input_format, jobs, progress, part_size, documents: list | None) -> Iterator[tuple[Part, DocumentResult]]:
    """(part, result) for every part of every input, in order. JSON Lines files are read lazily
    and parsed by the workers; with ``documents``, the Document of each input is appended to it
    before its last part is linted (a JSON Lines one assembled as its lines are read)."""
    from .formats import format_of

    sizes = [_input_size(path) for path, _ in inputs]
    big = len(inputs) > 1 or any(s > MIN_PARALLEL_BYTES for s in sizes)
    jobs = jobs if big and sum(sizes) >= MIN_PARALLEL_BYTES else 1  # else workers cost more than they save
    lazy = [format_of(path, input_format) == "jsonl" and path != "-" and os.path.isfile(path) for path, _ in inputs]
    bar = Progress(sum(_count_lines(path) for (path, _), is_lazy in zip(inputs, lazy) if is_lazy)) if progress else None

    def parts() -> Iterator[Part]:
        for k, ((path, options), is_lazy) in enumerate(zip(inputs, lazy)):
            if is_lazy:
                produced: Iterable[Part] = jsonl_parts(path, options, part_size)
                if documents is not None:
                    produced = _assemble(produced, documents)
            else:
                doc, source = read_input(path, input_format)
                if documents is not None:
                    documents.append(doc)
                src = source if source is not None else options.source
                produced = split(doc.path, doc, src, replace(options, source=None), part_size)
                if bar:
                    bar.grow(len(doc.paragraphs))
            for part, last in _with_last(produced):
                yield replace(part, input=k, last=last)

    yield from run_parts(parts(), jobs, bar)
    if bar:
        bar.close()


def _assemble(parts: Iterable[Part], documents: list[Document]) -> Iterator[Part]:
    """Pass JSON Lines parts through, parsing their lines here too to build the input's Document
    (appended to ``documents`` once the parts are exhausted)."""
    from .formats import jsonl
    from .formats._units import SEPARATOR

    paragraphs: list[Paragraph] = []
    path = ""
    for part in parts:
        doc, _ = jsonl.parse_lines(part.path, part.lines, part.first_line)
        paragraphs.extend(Paragraph(part.base + p.index, p.text, 0, p.line, p.unit, p.origin) for p in doc.paragraphs)
        path = part.path
        yield part
    offset = 0
    for i, p in enumerate(paragraphs):  # offsets in the Document's text, as formats._units makes them
        paragraphs[i] = Paragraph(p.index, p.text, offset, p.line, p.unit, p.origin)
        offset += len(p.text) + len(SEPARATOR)
    documents.append(Document(path=path, text=SEPARATOR.join(p.text for p in paragraphs), paragraphs=tuple(paragraphs)))


def _with_last(items: Iterable[Part]) -> Iterator[tuple[Part, bool]]:
    it = iter(items)
    try:
        prev = next(it)
    except StopIteration:
        return
    for item in it:
        yield prev, False
        prev = item
    yield prev, True


def jsonl_parts(path: str, options: Options, size: int | None = None) -> Iterator[Part]:
    """The parts of a JSON Lines file, read lazily: ``size`` records each, as raw lines."""
    size = size or PART
    try:
        fh = open(path, "rb")
    except PermissionError:
        raise InputError(path, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror})") from None
    with fh:
        lines: list[str] = []
        first = 1
        records = base = 0
        offset = 0
        for n, raw in enumerate(fh, 1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw, offset = raw[3:], 3
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    path, f"line {n}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {offset + exc.start}); save it as UTF-8"
                ) from None
            offset += len(raw)
            lines.append(line)
            if line.strip():
                records += 1
                if records == size:
                    yield Part(path, options, base, lines=tuple(lines), first_line=first, size=records)
                    base += records
                    first = n + 1
                    lines, records = [], 0
        if records:
            yield Part(path, options, base, lines=tuple(lines), first_line=first, size=records)
        elif not base:
            raise InputError(path, "file is empty; there is nothing to check" if not offset else "holds only whitespace; there is nothing to check")


def _input_size(path: str) -> int:
    try:
        return os.path.getsize(path) if path != "-" else 0
    except OSError:
        return 0


def _count_lines(path: str) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return 0


# -- progress ------------------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on standard error, only on a terminal and only once a run has
    taken ``delay`` seconds; it erases itself at the end. Nothing at all when stderr is piped."""

    def __init__(self, total: int, stream=None, delay: float = 0.5, clock: Callable[[], float] = time.monotonic):
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total = total
        self.done = 0
        self.clock = clock
        self.started = clock()
        self.delay = delay
        self.shown = False
        self._last = 0.0

    def grow(self, n: int) -> None:
        self.total += n

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or (now - self._last < 0.1 and self.done < self.total):
            return
        self._last = now
        self.shown = True
        self.stream.write("\r" + self.line(now - self.started))
        self.stream.flush()

    def line(self, elapsed: float) -> str:
        total = max(self.total, self.done)
        frac = self.done / total if total else 1.0
        width = 24
        fill = int(frac * width)
        rate = self.done / elapsed if elapsed > 0 else 0.0
        return (
            f"qa: [{'#' * fill}{'.' * (width - fill)}] {frac:4.0%} "
            f"{self.done:,}/{total:,} paragraphs, {rate:,.0f}/s, {elapsed:.1f} s"
        )

    def close(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r" + " " * 79 + "\r")
            self.stream.flush()


# -- JSON Lines output -----------------------------------------------------------------------------
#
# ``qa lint --format jsonl`` writes one JSON object a line, as soon as each part is linted:
#   {"type": "finding", "path": ..., <every field of a finding in the JSON output>}
#   {"type": "document", "path", "words", "penalty", "score", "threshold", "passed",
#    "paragraphs", "findings", "notes"}   -- after the last finding of each input


def finding_line(path: str, finding: Finding) -> str:
    import json

    return json.dumps({"type": "finding", "path": path, **finding.to_dict()}, ensure_ascii=False)


def document_line(totals: Totals) -> str:
    import json

    return json.dumps(
        {
            "type": "document",
            "path": totals.path,
            "words": totals.words,
            "penalty": totals.penalty,
            "score": totals.score,
            "threshold": totals.threshold,
            "passed": totals.passed,
            "paragraphs": totals.paragraphs,
            "findings": totals.findings,
            "notes": list(totals.notes),
        },
        ensure_ascii=False,
    )


def render_jsonl(results: Sequence[DocumentResult]) -> str:
    """The JSON Lines report of results already in memory (the same lines ``write_jsonl`` streams)."""
    out = []
    for result in results:
        totals = Totals(result.path, result.threshold)
        totals.add(result)
        out.extend(finding_line(result.path, f) for f in result.findings)
        out.append(document_line(totals))
    return "".join(line + "\n" for line in out)


def write_jsonl(
    inputs: Sequence[tuple[str, Options]],
    out,
    fail_on: Severity | None,
    input_format: str | None = None,
    jobs: int = 1,
    progress: bool = False,
) -> bool:
    """Lint ``inputs`` and stream the JSON Lines report to ``out`` part by part. True when the
    run fails (a finding at or above ``fail_on``, or an input that does not pass)."""
    failed = False
    for result, totals, last in stream(inputs, input_format, jobs, progress):
        lines = []
        for p in result.paragraphs:
            for f in p.findings:
                lines.append(finding_line(result.path, f))
                failed = failed or (fail_on is not None and f.severity >= fail_on)
        if last:
            lines.append(document_line(totals))
            failed = failed or not totals.passed
        if lines:
            out.write("\n".join(lines) + "\n")
    return failed
