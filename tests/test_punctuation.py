"""Punctuation rules QA401–QA405: exact spans on the example, hard negatives, the data file."""

from pathlib import Path

import pytest

from qa.document import from_text
from qa.model import Severity
from qa.resources import data_dir, read_tsv
from qa.rules import all_rules
from qa.text.sentences import full_stops, sentence_ends

from runqa import lint as lint_rules

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXAMPLE = FIXTURES / "g7_rome_lyon_2024.hi.txt"
MINE = ("QA40", "QA503", "QA555", "QA80")


def lint(text, prefix="QA40", source=None):
    return lint_rules(text, prefix, source=source)


def spans(findings, code=None):
    return [(f.rule, f.paragraph, f.start, f.end, f.text) for f in findings if code in (None, f.rule)]


# -- every rule of this family passes its own documented examples ------------------------------

OWN = [r for r in all_rules() if r.code.startswith(MINE)]


@pytest.mark.parametrize("rule", OWN, ids=lambda r: r.code)
def test_documented_examples(rule):
    flags, passes = rule.examples()
    assert flags and passes
    for text in flags:
        assert any(f.rule == rule.code for f in lint(text, rule.code)), text
    for text in passes:
        assert not [f for f in lint(text, rule.code) if f.rule == rule.code], text


# -- the example document -----------------------------------------------------------------------


def test_example_exact_spans():
    found = spans(lint(EXAMPLE.read_text(encoding="utf-8")))
    assert sorted(found) == sorted([
        ("QA401", 3, 175, 177, '""'),          # S05
        ("QA402", 3, 259, 260, "”"),           # S07
        ("QA402", 4, 254, 255, "”"),           # S10
        ("QA403", 1, 141, 142, "."),           # S22 समूह.
        ("QA403", 1, 775, 776, "."),           # S23 संस्थान).
        ("QA403", 8, 271, 272, "."),           # S24 आगे.
        ("QA404", 5, 112, 113, "."),           # T17 Fentanyl.
        ("QA405", 5, 247, 253, "ऑनलाइन"),      # S16
    ])


def test_example_context_of_full_stops():
    doc = from_text(EXAMPLE.read_text(encoding="utf-8"))
    p1, p5, p8 = doc.paragraphs[1].text, doc.paragraphs[5].text, doc.paragraphs[8].text
    assert p1[137:142] == "समूह." and p1[767:776] == "संस्थान)." and p8[268:272] == "आगे."
    assert p5[104:117] == "Fentanyl. से "


def test_example_titles_not_unterminated():
    found = lint(EXAMPLE.read_text(encoding="utf-8"), "QA405")
    assert [f.paragraph for f in found] == [5]  # not the title (0) nor its repetition (11)
    assert found[0].suggestion == "ऑनलाइन।" and found[0].severity is Severity.MINOR


def test_severities_and_suggestions():
    found = {f.rule: f for f in lint(EXAMPLE.read_text(encoding="utf-8"))}
    assert found["QA401"].severity is Severity.MAJOR
    assert found["QA402"].severity is Severity.MINOR
    assert found["QA403"].suggestion == "।"
    assert found["QA404"].suggestion == ""


# -- QA401 empty quotation ----------------------------------------------------------------------


@pytest.mark.parametrize("text, span", [
    ('जिसे "" में पहचाने जाने योग्य', (5, 7)),
    ("उन्होंने “ ” कहा।", (9, 12)),
    ("(“”) खाली है।", (1, 3)),
    ("« » हटा दिया गया।", (0, 3)),
])
def test_empty_quotation_spans(text, span):
    assert [(f.start, f.end) for f in lint(text, "QA401")] == [span]


@pytest.mark.parametrize("text", [
    '"उसने कहा, "क्योंकि वह मुझे हंसाते हैं,"" सुश्री स्कोवेल ने बताया।',  # nested close
    "पानी में एक शार्क है!''",  # '' for a closing double mark
    '"" पेप्पा द पिग," हाँ।"',  # straight marks at the start: nested openings
    "call f() and g[] now",
])
def test_empty_quotation_negatives(text):
    assert lint(text, "QA401") == []


# -- QA402 unbalanced ---------------------------------------------------------------------------


def test_unmatched_closing_quote_points_at_it():
    text = "घटना के संदर्भ में संबोधित किया गया थाडिजिटल तस्करी करना”, यानी इंटरनेट का उपयोग।"
    (f,) = lint(text, "QA402")
    assert text[f.start:f.end] == "”" and f.start == text.index("”")


def test_unclosed_bracket_and_stray_closing_bracket():
    found = spans(lint("संयुक्त राष्ट्र (ड्रग्स पर कार्यालय की बैठक हुई।\n\nबैठक हुई) और खत्म।", "QA402"))
    assert found == [("QA402", 0, 16, 17, "("), ("QA402", 1, 8, 9, ")")]


@pytest.mark.parametrize("text", [
    "उन्होंने कहा, “हम ‘डिजिटल तस्करी’ के खिलाफ तैयार हैं।”",  # nested quotes
    '"यू.एस. ने कहा कि "टैरिफ" लागू होंगे।"',  # nested straight quotes
    "लेखक 'हैरी पॉटर' और “जे. के. रोलिंग” प्रसिद्ध हैं।",  # quoted names
    "Sainsbury's और players' की योजनाएं '90s से, dell'Interno भी।",  # apostrophes
    "विकल्प a) पहला, b) दूसरा और 3) तीसरा हैं :)",  # list markers, emoticon
    "मूल्य (2024) [संशोधित] {नया} है।",
    "उन्होंने कहा, “हम तैयार हैं।\n\n“और हम जीतेंगे।”",  # quotation over two paragraphs
    '"हम तैयार हैं।\n\nबैठक हुई।\n\nऔर हम जीतेंगे," उन्होंने कहा।',  # closes later
])
def test_balanced_negatives(text):
    assert [f for f in lint(text, "QA402") if f.severity is not Severity.INFO] == []


def test_open_quoted_speech_is_info_open_quoted_term_is_minor():
    speech = lint("उन्होंने कहा, “हम तैयार हैं।", "QA402")
    term = lint("इसे “डिजिटल तस्करी कहा जाता है।", "QA402")
    assert [(f.start, f.severity) for f in speech] == [(14, Severity.INFO)]
    assert [(f.start, f.severity) for f in term] == [(4, Severity.MINOR)]


def test_closing_inside_sentence_needs_its_own_paragraph():
    # a quotation left open earlier does not absorb a closing mark in the middle of a sentence
    found = lint("उन्होंने कहा, “हम तैयार हैं।\n\nबैठक हुई और नतीजा अच्छा” रहा।", "QA402")
    assert [(f.paragraph, f.text, f.severity) for f in found] == [
        (0, "“", Severity.INFO), (1, "”", Severity.MINOR)]


# -- QA403 Latin full stop / QA404 stray full stop ----------------------------------------------


def test_latin_full_stop_needs_a_danda_document():
    danda = "बैठक हुई। चर्चा हुई। नतीजे अच्छे रहे. अगला सत्र कल।"
    stops = "बैठक हुई. चर्चा हुई. नतीजे अच्छे रहे. अगला सत्र कल।"
    assert spans(lint(danda, "QA403")) == [("QA403", 0, 36, 37, ".")]
    assert lint(stops, "QA403") == []


def test_latin_full_stop_severity_follows_the_paragraph():
    # a paragraph that mixes danda and full stop: minor; a paragraph written with full stops
    # throughout, in a danda document: house style, info
    text = ("बैठक हुई। चर्चा हुई। सत्र सफल रहा।\n\nनतीजे अच्छे रहे. अगला सत्र कल होगा.\n\n"
            "मंत्री आए। सचिव भी आए. सब खुश थे।")
    found = [(f.paragraph, f.start, f.severity) for f in lint(text, "QA403")]
    assert found == [(1, 15, Severity.INFO), (1, 34, Severity.INFO), (2, 21, Severity.MINOR)]


@pytest.mark.parametrize("text", [
    "बैठक हुई। दर 3.5 प्रतिशत और 2.75 रही। समय 5.30 बजे।",  # decimals, times
    "डॉ. शर्मा और प्रो. वर्मा आए। मि. एडम्स और Mr. Smith भी।",  # abbreviations
    "यू.एस. ने और यू.के. के मंत्री ने कहा। D.C. की अदालत ने भी।",  # dotted chains
    "लेखक जे. के. रोलिंग और J. K. Rowling एक हैं। यह सच है।",  # initials
    "देखें www.esteri.it या https://esteri.it/a. पर। लिखें info@esteri.it. पर।",  # URL, e-mail
    "1. पहला बिंदु है।\n2. दूसरा बिंदु है।",  # list numbers
    "वह रुका... फिर चला। यह सच है।",  # ellipsis
])
def test_full_stop_negatives(text):
    assert lint(text, "QA403") == [] and lint(text, "QA404") == []


def test_stray_full_stop_before_postposition():
    text = "बढ़ते प्रसार के संबंध में Fentanyl. से जुड़ा ख़तरा बढ़ा।"
    (f,) = lint(text, "QA404")
    assert (f.start, f.text, f.suggestion) == (text.index("."), ".", "")
    assert "Fentanyl" in f.message and "से" in f.message


def test_full_stop_classification():
    text = "यू.एस. के जे. के. रोलिंग Fentanyl. से समूह. सार्वजनिक 2024. अगला"
    kinds = [(text[fs.word[0]:fs.word[1]], fs.kind) for fs in full_stops(text)]
    assert kinds == [("एस", "abbreviation"), ("जे", "abbreviation"), ("के", "abbreviation"),
                     ("Fentanyl", "stray"), ("समूह", "devanagari"), ("2024", "devanagari")]
    # the danda ends a sentence even with no space after it; "?" followed by a closing quote
    # marks what follows as governed by the quotation
    text = 'हुई।पैसे "क्या हम जीतेंगे?" के जवाब में'
    q = text.index("?")
    assert sentence_ends(text) == ((3, 4, False), (q, q + 2, True))


# -- QA405 unterminated paragraph ---------------------------------------------------------------

PROSE_47 = " ".join(["बैठक में चर्चा हुई और"] * 9) + " आगे भी विशेषकर ऑनलाइन"


def test_unterminated_long_paragraph():
    text = "शीर्षक\n\n" + PROSE_47
    (f,) = lint(text, "QA405")
    assert (f.paragraph, f.text) == (1, "ऑनलाइन")


def test_unterminated_span_covers_trailing_comma():
    text = "शीर्षक\n\nउस स्टेज पर, रेंजर्स ने अपनी स्थिति मजबूत कर ली थी, लेकिन होम डिफेंस में चूक गई,"
    (f,) = lint(text, "QA405")
    assert (f.text, f.suggestion) == ("गई,", "गई।")


@pytest.mark.parametrize("text", [
    PROSE_47 + "\n\nबैठक हुई।",  # first paragraph: the title
    "शीर्षक\n\nबैठक रोम में हुई।\n\nइंडोनेशिया में भूकंप और सुनामी से सैकड़ों लोग मरे",  # headline
    "शीर्षक\n\n11 मिलियन पाउंड के सौदे से होली के अलग होने पर पीटर जोन्स ने नाराज़गी जाहिर की",
    "शीर्षक\n\nउन्होंने कहा, “हम तैयार हैं।”",
    "शीर्षक\n\nसूची:",
])
def test_unterminated_negatives(text):
    assert lint(text, "QA405") == []


def test_unterminated_silent_where_long_paragraphs_lack_punctuation():
    other = " ".join(["बैठक में चर्चा हुई"] * 5)  # 20 words, no danda: a list or a style
    text = "शीर्षक\n\n" + "\n\n".join([other, other, PROSE_47])
    assert lint(text, "QA405") == []


# -- data ---------------------------------------------------------------------------------------


def test_abbreviations_file():
    rows = read_tsv(data_dir() / "abbreviations.tsv", required=("abbreviation", "kind", "note"))
    keys = [r["abbreviation"].casefold() for r in rows]
    assert len(rows) >= 60 and len(keys) == len(set(keys))
    for r in rows:
        assert r["kind"] in {"title", "letter", "unit", "other"}, r
        assert r["abbreviation"] and not r["abbreviation"].endswith(".") and r["note"], r


def test_a_quote_the_source_leaves_unpaired_too_is_faithful():
    # a segment cut from a longer quotation: the source's closing mark has no opening one either
    [f] = lint("निशाना लगाओ!\"", "QA402", source="Take aim!\"")
    assert (f.rule, f.severity) == ("QA402", Severity.INFO) and "faithful" in f.message
    [f] = lint("निशाना लगाओ!\"", "QA402", source="Take aim!")
    assert (f.rule, f.severity) == ("QA402", Severity.MINOR)
    [f] = lint("बैठक (रोम में हुई।", "QA402", source="The meeting (in Rome took place.")
    assert f.severity is Severity.INFO
