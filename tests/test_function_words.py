"""The Hindi word data (function words, letter names, word frequencies) and the lexicon helpers."""

import unicodedata
from pathlib import Path

import pytest

from qa import hindi_lexicon as lex
from qa.resources import data_dir, function_words, read_tsv

GLOSSARIES = Path(__file__).resolve().parent.parent / "glossaries"
CLASSES = {"postposition", "conjunction", "copula", "auxiliary", "particle", "pronoun", "determiner",
           "numeral", "adverb", "suffix"}


def raw_rows(name):
    return [line.split("\t") for line in (GLOSSARIES / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_function_words_columns_and_values():
    rows = read_tsv(GLOSSARIES / "hi_function_words.tsv", required=("word", "class", "dangles", "note"))
    assert len(rows) > 250
    for r in rows:
        assert r["class"] in CLASSES, r
        assert r["dangles"] in ("yes", "no"), r
        assert r["note"], r
        assert unicodedata.is_normalized("NFC", r["word"]), r
        assert lex.DEVANAGARI_RUN.fullmatch(r["word"]), r
        if r["dangles"] == "yes":
            assert r["class"] == "postposition", r  # QA501 reads dangles only on postpositions


def test_function_words_one_row_per_word():
    words = [cells[0] for cells in raw_rows("hi_function_words.tsv")[1:]]
    assert len(words) == len(set(words))


def test_existing_rows_keep_their_meaning_for_qa501():
    fw = function_words()
    for word in ("का", "की", "के", "को", "में", "से", "ने", "तक", "द्वारा"):
        assert (fw[word]["class"], fw[word]["dangles"]) == ("postposition", "yes")
    for word in ("पर", "सहित"):
        assert (fw[word]["class"], fw[word]["dangles"]) == ("postposition", "no")


def test_classes_cover_the_closed_classes():
    fw = function_words()
    assert {fw[w]["class"] for w in ("और", "लेकिन", "कि")} == {"conjunction"}
    assert {fw[w]["class"] for w in ("है", "हैं", "हूं", "था", "थी", "थे", "थीं")} == {"copula"}
    assert {fw[w]["class"] for w in ("हो", "गया", "सकता", "करने")} == {"auxiliary"}
    assert {fw[w]["class"] for w in ("इस", "उन", "जिस", "आप", "उन्हें", "अपने")} == {"pronoun"}
    assert {fw[w]["class"] for w in ("कर", "वाले", "भर")} == {"suffix"}


def test_letter_names_cover_the_alphabet():
    rows = read_tsv(GLOSSARIES / "hi_letter_names.tsv", required=("letter", "devanagari"))
    assert {r["letter"] for r in rows} == set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def test_word_frequency_list_format():
    path = data_dir() / lex.FREQ_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    assert any("CC BY-SA 4.0" in line for line in lines if line.startswith("#"))
    body = lines[lines.index("word\tzipf") + 1:]
    assert len(body) > 20000
    words = [line.split("\t")[0] for line in body]
    assert words == sorted(words)  # code-point order: the head index needs no sorting
    for line in body[::997]:
        word, zipf = line.split("\t")
        assert lex.DEVANAGARI_RUN.fullmatch(word) and word[0] not in lex.MARKS
        assert 3.0 <= float(zipf) <= 8.0


def test_frequencies_and_equivalent_spellings():
    assert lex.zipf("के") > 7 and lex.zipf("डिजिटल") > 4
    assert lex.zipf("कखगघ") == 0.0
    assert lex.zipf("नतीज़ों") > 0  # nukta spelling of a listed word
    assert lex.zipf("यहाँ") == lex.zipf("यहाँ".replace("\u0901", "\u0902")) > 0
    assert lex.known("शिल्पकारों") and lex.known("दवाएं") and not lex.known("दवाएंविशेष")


def test_aksharas():
    assert lex.akshara_starts("परऔर") == (1, 2, 3)
    assert lex.akshara_starts("क्या") == ()  # a conjunct is one akshara
    assert lex.akshara_starts("र्\u200dय") == ()  # eyelash ra with ZWJ
    assert lex.aksharas("इंटरपोल") == 5


@pytest.mark.parametrize("word, expected", [
    ("दवाएं", True), ("लड़कियों", True), ("घरों", True), ("बातें", True), ("दवाओं", True),
    ("दवा", False), ("विशेष", False), ("सुपर", False),
])
def test_inflected(word, expected):
    assert lex.inflected(word) is expected


def test_lemmas():
    assert "दवा" in lex.lemmas("दवाएं")
    assert "लड़की" in lex.lemmas("लड़कियों")
    assert "लड़का" in lex.lemmas("लड़कों")
    assert lex.lemmas("विशेष") == []


def test_function_class_and_pronoun_fusion():
    assert lex.function_class("था") == "copula"
    assert lex.function_class("उसमें") == "pronoun"  # उस + में, standard spelling
    assert lex.function_class("जिनसे") == "pronoun"
    assert lex.function_class("डिजिटल") is None


def test_spelled_letters():
    assert lex.spelled_letters("यूएनओडीसी") == 5
    assert lex.spelled_letters("आईएसआईएस") == 4
    assert lex.spelled_letters("इंटरपोल") == 0


def test_verb_stem():
    assert lex.verb_stem("बनाया") == "बना"
    assert lex.verb_stem("करेंगे") == "कर"
    assert lex.verb_stem("सरकार") is None


def test_affix_ambiguity_separates_reliable_from_ambiguous_function_words():
    assert lex.affix_ambiguity("में", "tail") <= 1  # hardly any word ends in में
    assert lex.affix_ambiguity("को", "head") > 30  # कोरिया, कोमल, कोशिश …
    assert lex.affix_ambiguity("और", "head") == 0


def test_opaque_affixes_count_words_that_only_look_like_a_word_and_a_function_word():
    assert lex.opaque_affixes("बाद", "tail") >= 10  # इलाहाबाद, फ़रीदाबाद …: names, not X + बाद
    assert lex.opaque_affixes("को", "tail") >= 2  # मेक्सिको
    assert lex.opaque_affixes("के", "tail") <= 8  # धमाके is धमाका's oblique form: not counted
    assert lex.opaque_affixes("लिए", "tail") == 0 and lex.opaque_affixes("यह", "head") == 0
    assert lex.opaque_affixes("के", "tail") < lex.affix_ambiguity("के", "tail")  # words + के are not counted
