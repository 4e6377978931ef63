"""``qa rules``, ``qa explain``, ``qa eval`` and ``qa glossary``."""

from __future__ import annotations

import sys

import typer

from ..errors import UsageError
from .app import _CONFIG, _IGNORE, _NO_CONFIG, _SELECT, _Command, app, glossary_app
from .common import _flags, _settings_file


@glossary_app.command("check", cls=_Command)
def glossary_check(files: list[str] = typer.Argument(..., metavar="FILE...", help="Glossary files (TSV or TBX).")) -> None:
    """Validate glossary files: one line per problem (file:line: message) and exit 2 if any."""
    from ..glossary import check_files

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
    from ..tbx import import_tbx

    for path in import_tbx(tbx, out_dir, force):
        typer.echo(path)


@glossary_app.command("export-tbx", cls=_Command)
def glossary_export_tbx(
    files: list[str] = typer.Argument(None, metavar="[FILE]...", help="Glossary files to export (default: the shipped ones)."),
    output: str = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the TBX here instead of standard output."),
    no_default_glossaries: bool = typer.Option(False, "--no-default-glossaries", help="Export only FILES."),
) -> None:
    """Export glossaries as TBX v3 (TBX-Basic, ISO 30042:2019)."""
    from ..outfile import check_output, write_text
    from ..tbx import export_tbx

    check_output(output, list(files or []))
    text = export_tbx(list(files or []), use_defaults=not no_default_glossaries)
    if output:
        write_text(output, text)
    else:
        sys.stdout.write(text)


@app.command(cls=_Command)
def rules() -> None:
    """List every rule: code, name, category, default severity, fix safety (qa fix) and summary."""
    from ..fixer import label
    from ..rules import all_rules

    rows = [(c.code, c.name, c.category.value, c.severity.value, label(c), c.summary()) for c in all_rules()]
    header = ("code", "name", "category", "severity", "fix", "summary")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        typer.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5])
    if any(r[4].endswith("*") for r in rows):
        typer.echo("* fix safety depends on the finding: see qa explain CODE")


@app.command(cls=_Command)
def explain(code: str = typer.Argument(..., metavar="CODE", help="A rule code (QA501) or name.")) -> None:
    """Print one rule's documentation."""
    from ..fixer import explanation, label
    from ..rules import get_rule

    cls = get_rule(code)
    typer.echo(f"{cls.code} {cls.name}")
    typer.echo(
        f"category: {cls.category.value}    MQM: {cls.mqm}    default severity: {cls.severity.value}    "
        f"fix: {label(cls).replace('-', 'none')}"
    )
    if explanation(cls):
        typer.echo(f"fix safety: {explanation(cls)}")
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

    from .. import evaluation
    from ..api import options_from

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

