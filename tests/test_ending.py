"""QA405 (paragraph ends without terminal punctuation), QA406 (| for the danda), QA402 fixes."""

from qa.document import from_text
from qa.engine import Options, lint_document
from qa.model import Severity
from qa.rules import select_rules
from qa.rules.ending import body, terminated


def found(text, codes, source=None):
    src = from_text(source) if source is not None else None
    doc = lint_document(from_text(text), Options(rules=select_rules(codes), source=src))
    return [(f.rule, f.text, f.severity) for f in doc.findings]


LONG = "आज सुबह सब कुछ ठप्प सा लग रहा है। कोई आश्चर्य नहीं कि सेवाएँ बंद"


def test_trailing_emoji_hashtags_urls_handles_are_looked_through():
    assert body("बंद हैं। 😂👍🏽 #ATT #रोइंग https://x.com/a @user1") == "बंद हैं।"
    assert body("क्या यह संभव है? 🤔 #peloton") == "क्या यह संभव है?"
    assert body("हम तैयार हैं :-)") == "हम तैयार हैं"
    assert terminated("उन्होंने कहा, “हम तैयार हैं।” ") and terminated("बैठक हुई |")
    assert found("शीर्षक\n\n" + LONG + " हैं। 😂 #ATT https://foxbusiness.com/x", ["QA405"]) == []


def test_severity_by_sign_of_truncation():
    # a lost danda after a verb: info
    assert found("शीर्षक\n\n" + LONG + " हैं 😂", ["QA405"]) == [("QA405", "हैं", Severity.INFO)]
    # a postposition, or a word no finite verb ends like: minor
    assert found("शीर्षक\n\n" + LONG + " करने के लिए रोम में", ["QA405"]) == [("QA405", "में", Severity.MINOR)]
    assert found("शीर्षक\n\n" + LONG + " विशेषकर आकार में ऑनलाइन", ["QA405"]) == [("QA405", "ऑनलाइन", Severity.MINOR)]


def test_source_decides():
    text = "शीर्षक\n\n" + LONG + " हैं"
    # the source ends without punctuation too: nothing to report
    assert found(text, ["QA405"], "Title\n\nThings seem dead this morning. No wonder services are down") == []
    # the source is far longer: cut short
    src = "Title\n\n" + " ".join(["Things seem dead this morning and nobody knows why."] * 6)
    assert found(text, ["QA405"], src) == [("QA405", "हैं", Severity.MINOR)]


def test_pipe_for_danda():
    assert found("बैठक रोम में हुई | प्रतिनिधि शामिल हुए|", ["QA406"]) == [
        ("QA406", "|", Severity.INFO), ("QA406", "|", Severity.INFO)]
    assert found("| देश | राजधानी |\n| भारत | दिल्ली |", ["QA406"]) == []
    assert found("शीर्षक\n\n" + LONG + " हैं | फिर भी हम यहाँ हैं |", ["QA405"]) == []


def test_brackets_with_short_words_and_emoticons():
    assert found("वित्तीय कार्रवाई कार्य बल (FATF) की बैठक (वित्तीय कार्रवाई कार्य बल) और (G7 और G20) में।", ["QA402"]) == []
    assert found("आज बारिश हुई :( और कल भी :-( होगी।", ["QA402"]) == []
    assert found("सूची:\na) पहला\nb) दूसरा", ["QA402"]) == []
    # a real unclosed bracket is still reported
    assert found("संयुक्त राष्ट्र (ड्रग्स और अपराध पर कार्यालय की बैठक हुई।", ["QA402"]) == [("QA402", "(", Severity.MINOR)]


def test_quotation_mark_set_off_by_spaces():
    assert found("साक़िब ने कहा, “ हमने सहायता माँगी है।”", ["QA402"]) == []
    assert found('उन्होंने कहा: " यह सच है।"', ["QA402"]) == []


def test_photo_credit_ends_a_paragraph():
    text = "शीर्षक\n\n" + LONG + " हैं। फोटोग्राफर केविन डिश/गेट्टी इमेजिस"
    assert found(text, ["QA405"]) == []
    # a long unterminated sentence is no credit
    assert found("शीर्षक\n\n" + LONG + " हैं। फोटो में दिख रहा है कि बैठक रोम के बाहर किसी बड़े हॉल में ऑनलाइन", ["QA405"]) != []
