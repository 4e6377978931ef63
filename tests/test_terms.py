"""QA650: calques and, with the Italian source, false friends, missing terms and names, missing
numbers and dates; alignment of a partial source."""

import pytest

from qa.document import read_document
from qa.engine import Options, lint_document
from qa.model import Severity
from qa.rules import select_rules

from conftest import EXAMPLE, SOURCE
from runqa import lint_result


def lint(target, source=None, rules=("QA650",)):
    return lint_result(target, rules, source=source)


def found(target, source=None, rules=("QA650",)):
    return [(f.rule, f.text, f.severity) for f in lint(target, source, rules).findings]


# -- QA650 without a source ----------------------------------------------------------------------


def test_calque_flagged_at_its_words_with_the_approved_term():
    text = "इनमें से विरोध al traffico di प्राणियों मानव और प्रवासी तस्करी पर चर्चा हुई।"
    [f] = lint(text).findings
    assert (f.rule, f.text, f.suggestion) == ("QA650", "प्राणियों मानव", "मानव तस्करी")
    assert f.category.value == "mistranslation" and f.severity is Severity.MAJOR


@pytest.mark.parametrize(
    "text",
    [
        "सभी प्राणियों में मानव सबसे बुद्धिमान है।",  # the words, not the calque
        "उन्होंने इस प्रस्ताव को अस्वीकार कर दिया।",  # wrong only in context: needs the source
        "विरोध प्रदर्शन हुआ।",
    ],
)
def test_context_dependent_renderings_need_a_source(text):
    assert found(text) == []


# -- with a source -------------------------------------------------------------------------------


def test_false_friend_of_a_source_term():
    src = "Il tema è stato declinato in termini di sicurezza economica."
    hi = "आर्थिक सुरक्षा के संदर्भ में इसे अस्वीकार कर दिया गया था।"
    [f] = lint(hi, src).findings
    assert (f.rule, f.text, f.suggestion) == ("QA650", "अस्वीकार", "विस्तार से प्रस्तुत")
    assert "declinare" in f.message
    # the approved rendering present: nothing to say
    assert found("आर्थिक सुरक्षा के संदर्भ में इसे विस्तार से प्रस्तुत किया गया।", src) == []


def test_inflected_wrong_rendering():
    src = "Si è discusso del fenomeno dei foreign fighters."
    assert found("विदेशी लड़ाकों की घटनाओं पर चर्चा हुई।", src) == [("QA650", "घटनाओं", Severity.MAJOR)]


def test_missing_term_points_at_the_first_word_for_information():
    """A translator paraphrases a term (सम्मेलन for riunione): weak evidence, info."""
    src = "La riunione si è svolta a Roma."
    [f] = lint("रोम में सम्मेलन हुआ।", src).findings
    assert (f.rule, f.start, f.end, f.severity) == ("QA650", 0, 3, Severity.INFO)
    assert "“riunione”" in f.message and "बैठक" in f.message
    assert found("रोम में बैठकें हुईं।", src) == []  # an inflected approved form


def test_organisation_of_the_source_by_name_or_acronym():
    src = "Hanno partecipato l'Ufficio delle Nazioni Unite contro la droga e il crimine e l'ONU."
    assert found("इसमें यूएनओडीसी और संयुक्त राष्ट्र ने भाग लिया।", src) == []
    assert found("इसमें इंटरपोलयूएनओडीसी और UN ने भाग लिया।", src) == []  # a glued spelling counts
    assert found("इसमें यूएनओडीसी और यूएनमें भाग लिया।", src) == []
    [f] = lint("इसमें यूएनओडीसी ने भाग लिया।", src).findings
    assert f.severity is Severity.MINOR and f.message.startswith("the source names UN (United Nations)")
    assert found("इसमें यूएनओडीसी और यू.एन. ने भाग लिया।", src) == []  # spelled with full stops
    assert found("इसमें यूएनओडीसी और U.N. ने भाग लिया।", src) == []
    # the English name written in Devanagari is the name; United States for it is not
    [f] = lint("इसमें यूएनओडीसी और संयुक्त राज्य ने भाग लिया।", src).findings
    assert f.severity is Severity.MINOR and "UN (United Nations)" in f.message
    assert found("चीन की स्टेट काउंसिल ने योजना जारी की।", "Il Consiglio di Stato cinese ha pubblicato il piano.") == []
    # a Hindi name of another body is no transliteration (मंत्रालय is not Ministry of Justice)
    assert [r for r, *_ in found("स्वास्थ्य मंत्रालय ने जवाब दिया।", "Il Ministero della Giustizia ha risposto.")] == ["QA650"]
    # UN'ALTRA in capitals is an elided article, not the acronym; डॉ. is no acronym
    assert found("“कोई अन्य नहीं”, उसने लिखा।", "“NO, UN'ALTRA”, ha scritto.") == []
    assert [r for r, *_ in found("डॉ. शर्मा ने भाग लिया।", "Ha partecipato l'ONU.")] == ["QA650"]
    src = "Presente anche l'OMS."
    assert found("विश्व स्वास्थ्य संगठन भी उपस्थित था।", src) == []


def test_close_rendering_of_an_organisation_passes():
    src = "presso il Ministero degli Affari Esteri e della Cooperazione Internazionale"
    assert found("विदेश मंत्रालय और अंतर्राष्ट्रीय सहयोग मंत्रालय में", src) == []


@pytest.mark.parametrize(
    "src, hi",
    [
        ("Sono stati sequestrati 1.200 chili.", "1,200 किलो जब्त किए गए।"),
        ("Sono stati sequestrati 1.200 chili.", "१२०० किलो जब्त किए गए।"),
        ("Un aumento del 3,5%.", "3.5% की वृद्धि।"),
        ("Costo: 2 milioni di euro.", "लागत: 20 लाख यूरो।"),
        ("Il 19/04/2024 a Roma.", "19 अप्रैल 2024 को रोम में।"),
        ("Il 19 aprile 2024 a Roma.", "19 अप्रैल 2024 को रोम में।"),
        ("Il G7 e il COVID-19.", "जी7 और कोविड।"),  # codes are not numbers
        ("Un'operazione 24/7.", "24/7 अभियान।"),
    ],
)
def test_numbers_and_dates_found(src, hi):
    assert found(hi, src) == []


def test_changed_number_is_major_at_the_number():
    [f] = lint("1,500 किलो जब्त किए गए।", "Sono stati sequestrati 1.200 chili.").findings
    assert (f.text, f.severity) == ("1,500", Severity.MAJOR) and "1.200" in f.message


def test_missing_number_is_minor_at_the_first_word():
    [f] = lint("कई किलो जब्त किए गए।", "Sono stati sequestrati 1.200 chili in 3 operazioni.").findings
    assert (f.text, f.severity) == ("कई", Severity.MINOR) and "1.200, 3" in f.message


def test_month_of_a_date_missing():
    found_ = found("19 2024 को रोम में।", "Il 19 aprile 2024 a Roma.")
    assert found_ == [("QA650", "19", Severity.MINOR)]


# -- alignment -----------------------------------------------------------------------------------


def test_partial_source_the_example():
    """The Italian original of the example's first four paragraphs (the fourth cut short): the run
    completes, says once that the counts differ, and checks only the aligned paragraphs."""
    doc = read_document(str(EXAMPLE))
    src = read_document(str(SOURCE))
    result = lint_document(doc, Options(rules=select_rules(["QA55", "QA6"]), source=src))
    assert [n for n in result.notes if "paragraphs" in n] == [
        "source has 4 paragraphs, the translation 12; source-aware checks cover the first 4"
    ]
    source_aware = [
        (f.rule, f.paragraph, f.text) for f in result.findings if f.rule == "QA650" and f.paragraph < 4
    ]
    assert source_aware == [
        ("QA650", 3, "प्रेसीडेंसी"),  # Presidenza
        ("QA650", 3, "विरोध"),  # contrasto
        ("QA650", 3, "प्राणियों\u00a0मानव"),  # traffico di esseri umani (a calque: also without the source)
        ("QA650", 3, "घटना"),  # fenomeno
        ("QA650", 3, "घटना"),
    ]
    # the paragraphs without a source get only the source-free check (the calques)
    assert all("source" not in f.message for f in result.findings if f.rule == "QA650" and f.paragraph >= 4)


def test_source_longer_than_the_translation():
    result = lint("बैठक हुई।", "La riunione.\n\nSecondo paragrafo con 1.200 euro.\n")
    assert result.findings == () or list(result.findings) == []
    assert result.notes == (
        "source has 2 paragraphs, the translation 1; aligned by length and numbers, "
        "1 source paragraph(s) without a translation",
    )  # QA662 reports the dropped paragraph (tests/test_accuracy.py)


def test_cli_with_the_example_source():
    from runqa import run

    r = run("lint", "--select", "QA65", "--source", SOURCE, EXAMPLE)
    assert r.returncode in (0, 1) and "Traceback" not in r.err
    assert r.out.count("source has 4 paragraphs, the translation 12") == 1


@pytest.mark.parametrize(
    "src, hi",
    [
        ("The city has 110,000 inhabitants and the debt is 3.7 billion.", "शहर में 1,10,000 निवासी हैं और कर्ज 3.7 अरब है।"),
        ("Some 110,000 people live there.", "वहाँ लगभग 110,000 लोग रहते हैं।"),
        ("The national debt is $34 trillion.", "राष्ट्रीय कर्ज $34 ट्रिलियन है।"),
        ("1. start of the HTML document up to the body", "HTML दस्तावेज़ की शुरुआत body तक"),
    ],
)
def test_english_source_numbers_read_as_english(src, hi):
    assert found(hi, src) == []


def test_english_grouping_is_not_read_as_italian_decimal():
    [f] = lint("वहाँ लगभग 1,100 लोग रहते हैं।", "Some 110,000 people live there.").findings
    assert f.text == "1,100" and f.severity is Severity.MAJOR
    assert "the source has the number 110,000" in f.message


# -- numbers the Hindi writes otherwise -----------------------------------------------------------


@pytest.mark.parametrize("src, hi", [
    ("Restano 8 punti di distacco.", "आठ पॉइंट का अंतर है।"),  # a number word
    ("Il 58 percento ha votato.", "अठावन प्रतिशत ने मतदान किया।"),  # a spelling variant (अट्ठावन)
    ("Sono arrivate 200 persone.", "दो सौ लोग आए।"),  # a word times सौ
    ("È arrivato 5° al traguardo.", "वह पांचवें स्थान पर आया।"),  # an ordinal read from its cardinal
    ("Nessuna segnalazione fino alle 13:00.", "दोपहर 1 बजे तक कोई सूचना नहीं थी।"),  # the 12-hour clock
    ("L'ora giusta è le 17:30 di sabato.", "सही समय शनिवार शाम 5.30 बजे है।"),
    ("Si è trasferita negli anni ‘30.", "वह 1930 के दशक में चली गई।"),  # a decade in full
    ("Il maiale di 250 kg lo ha ucciso.", "550 पाउंड वजन वाले सूअर ने उसे मार डाला।"),  # a unit converted
    ("Onde alte fino a 6 metri.", "20 फ़ीट ऊंची लहरें।"),
    ("Previste piogge tra 5 e 10 cm.", "2 से 4 इंच बारिश होगी।"),  # a range: the unit ends it
    ("Raffiche fino a 138 km/h.", "85 मील प्रति घंटे की हवा।"),
    ("Martedì fino a 26 ºC.", "मंगलवार को तापमान 80 डिग्री तक।"),  # º (U+00BA), Fahrenheit
])
def test_numbers_written_otherwise_are_present(src, hi):
    assert found(hi, src) == []


def test_numbers_written_otherwise_hard_negatives():
    # the hour without its minutes is not the time
    assert [r for r, *_ in found("सही समय शाम 5 बजे है।", "L'ora giusta è le 17:30.")] == ["QA650"]
    # a converted value far from the source's, or with no converted unit named, is missing
    assert found("500 किलो वजन वाला सूअर।", "Il maiale di 250 kg.")[0][2] is Severity.MAJOR
    assert [r for r, *_ in found("सूअर का वजन 550 था।", "Il maiale di 250 kg.")] == ["QA650"]
    # a two-digit number is a decade only after an apostrophe or "anni"
    assert [r for r, *_ in found("उसने 1930 में कहा।", "Ha detto 30 cose.")] == ["QA650"]
