"""qa.text.memo: the bounded memo of the word analyses (aksharas, lexicon look-ups)."""

from __future__ import annotations

import pytest

from qa import hindi_lexicon as lex
from qa.text.memo import WordMemo, word_memo


def _counting(maxsize: int):
    calls: list[str] = []

    @word_memo(maxsize)
    def length(word: str) -> int:
        calls.append(word)
        if word == "boom":
            raise ValueError(word)
        return len(word)

    return length, calls


def test_each_word_is_analysed_once():
    length, calls = _counting(8)
    assert [length(w) for w in ["नमस्ते", "दुनिया", "नमस्ते", "नमस्ते"]] == [6, 6, 6, 6]
    assert calls == ["नमस्ते", "दुनिया"]


def test_a_full_memo_starts_again():
    length, calls = _counting(3)
    for w in ["a", "bb", "ccc"]:
        length(w)
    assert len(length.__self__) == 3
    assert length("dddd") == 4
    assert dict(length.__self__) == {"dddd": 4}  # emptied, then the new word kept
    assert length("a") == 1 and calls == ["a", "bb", "ccc", "dddd", "a"]


def test_an_error_is_raised_each_time_and_not_kept():
    length, calls = _counting(8)
    for _ in range(2):
        with pytest.raises(ValueError):
            length("boom")
    assert calls == ["boom", "boom"] and "boom" not in length.__self__


def test_the_lexicon_word_analyses_are_bounded_memos():
    # the hot analyses answer from a WordMemo (a dict: a fifth of lru_cache's memory per word)
    for fn in (lex.known, lex.aksharas, lex.akshara_starts, lex.function_class, lex.spelled_letters):
        assert isinstance(fn.__self__, WordMemo)
    assert lex.aksharas("नमस्ते") == 3 and lex.akshara_starts("नमस्ते") == (1, 2)  # न|म|स्ते
    assert lex.aksharas("नमस्ते") == 3  # answered from the memo, the same
