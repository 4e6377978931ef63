"""QA555: accepted spelling variants mixed in one document; glossaries/hi_spelling_variants.tsv."""

from pathlib import Path

import pytest

from qa.model import Category, Severity
from qa.resources import data_dir, read_tsv
from qa.rules import get_rule
from qa.rules.variants import fold, variant_groups
from qa.text.tokens import DEVANAGARI_WORD

from runqa import lint as lint_rules

EXAMPLE = Path(__file__).parent.parent / "fixtures" / "g7_rome_lyon_2024.hi.txt"


def lint(text):
    return [(f.paragraph, f.start, f.end, f.text, f.suggestion) for f in lint_rules(text, "QA555")]


def test_example():
    found = lint(EXAMPLE.read_text(encoding="utf-8"))
    # अंतर्राष्ट्रीय 3× (used first) and अंतरराष्ट्रीय 3×; संदर्भ 1× and सन्दर्भ 1×; उपसमूह/उप-समूह
    assert found == [
        (1, 386, 399, "अंतरराष्ट्रीय", "अंतर्राष्ट्रीय"),
        (1, 527, 540, "अंतरराष्ट्रीय", "अंतर्राष्ट्रीय"),
        (4, 265, 272, "सन्दर्भ", "संदर्भ"),
        (7, 337, 344, "उप-समूह", "उपसमूह"),
        (8, 24, 37, "अंतरराष्ट्रीय", "अंतर्राष्ट्रीय"),
    ]


def test_info_and_consistency():
    rule = get_rule("QA555")
    assert rule.severity is Severity.INFO and rule.category is Category.CONSISTENCY


def test_majority_wins_and_every_minority_occurrence_is_reported():
    text = "ज़्यादा लोग आए। ज्यादा पैसा। ज़्यादा समय।\n\nज्यादा काम।"
    assert [(p, t, s) for p, _, _, t, s in lint(text)] == [
        (0, "ज्यादा", "ज़्यादा"), (1, "ज्यादा", "ज़्यादा")]


@pytest.mark.parametrize("a, b", [
    ("पहुँच", "पहुंच"), ("हिन्दी", "हिंदी"), ("ट्रम्प", "ट्रंप"), ("गये", "गए"), ("लिये", "लिए"),
    ("जायेगा", "जाएगा"), ("स्थायी", "स्थाई"), ("आस-पास", "आसपास"), ("फ़ैसला", "फैसला"),
])
def test_systematic_variants(a, b):
    assert fold(a) == fold(b)
    assert lint(f"{a} और {b}।") == [(0, len(a) + 4, len(a) + 4 + len(b), b, a)]


@pytest.mark.parametrize("text", [
    "उसने कार्रवाई की और कार्यवाही दर्ज की।",  # two different words
    "यह बड़ा है और वह बडा है।",  # ड़ is a letter of its own, not an optional nukta
    "प्रत्येक ध्येय और ये लोग, ए ग्रेड।",  # ये after a virama or alone is no ending
    "सम्मान और अन्य।",  # nasal doubled or before another class: no anusvara
    "जुड़े और जुड\u093cे।",  # one spelling in two Unicode forms (QA3xx reports that)
    "G7 और जी7 की बैठक।",  # Latin and Devanagari names are the glossary rules' concern
])
def test_not_variants(text):
    assert lint(text) == []


# -- the data file ------------------------------------------------------------------------------

ROWS = read_tsv(data_dir() / "hi_spelling_variants.tsv", required=("spelling", "variant", "note"))


def test_data_rows_are_two_devanagari_words_not_folded_already():
    assert len(ROWS) >= 15
    pairs = set()
    for r in ROWS:
        a, b = r["spelling"], r["variant"]
        assert DEVANAGARI_WORD.fullmatch(a) and DEVANAGARI_WORD.fullmatch(b), r
        assert fold(a) != fold(b), f"{a}/{b} differ only systematically: no row needed"
        assert r["note"], r
        assert frozenset((a, b)) not in pairs, r
        pairs.add(frozenset((a, b)))


def test_data_groups():
    groups = variant_groups()
    assert groups[fold("अंतर्राष्ट्रीय")] == groups[fold("अंतरराष्ट्रीय")]
    assert groups[fold("अन्तर्राष्ट्रीय")] == groups[fold("अंतरराष्ट्रीय")]
    assert groups[fold("अमरीका")] != groups[fold("अमरीकी")]
