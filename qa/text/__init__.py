"""The text layer: what every part of the checker needs to know about text, defined once.

* :mod:`qa.text.tokens`: words and tokens (:data:`~qa.text.tokens.WORD`, the Devanagari and
  Latin cuts, the word count);
* :mod:`qa.text.web`: URLs, e-mail addresses, handles, hashtags, tickers, markup, emoji, numbers;
* :mod:`qa.text.fold`: which spellings of a Devanagari word are the same word (the nukta,
  chandrabindu and class-nasal policy);
* :mod:`qa.text.sentences`: where sentences end (the full-stop analysis);
* :mod:`qa.text.chunks`: a paragraph's white-space-separated chunks, shared by the rules that
  memoise what they make of each chunk;
* :mod:`qa.text.memo`: the bounded memo of a pure function of one word (its aksharas, whether
  the lexicon knows it).

Rules import these; they define no token, URL or number pattern of their own. This package
imports nothing from the rules, the engine or the glossaries (``sentences`` reads two word
lists through :mod:`qa.resources`), and each submodule is loaded only when used.
"""

from __future__ import annotations

#: How many paragraph texts the per-text memos keep (``has_latin``, ``count_words``, ``chunks``;
#: the others keep more), and so how many paragraphs the engine gives each rule in a row: every
#: rule that asks about a paragraph of such a block finds the answer kept.
RECENT_TEXTS = 8


def line_starts(text: str) -> list[int]:
    """The code-point offset at which each line of ``text`` starts (only ``\\n`` ends a line)."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts
