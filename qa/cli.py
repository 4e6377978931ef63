"""The command line: the only module that prints or exits.

Exit codes: 0 clean (no finding at or above --fail-on and every document passes), 1 findings or a
failing document, 2 usage, input, configuration or data errors.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("TYPER_USE_RICH", "0")  # plain one-line errors, and a faster start

import typer  # noqa: E402

from . import __version__  # noqa: E402
from .errors import QAError, UsageError  # noqa: E402
from .model import Severity  # noqa: E402

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

FAIL_ON = ("info", "minor", "major", "critical", "none")


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


@app.command()
def lint(
    paths: list[str] = typer.Argument(..., help="Files, directories (every *.txt below) or - for standard input."),
    output_format: str = typer.Option("text", "--format", "--output-format", help="text or json."),
    fail_on: str = typer.Option("minor", "--fail-on", help="Lowest severity that fails the run: info, minor, major, critical or none."),
    threshold: float = typer.Option(95.0, "--threshold", help="Lowest passing MQM score (0-100)."),
    select: list[str] = typer.Option(None, "--select", help="Only these rules: codes, code prefixes, names or categories (repeatable, comma-separated)."),
    ignore: list[str] = typer.Option(None, "--ignore", help="Skip these rules (same forms as --select)."),
    source: str = typer.Option(None, "--source", help="The Italian source, paragraphs aligned by index (one input only)."),
    glossary: list[str] = typer.Option(None, "--glossary", help="An extra glossary file (TSV or TBX; repeatable)."),
    no_default_glossaries: bool = typer.Option(False, "--no-default-glossaries", help="Use only the --glossary files."),
    color: str = typer.Option("auto", "--color", help="auto (on a terminal), always or never."),
) -> None:
    """Check translations and print every finding, then a score and verdict per file."""
    from . import document
    from .engine import Options, lint_document
    from .reporters import FORMATS, get_reporter
    from .rules import select_rules

    if output_format not in FORMATS:
        raise UsageError(f"--format {output_format!r} is not one of: {', '.join(FORMATS)}")
    if fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on {fail_on!r} is not one of: {', '.join(FAIL_ON)}")
    if not 0 <= threshold <= 100:
        raise UsageError(f"--threshold {threshold:g} is outside 0-100")
    if color not in ("auto", "always", "never"):
        raise UsageError(f"--color {color!r} is not one of: auto, always, never")
    files = document.expand_paths(paths)
    if source and len(files) != 1:
        raise UsageError("--source goes with exactly one translation file")
    options = Options(
        rules=select_rules(_split(select), _split(ignore)),
        threshold=threshold,
        glossary_paths=tuple(glossary or ()),
        use_default_glossaries=not no_default_glossaries,
        source=document.read_document(source) if source else None,
    )
    results = [lint_document(document.read_document(f), options) for f in files]
    sys.stdout.write(get_reporter(output_format)(results, color=_use_color(color)))
    limit = None if fail_on == "none" else Severity(fail_on)
    failed = any(not r.passed for r in results) or (
        limit is not None and any(f.severity >= limit for r in results for f in r.findings)
    )
    raise typer.Exit(1 if failed else 0)


@app.command()
def rules() -> None:
    """List every rule: code, name, category, default severity and summary."""
    from .rules import all_rules

    rows = [(c.code, c.name, c.category.value, c.severity.value, c.summary()) for c in all_rules()]
    widths = [max(len(r[i]) for r in rows + [("code", "name", "category", "severity", "")]) for i in range(4)]
    header = ("code", "name", "category", "severity", "summary")
    for row in [header, *rows]:
        typer.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])


@app.command()
def explain(code: str = typer.Argument(..., help="A rule code (QA501) or name.")) -> None:
    """Print one rule's documentation."""
    from .rules import get_rule

    cls = get_rule(code)
    typer.echo(f"{cls.code} {cls.name}")
    typer.echo(f"category: {cls.category.value}    MQM: {cls.mqm}    default severity: {cls.severity.value}")
    typer.echo("")
    typer.echo(cls.doc())


@app.command("eval")
def eval_(
    paths: list[str] = typer.Argument(..., help="DOC GOLD (a translation and its gold .jsonl), or directories of X.hi.txt + X.gold.jsonl pairs."),
    output_format: str = typer.Option("text", "--format", help="text or json."),
    select: list[str] = typer.Option(None, "--select", help="Only these rules (as for lint)."),
    ignore: list[str] = typer.Option(None, "--ignore", help="Skip these rules (as for lint)."),
    count_info: bool = typer.Option(False, "--count-info", help="Score info findings too (left out by default)."),
    findings: str = typer.Option(None, "--findings", help="Score this findings JSON (qa's format) instead of running qa (DOC GOLD only)."),
    limit: int = typer.Option(50, "--limit", help="Text output: at most this many missed items and false alarms."),
    min_recall: float = typer.Option(None, "--min-recall", help="Exit 1 when required recall is below this."),
    min_precision: float = typer.Option(None, "--min-precision", help="Exit 1 when precision is below this."),
) -> None:
    """Score the checker against gold annotations: recall, precision, per category, misses, false alarms."""
    import json
    from pathlib import Path

    from . import evaluation
    from .engine import Options
    from .rules import select_rules

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
    options = Options(rules=select_rules(_split(select), _split(ignore)))
    if findings:
        report = evaluation.evaluate(*pairs[0], options, count_info, findings_path=findings)
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
    """Console entry point: one line on stderr and exit 2 for every error of input or usage."""
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except QAError as exc:
        msg = str(exc)
        sys.stderr.write(("" if msg.startswith("qa:") else "qa: ") + msg + "\n")
        sys.exit(2)
    except _click_errors() as exc:  # usage errors from the argument parser
        exc.show()
        sys.exit(2)
    except KeyboardInterrupt:
        sys.stderr.write("qa: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except (typer.Abort, EOFError):
        sys.stderr.write("qa: aborted\n")
        sys.exit(2)
    except Exception as exc:  # a bug: still one line, never a traceback (QA_DEBUG=1 shows it)
        if os.environ.get("QA_DEBUG"):
            raise
        sys.stderr.write(f"qa: internal error: {type(exc).__name__}: {exc} (set QA_DEBUG=1 for details)\n")
        sys.exit(2)


def _click_errors():
    import click

    return (click.ClickException,)
