"""Helpers added for speed (issue 14): shared tokenisations and cheap pre-tests answer exactly
as the code they replace."""

import regex

from qa.rules.glued import _DEVA_WORD
from qa.text.tokens import DEVANAGARI_SPACED_PAIR


def _pairs_by_gaps(text):
    tokens = list(_DEVA_WORD.finditer(text))
    return [(a.group(), b.group()) for a, b in zip(tokens, tokens[1:])
            if not regex.search(r"\S", text[a.end():b.start()])]


def test_spaced_pairs_are_neighbours_with_only_white_space_between():
    text = "अब कल, फिर आज  तो\x1cयह ab वह\x85हम\u00a0तुम\nवे"
    assert DEVANAGARI_SPACED_PAIR.findall(text) == [
        ("अब", "कल"), ("फिर", "आज"), ("आज", "तो"), ("वह", "हम"), ("हम", "तुम"), ("तुम", "वे")]
    for t in (text, "क ख ग", "", "क", "abc क", "क।ख ग", "क़ि ख़", "a क b ख  ग\tघ"):
        assert DEVANAGARI_SPACED_PAIR.findall(t) == _pairs_by_gaps(t)
