"""QA503: a sentence inside a paragraph opens with a dangling postposition."""

from pathlib import Path

import pytest

from runqa import lint as lint_rules

FIXTURES = Path(__file__).parent.parent / "fixtures"


def lint(text, codes=("QA503",)):
    return [(f.rule, f.paragraph, f.start, f.end, f.text) for f in lint_rules(text, codes)]


@pytest.mark.parametrize("text, word", [
    ("बैठक रोम में हुई। के संबंध में गहन चर्चा की गई।", "के"),
    ("बैठक रोम में हुई।की पहली बैठक कल होगी।", "की"),  # no space after the danda
    ("क्या बैठक हुई? में भी चर्चा हुई।", "में"),
    ("बैठक हुई! “से जुड़े खतरे पर चर्चा हुई।”", "से"),  # an opening quote before it
    ("बैठक हुई. के संबंध में चर्चा हुई.", "के"),  # a document ending sentences with full stops
    ("बैठक हुई। द्वारा प्रस्ताव रखा गया।", "द्वारा"),
])
def test_flags_the_postposition(text, word):
    found = lint(text)
    assert [(f[0], f[4]) for f in found] == [("QA503", word)]
    assert text[found[0][2]:found[0][3]] == word


@pytest.mark.parametrize("text", [
    "बैठक रोम में हुई। इसके संबंध में चर्चा हुई।",  # pronoun + postposition is one word
    "बैठक हुई। पर वह समय पर नहीं आया।",  # पर is also "but"
    'उन्होंने पूछा, "क्या हम जीत सकते हैं?" के जवाब में कहा गया।',  # governs the quotation
    "उन्होंने (देखें ऊपर।) के अनुसार कहा।",
    "यू.एस. के राष्ट्रपति और ए.आई. के विशेषज्ञ आए। जे. के. रोलिंग ने लिखा।",  # abbreviations
    "डॉ. के. एस. राव आए। मि. की बात।",  # initials and titles
    "उभरता ख़तरा Fentanyl. से जुड़ा है।",  # stray full stop: QA404's
    "दर 3.5 से बढ़कर 4.2 तक गई।",  # decimals
])
def test_passes(text):
    assert lint(text) == []


def test_line_break_after_danda_still_splits():
    assert [f[4] for f in lint("बैठक हुई।\nके संबंध में चर्चा हुई।")] == ["के"]


def test_paragraph_start_is_left_to_qa501():
    text = "की पहली बैठक रोम में हुई। के संबंध में चर्चा हुई।"
    found = lint(text, ("QA501", "QA503"))
    assert [(f[0], f[2]) for f in found] == [("QA501", 0), ("QA503", text.index("के संबंध"))]


def test_example_has_no_dangling_sentence_inside_paragraphs():
    # its dangling openings are all at paragraph starts (QA501: S01, S08, S17)
    text = (FIXTURES / "g7_rome_lyon_2024.hi.txt").read_text(encoding="utf-8")
    assert lint(text) == []
    assert [f[1] for f in lint(text, ("QA501",))] == [1, 4, 6]


def test_ntrex_sentences_after_every_danda():
    # real Hindi news: sentences glued into paragraphs of five lines never open dangling
    lines = (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines()
    paras = [" ".join(lines[i:i + 5]) for i in range(0, len(lines), 5)]
    assert lint("\n\n".join(paras)) == []
