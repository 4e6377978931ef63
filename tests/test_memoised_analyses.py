"""Per-word analyses are memoised (issue 14, speed): the memo never changes an answer, and a
glossary's memo is its own."""

from qa import hindi_lexicon as lex
from qa.acronyms import mentions
from qa.glossary import load_glossary
from qa.translit import similar, skeleton

ORG_HEADER = "id\tshort\ten\tit\tit_short\thi\thi_short\thi_basis\tsource\tnote\n"


def test_mentions_are_memoised_per_glossary(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(ORG_HEADER + "ZQX\tZQX\tZed Queue Ex\t\t\tज़ेड क्यू एक्स संगठन\tज़ेडक्यूएक्स\t\thttps://x.org\t\n",
                     encoding="utf-8")
    text = "ज़ेडक्यूएक्स और ZQX ने कहा। नाटो भी।"
    shipped, mine = load_glossary(), load_glossary((str(extra),))
    for _ in range(2):  # the second time from the memo: the same answers
        plain = {(m.text, m.org.id if m.org else None) for m in mentions(text, shipped)}
        own = {(m.text, m.org.id if m.org else None) for m in mentions(text, mine)}
        assert ("ZQX", "ZQX") in own and ("ज़ेडक्यूएक्स", "ZQX") in own
        assert ("ZQX", "ZQX") not in plain
        assert ("नाटो", "NATO") in plain and ("नाटो", "NATO") in own


def test_offsets_come_from_each_occurrence_not_the_memo():
    g = load_glossary()
    text = "नाटो ने कहा और फिर नाटो ने कहा"
    found = [(m.start, m.end) for m in mentions(text, g) if m.text == "नाटो"]
    assert found == [(0, 4), (19, 23)]
    assert [(m.start, m.end) for m in mentions("  " + text, g) if m.text == "नाटो"] == [(2, 6), (21, 25)]


def test_memoised_word_functions_answer_as_before():
    assert lex.zipf("और") > 5
    assert lex.spellings("ज़्यादा") == ["ज़्यादा", "ज्यादा"] and lex.spellings("बड़ा") == ["बड़ा"]
    assert skeleton("Kerensky") == skeleton("Kerensky") and similar("Kerensky", "केरेंस्की") > 0.7
