"""The text layer (qa/text): one tokeniser, one folding policy, one sentence splitter, one
recogniser of web text and numbers, used by every rule."""

from __future__ import annotations

import pathlib
import re

from qa.glossary.text import norm_token
from qa.hindi_lexicon import spellings
from qa.rules.variants import fold as variant_key
from qa.text import fold, sentences, tokens, web

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_optional_nukta_is_only_on_perso_arabic_letters():
    assert fold.drop_optional_nukta("ज़्यादा फ़ैसला ख़बर ग़लत क़ानून") == "ज्यादा फैसला खबर गलत कानून"
    # ड़ and ढ़ are letters of their own: बड़ा and बडा are a word and its misspelling
    assert fold.drop_optional_nukta("बड़ा पढ़ना") == "बड़ा पढ़ना"
    assert fold.drop_optional_nukta("\u0921\u093c") == "\u0921\u093c"


def test_one_policy_for_glossary_word_list_and_variant_rule():
    # the same word: every consumer folds the optional nukta
    for a, b in (("ज़्यादा", "ज्यादा"), ("फ़ैसला", "फैसला")):
        assert norm_token(a) == norm_token(b)
        assert variant_key(a) == variant_key(b)
        assert b in spellings(a)
    # not the same word: none folds ड़ into ड (precomposed U+095C or ड + nukta)
    for a, b in (("बड़ा", "बडा"), ("\u095c", "\u0921"), ("पढ़ना", "पढना")):
        assert norm_token(a) != norm_token(b)
        assert variant_key(a) != variant_key(b)
        assert b not in spellings(a)


def test_same_word_spellings():
    assert fold.same_word_spellings("पहुँचे") == ["पहुँचे", "पहुंचे"]
    assert fold.same_word_spellings("ज़्यादा") == ["ज़्यादा", "ज्यादा"]
    assert fold.same_word_spellings("बड़ा") == ["बड़ा"]


def test_class_nasal():
    assert fold.CLASS_NASAL.sub(fold.ANUSVARA, "सम्बन्ध सन्दर्भ") == "संबंध संदर्भ"
    assert fold.CLASS_NASAL.sub(fold.ANUSVARA, "सम्मेलन न्याय कन्वेंशन") == "सम्मेलन न्याय कन्वेंशन"


def test_words_and_tokens():
    text = "G7 की बैठक, आस-पास के देश (जी-7) it's #G7Summit"
    assert tokens.WORD.findall(text) == ["G7", "की", "बैठक", "आस-पास", "के", "देश", "जी-7", "it's", "G7Summit"]
    assert tokens.count_words(text) == 9
    assert tokens.TOKEN.findall("जी-7") == ["जी", "7"]
    assert tokens.DEVANAGARI_COMPOUND.findall(text) == ["की", "बैठक", "आस-पास", "के", "देश", "जी"]
    assert tokens.DEVANAGARI_ACRONYM.findall(text) == ["की", "बैठक", "आस", "पास", "के", "देश", "जी-7"]
    assert tokens.DEVANAGARI_WORD_RE.findall(text) == tokens.DEVANAGARI_WORD.findall(text)


def test_web_text_and_numbers():
    text = "लिखें info@mfa.it या देखें https://www.esteri.it/g7. #G7Italia @GiorgiaMeloni $ENI"
    assert [k for _, _, k in web.web_spans(text)] == ["email", "url", "tag", "tag", "ticker"]
    start, end, _ = web.web_spans(text)[1]
    assert text[start:end] == "https://www.esteri.it/g7"
    assert web.URL.search(text).group() == "https://www.esteri.it/g7"
    assert web.EMAIL.search(text).group() == "info@mfa.it"
    assert web.HANDLE.search(text).group() == "@GiorgiaMeloni"
    assert web.HASHTAG.search(text).group() == "#G7Italia"
    assert web.NUMBER.findall("3.5 और 1,000 और २०२४") == ["3.5", "1,000", "२०२४"]
    assert web.FREE_NUMBER.findall("G-7 में 20 देश, COVID-19") == ["20"]
    assert web.SEPARATED_NUMBER.findall("1.000,50 और 7") == ["1.000,50"]


def test_sentence_ends():
    text = "यह पहला वाक्य है। डॉ. शर्मा ने कहा कि U.S. तैयार है. अगला?"
    ends = [text[p] for p, _, _ in sentences.sentence_ends(text)]
    assert ends == ["।", ".", "?"]


def test_rules_define_no_token_or_web_pattern_of_their_own():
    """Token, URL/e-mail/handle and number patterns are defined in qa/text, nowhere else."""
    # a pattern that is a token (starts with a letter class), a URL, a number or an ASCII word
    shapes = (r'compile\(r?"\[\\p\{L\}', "https[?]://", r"\[0-9०-९\]\+", r"\[A-Za-z\]\[A-Za-z0-9&\]\*")
    offenders = []
    for path in [*sorted((ROOT / "qa" / "rules").glob("*.py")), ROOT / "qa" / "acronyms.py", ROOT / "qa" / "align.py"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.search(r"\bcompile\(", line) and any(re.search(s, line) for s in shapes):
                offenders.append(f"{path.name}: {line.strip()}")
    assert not offenders, offenders


# -- patterns compiled on first use (qa/text/lazy.py) --------------------------------------------


def test_lazy_patterns_compile_on_first_use_and_behave_as_compiled():
    import pickle
    import re

    import regex

    from qa.text.lazy import LazyPattern, lazy_re, lazy_regex

    word = lazy_regex(r"\p{Devanagari}+")
    assert isinstance(word, LazyPattern) and "_compiled" not in vars(word)
    assert word.pattern == r"\p{Devanagari}+" and "_compiled" not in vars(word)  # no compile to read it
    assert [m.span() for m in word.finditer("ab नमस्ते cd भारत")] == [(3, 9), (13, 17)]
    assert isinstance(vars(word)["_compiled"], regex.Pattern)
    assert word.sub("X", "a भारत b") == "a X b" and word.fullmatch("भारत") is not None
    digits = lazy_re(r"\d+", re.ASCII)
    assert digits.findall("a 12 ३ 7") == ["12", "7"] and digits.flags & re.ASCII
    again = pickle.loads(pickle.dumps(word))  # rules travel to worker processes
    assert again.search("x भारत").group() == "भारत" and repr(again) == "lazy('\\\\p{Devanagari}+')"
    try:
        word.no_such_method  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("an unknown attribute must stay an AttributeError")
