"""Locale rules QA801 (Italian number formats) and QA802 (guillemets)."""

from pathlib import Path

import pytest

from qa.model import Category, Severity
from qa.rules import all_rules, get_rule

from runqa import lint as lint_rules

NTREX = Path(__file__).parent.parent / "fixtures" / "ntrex"


def lint(text, code, source=None):
    return [(f.text, f.severity, f.suggestion) for f in lint_rules(text, code, source=source)]


MAJOR, MINOR = Severity.MAJOR, Severity.MINOR


@pytest.mark.parametrize("text, expected", [
    ("इस अभियान में 1.000.000 यूरो खर्च हुए।", [("1.000.000", MAJOR, "1,000,000")]),
    ("कुल 1.234,5 टन जब्त किया गया।", [("1.234,5", MAJOR, "1,234.5")]),
    ("लगभग 26.750 डॉलर लूटे गए।", [("26.750", MINOR, "26,750")]),
    ("मुद्रास्फीति 3,5 प्रतिशत रही, पहले 0,75 थी।", [("3,5", MINOR, "3.5"), ("0,75", MINOR, "0.75")]),
    ("कुल 380.000 लोग।", [("380.000", MINOR, "380,000")]),  # full stop after it is punctuation
    ("मूल्य €1.200 है।", [("1.200", MINOR, "1,200")]),
    ("मूल्य १.२००.००० है।", [("१.२००.०००", MAJOR, "१,२००,०००")]),  # Devanagari digits
])
def test_italian_numbers(text, expected):
    assert lint(text, "QA801") == expected


@pytest.mark.parametrize("text", [
    "लगभग 26,750 डॉलर लूटे गए और 1,20,000 लोग आए।",  # English and Indian grouping
    "मुद्रास्फीति 3.5 प्रतिशत और 2.75 प्रतिशत रही।",  # decimals
    "19.04.2024 को सुबह 5.30 बजे और 10.30 पर बैठक हुई।",  # dates and times: not flagged
    "संस्करण 1.2.3 और v1.200 जारी हुए; पृष्ठ 3,5,7 देखें।",  # versions, glued, lists
    "सर्वर 192.168.100.200 बंद है। अनुपात 0.500 है।",  # IP address, leading zero
    "The report (p. 1,200) says 3, 5 and 7.",  # English thousands in a Latin context, spaced list
])
def test_not_italian_numbers(text):
    assert lint(text, "QA801") == []


def test_source_confirms_single_group():
    hindi = "लगभग 26.750 डॉलर लूटे गए।"
    italian = "Sono stati rubati circa 26.750 dollari."
    assert lint(hindi, "QA801", source=italian) == [("26.750", MAJOR, "26,750")]
    assert lint(hindi, "QA801", source="Circa 26.7500 dollari.") == [("26.750", MINOR, "26,750")]


def test_real_italian_numbers_from_ntrex():
    # numbers as the Italian NTREX sentences write them, dropped into Hindi text
    import regex

    ita = (NTREX / "ita.txt").read_text(encoding="utf-8")
    numbers = regex.findall(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)|(?<![\d.,])\d+,\d(?![\d,])", ita)
    assert len(numbers) >= 20
    for n in numbers[:40]:
        assert [t for t, *_ in lint(f"कुल {n} लोग आए।", "QA801")] == [n]


def test_guillemets():
    found = lint("उन्होंने कहा, «हम तैयार हैं» और ‹ठीक›।", "QA802")
    assert found == [("«", MINOR, "“"), ("»", MINOR, "”"), ("‹", MINOR, "‘"), ("›", MINOR, "’")]
    assert lint("उन्होंने कहा, “हम तैयार हैं”। 5 >> 3", "QA802") == []


def test_categories():
    for code in ("QA801", "QA802"):
        assert get_rule(code).category is Category.LOCALE
    assert {r.code for r in all_rules() if r.code.startswith("QA8")} >= {"QA801", "QA802"}
