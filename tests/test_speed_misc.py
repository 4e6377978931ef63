"""Cheap pre-tests of the structure, encoding, punctuation and artefact rules (session 7): each
answers exactly as the code it stands before, or is a necessary condition of it."""

import sys

from runqa import lint


def test_normalised_test_agrees_with_the_normalisation():
    from qa.rules.structure import _is_normalised, _normalised
    texts = ["", " ", "a", "बैठक हुई।", "बैठक  हुई।", " बैठक", "बैठक ", "बैठक\nहुई", "बैठक\u00a0हुई",
             "बैठक\x1cहुई", "बैठक\u2028हुई", "बैठक\u3000हुई", "बैठक\u200bहुई", "a\tb", "a\x85b"]
    for text in texts:  # (a zero-width space is unprintable, and no white space: not a cut)
        assert _is_normalised(text) == (_normalised(text) == text and text.isprintable()), repr(text)
    # every white space character str.split() cuts at is unprintable, but the ASCII space
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()] == [" "]


def test_repeated_paragraph_spans_and_messages_per_copy():
    text = "बैठक रोम में हुई।\n\n  बैठक  रोम में हुई। \n\nEND\n\nबैठक रोम में हुई।\n\nEND\n\nहाँ हाँ\n\nहाँ  हाँ"
    found = [(f.paragraph, f.start, f.end, f.severity.value, f.message) for f in lint(text, "QA502")]
    assert found == [
        (1, 2, 20, "info", "paragraph repeats paragraph 0 (line 1) word for word; delete the copy"),
        (3, 0, 17, "info", "paragraph repeats paragraph 0 (line 1) word for word; delete the copy"),
        (6, 0, 8, "info", "paragraph repeats paragraph 5 (line 11) word for word; delete the copy"),
    ]


def test_dangling_pre_tests_pass_every_dangling_postposition():
    from qa.resources import function_words
    from qa.rules.structure import _may_dangle
    at_start, in_text = _may_dangle()
    dangling = [w for w, e in function_words().items()
                if e.get("class") == "postposition" and e.get("dangles") == "yes"]
    assert dangling
    for w in dangling:
        assert at_start.match(f"{w} बैठक") and at_start.match(f" “({w}, बैठक")
        assert in_text.search(f"बैठक हुई। {w} बैठक") and in_text.search(f"हुई?\x1c\"{w}")
        assert not at_start.match(f"{w}ा बैठक") and not in_text.search(f"बैठक हुई {w} बैठक")
    assert not at_start.match("पर वह आया") and not in_text.search("हुई। पर वह आया")
