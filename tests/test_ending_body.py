"""ending.body's short cuts: the characters it strips and the patterns it skips answer as the
patterns would (every code point where a character class is replaced by a set)."""

import regex

from qa.rules.ending import _EMOTICON_LAST, _TRAILING_CHARS, body
from qa.text.sentences import CLOSERS
from qa.text.web import EMOJI, EMOTICON


def test_trailing_characters_are_the_pattern_class():
    cls = regex.compile(r"[\s" + regex.escape(CLOSERS) + r"]")
    chars = {chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and cls.match(chr(c))}
    assert chars == set(_TRAILING_CHARS)


def test_every_emoticon_ends_on_a_listed_character():
    # every string of a lead, an optional nose and any printable ASCII character that the
    # pattern reads as an emoticon ends on a character of _EMOTICON_LAST, which body() tests
    leads, ascii_ = ":;=xX<", [chr(c) for c in range(0x20, 0x7F)]
    ends = {t[-1] for a in leads for b in ["", "-", "'"] for c in ascii_
            if EMOTICON.fullmatch(t := a + b + c)}
    assert ends and ends <= set(_EMOTICON_LAST)


def test_no_emoji_is_ascii_or_devanagari():
    assert not any(EMOJI.match(chr(c)) for c in [*range(0x80), *range(0x900, 0x980)])


def test_body_sets_aside_what_trails_the_sentence():
    assert body("उन्होंने कहा, “हम तैयार हैं।”\u3000") == "उन्होंने कहा, “हम तैयार हैं।"
    assert body("हम तैयार हैं। ❤️ :) ") == "हम तैयार हैं।"
    assert body("हम तैयार हैं (देखें www.example.it)") == "हम तैयार हैं (देखें"
    assert body("देखें example.com") == "देखें"
    assert body("देखें https://localhost") == "देखें"
    assert body("समय 10:30 बजे") == "समय 10:30 बजे"
    assert body("हम तैयार हैं: D") == "हम तैयार हैं: D"
    assert body("") == ""
