"""The JSON report is written piece by piece (issue 19: memory); its text must stay exactly
``json.dumps(payload, ensure_ascii=False, indent=1)``."""

import json

from qa import __version__
from qa.api import options_from
from qa.config import Settings
from qa.document import from_text
from qa.engine import lint_document
from qa.model import DocumentResult, ParagraphResult
from qa.reporters import json as rj


def _reference(results, baseline=None) -> str:
    payload = {"schema": rj.SCHEMA_VERSION, "tool": {"name": "qa", "version": __version__},
               "documents": [rj.document_dict(d) for d in results]}
    if baseline is not None:
        payload["baseline"] = baseline.to_dict()
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


class _Outcome:
    def to_dict(self):
        return {"suppressed": 2, "stale": [{"path": "a\nb", "nested": [1, {}, []]}], "empty": {}}


def test_pieces_equal_one_dumps_for_empty_and_odd_documents():
    empty = DocumentResult("a\n\"b\u0915", 0, 0, 100.0, True, 90.0, (), ())
    two = DocumentResult("x.txt", 3, 1, 66.7, False, 90.0,
                         (ParagraphResult(0, 1, 3, 1, 66.7, ()), ParagraphResult(1, 3, 0, 0, 100.0, ())), ("n1", "n\n2"))
    for results in ([], [empty], [two], [empty, two], [two, empty]):
        for baseline in (None, _Outcome()):
            assert rj.render(results, baseline) == _reference(results, baseline)


def test_pieces_equal_one_dumps_with_real_findings():
    text = "रोम  में जी7 की बैठक हुई ।\n\nरोम  में जी7 की बैठक हुई ।\n\nयह \"उद्धरण\" है\u200d।"
    result = lint_document(from_text(text, path="x.txt"), options_from(Settings(), None))
    assert result.findings  # findings with Devanagari text, quotes and joiners
    assert rj.render([result]) == _reference([result])
