"""QA204's memos shared by the documents of a process (qa/rules/glued_memo.py)."""

from qa import hindi_lexicon as lex
from qa.document import from_text
from qa.engine import Options, lint_paragraphs
from qa.rules import glued_memo
from qa.rules.glued_hindi import GluedHindiWords
from qa.text.tokens import DEVANAGARI_WORD_RE

from conftest import FIXTURES

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


def test_chunk_memo_gives_the_words_the_list_lacks_chunk_by_chunk():
    memo = glued_memo.Chunks(lex.frequencies())
    for _ in range(2):  # read, then remembered
        assert memo.words("परऔर,") == ("परऔर",)
        assert memo.words("कहा।") == ()
        assert memo.words("(इंटरपोलयूएनओडीसी)") == ("इंटरपोलयूएनओडीसी",)
        assert memo.words("थाडिजिटल—परऔर") == ("थाडिजिटल", "परऔर")
        assert memo.words("G7देशों") == memo.words("abc") == ()
    assert "कहा।" in memo.clean and memo.unlisted["परऔर,"] == ("परऔर",)


def test_chunk_memo_reads_a_text_as_its_whole_devanagari_words_do(monkeypatch):
    listed = lex.frequencies()
    texts = (FIXTURES / "hostile.hi.txt").read_text(encoding="utf-8").splitlines()
    texts += (FIXTURES / "g7_rome_lyon_2024.hi.txt").read_text(encoding="utf-8").splitlines()
    texts += ["a\u200bपरऔर\u00a0कहा\u2028थाडिजिटल\u200cपर\tx९परऔर"]
    monkeypatch.setattr(glued_memo, "MAX_CHUNKS", 50)  # restarts on the way
    memo = glued_memo.Chunks(listed)
    for text in texts * 2:
        assert [w for c in text.split() for w in memo.words(c)] == \
            [w for w in DEVANAGARI_WORD_RE.findall(text) if w not in listed]
        assert len(memo.clean) + len(memo.unlisted) <= 50
    assert glued_memo.chunk_memo() is glued_memo.chunk_memo() and glued_memo.chunk_memo().listed is listed
