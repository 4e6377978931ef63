"""The short cuts that make the Hindi lexicon cheap on words never seen (a new document's)."""

import unicodedata

from qa import hindi_lexicon as lex


def test_zipf_short_cut_agrees_with_the_spellings():
    # a listed word, its nukta-less and anusvara spellings, a decomposed (NFD) form, an unlisted word
    assert (lex.zipf("ज्यादा"), lex.zipf("ज़्यादा"), lex.zipf("पहुँच")) == (5.9, 5.1, 4.8)  # each listed
    assert lex.zipf("अंगरेज़ी") == lex.zipf("अंगरेजी") == 3.2  # the nukta spelling is not listed
    assert lex.zipf("अँक") == lex.zipf("अंक") == 4.8  # nor the candrabindu one
    assert lex.zipf("\u095b\u094dयादा") == 5.1  # precomposed ज़ (not NFC)
    assert lex.zipf("क्वालोव्स्की") == 0.0


def test_typo_skeleton_is_the_same_for_a_word_its_typos_and_spellings():
    sk = lex._skeleton
    assert sk("बिनाने") == sk("बनाने") == "बनन"
    assert sk("ज़्यादा") == sk("ज्यादा") == sk("\u095b\u094dयादा") == "जयद"
    assert sk("पहुँच") == sk("पहुंच") == sk("पहुच")
    assert sk(unicodedata.normalize("NFD", "ऩ")) == sk("ऩ") == "न"


def test_typo_of_answers_the_same_before_and_after_it_builds_the_skeleton_index(monkeypatch):
    assert lex._skeleton("दवाएंविशेष") not in lex._typo_skeletons()
    words = ["दवाएंविशेष", "बिनाने", "परऔर", "ज़्यादाा", "पहुच", "कीया", "थाडिजिटल", "अँक"]
    answers = []
    for asked in (0, lex.TYPO_INDEX_AFTER):  # one by one, then through the index
        monkeypatch.setattr(lex, "_typo_asked", asked)
        answers.append([lex.typo_of(w) for w in words])
    assert answers[0] == answers[1] == [None, "बनाने", None, "ज़्यादा", None, "किया", None, None]
    assert list(lex._typo_candidates("का"))[:3] == ["क", "कऺ", "कऻ"]


def test_pronoun_with_postposition_is_a_pronoun():
    assert lex.function_class("उसमें") == lex.function_class("जिनसे") == "pronoun"
    assert lex.function_class("उसकेकेक") is None


def test_endings_by_length_in_the_order_a_longest_first_loop_finds_them():
    from qa import morphology as morph

    groups = morph._by_length(("ा", "ों", "ाओं", "", "े"))
    assert groups == ((3, frozenset({"ाओं"})), (2, frozenset({"ों"})), (1, frozenset({"ा", "े"})), (0, frozenset({""})))
    assert morph._endings("दवाओं", groups) == ["ाओं", ""]
    assert morph._endings("लड़का", groups) == ["ा", ""]
    assert morph._endings("ों", groups) == ["ों", ""]


def test_only_spelling_is_never_wrong_about_a_single_spelling():
    from qa.text.fold import only_spelling, same_word_spellings

    for w in ("हूँ", "ज़रूर", "जरूर", "कि", "ड़ी", "भारत", "\u0915\u093c", "café", "बैठक"):
        if only_spelling(w):
            assert same_word_spellings(w) == [w], w
    assert only_spelling("भारत") and not only_spelling("हूँ") and not only_spelling("ज़रूर")
    assert not only_spelling("\u0915\u093c") and same_word_spellings("\u0915\u093c") == ["\u0915\u093c", "क"]
