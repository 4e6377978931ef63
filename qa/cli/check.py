"""``qa lint``, ``qa gate`` and ``qa report``."""

from __future__ import annotations

import os
import sys

import typer

from ..errors import UsageError
from .app import (
    _BASELINE,
    _COLOR,
    _CONFIG,
    _FILES,
    _GLOSSARY,
    _IGNORE,
    _INPUT_FORMAT,
    _JOBS,
    _NO_CONFIG,
    _NO_DEFAULT_GLOSSARIES,
    _OUTPUT,
    _PARAGRAPH_DOCUMENTS,
    _SELECT,
    _SEVERITY,
    _SOURCE,
    _THRESHOLD,
    _WRITE_BASELINE,
    _Command,
    _one_line,
    _use_color,
    app,
)
from .common import (
    _check,
    _check_format,
    _emit,
    _flags,
    _lint_jsonl,
    _run_record,
    _settings_file,
    _sources,
    _write,
)


@app.command(cls=_Command)
def lint(
    paths: list[str] = _FILES,
    output_format: str = typer.Option("text", "--format", "--output-format", metavar="FORMAT", help="text, json, jsonl (streamed), sarif, junit, github or csv (one row per finding, for translators)."),
    fail_on: str = typer.Option(None, "--fail-on", metavar="LEVEL", help="Lowest severity that fails the run: info, minor, major, critical or none (default minor)."),
    threshold: float = _THRESHOLD,
    select: list[str] = _SELECT,
    ignore: list[str] = _IGNORE,
    severity: list[str] = _SEVERITY,
    source: str = _SOURCE,
    glossary: list[str] = _GLOSSARY,
    no_default_glossaries: bool = _NO_DEFAULT_GLOSSARIES,
    config_file: str = _CONFIG,
    no_config: bool = _NO_CONFIG,
    baseline_file: str = _BASELINE,
    write_baseline: str = _WRITE_BASELINE,
    output: str | None = _OUTPUT,
    color: str = _COLOR,
    input_format: str = _INPUT_FORMAT,
    jobs: int = _JOBS,
    paragraph_documents: bool = _PARAGRAPH_DOCUMENTS,
) -> None:
    """Check translations and print every finding, then a score and verdict per file."""
    from .. import formats, runner, scoring
    from ..model import Severity
    from ..reporters import get_reporter

    output = None if output == "-" else output
    if output_format != "jsonl":
        _check_format(output_format, color)
    flags = _flags(select, ignore, severity, threshold, glossary, no_default_glossaries, fail_on, paragraph_documents)
    cfg = _settings_file(config_file, no_config)
    run_fail_on = cfg.settings_for("-", flags).fail_on
    limit = None if run_fail_on == "none" else Severity(run_fail_on)
    fmt, jobs = formats.check_format(input_format), runner.check_jobs(jobs)
    if output_format == "jsonl":
        raise typer.Exit(_lint_jsonl(paths, cfg, flags, source, baseline_file or write_baseline, output, limit, fmt, jobs))
    documents, results, outcome = _check(paths, cfg, flags, source, baseline_file, write_baseline, fmt, jobs, output)
    use_color = _use_color(color) and not output
    sources = _sources(list(documents), source, fmt) if output_format == "csv" else None
    rendered = get_reporter(output_format)(
        results, color=use_color if output_format == "text" else False, documents=documents, fail_on=limit, baseline=outcome,
        sources=sources,
    )
    _emit(rendered, output, results)
    raise typer.Exit(1 if scoring.run_fails(results, limit) else 0)


@app.command(cls=_Command)
def gate(
    paths: list[str] = _FILES,
    output_format: str = typer.Option("text", "--format", "--output-format", metavar="FORMAT", help="text (a table), json, sarif, junit, github or csv."),
    threshold: float = _THRESHOLD,
    select: list[str] = _SELECT,
    ignore: list[str] = _IGNORE,
    severity: list[str] = _SEVERITY,
    source: str = _SOURCE,
    glossary: list[str] = _GLOSSARY,
    no_default_glossaries: bool = _NO_DEFAULT_GLOSSARIES,
    config_file: str = _CONFIG,
    no_config: bool = _NO_CONFIG,
    baseline_file: str = _BASELINE,
    write_baseline: str = _WRITE_BASELINE,
    output: str | None = _OUTPUT,
    color: str = _COLOR,
    input_format: str = _INPUT_FORMAT,
    jobs: int = _JOBS,
    paragraph_documents: bool = _PARAGRAPH_DOCUMENTS,
) -> None:
    """The publish decision: a table per document (words, score, critical/major/minor counts,
    verdict). Exit 0 only when every document passes (score >= threshold, no critical finding)."""
    from .. import formats, runner
    from ..reporters import get_reporter

    output = None if output == "-" else output
    _check_format(output_format, color)
    flags = _flags(select, ignore, severity, threshold, glossary, no_default_glossaries, paragraph_documents=paragraph_documents)
    cfg = _settings_file(config_file, no_config)
    fmt, jobs = formats.check_format(input_format), runner.check_jobs(jobs)
    documents, results, outcome = _check(paths, cfg, flags, source, baseline_file, write_baseline, fmt, jobs, output)
    table = get_reporter("gate")
    if output_format == "text":
        rendered = table(results, color=_use_color(color) and not output)
    else:
        sources = _sources(list(documents), source, fmt) if output_format == "csv" else None
        rendered = get_reporter(output_format)(results, documents=documents, fail_on=None, baseline=outcome, sources=sources)
        if output_format == "github":
            rendered += table(results)
    _emit(rendered, output, results)
    raise typer.Exit(0 if all(r.passed for r in results) else 1)


@app.command(cls=_Command)
def report(
    path: str = typer.Argument(..., metavar="FILE", help="One translation (a file, or - for standard input)."),
    source: str = typer.Option(None, "--source", metavar="FILE", help="The Italian source: shown beside each paragraph (aligned by index) and used by source-aware rules."),
    output: str | None = typer.Option(None, "--output", "-o", metavar="FILE", help="The HTML file to write (default: standard output)."),
    title: str = typer.Option(None, "--title", metavar="TEXT", help="The page title (default: the file name)."),
    threshold: float = _THRESHOLD,
    select: list[str] = _SELECT,
    ignore: list[str] = _IGNORE,
    severity: list[str] = _SEVERITY,
    glossary: list[str] = _GLOSSARY,
    no_default_glossaries: bool = _NO_DEFAULT_GLOSSARIES,
    config_file: str = _CONFIG,
    no_config: bool = _NO_CONFIG,
    baseline_file: str = _BASELINE,
) -> None:
    """Write a self-contained HTML page for a reviewer: score, chart, every paragraph with its
    findings highlighted, the Italian beside it. Exit 0 once written, whatever the verdict."""
    from ..reporters import html

    if os.path.isdir(path):
        raise UsageError(f"{path}: qa report takes one file, not a directory (one report per document)")
    output = None if output == "-" else output
    flags = _flags(select, ignore, severity, threshold, glossary, no_default_glossaries)
    cfg = _settings_file(config_file, no_config)
    documents, results, outcome = _check([path], cfg, flags, source, baseline_file, None, output=output)
    result = results[0]
    settings = cfg.settings_for(path, flags)
    page = html.render_report(
        result,
        documents[result.path],
        source=_sources([result.path], source).get(result.path),
        title=title,
        baseline=outcome,
        **_run_record(cfg, settings),
    )
    if output:
        _write(output, page)
        verdict = "PASS" if result.passed else "FAIL"
        sys.stderr.write(_one_line(f"qa: wrote {output} ({result.path}: score {result.score:.2f}, {verdict})") + "\n")
    else:
        sys.stdout.write(page)
    raise typer.Exit(0)

