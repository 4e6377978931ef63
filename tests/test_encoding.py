"""Encoding (QA301-QA305): exact spans of the characters as read, repairs, hard negatives."""

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from qa.model import Category, Severity
from qa.rules.encoding import (
    ControlCharacter,
    InvalidDevanagari,
    Mojibake,
    NotNFC,
    ReplacementCharacter,
)

from runqa import lint as lint_rules

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ENCODING = [Mojibake, ReplacementCharacter, ControlCharacter, InvalidDevanagari, NotNFC]
LINE = "G7 इटली 2024 के प्रतिनिधिमंडल के प्रमुखों की पहली बैठक, “रोम” में।"


def lint(text, rules=ENCODING):
    return lint_rules(text, rules)


def found(text, rules=ENCODING):
    return [(f.rule, f.text, f.suggestion) for f in lint(text, rules)]


def cp1252(s):
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    return s.encode("utf-8").decode("sloppy-windows-1252")


# -- QA301 mojibake -------------------------------------------------------------------------------

@pytest.mark.parametrize("garble", [
    cp1252,
    lambda s: s.encode("utf-8").decode("latin-1"),
    lambda s: cp1252(cp1252(s)),
], ids=["cp1252", "latin1", "double"])
def test_mojibake_line_is_one_critical_finding_with_the_repair(garble):
    text = garble(LINE)
    [f] = lint(text)
    assert f.rule == "QA301" and f.severity is Severity.CRITICAL and f.category is Category.ENCODING
    assert (f.start, f.end) == (3, len(text))  # "G7 " is plain ASCII, untouched
    assert f.suggestion == LINE[3:]


def test_mojibake_with_lost_bytes_is_one_finding_not_many():
    text = LINE.encode("utf-8").decode("cp1252", errors="replace")
    assert [f.rule for f in lint(text)] == ["QA301"]  # its U+FFFD are not reported again


def test_partial_mojibake_exact_span():
    bad = cp1252("इटली 2024 के")
    text = f"बैठक {bad} 2025 में हुई।"  # from the first to the last garbled word, no further
    [f] = lint(text)
    assert (f.rule, f.start, f.end, f.text, f.suggestion) == ("QA301", 5, 5 + len(bad), bad, "इटली 2024 के")


def test_latin_mojibake_reports_the_word():
    assert found("Il ministro ha detto perchÃ© no.") == [("QA301", "perchÃ©", "perché")]


@pytest.mark.parametrize("text", [
    "Il ministro ha detto perché no, a Città di Castello, “così” – già.",
    "कीमत 5 € या £4 है, ½ हिस्सा, “उद्धरण” और ‘एकल’ — डैश…",
    "बैठक\u00a0में\u00a0चर्चा, फ़ैसला और ज़िंदगी।",
    "Âge, Ôte, Ça: French capitals are not mojibake.",
])
def test_clean_text_is_not_mojibake(text):
    assert lint(text, [Mojibake]) == []


def test_ftfy_is_not_imported_for_clean_text():
    code = (
        "import sys; from qa.document import from_text; from qa.engine import Options, lint_document;"
        "from qa.rules.encoding import Mojibake;"
        "lint_document(from_text('बैठक “रोम” में\\u00a0हुई।'), Options(rules=[Mojibake]));"
        "print('ftfy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- QA302 replacement character ------------------------------------------------------------------

def test_replacement_characters_exact_span():
    [f] = lint("प्रतिनिधि\ufffd\ufffdडल की बैठक")
    assert (f.rule, f.start, f.end, f.severity) == ("QA302", 9, 11, Severity.MAJOR)


# -- QA303 control characters ---------------------------------------------------------------------

@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ufeff", "\u202e", "\u2066"])
def test_control_characters(ch):
    [f] = lint(f"बैठक में{ch} चर्चा")
    assert (f.rule, f.start, f.end, f.suggestion) == ("QA303", 8, 9, "")


@pytest.mark.parametrize("text", [
    "बैठक में\tचर्चा\r\nहुई।",
    "र्\u200dय और क्\u200cष",  # ZWJ and ZWNJ shape Devanagari
])
def test_legitimate_invisible_characters(text):
    assert lint(text, [ControlCharacter]) == []


def test_c1_codes_inside_latin1_mojibake_are_left_to_qa301():
    text = LINE.encode("utf-8").decode("latin-1")
    assert "\x87" in text
    assert [f.rule for f in lint(text)] == ["QA301"]


# -- QA304 invalid Devanagari ---------------------------------------------------------------------

@pytest.mark.parametrize("text, bad, suggestion, severity", [
    ("हमने अाज बैठक की।", "अा", "आ", Severity.MINOR),  # vowel sign after a vowel letter
    ("डअॉक्टर", "अॉ", "ऑ", Severity.MINOR),
    ("ज़्यादाातर लोग", "दाा", "दा", Severity.MINOR),  # two vowel signs in a row
    ("टुुलसा शहर", "टुु", "टु", Severity.MINOR),
    ("एक फै़सला", "फै़", "फ़ै", Severity.MINOR),  # nukta after the vowel sign
    ("बैठक में ा चर्चा", "ा", None, Severity.MAJOR),  # a sign with no letter at all
    ("बैठक ्में", "्", None, Severity.MAJOR),
    ("प्रतिनिधि ़ की", "़", None, Severity.MAJOR),
])
def test_invalid_devanagari(text, bad, suggestion, severity):
    [f] = lint(text, [InvalidDevanagari])
    assert (f.text, f.suggestion, f.severity) == (bad, suggestion, severity)
    assert f.start == text.index(bad)


@pytest.mark.parametrize("text", [
    "हमने आज बैठक की। डॉक्टर, ज़िंदगी, \u095bिंदगी, क्‍या, र्\u200dय, शृंखला, दुःख, हूँ।",
    "मात्रा ◌ा और ◌ं अलग से लिखी जाती हैं।",
    "अंत, आँख, ऊँचा, एं, ओं",  # signs after vowel letters are fine
])
def test_valid_devanagari(text):
    assert lint(text, [InvalidDevanagari]) == []


# -- QA305 not NFC --------------------------------------------------------------------------------

def test_decomposed_accent_exact_span_and_offsets_not_normalised():
    text = "रोम में Citta\u0300 di Castello की बैठक"
    [f] = lint(text)
    assert (f.rule, f.text, f.suggestion, f.severity) == ("QA305", "a\u0300", "à", Severity.INFO)
    assert (f.start, f.end) == (12, 14)
    after = lint(text + " और Citta\u0300")  # the second one is found at its own offsets
    assert [(g.start, g.end) for g in after] == [(12, 14), (len(text) + 8, len(text) + 10)]


def test_nukta_out_of_order_and_decomposed_letters():
    assert found("वक\u094d\u093cत") == [("QA305", "क\u094d\u093c", "क\u093c\u094d")]
    assert found("प्रतिनिधि न\u093c की") == [("QA305", "न\u093c", "\u0929")]


def test_precomposed_nukta_letters_are_not_reported():
    text = "\u095bिंदगी \u092b\u093cैसला \u0958ानून"
    assert not unicodedata.is_normalized("NFC", text)
    assert lint(text, [NotNFC]) == []


# -- the real texts -------------------------------------------------------------------------------

def test_example_document_has_no_encoding_findings():
    text = (FIXTURES / "g7_rome_lyon_2024.hi.txt").read_text(encoding="utf-8")
    assert lint(text) == []


def test_ntrex_has_no_mojibake_replacement_or_control_characters():
    text = (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8")
    paras = "\n\n".join(line for line in text.splitlines() if line.strip())
    assert lint(paras, [Mojibake, ReplacementCharacter, ControlCharacter]) == []
    # what QA304 finds there are the human translators' typos (ज़्यादाातर, आाएगी, फै़सला …)
    typos = [f.text for f in lint(paras, [InvalidDevanagari])]
    assert typos == ["दाा", "आा", "मैे", "फ़ेे", "फै़", "टुु", "फै़", "फे़"]
