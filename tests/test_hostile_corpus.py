"""Replay the inputs that once broke an invariant (tests/hostile_corpus/, see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_properties import clean_exit, file_lines

from runqa import run

CORPUS = Path(__file__).resolve().parent / "hostile_corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.name != "README.md")


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_corpus_case_keeps_the_invariants(path):
    from dataclasses import replace

    from qa.api import options_for
    from qa.engine import lint_document
    from qa.errors import InputError
    from qa.formats import read_inputs

    for fmt in ("json", "sarif", "junit"):
        clean_exit(run("lint", "--format", fmt, path))
    try:
        target, source = read_inputs(str(path))
    except InputError:
        return
    lines = file_lines(path)
    for f in lint_document(target, replace(options_for(None), source=source)).findings:
        para = target.paragraphs[f.paragraph]
        assert f.text == para.text[f.start : f.end]
        assert 1 <= f.line <= len(lines) and 1 <= f.column <= len(lines[f.line - 1]) + 1, f
