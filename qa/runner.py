"""Linting many inputs on several processes, with the same result for every number of jobs.

An input is a document, whatever its size: the engine lints it whole, in one pass, so that
document-level rules (repeated paragraphs, spelling and script consistency, the danda majority)
see all of it through every entry point (``qa lint``, ``--jobs N``, ``qa.lint_text``). Work is
spread over processes one input at a time; a run of one input, or of little text, stays in this
process (starting workers would cost more than it saves). Results come back in input order.

Workers are forked processes (``ProcessPoolExecutor``); at most ``2 * jobs`` inputs are in
flight. A text file over ``document.STREAM_BYTES`` is linted from disk (``formats.read_input``),
so memory stays flat however large it is.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from . import scoring
from .engine import Options, lint_paragraphs
from .errors import InputError, QAError, UsageError
from .model import Document, DocumentResult

#: Below this many bytes of input in all, a run stays in one process (starting workers costs more).
MIN_PARALLEL_BYTES = 256 * 1024


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_jobs(jobs: int | None) -> int:
    """``--jobs``: 0 (or None) means all cores; more than the cores is capped at the cores."""
    if jobs is None or jobs == 0:
        return default_jobs()
    if jobs < 0:
        raise UsageError(f"--jobs {jobs} must be a positive number of processes (0: all cores)")
    return min(jobs, default_jobs())


@dataclass(frozen=True)
class Part:
    """Work for one process: a whole document (and its aligned source) with its options.
    ``base`` numbers its paragraphs from there (records given to the Python API in batches)."""

    path: str
    options: Options
    doc: Document
    source: Document | None = None
    base: int = 0
    input: int = 0  # which input of the run

    @property
    def size(self) -> int:
        return len(self.doc.paragraphs)


def lint_part(part: Part) -> DocumentResult:
    """Lint one part; paragraph numbers in the result count from ``part.base``."""
    options = part.options
    if part.source is not None or options.source is not None:
        options = replace(options, source=part.source)
    paragraphs = part.doc.paragraphs
    if options.paragraph_documents:
        return rebase(_each_paragraph(part.doc.path, paragraphs, options), part.base)
    compact = not isinstance(paragraphs, (tuple, list))  # read from disk: results kept in arrays
    return rebase(lint_paragraphs(part.doc.path, paragraphs, options, compact), part.base)


def _each_paragraph(path: str, paragraphs, options: Options) -> DocumentResult:
    """Every paragraph linted as a document of its own (``paragraph-documents``): document-level
    rules compare nothing across paragraphs; the file is scored as one."""
    source = options.source.paragraphs if options.source is not None else ()
    results: list = []
    for para in paragraphs:
        alone = replace(para, index=0)
        src = None
        if para.index < len(source):
            s = replace(source[para.index], index=0)
            src = Document(path=path, text=s.text, paragraphs=(s,))
        one = lint_paragraphs(path, (alone,), replace(options, source=src))
        results.extend(rebase(one, para.index).paragraphs)
    words, penalty = sum(p.words for p in results), sum(p.penalty for p in results)
    doc_score = scoring.rounded(penalty, words)
    findings = [f for p in results for f in p.findings]
    empty = scoring.nothing_to_publish(words, (p.text for p in paragraphs))  # the same verdict as a whole document
    return DocumentResult(
        path=path, words=words, penalty=penalty, score=doc_score,
        passed=scoring.passes(doc_score, findings, options.threshold, empty), threshold=options.threshold,
        paragraphs=tuple(results), notes=(), empty=empty,
    )


def rebase(result: DocumentResult, base: int) -> DocumentResult:
    if not base:
        return result
    paragraphs = tuple(
        replace(p, index=p.index + base, findings=tuple(replace(f, paragraph=f.paragraph + base) for f in p.findings))
        for p in result.paragraphs
    )
    return replace(result, paragraphs=paragraphs)


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


def run_parts(parts: Iterable[Part], jobs: int = 0, progress: Progress | None = None) -> Iterator[tuple[Part, DocumentResult]]:
    """Lint ``parts`` on ``jobs`` worker processes (0: in this process); yield (part, result) in
    the order of ``parts``."""
    if jobs <= 0:
        for part in parts:
            result = lint_part(part)
            if progress:
                progress.advance(part.size)
            yield part, result
        return
    import gc

    # Results pile up in this process (no cycles among them): with the collector on, every
    # collection walks them all, and the thread that receives the workers' results stalls.
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield from _run_pool(parts, jobs, progress)
    finally:
        if collecting:
            gc.enable()


def _run_pool(parts: Iterable[Part], jobs: int, progress: Progress | None) -> Iterator[tuple[Part, DocumentResult]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),))
    window: deque = deque()
    try:
        for part in parts:
            window.append((part, _submit(pool, part, jobs)))
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
    except BaseException:  # Ctrl-C, SIGTERM, an input error: stop the workers now
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _submit(pool, part: Part, jobs: int):
    try:
        return pool.submit(_work, part)
    except OSError as exc:  # fork refused: the process limit, memory
        raise QAError(f"cannot start {jobs} worker processes ({exc.strerror or exc}); use a smaller --jobs") from None


def _worker_start(parent: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle (no traceback from every worker), and a
    worker ends when its parent dies, however it dies (Linux: PR_SET_PDEATHSIG)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)


def stream(
    inputs: Sequence[tuple[str, Options]],
    input_format: str | None = None,
    jobs: int = 1,
    progress: bool = False,
) -> Iterator[tuple[Document, DocumentResult]]:
    """Read and lint every (path, options) pair; yield (document, result) per input, in input
    order, as each is done. A source given in ``options.source`` (``--source``) applies to
    plain-text inputs; a bilingual input brings its own."""
    from .formats import read_input

    if jobs > 1 and sum(_input_size(path) for path, _ in inputs) < MIN_PARALLEL_BYTES:
        jobs = 1  # little text: workers would cost more than they save
    # A large input goes to a worker even alone: the rules' caches and state die with it, and this
    # process keeps only the results (50 MB of text: 205 MiB in one process, ~165 MiB with a worker).
    workers = min(jobs, len(inputs)) if jobs > 1 else 0
    bar = Progress(0) if progress else None

    def parts() -> Iterator[Part]:
        for k, (path, options) in enumerate(inputs):
            doc, source = read_input(path, input_format)
            if bar:
                bar.grow(len(doc.paragraphs))
            src = source if source is not None else options.source
            yield Part(doc.path, replace(options, source=None), doc, src, input=k)

    try:
        for part, result in run_parts(parts(), workers, bar):
            yield part.doc, result
    finally:
        if bar:
            bar.close()


def lint_inputs(
    inputs: Sequence[tuple[str, Options]],
    input_format: str | None = None,
    jobs: int = 1,
    progress: bool = False,
) -> list[tuple[Document, DocumentResult]]:
    """``stream``, collected: (document, result) per input, in input order."""
    return list(stream(inputs, input_format, jobs, progress))


def _input_size(path: str) -> int:
    try:
        return os.path.getsize(path) if path != "-" else 0
    except OSError:
        return 0


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
