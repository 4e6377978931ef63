"""``qa fix``: the findings' suggestions applied to the translation (qa/fixer.py)."""

from __future__ import annotations

import sys

import typer

from ..errors import UsageError
from .app import (
    _CONFIG,
    _FILES,
    _GLOSSARY,
    _IGNORE,
    _INPUT_FORMAT,
    _NO_CONFIG,
    _NO_DEFAULT_GLOSSARIES,
    _SELECT,
    _SOURCE,
    _Command,
    _one_line,
    app,
)
from .common import _flags, _inputs, _settings_file


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
    from .. import document, fixer, formats, runner
    from ..formats import format_of

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
            from ..engine import lint_document

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
    from ..outfile import write_text

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

