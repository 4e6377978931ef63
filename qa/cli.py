"""The command line: the only module that prints or exits.

Exit codes: 0 clean (no finding at or above --fail-on and every document passes), 1 findings or a
failing document, 2 usage, input, configuration or data errors, 130 interrupted, 143 terminated.
Help and errors are plain text (``rich_markup_mode=None``): nothing is styled, and the environment
is left as it was.
"""

from __future__ import annotations

import io
import os
import sys

import typer
from typer.core import TyperCommand

from . import __version__
from .config import FAIL_ON
from .errors import QAError, UsageError
from .model import Severity


class _Command(TyperCommand):
    """A command whose usage line reads ``qa lint [OPTIONS] FILE...``: typer (0.26 and later) wraps
    a required argument's metavar in braces."""

    def collect_usage_pieces(self, ctx):
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Check machine-translated Hindi (from Italian) for untranslated text, garbled text and "
    "wrong terms; score every paragraph (MQM).",
)
glossary_app = typer.Typer(no_args_is_help=True, help="Glossary files: validate, import, export.")
app.add_typer(glossary_app, name="glossary")


@glossary_app.command("check", cls=_Command)
def glossary_check(files: list[str] = typer.Argument(..., metavar="FILE...", help="Glossary files (TSV or TBX).")) -> None:
    """Validate glossary files: one line per problem (file:line: message) and exit 2 if any."""
    from .glossary import check_files

    problems, n = check_files(files)
    for problem in problems:
        typer.echo(problem, err=True)
    if problems:
        raise typer.Exit(2)
    typer.echo(f"{n} glossary file(s): no problems")


@glossary_app.command("import-tbx", cls=_Command)
def glossary_import_tbx(
    tbx: str = typer.Argument(..., metavar="FILE", help="A TBX file (ISO 30042, v2 or v3)."),
    out_dir: str = typer.Option(".", "--out-dir", "-d", metavar="DIR", help="Where to write NAME.organisations.tsv and NAME.terms.tsv."),
    force: bool = typer.Option(False, "--force", help="Overwrite existing files."),
) -> None:
    """Convert a TBX termbase into glossary TSV files; print the paths written."""
    from .tbx import import_tbx

    for path in import_tbx(tbx, out_dir, force):
        typer.echo(path)


@glossary_app.command("export-tbx", cls=_Command)
def glossary_export_tbx(
    files: list[str] = typer.Argument(None, metavar="[FILE]...", help="Glossary files to export (default: the shipped ones)."),
    output: str = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the TBX here instead of standard output."),
    no_default_glossaries: bool = typer.Option(False, "--no-default-glossaries", help="Export only FILES."),
) -> None:
    """Export glossaries as TBX v3 (TBX-Basic, ISO 30042:2019)."""
    from .outfile import check_output, write_text
    from .tbx import export_tbx

    check_output(output, list(files or []))
    text = export_tbx(list(files or []), use_defaults=not no_default_glossaries)
    if output:
        write_text(output, text)
    else:
        sys.stdout.write(text)



def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def _use_color(mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qa {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """qa: translation-quality checks for Hindi press releases."""


# -- options shared by lint, gate and report ----------------------------------------------------
_FILES = typer.Argument(..., metavar="FILE...", help="Files, directories (every translation below with a known extension: .txt, .xlf/.xliff, .tmx, .po, .html/.htm/.xhtml, .jsonl/.ndjson) or - for standard input.")
_CONFIG = typer.Option(None, "--config", metavar="FILE", help="Settings file (qa.toml, or pyproject.toml with [tool.qa]); default: the nearest one from the working directory up.")
_NO_CONFIG = typer.Option(False, "--no-config", help="Ignore configuration files.")
_SELECT = typer.Option(None, "--select", metavar="RULES", help="Only these rules: codes, code prefixes, names or categories (repeatable, comma-separated).")
_IGNORE = typer.Option(None, "--ignore", metavar="RULES", help="Skip these rules (same forms as --select).")
_SEVERITY = typer.Option(None, "--severity", metavar="CODE=LEVEL", help="Override a rule's severity: CODE=LEVEL, e.g. QA701=minor (repeatable, comma-separated).")
_THRESHOLD = typer.Option(None, "--threshold", metavar="SCORE", help="Lowest passing MQM score, 0-100 (default 95).")
_SOURCE = typer.Option(None, "--source", metavar="FILE", help="The Italian source, paragraphs aligned by index (one input only).")
_GLOSSARY = typer.Option(None, "--glossary", metavar="FILE", help="An extra glossary file (TSV or TBX; repeatable; added to the configured ones).")
_NO_DEFAULT_GLOSSARIES = typer.Option(False, "--no-default-glossaries", help="Use only the --glossary and configured glossaries.")
_BASELINE = typer.Option(None, "--baseline", metavar="FILE", help="Hide the findings recorded in this baseline file; report how many, and entries that no longer match.")
_WRITE_BASELINE = typer.Option(None, "--write-baseline", metavar="FILE", help="Record every current finding in this file (accepting them) and exit 0.")
_OUTPUT = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the report to this file; the terminal then gets the text summary.")
_COLOR = typer.Option("auto", "--color", metavar="WHEN", help="auto (on a terminal), always or never.")
_INPUT_FORMAT = typer.Option("auto", "--input-format", metavar="FORMAT", help="auto (by extension: .txt, .xlf/.xliff, .tmx, .po, .html/.htm/.xhtml, .jsonl/.ndjson; other files are text), txt, xliff, tmx, po, html or jsonl.")
_PARAGRAPH_DOCUMENTS = typer.Option(False, "--paragraph-documents", help="Every paragraph is a document of its own (a corpus of unrelated segments): no repeats, consistency or majority across paragraphs.")
_JOBS = typer.Option(0, "--jobs", "-j", metavar="N", help="Processes over files (0 or more than the cores: all cores); each file is linted whole, and the output is the same for every value.")


def _flags(select, ignore, severity, threshold, glossary, no_default_glossaries, fail_on=None, paragraph_documents=False) -> dict:
    """The settings given on the command line (they override the configuration file)."""
    from . import config

    flags: dict = {}
    if select:
        flags["select"] = tuple(_split(select))
    if ignore:
        flags["ignore"] = tuple(_split(ignore))
    if severity:
        pairs = {}
        for item in _split(severity):
            rule, sep, level = item.partition("=")
            if not sep:
                raise UsageError(f"--severity {item!r}: expected CODE=LEVEL, e.g. QA701=minor")
            pairs[rule.strip()] = level.strip()
        flags["severities"] = config.parse_severities(pairs, "--severity")
    if threshold is not None:
        if not 0 <= threshold <= 100:
            raise UsageError(f"--threshold {threshold:g} is outside 0-100")
        flags["threshold"] = threshold
    if fail_on is not None:
        if fail_on not in FAIL_ON:
            raise UsageError(f"--fail-on {fail_on!r} is not one of: {', '.join(FAIL_ON)}")
        flags["fail_on"] = fail_on
    if glossary:
        flags["glossaries"] = tuple(glossary)
    if no_default_glossaries:
        flags["default_glossaries"] = False
    if paragraph_documents:
        flags["paragraph_documents"] = True
    return flags


def _settings_file(config_file, no_config):
    """The configuration in use, named on standard error when a file was found or given."""
    from . import config

    cfg = config.load(config_file, not no_config)
    if cfg.path is not None:
        sys.stderr.write(_one_line(f"qa: settings from {cfg.path}") + "\n")
    return cfg


def _inputs(paths, cfg, flags, source, input_format=None, outputs=()):
    """(file, Options) for every input, directories expanded, each with its settings.

    ``outputs``: (option, path) pairs of the files the command will write; none may be an input."""
    from . import document
    from .api import options_from
    from .formats import expand_paths
    from .outfile import check_output

    if paths.count("-") > 1:
        raise UsageError("- (standard input) can be read only once")
    skipped: list = []
    files = expand_paths(paths, input_format, skipped)
    for name, reason in skipped:
        sys.stderr.write(_one_line(f"qa: skipped {name} ({reason})") + "\n")
    if not files:
        raise UsageError("no translation to check among the given paths")
    if source and len(files) != 1:
        raise UsageError("--source goes with exactly one translation file")
    for option, path in outputs:
        check_output(path, [*files, *([source] if source else [])], option)
    src = document.read_document(source) if source else None
    inputs = [(name, options_from(cfg.settings_for(name, flags), src)) for name in files]
    for name, options in inputs:
        if not options.rules:
            where = f" (settings from {cfg.path})" if cfg.path else ""
            raise UsageError(f"no rule is selected for {name}{where}: nothing would be checked")
    return inputs


def _check(paths, cfg, flags, source, baseline_file, write_baseline, input_format=None, jobs=1, output=None):
    """Lint every input with its settings (on ``jobs`` processes); apply or write the baseline.

    Returns (documents by path, results, baseline outcome or None)."""
    from . import baseline, runner

    outputs = (("--output", output), ("--write-baseline", write_baseline))
    inputs = _inputs(paths, cfg, flags, source, input_format, outputs)
    pairs = runner.lint_inputs(inputs, input_format, jobs, progress=True)
    documents = {doc.path: doc for doc, _ in pairs}
    if write_baseline:
        entries = baseline.entries_for(pairs)
        _write(write_baseline, baseline.dumps(entries))
        sys.stderr.write(_one_line(f"qa: wrote {len(entries)} accepted finding{'s' if len(entries) != 1 else ''} to {write_baseline}") + "\n")
        raise typer.Exit(0)
    if not baseline_file:
        return documents, [r for _, r in pairs], None
    results, outcome = baseline.apply(pairs, baseline.read(baseline_file), baseline_file)
    sys.stderr.write(_one_line(f"qa: baseline {baseline_file}: {outcome.suppressed} finding{'s' if outcome.suppressed != 1 else ''} suppressed") + "\n")
    if outcome.stale:
        sys.stderr.write(
            f"qa: baseline {baseline_file}: {len(outcome.stale)} entr{'ies' if len(outcome.stale) != 1 else 'y'} "
            "no longer match (fixed or changed; remove them or rewrite with --write-baseline):\n"
        )
        for e in outcome.stale:
            sys.stderr.write("  " + _one_line(f"{e.path}: {e.rule} {baseline.show_text(e.text)} in paragraph {e.paragraph}") + "\n")
    return documents, results, outcome


def _sources(paths, source, input_format=None) -> dict:
    """The source Document of each input (path -> Document): ``--source``, or the source side a
    bilingual file carries (standard input is read once, and has none here)."""
    from . import document
    from .formats import format_of, read_inputs

    if source:
        doc = document.read_document(source)
        return {p: doc for p in paths}
    out = {}
    for p in paths:
        if p != "-" and os.path.isfile(p) and format_of(p, input_format) != "txt":
            target, src = read_inputs(p, input_format)
            if src is not None:
                out[target.path] = src
    return out


def _run_record(cfg, settings) -> dict:
    """What ``qa report`` records of the run (html.render_report's keyword arguments)."""
    from datetime import datetime, timezone

    glossaries = [*settings.glossaries, *(["the shipped glossaries"] if settings.default_glossaries else [])]
    return dict(
        config_file=str(cfg.path) if cfg.path is not None else None,
        select=list(settings.select),
        ignore=list(settings.ignore),
        severity=[f"{code}={level.value}" for code, level in sorted(settings.severities.items())],
        glossaries=glossaries or ["none"],
        settings={"window": str(settings.window) if settings.window else "the whole document"},
        generated=datetime.now(timezone.utc),
    )


def _write(path: str, text: str) -> None:
    from .outfile import write_text

    write_text(path, text)


def _emit(rendered: str, output: str | None, results) -> None:
    """The report to ``output`` (then one summary line on standard error) or to standard output."""
    if output:
        _write(output, rendered)
        sys.stderr.write(_one_line(f"qa: wrote {output} ({_summary(results)})") + "\n")
    else:
        sys.stdout.write(rendered)


def _summary(results) -> str:
    """``79 findings, FAIL`` for one document; ``3 findings in 4 files, 1 failing`` for more."""
    n = sum(len(r.findings) for r in results)
    found = f"{n} finding{'s' if n != 1 else ''}"
    if len(results) == 1:
        return f"{found}, {'PASS' if results[0].passed else 'FAIL'}"
    failing = sum(not r.passed for r in results)
    return f"{found} in {len(results)} files, {failing} failing" if failing else f"{found} in {len(results)} files, all pass"


def _lint_jsonl(paths, cfg, flags, source, baseline, output, limit, input_format, jobs) -> int:
    """``--format jsonl``: one JSON object per finding, then one per input, as each input is done."""
    from . import runner
    from .outfile import open_output
    from .reporters import jsonl

    if baseline:
        raise UsageError("--format jsonl streams its findings; use another --format with --baseline or --write-baseline")
    inputs = _inputs(paths, cfg, flags, source, input_format, (("--output", output),))
    results = (result for _, result in runner.stream(inputs, input_format, jobs, progress=True))
    if not output:
        return 1 if jsonl.write(results, sys.stdout, limit) else 0
    with open_output(output) as fh:
        failed = jsonl.write(results, fh, limit)
    sys.stderr.write(_one_line(f"qa: wrote {output}") + "\n")
    return 1 if failed else 0


def _check_format(output_format: str, color: str) -> None:
    from .reporters import FORMATS

    if output_format not in FORMATS:
        raise UsageError(f"--format {output_format!r} is not one of: {', '.join(FORMATS)}")
    if color not in ("auto", "always", "never"):
        raise UsageError(f"--color {color!r} is not one of: auto, always, never")


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
    output: str = _OUTPUT,
    color: str = _COLOR,
    input_format: str = _INPUT_FORMAT,
    jobs: int = _JOBS,
    paragraph_documents: bool = _PARAGRAPH_DOCUMENTS,
) -> None:
    """Check translations and print every finding, then a score and verdict per file."""
    from . import formats, runner, scoring
    from .reporters import get_reporter

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
    output: str = _OUTPUT,
    color: str = _COLOR,
    input_format: str = _INPUT_FORMAT,
    jobs: int = _JOBS,
    paragraph_documents: bool = _PARAGRAPH_DOCUMENTS,
) -> None:
    """The publish decision: a table per document (words, score, critical/major/minor counts,
    verdict). Exit 0 only when every document passes (score >= threshold, no critical finding)."""
    from . import formats, runner
    from .reporters import get_reporter

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
    output: str = typer.Option(None, "--output", "-o", metavar="FILE", help="The HTML file to write (default: standard output)."),
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
    from .reporters import html

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


@app.command(cls=_Command)
def fix(
    paths: list[str] = _FILES,
    output: str = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the corrected copy here (one input only)."),
    diff: bool = typer.Option(False, "--diff", help="Print the changes as a unified diff (the default)."),
    in_place: bool = typer.Option(False, "--in-place", help="Rewrite the files, keeping FILE.orig unless --no-backup."),
    no_backup: bool = typer.Option(False, "--no-backup", help="With --in-place: keep no FILE.orig."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply changes of wording (official names, Hindi forms of acronyms)."),
    source: str = _SOURCE,
    select: list[str] = _SELECT,
    ignore: list[str] = _IGNORE,
    glossary: list[str] = _GLOSSARY,
    no_default_glossaries: bool = _NO_DEFAULT_GLOSSARIES,
    config_file: str = _CONFIG,
    no_config: bool = _NO_CONFIG,
    input_format: str = _INPUT_FORMAT,
) -> None:
    """Apply the safe suggestions of the findings (--unsafe-fixes: all of them) to the translation:
    a unified diff on standard output by default, a corrected copy with -o, or the files rewritten
    with --in-place. Only the target text changes; the rest of a bilingual file stays byte for byte.
    Exit 1 when --diff shows changes, else 0."""
    from . import document, fixer, formats, runner
    from .formats import format_of

    modes = sum(bool(m) for m in (output, diff, in_place))
    if modes > 1:
        raise UsageError("choose one of --diff, -o/--output and --in-place")
    if no_backup and not in_place:
        raise UsageError("--no-backup goes with --in-place")
    flags = _flags(select, ignore, None, None, glossary, no_default_glossaries)
    cfg = _settings_file(config_file, no_config)
    fmt = formats.check_format(input_format)
    inputs = _inputs(paths, cfg, flags, source, fmt, (("--output", output),))
    if output and len(inputs) != 1:
        raise UsageError("-o/--output takes one input; use --diff or --in-place for several")
    changed = False
    for name, options in inputs:
        kind = format_of(name, fmt)
        if name == "-" and (in_place or kind != "txt"):
            raise UsageError("qa fix reads standard input as text and cannot rewrite it in place")
        if kind == "jsonl":
            raise UsageError(f"{name}: qa fix does not rewrite JSON Lines; fix the records at their source")
        data = document.read_bytes(name)
        bom = data.startswith(b"\xef\xbb\xbf")
        raw = document.decode(data, name)
        if name == "-":  # standard input is read once: lint the text read
            from .engine import lint_document

            doc = document.from_text(raw, name)
            result = lint_document(doc, options)
        else:
            [(doc, result)] = runner.lint_inputs([(name, options)], fmt)
        plan = fixer.plan(doc, raw, result.findings, kind, unsafe_fixes)
        fixed = fixer.apply(raw, plan.edits)
        changed = changed or fixed != raw
        _fix_summary(name, plan)
        if output:
            _write_bytes(output, fixed, bom)
        elif in_place:
            if fixed != raw:
                if not no_backup:
                    _write_bytes(name + ".orig", raw, bom)
                _write_bytes(name, fixed, bom)
        else:
            import difflib

            sys.stdout.writelines(
                difflib.unified_diff(raw.splitlines(keepends=True), fixed.splitlines(keepends=True), f"a/{name}", f"b/{name}")
            )
    raise typer.Exit(1 if changed and not (output or in_place) else 0)


def _write_bytes(path: str, text: str, bom: bool) -> None:
    from .outfile import write_text

    write_text(path, ("\ufeff" if bom else "") + text)


def _fix_summary(name: str, plan) -> None:
    n = plan.fixed
    parts = [f"{n} fix{'es' if n != 1 else ''} applied"]
    if plan.skipped_unsafe:
        parts.append(f"{plan.skipped_unsafe} unsafe left (--unsafe-fixes applies them)")
    if plan.skipped_overlap:
        parts.append(f"{plan.skipped_overlap} overlapping left for a second run")
    if plan.skipped_unmapped:
        parts.append(f"{plan.skipped_unmapped} across markup left to a reviewer")
    sys.stderr.write(_one_line(f"qa fix: {name}: " + "; ".join(parts)) + "\n")


@app.command(cls=_Command)
def rules() -> None:
    """List every rule: code, name, category, default severity, fix safety (qa fix) and summary."""
    from .rules import all_rules

    rows = [(c.code, c.name, c.category.value, c.severity.value, c.fix or "-", c.summary()) for c in all_rules()]
    header = ("code", "name", "category", "severity", "fix", "summary")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        typer.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5])


@app.command(cls=_Command)
def explain(code: str = typer.Argument(..., metavar="CODE", help="A rule code (QA501) or name.")) -> None:
    """Print one rule's documentation."""
    from .rules import get_rule

    cls = get_rule(code)
    typer.echo(f"{cls.code} {cls.name}")
    typer.echo(
        f"category: {cls.category.value}    MQM: {cls.mqm}    default severity: {cls.severity.value}    "
        f"fix: {cls.fix or 'none'}"
    )
    typer.echo("")
    typer.echo(cls.doc())


@app.command("eval", cls=_Command)
def eval_(
    paths: list[str] = typer.Argument(..., metavar="DOC GOLD | DIR...", help="DOC GOLD (a translation and its gold .jsonl), or directories of X.hi.txt + X.gold.jsonl pairs."),
    output_format: str = typer.Option("text", "--format", metavar="FORMAT", help="text or json."),
    select: list[str] = _SELECT,
    ignore: list[str] = _IGNORE,
    count_info: bool = typer.Option(False, "--count-info", help="Score info findings too (left out by default)."),
    findings: str = typer.Option(None, "--findings", metavar="FILE", help="Score this findings JSON (qa's format) instead of running qa (DOC GOLD only)."),
    limit: int = typer.Option(50, "--limit", metavar="N", help="Text output: at most this many missed items and false alarms."),
    min_recall: float = typer.Option(None, "--min-recall", metavar="R", help="Exit 1 when required recall is below this."),
    min_precision: float = typer.Option(None, "--min-precision", metavar="P", help="Exit 1 when precision is below this."),
    config_file: str = _CONFIG,
    no_config: bool = _NO_CONFIG,
) -> None:
    """Score the checker against gold annotations: recall, precision, per category, misses, false alarms."""
    import json
    from pathlib import Path

    from . import evaluation
    from .api import options_from

    if output_format not in ("text", "json"):
        raise UsageError(f"--format {output_format!r} is not one of: text, json")
    if all(Path(p).is_dir() for p in paths):
        pairs = [pair for p in paths for pair in evaluation.find_pairs(p)]
    elif len(paths) == 2 and not any(Path(p).is_dir() for p in paths):
        pairs = [(paths[0], paths[1])]
    else:
        raise UsageError("qa eval takes DOC GOLD, or one or more directories of X.hi.txt + X.gold.jsonl pairs")
    if findings and len(pairs) != 1:
        raise UsageError("--findings goes with exactly one DOC GOLD pair")
    flags = _flags(select, ignore, None, None, None, False)
    cfg = _settings_file(config_file, no_config)

    def options(path: str):
        return options_from(cfg.settings_for(path, flags))

    if findings:
        report = evaluation.evaluate(*pairs[0], None, count_info, findings_path=findings)
    else:
        report = evaluation.evaluate_many(pairs, options, count_info)
        if len(pairs) == 1:
            report = report["documents"][0]
    total = report.get("total", report)
    if output_format == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(evaluation.render_text(report, limit=limit))
    low_recall = min_recall is not None and (total["recall"] or 0) < min_recall
    low_precision = min_precision is not None and (total["precision"] or 0) < min_precision
    raise typer.Exit(1 if low_recall or low_precision else 0)


def main() -> None:
    """Console entry point: one line on stderr and exit 2 for every error of input or usage.

    ``sys.exit`` is called outside the ``try``: a ``SystemExit`` must never travel through the
    ``except`` clauses (their expressions are evaluated as it passes)."""
    import signal

    # Ctrl-C and SIGTERM unwind the run (workers stopped, no output half-written) and end it with
    # one line; typer would turn Ctrl-C into a silent exit 130.
    stops = (signal.SIGINT, signal.SIGTERM)
    previous = {s: signal.signal(s, _stop) for s in stops}
    try:
        code = run()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    sys.exit(code)


class _Stopped(Exception):
    """A signal that stops the run (SIGINT, SIGTERM)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum, frame):
    raise _Stopped(signum)


class _Output:
    """Standard output as the commands see it: a failed write (closed with ``>&-``, a full disk)
    becomes an ``_OutputError`` (one line, exit 2); a reader gone (``BrokenPipeError``) stays
    itself."""

    def __init__(self, stream):
        self._stream = stream
        self.broken = False  # the reader went away (the parser turns that into exit 1: see run)

    def _call(self, name: str, *args):
        if self._stream is None:
            raise _OutputError("it is closed")
        try:
            return getattr(self._stream, name)(*args)
        except BrokenPipeError:
            self.broken = True
            raise
        except (OSError, ValueError) as exc:  # ValueError: a closed file object
            raise _OutputError(getattr(exc, "strerror", None) or str(exc)) from None

    def write(self, text: str) -> int:
        return self._call("write", text)

    def writelines(self, lines) -> None:
        self._call("writelines", lines)

    def flush(self) -> None:
        if self._stream is not None:
            self._call("flush")

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name):
        if self._stream is None:
            raise _OutputError("it is closed")
        return getattr(self._stream, name)


class _OutputError(Exception):
    """Standard output cannot be written (closed, a full disk): one line, exit 2."""


def run(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``) and return the exit code.

    Standard output closed (``>&-``) or failing (a full disk): one line on standard error, exit 2.
    A reader that stops reading (``qa lint … | head``): a quiet end, exit 141 (128 + SIGPIPE, what
    the shell reports for a tool the broken pipe killed), never 1, which would mean findings."""
    real = sys.stdout
    sys.stdout = out = _Output(real)
    try:
        code = _run(argv)
        out.flush()  # a write error shows here, not as a message at exit
        if out.broken:  # the parser caught it (click: EPIPE -> exit 1)
            raise BrokenPipeError
        return code
    except BrokenPipeError:
        _quiet_stdout(real)
        return 141
    except _OutputError as exc:
        _quiet_stdout(real)
        sys.stderr.write(f"qa: cannot write to standard output: {exc}\n")
        return 2
    finally:
        sys.stdout = real


def _quiet_stdout(stream) -> None:
    """Point standard output at /dev/null, so that Python's flush at exit has nothing to report."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _run(argv: list[str] | None) -> int:
    try:
        code = app(args=argv, prog_name="qa", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except typer.Exit as exc:
        return exc.exit_code
    except SystemExit as exc:  # raised by code outside typer (never expected): keep its code
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except QAError as exc:
        sys.stderr.write(_one_line(str(exc), "qa: ") + "\n")
        return 2
    except _PARSER.ClickException as exc:  # usage errors from the argument parser
        return _usage_error(exc)
    except KeyboardInterrupt:
        sys.stderr.write("qa: interrupted\n")
        return 130
    except _Stopped as exc:
        import signal

        sys.stderr.write("qa: interrupted\n" if exc.signum == signal.SIGINT else "qa: terminated\n")
        return 128 + exc.signum
    except (BrokenPipeError, _OutputError):
        raise  # standard output: ``run`` says it
    except (typer.Abort, EOFError):
        sys.stderr.write("qa: aborted\n")
        return 2
    except Exception as exc:  # a bug: still one line, never a traceback (QA_DEBUG=1 shows it)
        if os.environ.get("QA_DEBUG"):
            raise
        sys.stderr.write(f"qa: internal error: {type(exc).__name__}: {_one_line(str(exc))} (set QA_DEBUG=1 for details)\n")
        return 2


#: The module of the argument parser's exceptions, as typer exposes it: ``typer.BadParameter`` is
#: click's class where typer uses click (before 0.26) and typer's own copy of click's where it does
#: not (0.26 and later), so the exceptions are found from it rather than by importing click.
_PARSER = sys.modules[typer.BadParameter.__module__]


def _close(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio() >= 0.8


def _one_line(message: str, prefix: str = "") -> str:
    """A message on one line: its lines joined, control characters escaped (a file name may hold
    a newline or an ANSI escape)."""
    from .display import printable

    msg = printable(" ".join(line.strip() for line in message.splitlines() if line.strip()))
    return msg if msg.startswith(prefix) else prefix + msg


def _usage_error(exc) -> int:
    """Print a parser error as one line, ``qa lint: no such option --bogus (see qa lint --help)``;
    with no arguments at all, the help (exit 2, as ruff does)."""
    ctx = getattr(exc, "ctx", None)
    no_args = getattr(_PARSER, "NoArgsIsHelpError", None)
    if no_args is not None and isinstance(exc, no_args):
        sys.stdout.write(ctx.get_help() + "\n")
        return 2
    command = ctx.command_path if ctx is not None else "qa"
    if isinstance(exc, _PARSER.NoSuchOption):
        message = f"no such option {exc.option_name}"
        close = sorted(p for p in getattr(exc, "possibilities", None) or () if _close(p, exc.option_name))
        if close:
            message += "; did you mean " + " or ".join(close) + "?"
    else:
        message = _one_line(exc.format_message())
        message = message[:1].lower() + message[1:]
    hint = f" (see {command} --help)" if ctx is not None else ""
    sys.stderr.write(f"{command}: {message.rstrip('.')}{hint}\n")
    return exc.exit_code if isinstance(exc.exit_code, int) and exc.exit_code else 2
