"""QA670 assistant chatter, QA671 repeated loop, QA672 wrong script."""

from qa.model import Severity
from qa.rules.artefacts import AssistantChatter, RepeatedLoop, WrongScript, find_loop

from runqa import lint


def test_refusal_is_critical_with_exact_span():
    text = "I apologize, but I don't feel comfortable translating that particular text segment into Hindi."
    (f,) = lint(text, AssistantChatter)
    assert (f.rule, f.severity, f.text) == ("QA670", Severity.CRITICAL, "I apologize, but")
    assert "refusal" in f.message


def test_hindi_label_at_start_only():
    (f,) = lint("अनुवाद: मंगल पर बहुत पानी था।", AssistantChatter)
    assert f.text == "अनुवाद:"
    assert lint("इस पुस्तक का अनुवाद: एक कठिन काम था।", AssistantChatter) == []


def test_note_is_major_and_passes_when_the_source_has_it():
    (f,) = lint("Note: यह अनुवाद शब्दशः है।", AssistantChatter)
    assert f.severity is Severity.MAJOR
    assert lint("Note: यह अनुवाद शब्दशः है।", AssistantChatter, source="Note: the shop is closed.") == []


def test_ordinary_hindi_passes():
    for text in ("उन्होंने कहा कि वे माफ़ी नहीं माँगेंगे।", "टिप्पणियाँ: कोई नहीं", "I love this song! 😂"):
        assert lint(text, AssistantChatter) == [], text


def test_loop_span_from_second_occurrence():
    text = "यह योजना अच्छी है अच्छी है अच्छी है अच्छी है।"
    (f,) = lint(text, RepeatedLoop)
    assert f.text == "अच्छी है अच्छी है अच्छी है"
    assert "4 times" in f.message


def test_reduplication_and_source_loops_pass():
    assert find_loop("वह धीरे धीरे चला और बहुत बहुत खुश हुआ।") is None
    assert lint("हा हा हा हा हा हा हा हा", RepeatedLoop, source="ha ha ha ha ha ha ha ha") == []
    assert lint("हा हा हा हा हा हा हा हा", RepeatedLoop) != []
    assert lint("\"नहीं, नहीं, नहीं, नहीं, नहीं।", RepeatedLoop) == []


def test_urdu_paragraph_is_critical_quoted_word_passes():
    (f,) = lint("حکومت نے کہا کہ یہ منصوبہ اچھا ہے اور اس پر کام جاری ہے۔", WrongScript)
    assert f.severity is Severity.CRITICAL and "Arabic" in f.message
    assert lint('उर्दू में इसे "حکومت" कहते हैं, यानी सरकार।', WrongScript) == []


def test_alternatives_joined_by_or_are_major_at_the_or():
    from qa.rules.artefacts import AlternativesOffered

    (f,) = lint("@user33 वाह!```   or   ```@user33 कमाल!```", AlternativesOffered)
    assert (f.rule, f.severity, f.text, f.column) == ("QA673", Severity.MAJOR, "or", 19)
    assert lint("Rock or Pop शैली के गाने।", AlternativesOffered) == []


def test_slash_alternatives_need_a_source_without_slash():
    from qa.rules.artefacts import AlternativesOffered

    (f,) = lint("वह पागल/निंदक है।", AlternativesOffered, source="He is paranoid.")
    assert (f.severity, f.text) == (Severity.MINOR, "पागल/निंदक")
    assert lint("वह पागल/निंदक है।", AlternativesOffered, source="He is paranoid/cynical.") == []
    assert lint("उन्होंने और/या लिखा।", AlternativesOffered) == []
