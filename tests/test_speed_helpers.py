"""Helpers added for speed (issue 14): shared tokenisations and cheap pre-tests answer exactly
as the code they replace."""

import regex

from qa.model import Severity
from qa.rules.glued import _DEVA_WORD
from qa.rules.glued_hindi import GluedHindiWords
from qa.text.tokens import DEVANAGARI_SPACED_PAIR

from runqa import lint


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


def test_loop_thresholds_survive_the_pre_test():
    from qa.rules.artefacts import find_loop
    assert find_loop(" ".join(["हाँ"] * 7)) is None
    assert find_loop(" ".join(["हाँ"] * 8)) == (4, 31, 8, "हाँ")
    assert find_loop("क " + "अच्छी है " * 3) is None
    assert find_loop("क " + "अच्छी है " * 4) == (11, 37, 4, "अच्छी है")
    six = "एक दो तीन चार पांच छह "
    assert find_loop(six * 3) is None and find_loop(six * 4)[2:] == (4, six.strip())
    assert find_loop("Yes YES yes yEs yes yes yes yes") == (4, 31, 8, "Yes")


def test_chatter_pre_test_keeps_each_phrase():
    from qa.rules.artefacts import any_phrase, phrases
    for text in ("Note: x", "  अनुवाद: x", "x I apologize, but", "x Here is the translation", "x"):
        each = any(p.search(text) for p, *_ in phrases())
        assert each == any(p.search(text) for p in any_phrase())


def test_body_short_cut_on_a_danda_keeps_a_bare_domain_path():
    from qa.rules.ending import body
    assert body("बैठक हुई।") == "बैठक हुई।"
    assert body("देखें example.com/a।") == "देखें"  # the path takes the danda: stripped
    assert body("देखें https://x.com/a।") == "देखें https://x.com/a।"
    assert body("बैठक हुई। :)") == "बैठक हुई।" and body("हुई। #G7 https://x.com/a") == "हुई।"


def test_word_count_is_memoised_and_exact():
    from qa.text.tokens import count_words
    for _ in range(2):
        assert count_words("G7 इटली 2024 की बैठक, रोम-में don't") == 7
        assert count_words("") == 0 and count_words("।, ...") == 0


def test_pairing_loops_visit_only_marks_and_brackets():
    from qa.rules.punctuation import quote_marks, unmatched_brackets
    texts = ["उसने ''तीन'' कहा और \"\" भी", "कहा, “ हम ‘डिजिटल’ players' '90s",
             "a) एक (दो :) [तीन]] }", "कोई नहीं", "(G7 और G20) b) x\n1) y ("]
    assert [list(quote_marks(t)) for t in texts] == [
        [(5, 2, "double", "open"), (10, 2, "double", "close")],
        [(5, 1, "double", "open"), (10, 1, "single", "open"), (17, 1, "single", "close")], [], [], []]
    assert [unmatched_brackets(t) for t in texts] == [
        ([], []), ([], []), ([18, 20], [6]), ([], []), ([], [22])]


def test_pair_written_apart_is_looked_for_in_the_whole_document():
    # QA204 reads the paragraphs again at the end for the pairs of its info hints: before or
    # after the token, any white space between, nothing else
    glued = "नया सरकारअधिनियम लागू हुआ।"
    for apart, severity in (("सरकार  अधिनियम पर बहस हुई।", Severity.MINOR),
                            ("सरकार\nअधिनियम पर बहस हुई।", Severity.MINOR),
                            ("सरकार, अधिनियम पर बहस हुई।", Severity.INFO),
                            ("सरकारी अधिनियम पर बहस हुई।", Severity.INFO)):
        for text in (f"{glued}\n\n{apart}", f"{apart}\n\n{glued}"):
            [f] = lint(text, [GluedHindiWords])
            assert (f.text, f.severity) == ("सरकारअधिनियम", severity)


def test_excluded_letters_decomposed_as_translate_does():
    from qa.rules.encoding import _EXCLUDED, _decompose_excluded
    for text in ("", "ज़िंदगी \u095bिंदगी फ़ैसला \u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f", "abc"):
        assert _decompose_excluded(text) == text.translate(_EXCLUDED)


def test_whitespace_pre_tests_keep_every_case():
    from qa.rules.whitespace import DoubledSpace, NoBreakSpace, TrailingWhitespace
    rules = [NoBreakSpace, DoubledSpace, TrailingWhitespace]
    cases = {"क ख": [], "क\t\tख": [("QA702", 1, 3)], "क \tख": [("QA702", 1, 3)], "क\u202fख": [("QA701", 1, 2)],
             "क ख ": [("QA703", 3, 4)], "क ख\u00a0": [("QA703", 3, 4)], "क \nख": [("QA703", 1, 2)],
             "क\x1c": [], "क\r": []}
    for text, found in cases.items():
        assert [(f.rule, f.start, f.end) for f in lint(text, rules)] == found, text


def test_body_short_cut_on_a_plain_ending():
    from qa.rules.ending import body
    texts = ["देखें x.com।", "यह #भारत", "यह @भारत", "www.भारत", "https://x.in/भारत", "क्या?", "वाह!",
             "Dr.", "ठीक है ।", "a ॥", "क :)", "अच्छा 😂", "x.com/a?"]
    assert [body(t) for t in texts] == [
        "देखें x.com।", "यह", "यह", "", "", "क्या?", "वाह!", "Dr.", "ठीक है ।", "a ॥", "क", "अच्छा", ""]


def test_every_control_or_invisible_character_is_unprintable():
    # QA303 skips a printable paragraph: each character its patterns match must be unprintable
    from qa.rules.encoding import _CONTROL
    from qa.rules.invisible import _RUN
    matched = [chr(c) for c in range(0x110000) if _CONTROL.match(chr(c)) or _RUN.match(chr(c))]
    assert len(matched) > 70 and not any(c.isprintable() for c in matched)


def test_no_foreign_script_letter_among_the_skipped_ranges():
    from qa.rules.artefacts import _ANY_FOREIGN, _MAYBE_FOREIGN
    skipped = [chr(c) for c in range(0x3000) if not _MAYBE_FOREIGN.match(chr(c))]
    assert len(skipped) == 0x400 + 0x80 + 0x70 and not any(_ANY_FOREIGN.match(c) for c in skipped)
    assert _MAYBE_FOREIGN.search("बैठक“ठीक”…") is None and _MAYBE_FOREIGN.search("बैठक ₹5")


def test_has_latin_skips_only_characters_that_are_not_latin():
    from qa.text.tokens import _LATIN_LETTER, _MAYBE_LATIN, has_latin
    skipped = [chr(c) for c in range(0x3000) if not _MAYBE_LATIN.match(chr(c))]
    assert len(skipped) > 300 and not any(_LATIN_LETTER.match(c) for c in skipped)
    for text, latin in (("बैठक “ठीक” 2024 - !", False), ("G7 की बैठक", True), ("बैठक ª", True),
                        ("ﬁ", True), ("बैठक ₹5", False), ("", False)):
        assert has_latin(text) is latin, text


def test_plain_twins_cut_as_the_regex_patterns():
    # on ASCII, Devanagari and general punctuation, the stdlib classes are the property classes
    import re

    from qa.text import tokens as t
    plain = [chr(c) for c in range(0x110000) if t.plain(chr(c))]
    assert len(plain) == 0x80 + 0x80 + 0x70
    for prop, ranges in ((r"[\p{L}\p{M}\p{N}]", t._PLAIN_LMN), (r"[\p{Devanagari}\p{M}]", "\u0900-\u0963\u0966-\u097f")):
        wanted = regex.compile(prop)
        assert [c for c in plain if wanted.match(c)] == [c for c in plain if re.match(f"[{ranges}]", c)]
    for text in ("G7 इटली 2024 की बैठक, रोम-में don't", "abc- --x ’’क’ख ।।क॥ ॰ॱ", "", "x\u2019s 5-6 a--b -a-"):
        assert t.plain(text)
        assert t.count_words(text) == len(t.WORD.findall(text))
        assert t.loose_tokens(text) == t.LOOSE_TOKEN.findall(text)
        assert t.tokens(text) == t.TOKEN.findall(text)
        assert t.script_runs(text) == t.SCRIPT_RUN.findall(text)
    for text in ("café रोम", "बैठक ₹5 😂", "Città-di"):  # not plain: the regex patterns themselves
        assert not t.plain(text) and t.loose_tokens(text) == t.LOOSE_TOKEN.findall(text)
        assert t.tokens(text) == t.TOKEN.findall(text)


def test_devanagari_acronym_tokens_as_the_plain_look_behind_pattern():
    import random

    from qa.text.tokens import DEVANAGARI_ACRONYM
    wanted = regex.compile(
        r"(?<![\u0900-\u0963\u0966-\u097f])[\u0900-\u0963\u0971-\u097f\u200c\u200d]+(?:-?[0-9\u0966-\u096f]+)?")
    alphabet = "जीक्ष७१० -9a\u200c\u200d\u0970।\u0971"
    rng = random.Random(7)
    texts = ["जी7 और जी-20, १जी एनएचएस", ""] + ["".join(rng.choices(alphabet, k=12)) for _ in range(3000)]
    for text in texts:
        assert [(m.span(), m.group()) for m in DEVANAGARI_ACRONYM.finditer(text)] == \
               [(m.span(), m.group()) for m in wanted.finditer(text)], text
    assert DEVANAGARI_ACRONYM.findall(texts[0]) == ["जी7", "और", "जी-20", "एनएचएस"]


def test_a_text_without_a_maybe_not_nfc_character_or_pair_is_nfc():
    import unicodedata

    from qa.glossary.text import fold
    from qa.rules.encoding import _decompose_excluded
    from qa.text.tokens import surely_nfc
    for decomposed, letters in ((False, 0), (True, 8)):
        kept = [chr(c) for c in range(0x110000) if surely_nfc(chr(c), decomposed)]
        assert len(kept) == 0x80 + 0x80 - 4 - 8 + letters + 0x6e
        # one mark with a combining class besides the nukta and virama: no pair reorders or composes
        assert [c for c in kept if unicodedata.combining(c)] == ["\u093c", "\u094d"]
        pairs = [a + b for a in kept for b in kept if surely_nfc(a + b, decomposed)]
        assert len(pairs) == len(kept) ** 2 - 4  # न र ळ or virama + nukta
        assert all(unicodedata.is_normalized("NFC", _decompose_excluded(p) if decomposed else p) for p in pairs)
    assert not surely_nfc("\u095b\u093c") and surely_nfc("\u095b\u093c", True) and not surely_nfc("न\u093c", True)
    assert fold("ज़रूरी अन्तर ऩ न\u093c Ab") == "जरूरी अंतर ऩ ऩ ab"
    assert fold("क\u094d\u093c") == fold(unicodedata.normalize("NFC", "क\u094d\u093c"))


def test_plain_text_casefolded_whole_cuts_as_its_tokens_casefolded():
    # find_loop folds a plain paragraph before cutting it
    from qa.text import tokens as t
    plain = "".join(chr(c) for c in range(0x110000) if t.plain(chr(c)))
    assert plain.casefold() == plain.lower() and len(plain.casefold()) == len(plain)
    for text in (plain, "Yes YES yes-No DON'T क़ KA-ख ’Ab’", "x\u2019S A--B"):
        assert t.loose_tokens(text.casefold()) == [w.casefold() for w in t.loose_tokens(text)]


def test_source_names_pre_test_keeps_every_capital():
    from qa.rules.latin_context import _MAYBE_SOURCE_NAME, source_names
    skipped = [chr(c) for c in range(0x3000) if not _MAYBE_SOURCE_NAME.match(chr(c))]
    assert len(skipped) == 0x80 + 0x80 + 0x70
    cased = regex.compile(r"[\p{Lu}\p{Ll}]")
    assert [c for c in skipped if cased.match(c)] == [chr(c) for c in (*range(65, 91), *range(97, 123))]
    assert source_names("बैठक में, Mario Rossi और Roma") == ["Mario", "Rossi", "Roma"]
    assert source_names("बैठक में, MArio ROSsi Ab") == [] and source_names("x, Éric") == ["Éric"]
