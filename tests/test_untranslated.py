"""QA101–QA105: untranslated Italian and English, Latin-script terms, names, other languages."""

import re

import pytest

from qa.document import from_text, read_document
from qa.engine import Options, lint_document
from qa.model import Category, Severity
from qa.rules import select_rules
from qa.rules.untranslated import analyse

from conftest import EXAMPLE, FIXTURES, SOURCE

QA1 = select_rules(["QA1"])


def findings(text, source=None, rules=QA1):
    src = from_text(source) if source is not None else None
    return lint_document(from_text(text), Options(rules=rules, source=src)).findings


def spans(text, source=None):
    """(rule, flagged text) of every QA1xx finding."""
    return [(f.rule, f.text) for f in findings(text, source)]


def plain(text):
    """The text with no-break spaces as plain spaces (the example keeps the NBSPs of its markup)."""
    return text.replace("\u00a0", " ")


def runs(text, names=frozenset()):
    return [(r.rule, r.text) for r in analyse(text, None, names) if r.rule]


# -- the example document -------------------------------------------------------------------


@pytest.fixture(scope="module")
def example():
    doc = read_document(str(EXAMPLE))
    return doc, lint_document(doc, Options(rules=QA1)).findings


@pytest.mark.parametrize(
    "para, text, rule, severity",
    [
        (3, "al traffico di", "QA101", Severity.MAJOR),
        (5, "Un", "QA101", Severity.MAJOR),
        (4, "cybercrime", "QA102", Severity.MAJOR),
        (5, "Fentanyl", "QA103", Severity.MINOR),
    ],
)
def test_example_untranslated_at_exact_spans(example, para, text, rule, severity):
    doc, found = example
    m = re.search(text.replace(" ", "[ \u00a0]"), doc.paragraphs[para].text)
    hits = [f for f in found if f.paragraph == para and (f.start, f.end) == m.span()]
    assert len(hits) == 1, [(f.rule, f.paragraph, f.text) for f in found]
    f = hits[0]
    assert (f.rule, f.severity, f.category, f.mqm) == (rule, severity, Category.UNTRANSLATED, "Accuracy/Untranslated")
    assert plain(f.text) == text


def test_example_only_those_four_and_no_acronyms(example):
    _doc, found = example
    assert sorted((f.paragraph, plain(f.text)) for f in found) == [
        (3, "al traffico di"), (4, "cybercrime"), (5, "Fentanyl"), (5, "Un")
    ]
    flagged = {f.text for f in found}
    assert not flagged & {"G7", "UNICRI", "LEPSG"}


def test_example_acronyms_pass_without_the_glossaries():
    """G7, UNICRI and LEPSG are acronyms by their shape, not because a glossary lists them."""
    doc = read_document(str(EXAMPLE))
    flagged = {plain(r.text) for p in doc.paragraphs for r in analyse(p.text) if r.rule}
    assert flagged == {"al traffico di", "Un", "cybercrime", "Fentanyl"}


def test_example_messages_name_the_language_and_suggest_hindi(example):
    _, found = example
    by_text = {plain(f.text): f for f in found}
    assert by_text["al traffico di"].message.startswith("Italian left untranslated")
    assert "al, di" in by_text["al traffico di"].message
    assert by_text["Un"].message.startswith("Italian")
    assert by_text["cybercrime"].message.startswith("English left untranslated")
    assert by_text["cybercrime"].suggestion == "साइबर अपराध"
    assert by_text["Fentanyl"].suggestion == "फेंटेनाइल"


def test_example_with_source_says_it_is_in_the_source():
    found = findings(EXAMPLE.read_text(encoding="utf-8"), SOURCE.read_text(encoding="utf-8"))
    f = next(f for f in found if plain(f.text) == "al traffico di")
    assert "source" in f.message


# -- tokenisation ---------------------------------------------------------------------------


def test_latin_glued_to_devanagari_flags_only_the_latin_part():
    text = "सुरक्षा और खिलाफ लड़ना है cybercrimeवर्चुअल स्पेस।"
    (f,) = findings(text)
    assert (f.rule, f.text, f.start) == ("QA102", "cybercrime", text.index("cybercrime"))


@pytest.mark.parametrize("word", ["all'interno", "dell’Unione", "nell'ambito", "sull’impatto"])
def test_italian_elision_with_straight_and_curly_apostrophes(word):
    assert spans(f"यह बात {word} पर कही गई।") == [("QA101", word)]


def test_italian_phrase_with_elision_is_one_finding():
    assert spans("यह dell’Unione europea के तहत हुआ।") == [("QA101", "dell’Unione europea")]


def test_hyphenated_english_compound():
    assert spans("यह long-term योजना है।") == [("QA102", "long-term")]


def test_runs_stop_at_punctuation_and_acronyms():
    assert spans("विरोध al traffico di और che è stato प्राणियों") == [
        ("QA101", "al traffico di"),
        ("QA101", "che è stato"),
    ]
    assert spans("विरोध al traffico di। Che è stato प्राणियों") == [
        ("QA101", "al traffico di"),
        ("QA101", "Che è stato"),
    ]
    assert spans("समूह LEPSG working group की बैठक") == [("QA102", "working group")]


def test_a_clause_left_untranslated_is_one_finding():
    text = "बैठक में si è tenuta a Roma, in questi giorni, presso il Ministero हुई।"
    assert spans(text) == [("QA101", "si è tenuta a Roma, in questi giorni, presso il Ministero")]


def test_offsets_are_code_points_of_the_text_as_read():
    text = "बैठक\u00a0में  Un\u00a0फोकस"
    (f,) = findings(text)
    assert text[f.start:f.end] == "Un"


# -- hard negatives -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "G7 रोम/ल्योन समूह की बैठक हुई।",
        "UNICRI और LEPSG के प्रतिनिधि, साथ ही HER2 और SS19।",
        "विवरण https://www.esteri.it/it/sala_stampa/ पर और www.interno.gov.it पर।",
        "रिपोर्ट weather.com और LiverpoolFC.com पर।",
        "jo@samaritans.org पर ईमेल करें।",
        "#G7Italia और #sicurezza के साथ @ItalyMFA ने लिखा।",
        "हवा 85 mph की थी, दूरी 300 km, समय 7.55am और 4.40 am, कुल 3.6bn।",
        "यह 17th और 1980s की बात है, प्रति kg कीमत।",
        "ग्रेड A और वर्ग B के अपराध; अक्षर w और u।",
        "XIX सदी और D.C. तथा F.B.I. जांच।",
        "यह बैठक दिल्ली में हुई।",
    ],
)
def test_allowed_latin_is_not_reported(text):
    assert [f for f in findings(text) if f.severity != Severity.INFO] == []
    assert runs(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Sainsbury's ब्यूटी प्रोडक्ट वाले विशेषज्ञ नियुक्त करेगा।", "Sainsbury's"),
        ("किट ने Game of Thrones की सह-कलाकार से शादी की।", "Game of Thrones"),
        ("वेस्ट ने गाना I Love it पर परफॉरमेंस दी।", "I Love it"),
        ("Marks & Spencer और ITV के साथ अनुबंध।", "Marks & Spencer"),
        ("ब्रांड Truly के लिए समय नहीं है।", "Truly"),
        ("Solid उपयोगकर्ताओं को चुनने देता है।", "Solid"),
        ("L'Oreal और Maybelline के उत्पाद।", "L'Oreal"),
    ],
)
def test_names_and_titles_are_info_only(text, name):
    found = findings(text)
    assert found, text
    assert all(f.rule == "QA104" and f.severity == Severity.INFO for f in found)
    assert name in [f.text for f in found]


def test_names_the_glossaries_know_are_allowed():
    assert runs("बैठक में Europol भी था।") == [("QA104", "Europol")]
    assert runs("बैठक में Europol भी था।", frozenset({"Europol"})) == []


# -- languages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Un फोकस विशिष्ट को समर्पित किया गया था।", ("QA101", "Un")),
        ("Tra queste प्राथमिकताएँ थीं।", ("QA101", "Tra queste")),
        ("Sicurezza पर चर्चा हुई।", ("QA101", "Sicurezza")),
        ("इस पर sicurezza के लिए चर्चा हुई।", ("QA101", "sicurezza")),
        ("बैठक में the fight against crime पर चर्चा हुई।", ("QA102", "the fight against crime")),
        ("यह बैठक Monday को हुई।", ("QA102", "Monday")),
        ("The बैठक हुई।", ("QA102", "The")),
        ("बच्चों का online शोषण।", ("QA103", "online")),
    ],
)
def test_languages_and_terms(text, expected):
    assert spans(text) == [expected]


def test_other_language_is_info():
    (f,) = findings("Il faut bien le faire.")
    assert (f.rule, f.severity, f.text) == ("QA105", Severity.INFO, "Il faut bien le faire")
    assert "French" in f.message


def test_sentence_initial_brand_is_a_name_not_english():
    assert spans("Google और Facebook ने कहा।") == [("QA104", "Google"), ("QA104", "Facebook")]


def test_source_makes_an_unknown_word_italian():
    text = "यह sfruttandone के बारे में है।"  # in no word list, an ending of no language
    assert spans(text) == [("QA105", "sfruttandone")]
    found = findings(text, source="Si tratta di sfruttandone.")
    assert [(f.rule, f.text) for f in found] == [("QA101", "sfruttandone")]
    assert "source" in found[0].message


def test_rare_words_are_judged_by_their_ending():
    assert spans("यह frobnicazione के बारे में है।") == [("QA101", "frobnicazione")]


def test_source_does_not_turn_names_into_untranslated_text():
    found = findings("कार्लो Carlo Lo Cascio ने कहा।", source="Carlo Lo Cascio ha detto.")
    assert [(f.rule, f.severity) for f in found] == [("QA104", Severity.INFO)]


def test_severity_can_be_raised_for_names():
    doc = from_text("ब्रांड Truly के लिए समय नहीं है।")
    rules = select_rules(["QA104"])
    result = lint_document(doc, Options(rules=rules, severities={"QA104": Severity.MINOR}))
    assert [f.severity for f in result.findings] == [Severity.MINOR]


# -- clean human Hindi ----------------------------------------------------------------------


def test_ntrex_hindi_false_alarm_rate():
    """1,997 careful Hindi lines (each a paragraph): at most 0.5 untranslated findings of
    severity major+ and 1.5 of minor+ per 100 lines."""
    lines = (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines()
    doc = from_text("\n\n".join(line for line in lines if line.strip()))
    assert len(doc.paragraphs) == 1997
    found = lint_document(doc, Options(rules=QA1)).findings
    major = [f for f in found if f.severity >= Severity.MAJOR]
    minor = [f for f in found if f.severity >= Severity.MINOR]
    per100 = 100 / len(doc.paragraphs)
    assert len(major) * per100 <= 0.5, [(f.line, f.text) for f in major]
    assert len(minor) * per100 <= 1.5, [(f.line, f.text) for f in minor]


def test_latin_name_is_minor_when_the_document_writes_its_names_in_devanagari():
    rules = select_rules(["QA104"])
    translit = ("मारिया और जॉन रोम गए। एनएचएस और एसएनपी ने बयान दिया।\n\n"
                "बैठक में Huawei के प्रतिनिधि भी थे।")
    found = lint_document(from_text(translit), Options(rules=rules)).findings
    assert [(f.text, f.severity) for f in found] == [("Huawei", Severity.MINOR)]
    # a document that keeps its names in Latin script: house style, info
    kept = ("Maria और John रोम गए। बैठक में Google, Facebook और Europol के लोग थे।\n\n"
            "एनएचएस ने बयान दिया।")
    found = lint_document(from_text(kept), Options(rules=rules)).findings
    assert {f.severity for f in found} == {Severity.INFO}
    # the original spelling given in brackets after the transliteration is a gloss
    gloss = translit.replace("Huawei के", "हुआवेई (Huawei) के")
    assert {f.severity for f in lint_document(from_text(gloss), Options(rules=rules)).findings} <= {Severity.INFO}
    # the house style in qa.toml overrides it
    found = lint_document(from_text(translit), Options(rules=rules, severities={"QA104": Severity.INFO})).findings
    assert [f.severity for f in found] == [Severity.INFO]
