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


def test_required_literals_of_a_phrase():
    from qa.rules.artefacts import required_literals
    assert required_literals("I apologi[sz]e,? but") == {"i apologi"}
    assert required_literals("(?:Please )?translate the following") == {"translate the following"}
    assert required_literals(r"\((?:Note|Translator's note)\s*:") == {"note", "translator's note"}
    assert required_literals("(?:मुझे )?(?:खेद|माफ़ी|माफी) (?:है|चाहता हूँ)") == {"खेद", "माफ़ी", "माफी"}
    assert required_literals("(?:abcd)+x") == {"abcd"} and required_literals("DİYAR") == {"diyar"}
    # nothing required, or syntax only ``regex`` reads: no pre-test
    for pattern in ("(?:abcd)*x", "(?:abc|de)", r"\p{L}abcd", "[[:alpha:]]abcd", "ab"):
        assert required_literals(pattern) is None, pattern


def test_folding_matches_what_regex_matches_case_insensitively():
    import regex

    from qa.rules.artefacts import chatter_pre_tests, regex_casefold
    words = chatter_pre_tests()[1]
    assert words is not None
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    for y in sorted(set(words.pattern.replace("\\", "")) | set("Ii")):
        for m in regex.finditer(regex.escape(y), every, regex.IGNORECASE):
            assert regex_casefold(m.group()) == regex_casefold(y), (y, m.group())


def test_chatter_pre_test_keeps_each_phrase_and_skips_plain_text():
    from qa.rules.artefacts import chatter_pre_tests, phrases, regex_casefold
    start, words, anywhere = chatter_pre_tests()
    texts = ["Note: x", "  अनुवाद: x", "x I apologize, but", "x Here is the translation", "x",
             "x I AM SORRY, BUT I", "x ı apologıze, but", "x As an Aİ", "मुझे खेद है, लेकिन मैं", "(translator's note: x",
             "मैं इसका पाठ का अनुवाद नहीं कर सकती", "बैठक रोम में हुई।", "x into HINDI:"]
    for text in texts:
        each = any(p.search(text) for p, *_ in phrases())
        passed = bool(start.search(text)) or bool(words.search(regex_casefold(text)) and anywhere.search(text))
        assert each == passed, text
    assert words.search(regex_casefold("बैठक रोम में हुई। माफ कीजिए")) is None


def test_empty_quotation_pre_test_finds_every_pair():
    from qa.rules.punctuation import _EMPTY, _MAY_BE_EMPTY, BRACKETS, QUOTES, unmatched_brackets
    marks = QUOTES + "".join(BRACKETS) + "".join(BRACKETS.values())
    for o in marks:
        for c in marks:
            for blank in ("", " ", "\t\u00a0\u202f", "\n"):
                for text in (f"क {o}{blank}{c} ख", f"{o}{blank}{c}"):
                    if _EMPTY.search(text):
                        assert _MAY_BE_EMPTY.search(text), text
    # brackets: an emoticon without : ; = holds none, a list marker ends on )
    assert unmatched_brackets("xD (a <3") == ([], [3])
    assert unmatched_brackets("a) x ( y :) z") == ([], [5])
    assert unmatched_brackets("x ] a [ b") == ([2], [6])


def test_characters_the_loop_rule_does_not_fold_are_caseless():
    from qa.rules.artefacts import _MAY_FOLD, find_loop
    kept = [c for c in map(chr, range(0x10000)) if not _MAY_FOLD.match(c)]
    assert len(kept) == 0x80 - 26 + 0x80 + 0x70 and all(c.casefold() == c for c in kept)
    assert find_loop("हाँ HAAN " * 8) == (9, 71, 8, "हाँ HAAN") and find_loop("haan " * 8)[2:] == (8, "haan")


def test_repeats_found_alike_in_memory_and_from_disk(tmp_path, monkeypatch):
    from qa import document, engine
    from qa.rules import select_rules
    path = tmp_path / "doc.txt"
    path.write_text("बैठक रोम में हुई।\n\n  बैठक  रोम में हुई।\n\nEND\n\nबैठक रोम में\u200bहुई।\n\nEND\n\n"
                    "बैठक रोम में हुई।\n\nबैठक रोम में\u200bहुई।\n", encoding="utf-8")
    options = engine.Options(rules=select_rules(["QA502"]))
    in_memory = engine.lint_document(document.read_document(str(path)), options)
    monkeypatch.setattr(document, "STREAM_BYTES", 0)
    streamed = engine.lint_path(str(path), options)
    assert [(f.paragraph, f.start, f.end) for f in in_memory.findings] == [(1, 2, 20), (5, 0, 17), (6, 0, 17)]
    assert streamed.findings == in_memory.findings
