"""The typer application, the options the commands share and small helpers."""

from __future__ import annotations

import os
import sys

import typer
from typer.core import TyperCommand

from .. import __version__


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


def _one_line(message: str, prefix: str = "") -> str:
    """A message on one line: its lines joined, control characters escaped (a file name may hold
    a newline or an ANSI escape)."""
    from ..display import printable

    msg = printable(" ".join(line.strip() for line in message.splitlines() if line.strip()))
    return msg if msg.startswith(prefix) else prefix + msg

