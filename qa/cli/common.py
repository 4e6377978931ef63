"""What lint, gate, report and fix share: settings, inputs, linting, the baseline and writing."""

from __future__ import annotations

import os
import sys
from datetime import UTC

import typer

from ..errors import UsageError
from .app import _one_line, _split


def _flags(select, ignore, severity, threshold, glossary, no_default_glossaries, fail_on=None, paragraph_documents=False) -> dict:
    """The settings given on the command line (they override the configuration file)."""
    from .. import config

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
        if fail_on not in config.FAIL_ON:
            raise UsageError(f"--fail-on {fail_on!r} is not one of: {', '.join(config.FAIL_ON)}")
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
    from .. import config

    cfg = config.load(config_file, not no_config)
    if cfg.path is not None:
        sys.stderr.write(_one_line(f"qa: settings from {cfg.path}") + "\n")
    return cfg


def _inputs(paths, cfg, flags, source, input_format=None, outputs=()):
    """(file, Options) for every input, directories expanded, each with its settings.

    ``outputs``: (option, path) pairs of the files the command will write; none may be an input."""
    from .. import document
    from ..api import options_from
    from ..formats import expand_paths
    from ..outfile import check_output

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
    from .. import runner

    outputs = (("--output", output), ("--write-baseline", write_baseline))
    inputs = _inputs(paths, cfg, flags, source, input_format, outputs)
    pairs = runner.lint_inputs(inputs, input_format, jobs, progress=True)
    documents = {doc.path: doc for doc, _ in pairs}
    if write_baseline or baseline_file:
        from .. import baseline
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
    from .. import document
    from ..formats import format_of, read_inputs

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
    from datetime import datetime

    glossaries = [*settings.glossaries, *(["the shipped glossaries"] if settings.default_glossaries else [])]
    return dict(
        config_file=str(cfg.path) if cfg.path is not None else None,
        select=list(settings.select),
        ignore=list(settings.ignore),
        severity=[f"{code}={level.value}" for code, level in sorted(settings.severities.items())],
        glossaries=glossaries or ["none"],
        settings={"window": str(settings.window) if settings.window else "the whole document"},
        generated=datetime.now(UTC),
    )


def _write(path: str, text: str) -> None:
    from ..outfile import write_text

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
    from .. import runner
    from ..outfile import open_output
    from ..reporters import jsonl

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
    from ..reporters import FORMATS

    if output_format not in FORMATS:
        raise UsageError(f"--format {output_format!r} is not one of: {', '.join(FORMATS)}")
    if color not in ("auto", "always", "never"):
        raise UsageError(f"--color {color!r} is not one of: auto, always, never")

