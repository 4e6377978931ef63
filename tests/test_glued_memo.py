"""QA204's memos shared by the documents of a process (qa/rules/glued_memo.py)."""

from qa.document import from_text
from qa.engine import Options, lint_paragraphs
from qa.rules import glued_memo
from qa.rules.glued_hindi import GluedHindiWords

COPULA = "संबोधित किया गया थाडिजिटल तस्करी करना"


class FakeGlossary:
    def devanagari_names(self):
        return ["क्वालोव्स्की"]


def test_one_memo_per_glossary_and_options_restarted_when_full(monkeypatch):
    g = FakeGlossary()
    a = glued_memo.shared(g, (3.5, 5.8))
    assert glued_memo.shared(g, (3.5, 5.8)) is a and a.names == frozenset({"क्वालोव्स्की"})
    assert glued_memo.shared(g, (4.0, 5.8)) is not a
    assert glued_memo.shared(FakeGlossary(), (3.5, 5.8)) is not a
    a.pieces.update(dict.fromkeys(map(str, range(5)), None))
    monkeypatch.setattr(glued_memo, "MAX_WORDS", 4)
    fresh = glued_memo.shared(g, (3.5, 5.8))
    assert fresh is not a and fresh.size() == 0


def findings(**options):
    doc = from_text(COPULA + "\n", "t")
    opts = Options(rules=[GluedHindiWords], rule_options={"rules": {"QA204": options}})
    return [(f.start, f.end, f.severity.value) for f in lint_paragraphs("t", doc.paragraphs, opts).findings]


def test_documents_in_one_process_with_other_options_do_not_share_what_the_options_decide():
    assert findings() == [(17, 25, "major")]
    assert findings(**{"major-piece": 5}) == [(17, 25, "info")]
    assert findings(**{"max-ambiguity": 0}) == []
    assert findings() == [(17, 25, "major")]
