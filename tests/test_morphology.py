"""Hindi morphology as data (qa/morphology.py, glossaries/hi_stems|paradigms|compound_affixes.tsv)
and what it changes in QA204: words a paradigm derives are words; severity by evidence."""

import pytest

from qa import morphology as morph
from qa.model import Severity
from qa.rules.glued_hindi import GluedHindiWords

from runqa import lint


@pytest.mark.parametrize("word, why", [
    ("डुबोया", "verb"),  # a vowel stem's perfective (डुबो + या "or" look-alike)
    ("झूमने", "verb"),  # oblique infinitive (झूम + ने)
    ("निकलवाया", "verb"),  # second causative
    ("बनाएंगे", "verb"),
    ("भेजी", "verb"),  # consonant stem's perfective
    ("तोपखाने", "compound"),  # -खाने after a known word
    ("पागलखाने", "compound"),
    ("मुकदमेबाजी", "compound"),  # oblique stem + -बाजी
    ("दोषमुक्त", "compound"),
    ("पूर्वप्रभावी", "compound"),  # पूर्व- + a known word
    ("स्कॉटिशमैन", "compound"),  # -मैन
    ("फ्लोरिडावासी", "compound"),
    ("तरफदार", "compound"),
    ("जैसेकि", "joined"),  # a common joined spelling
])
def test_paradigms_derive_words(word, why):
    assert morph.derived(word), word
    if why == "verb":
        assert morph.verb_form(word)
    elif why == "compound":  # by its affix, whether or not the corpus lemmas list it
        assert morph.compound(word)
    else:
        assert "joined" in morph.derived(word)


@pytest.mark.parametrize("word", [
    "परऔर", "थाडिजिटल", "दवाएंविशेष", "देशने", "भारतमें", "मेंहर", "केदशक",
    "उनकाघर",  # a function word is no compound stem (उनका|घर)
])
def test_paradigms_do_not_derive_glued_words(word):
    assert morph.derived(word) is None


def test_generated_stems_are_read_with_their_class():
    s = morph.stems()
    assert "झूम" in s["verb"] and "डुबो" in s["verb"]
    assert "कि" not in s["verb"] and "तोपखाना" not in s["verb"]  # function words, reviewed slips


def test_a_verb_of_the_frequency_list_yields_all_its_forms():
    # घबराना is in no list, but any listed infinitive's stem takes every ending of hi_paradigms.tsv
    assert morph.verb_form("बनाऊँगा") == "बना" and morph.verb_form("देखेंगे") == "देख"


@pytest.mark.parametrize("text", [
    "उसने नाव को डुबोया और लोग झूमने लगे।",
    "पुराने तोपखाने और पागलखाने में मुकदमेबाजी चली।",
    "वह दोषमुक्त हुआ और पूर्वप्रभावी कानून आया।",
    "एक स्कॉटिशमैन और कई फ्लोरिडावासी आए, जैसेकि हमने कहा।",
])
def test_derived_words_are_not_glued(text):
    assert lint(text, [GluedHindiWords]) == []


@pytest.mark.parametrize("text, glued", [
    ("वह किगाली गया।", "किगाली"),  # Kigali: कि + गाली
    ("वह कोलोन गया।", "कोलोन"),  # Cologne: को + लोन
    ("वह नेवादा गया।", "नेवादा"),  # Nevada: ने + वादा
    ("उसने घबराया हुआ चेहरा देखा।", None),  # घबरा + या: a verb form the lexicon lacks
])
def test_names_and_unknown_verb_forms_are_at_most_info(text, glued):
    found = lint(text, [GluedHindiWords])
    assert all(f.severity is Severity.INFO for f in found), found
    if glued is None:
        assert not found or found[0].text == "घबराया"


@pytest.mark.parametrize("text, glued, severity", [
    ("विशेष रूप से वेब परऔर यूक्रेन में", "परऔर", Severity.MAJOR),  # two function words
    ("संबोधित किया गया थाडिजिटल तस्करी करना", "थाडिजिटल", Severity.MAJOR),
    ("सिंथेटिक दवाएंविशेष रूप से", "दवाएंविशेष", Severity.MAJOR),  # inflected first piece
    ("इस देशने कहा कि वह आएगा।", "देशने", Severity.MINOR),  # a short frequent word + ने
    ("देश के कई राजनीतिकदल चुनाव लड़ेंगे।", "राजनीतिकदल", Severity.MINOR),  # two content words
])
def test_severity_follows_the_strength_of_evidence(text, glued, severity):
    [f] = lint(text, [GluedHindiWords])
    assert (f.text, f.severity) == (glued, severity)


@pytest.mark.parametrize("piece, loan", [
    ("ब्लाइंड", True), ("नेस्टिंग", True), ("कॉलेज", True), ("पिथेकाउ", True),
    ("सरकार", False), ("भारत", False), ("डिजिटल", False),
])
def test_loanword_spellings(piece, loan):
    assert morph.looks_loan(piece) is loan


def test_a_latin_ia_name_is_no_glued_auxiliary():
    # Blindleia: ब्लाइंड (a loan spelling) + लिया (took) is a hint at most
    found = lint("नॉर्वे के ब्लाइंडलिया ने कहा।", [GluedHindiWords])
    assert all(f.severity is Severity.INFO for f in found)


def test_a_loanword_with_a_glued_postposition_is_minor_not_major():
    [f] = lint("हम कॉलेजमें पढ़ते हैं।", [GluedHindiWords])
    assert (f.text, f.suggestion, f.severity) == ("कॉलेजमें", "कॉलेज में", Severity.MINOR)


def test_a_one_letter_typo_of_a_frequent_word_is_not_two_words():
    from qa import hindi_lexicon as lex

    assert lex.typo_of("बिनाने") == "बनाने" and lex.typo_of("परऔर") is None
    assert lint("उसने खाना बिनाने की कोशिश की।", [GluedHindiWords]) == []
