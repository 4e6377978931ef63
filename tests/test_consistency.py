"""QA550: one name written in Latin script and in Devanagari in one document."""

import pytest

from qa.document import from_text
from qa.engine import Options, lint_document
from qa.model import Severity
from qa.rules import select_rules

from conftest import EXAMPLE
from runqa import lint as lint_rules


def lint(text):
    return lint_rules(text, "QA550")


def test_minority_spelling_flagged_once_with_the_majority_as_suggestion():
    text = "G7 देशों की बैठक।\n\nजी7 देशों ने कहा।\n\nG7 की अध्यक्षता।\n\nजी7 में।\n\nG7 समूह।"
    [f] = lint(text)
    assert (f.paragraph, f.text, f.suggestion, f.severity) == (1, "जी7", "G7", Severity.MINOR)
    assert f.category.value == "consistency"
    assert "(and 1 more time)" in f.message and "(3 times)" in f.message


def test_majority_devanagari():
    [f] = lint("नाटो ने कहा।\n\nNATO की बैठक।\n\nनाटो के देश।")
    assert (f.text, f.suggestion) == ("NATO", "नाटो")


def test_tie_flags_the_later_spelling():
    [f] = lint("यूएनओडीसी ने कहा।\n\nUNODC की रिपोर्ट।")
    assert (f.paragraph, f.text) == (1, "UNODC")


@pytest.mark.parametrize(
    "text",
    [
        "G7 की बैठक।\n\nG7 देश।",
        "जी7 की बैठक।\n\nजी20 देश।",  # two names
        "संयुक्त राष्ट्र (UN) ने कहा।\n\nसंयुक्त राष्ट्र ने फिर कहा।",  # a name and its acronym
        "इंटरपोलयूएनओडीसी (संयुक्त राष्ट्र कार्यालय)।\n\nUNODC ने कहा।",  # glued: the glued-word rule's
        "ONU ने कहा।\n\nयूएन ने कहा।",  # an Italian acronym: QA602's
        "AI का प्रयोग।\n\nएआई का प्रयोग।",  # two-letter unknown acronyms are too ambiguous
    ],
)
def test_not_flagged(text):
    assert lint(text) == []


def test_unknown_acronyms_of_three_letters_count():
    [f] = lint("एफबीआई ने कहा।\n\nFBI की जांच।\n\nFBI ने बताया।")
    assert f.text == "एफबीआई" and f.suggestion == "FBI"


def test_example_g7():
    [f] = lint(EXAMPLE.read_text(encoding="utf-8"))
    assert (f.paragraph, f.text, f.suggestion) == (5, "जी7", "G7")
    assert "(6 times)" in f.message


def test_uses_far_apart_are_not_compared():
    # a file that gathers many articles: G7 in one, जी7 in another 60 paragraphs later
    gap = "\n\n".join(["बैठक हुई।"] * 60)
    text = f"G7 देशों की बैठक।\n\nG7 ने कहा।\n\n{gap}\n\nजी7 देशों ने कहा।"
    assert lint(text) == []
    whole = Options(rules=select_rules(["QA550"]), rule_options={"window": 0})
    [f] = lint_document(from_text(text), whole).findings
    assert (f.paragraph, f.text, f.suggestion) == (62, "जी7", "G7")


def test_a_name_that_keeps_coming_back_is_one_stretch():
    # each use within 40 paragraphs of the one before: compared across the whole chain
    gap = "\n\n".join(["बैठक हुई।"] * 30)
    text = f"G7 देशों की बैठक।\n\n{gap}\n\nG7 ने कहा।\n\n{gap}\n\nजी7 देशों ने कहा।"
    [f] = lint(text)
    assert (f.paragraph, f.text, f.start, f.end) == (62, "जी7", 0, 3)


def test_a_spelling_in_brackets_glossing_the_other_is_not_a_mix():
    from qa.document import from_text
    from qa.engine import Options, lint_document
    from qa.rules.consistency import MixedScriptName

    def codes(text):
        return [(f.rule, f.text) for f in lint_document(from_text(text), Options(rules=[MixedScriptName])).findings]

    assert codes("नाटो (NATO) में नए देश आए।\n\nनाटो ने कहा।") == []
    assert codes("NATO ( नाटो ) की बैठक।\n\nNATO ने कहा।") == []
    # a hard negative: a bracket that holds more than the name is no gloss
    assert codes("नाटो ने कहा।\n\nबैठक (NATO की) हुई।") == [("QA550", "NATO")]
