"""Glossary.may_hold_calque asks word by word (with a memo of clean words) what the whole
paragraph's fold answers: the same answer on every kind of white space, joiner, nukta and
chandrabindu spelling, asked cold and asked again."""

from qa.glossary import load_glossary
from qa.glossary.text import fold
from qa.text.tokens import tokens

CASES = [
    "आदेश की ताकतें सतर्क हैं।",
    "सभी प्राणियों में मानव सबसे बुद्धिमान है।",
    "बैठक रोम में हुई।",
    "आदे\u200dश की बातें",  # a joiner inside the key: fold drops it
    "प्राणि\u200cयों",
    "ताकतें\u093c",  # a stray nukta
    "ताकतेँ",  # chandrabindu for anusvara
    "निर्देश और उपदेश",  # the key inside a longer word is no token
    "आदेश-पत्र",  # a hyphen separates tokens
    "\u00a0आदेश\u2003x",
    "a\u0085आदेश",
    "आदेशों के बिना",
    "",
    "   ",
]


def _whole(g, text: str) -> bool:
    return not g.calque_keys.isdisjoint(tokens(fold(text)))


def test_word_by_word_answers_as_the_whole_paragraph():
    g = load_glossary()
    for _ in range(2):  # cold, then from the memo
        for text in CASES:
            assert g.may_hold_calque(text) is _whole(g, text), text
    assert g.may_hold_calque("आदेश की ताकतें सतर्क हैं।") is True
    assert g.may_hold_calque("बैठक रोम में हुई।") is False
    assert g.may_hold_calque("आदे\u200dश") is True
    assert g.may_hold_calque("निर्देश") is False
