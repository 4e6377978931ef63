"""Run the `qa` command line in this process (fast: no interpreter start, rules already loaded),
capturing exit code, standard output and standard error as a user would see them."""

import contextlib
import io
import os
import sys
from dataclasses import dataclass


@dataclass
class Run:
    returncode: int
    out: str
    err: str


def run(*args, cwd=None, stdin: str | None = None) -> Run:
    from qa import cli

    stdout, stderr = io.StringIO(), io.StringIO()
    argv, old_stdin = sys.argv, sys.stdin
    sys.argv = ["qa", *map(str, args)]
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    env_color = os.environ.pop("NO_COLOR", None)
    os.environ["NO_COLOR"] = "1"
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), contextlib.chdir(cwd or os.getcwd()):
            try:
                cli.main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        sys.argv, sys.stdin = argv, old_stdin
        if env_color is None:
            os.environ.pop("NO_COLOR", None)
        else:
            os.environ["NO_COLOR"] = env_color
    return Run(code, stdout.getvalue(), stderr.getvalue())


# -- the Python path: one helper for every rule test ------------------------------------------


def _rule_classes(rules) -> list:
    """Rule classes from codes, prefixes, names, categories, classes, or iterables of them
    (none: every rule)."""
    from qa.rules import select_rules

    flat: list = []
    stack = [rules]
    while stack:
        item = stack.pop(0)
        if isinstance(item, (str, type)):
            flat.append(item)
        else:
            stack[:0] = list(item)
    specs = [r for r in flat if isinstance(r, str)]
    classes = [r for r in flat if isinstance(r, type)]
    if specs or not classes:
        classes += [c for c in select_rules(specs) if c not in classes]
    return classes


def lint_result(text, *rules, source=None, **options):
    """The engine's DocumentResult for ``text`` (a str, paragraphs apart by a blank line, or a
    Document) with ``rules`` (codes, prefixes, names, categories or Rule classes, or lists of
    them; none: every rule), ``source`` aligned (a str or a Document) and other engine Options."""
    from qa.document import from_text
    from qa.engine import Options, lint_document
    from qa.model import Document

    doc = text if isinstance(text, Document) else from_text(text)
    if isinstance(source, str):
        source = from_text(source, "<source>")
    return lint_document(doc, Options(rules=_rule_classes(rules), source=source, **options))


def lint(text, *rules, source=None, **options):
    """The findings of ``lint_result`` (a list, in document order)."""
    return list(lint_result(text, *rules, source=source, **options).findings)
