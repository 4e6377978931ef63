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


def test_alike_answers_as_similar_does():
    from qa.translit import alike

    pairs = [("Kerensky", "केरेंस्की"), ("Mars", "मंगल"), ("Kerensky", "जॉनसन"), ("Roma", "रोम"),
             ("Lione", "ल्योन"), ("Interpol", "इंटरपोल"), ("Zelensky", "ज़ेलेंस्की"), ("Ab", "बहुत"), ("Roma", "।")]
    for a, b in pairs:
        for threshold in (0.0, 0.5, 0.6, 0.8, 1.0):
            assert alike(a, b, threshold) == (similar(a, b) >= threshold), (a, b, threshold)
    assert alike("Kerensky", "केरेंस्की", 0.6) and not alike("Mars", "मंगल", 0.6)


def test_token_spans_are_shared_and_exact():
    from qa.glossary.text import norm_tokens, token_spans, tokens

    text = "जी-7 के मंत्री, रोम में।"
    assert token_spans(text) == ((0, 2, "जी"), (3, 4, "7"), (5, 7, "के"), (8, 14, "मंत्री"), (16, 19, "रोम"), (20, 23, "में"))
    assert tokens(text) == list(token_spans(text)) and tokens(text) is not tokens(text)
    assert norm_tokens(text) == ("जी", "7", "के", "मंत्री", "रोम", "में")


def test_terms_by_italian_and_size():
    from qa.align import size

    g = load_glossary()
    term = g.terms_by_italian["maggio"]
    assert "maggio" in [f.casefold() for f in term.it]
    assert size(" a b\u00a0c\u2003d\n") == 4 and size("") == 0


def test_ascii_tokens_skip_the_memo_and_fold_alike():
    from qa.glossary.text import _norm_token, norm_token

    for token in ("Roma", "G7", "UNICRI", "x", "2024", "PERCHÉ", "जी", "१२"):
        assert norm_token(token) == _norm_token(token)
    assert norm_token("Roma") == "roma" and norm_token("PERCHÉ") == "perché" and norm_token("१२") == "12"
