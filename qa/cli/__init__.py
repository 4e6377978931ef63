"""The command line: the only package that prints or exits.

Exit codes: 0 clean (no finding at or above --fail-on and every document passes), 1 findings or a
failing document, 2 usage, input, configuration or data errors (standard output closed or full
included), 130 interrupted, 141 standard output's reader gone (a broken pipe: quiet), 143
terminated. Help and errors are plain text (``rich_markup_mode=None``): nothing is styled, and the
environment is left as it was.

Modules: ``app`` (the typer application, shared options and helpers), ``common`` (settings, inputs,
linting and writing shared by the commands), ``check`` (lint, gate, report), ``fix``, ``info``
(rules, explain, eval, glossary) and ``main`` (the entry point: errors, signals, standard output).
Every command imports what it needs when it runs (reporters, rules, jinja2, langdetect), so that
``qa --help`` and the parser start fast.
"""

from .main import console, main, run

__all__ = ["console", "main", "run"]
