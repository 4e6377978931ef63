"""The acronym engine (qa/acronyms.py) and the acronym rules QA601-QA603.

The cases below are also where the thresholds of qa/acronyms.py come from: correct renderings of
official names (synonyms, another word order, spelling variants, English or Italian names) and
wrong ones (descriptions, other organisations' names), each tried in both orders.
"""

import random

import pytest

from qa import acronyms as A
from qa.glossary import load_glossary
from qa.model import Severity

from conftest import EXAMPLE
from runqa import lint

G = load_glossary()




# -- decoding letter names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, acronym",
    [
        ("यूएनओडीसी", "UNODC"),
        ("जीसीईआरएफ", "GCERF"),
        ("जी7", "G7"),
        ("जी-20", "G20"),
        ("जी७", "G7"),
        ("एफ़बीआई", "FBI"),  # nukta spelling
        ("डब्ल्यूएचओ", "WHO"),
        ("आईएसआईएस", "ISIS"),
        ("के", None),  # one letter: the postposition
        ("नाटो", None),  # a word, not letter names
        ("सरकार", None),
    ],
)
def test_decode(word, acronym):
    assert A.decode(word) == acronym


def test_spell():
    assert A.spell("G7") == "जी7" and A.decode(A.spell("UNODC")) == "UNODC"


def test_mentions_with_offsets():
    text = "G7 और जी7, नाटो तथा UNODC; OMS भी; सरकार।"
    found = [(m.text, m.script, m.acronym, m.org.label if m.org else None, m.italian) for m in A.mentions(text, G)]
    assert found == [
        ("G7", "latin", "G7", "G7", False),
        ("जी7", "deva", "G7", "G7", False),
        ("नाटो", "deva", "NATO", "NATO", False),
        ("UNODC", "latin", "UNODC", "UNODC", False),
        ("OMS", "latin", "OMS", "WHO", True),
    ]
    for m in A.mentions(text, G):
        assert text[m.start:m.end] == m.text


def test_glued_acronym_before_a_bracket():
    text = "संगठन इंटरपोलयूएनओडीसी (मादक पदार्थ और अपराध पर संयुक्त राष्ट्र कार्यालय) आए"
    [exp] = A.expansions(text, G)
    assert exp.mention.glued and exp.mention.text == "यूएनओडीसी" and exp.mention.org.label == "UNODC"
    assert text[exp.mention.start:exp.mention.end] == "यूएनओडीसी"
    assert A.judge(exp, text, G).ok


# -- chrF is sacrebleu's -------------------------------------------------------------------------


def test_chrf_equals_sacrebleu():
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    lines = (EXAMPLE.parent / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines()[:200]
    rng = random.Random(5)
    cases = POSITIVE + [(label, e) for label, e, _ in NEGATIVE]
    pairs = [(a, b) for label, a in cases for b in G.by_short(label).hi + G.by_short(label).en]
    for _ in range(300):
        a = " ".join(rng.choice(lines).split()[: rng.randint(1, 8)])
        b = " ".join(rng.choice(lines).split()[: rng.randint(1, 8)])
        pairs.append((a, a[: len(a) // 2] + b if rng.random() < 0.3 else b))
    pairs += [("", ""), ("a", "abc"), ("abc", "a")]
    for a, b in pairs:
        assert A.sacrebleu_chrf(a, b) == pytest.approx(chrf.sentence_score(a, [b]).score, abs=1e-9)


# -- the calibration cases -----------------------------------------------------------------------

POSITIVE = [  # correct expansions, with synonyms, word order and spelling variations
    ("UNODC", "ड्रग्स और अपराध पर संयुक्त राष्ट्र कार्यालय"),
    ("UNODC", "संयुक्त राष्ट्र ड्रग्स एवं अपराध कार्यालय"),
    ("UNODC", "मादक द्रव्य और अपराध पर संयुक्त राष्ट्र कार्यालय"),
    ("UNICRI", "संयुक्त राष्ट्र अंतर्क्षेत्रीय अपराध और न्याय अनुसंधान संस्थान"),
    ("UNICRI", "संयुक्त राष्ट्र अंतरक्षेत्रीय अपराध एवं न्याय शोध संस्थान"),
    ("LEPSG", "कानून प्रवर्तन परियोजनाएँ उप-समूह"),
    ("LEPSG", "विधि प्रवर्तन परियोजना उपसमूह"),
    ("WHO", "वैश्विक स्वास्थ्य संगठन"),
    ("UNICEF", "संयुक्त राष्ट्र बाल निधि"),
    ("UNICEF", "संयुक्त राष्ट्र अंतरराष्ट्रीय बाल आपातकालीन कोष"),
    ("IMF", "अंतरराष्ट्रीय मौद्रिक कोष"),
    ("NATO", "उत्तरी अटलांटिक संधि संगठन"),
    ("GCERF", "वैश्विक सामुदायिक जुड़ाव और लचीलापन कोष"),
    ("GCERF", "वैश्विक सामुदायिक सहभागिता एवं लचीलापन निधि"),
    ("INTERPOL", "अंतर्राष्ट्रीय अपराध पुलिस संगठन"),
    ("OSCE", "यूरोपीय सुरक्षा और सहयोग संगठन"),
    ("UNHCR", "संयुक्त राष्ट्र शरणार्थी उच्चायोग"),
    ("Europol", "यूरोपीय संघ की कानून प्रवर्तन सहयोग एजेंसी"),
    ("EU", "यूरोपियन संघ"),
    ("UNESCO", "संयुक्त राष्ट्र शैक्षणिक, वैज्ञानिक एवं सांस्कृतिक संगठन"),
    ("UNODC", "United Nations Office on Drugs & Crime"),
    ("UNODC", "UN Office on Drugs and Crime"),
    ("UNICRI", "United Nations Interregional Crime & Justice Research Institute"),
    ("WHO", "World Health Organisation"),
    ("OECD", "Organization for Economic Cooperation and Development"),
    ("UNODC", "Ufficio delle Nazioni Unite contro la Droga e il Crimine"),
    ("GCERF", "Global Community Engagement & Resilience Fund"),
]

NEGATIVE = [  # (acronym, expansion, whose name it is or None)
    ("GCERF", "हिंसक उग्रवाद की रोकथाम के लिए वैश्विक कोष", None),
    ("GCERF", "Global Fund for Preventing Violent Extremism", None),
    ("UNICEF", "संयुक्त राष्ट्र शैक्षिक, वैज्ञानिक और सांस्कृतिक संगठन", "UNESCO"),
    ("UNICEF", "United Nations Educational, Scientific and Cultural Organization", "UNESCO"),
    ("UNDP", "संयुक्त राष्ट्र पर्यावरण कार्यक्रम", "UNEP"),
    ("WHO", "विश्व व्यापार संगठन", "WTO"),
    ("WHO", "World Trade Organization", "WTO"),
    ("IMF", "विश्व बैंक", "World Bank"),
    ("UNODC", "संयुक्त राष्ट्र अंतरक्षेत्रीय अपराध और न्याय अनुसंधान संस्थान", "UNICRI"),
    ("UNHCR", "संयुक्त राष्ट्र मानवाधिकार उच्चायुक्त कार्यालय", "OHCHR"),
    ("NATO", "उत्तर अमेरिकी व्यापार संगठन", None),
    ("FATF", "वित्तीय खुफिया इकाई", None),
    ("Europol", "आपराधिक न्याय सहयोग के लिए यूरोपीय संघ एजेंसी", "Eurojust"),
    ("UNICRI", "संयुक्त राष्ट्र अपराध रोकथाम कार्यालय", None),
    ("EU", "यूरोपीय परिषद", "European Council"),
    ("OSCE", "आर्थिक सहयोग और विकास संगठन", "OECD"),
    ("UNICEF", "संयुक्त राष्ट्र जनसंख्या कोष", "UNFPA"),
    ("LEPSG", "कानून प्रवर्तन प्रशिक्षण के लिए यूरोपीय संघ एजेंसी", "CEPOL"),
    ("UNODC", "संयुक्त राष्ट्र विकास कार्यक्रम", "UNDP"),
]


def _sentence(label, expansion, order):
    org = G.by_short(label) or next(o for o in G.organisations if o.label == label)
    acr = org.hi_short[0] if A.script_of(expansion) == "deva" and org.hi_short else org.label
    if order == "after":
        return f"बैठक में {acr} ({expansion}) के प्रतिनिधि आए।"
    return f"बैठक में {expansion} ({acr}) के प्रतिनिधि आए।"


def _verdict(label, expansion, order):
    """The verdict on the expansion, or None when the phrase is not taken as one (a phrase before
    a bracketed acronym must end in a head noun of the glossary's names)."""
    text = _sentence(label, expansion, order)
    exps = A.expansions(text, G)
    assert len(exps) <= 1
    return A.judge(exps[0], text, G) if exps else None


@pytest.mark.parametrize("order", ["after", "before"])
@pytest.mark.parametrize("label, expansion", POSITIVE)
def test_correct_expansions_pass(label, expansion, order):
    v = _verdict(label, expansion, order)
    assert v is None or v.ok


@pytest.mark.parametrize("order", ["after", "before"])
@pytest.mark.parametrize("label, expansion, other", NEGATIVE)
def test_wrong_expansions_fail_and_say_whose(label, expansion, other, order):
    v = _verdict(label, expansion, order)
    assert v is not None and not v.ok
    assert (v.other.label if v.other else None) == (other and (G.by_short(other) or next(o for o in G.organisations if o.label == other)).label)


def test_threshold_separates_the_cases_with_margin():
    """THRESHOLD lies between the right names' scores and the wrong ones' (other organisations'
    exact names are caught by OTHER_MIN before the threshold matters)."""
    pos = []
    for label, expansion in POSITIVE:
        v = _verdict(label, expansion, "after")
        if not A.close_spelling(expansion, G.by_short(label).names(A.script_of(expansion))[0]):
            pos.append(v.score)
    neg = [_verdict(label, e, "after").score for label, e, other in NEGATIVE if other is None]
    assert min(pos) >= A.THRESHOLD + 10 and max(neg) <= A.THRESHOLD - 10


# -- the rules -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "UNICEF (United Nations Educational, Scientific and Cultural Organization) ने रिपोर्ट दी।",
        "United Nations Educational, Scientific and Cultural Organization (UNICEF) ने रिपोर्ट दी।",
        "यूनिसेफ (संयुक्त राष्ट्र शैक्षिक, वैज्ञानिक और सांस्कृतिक संगठन) ने रिपोर्ट दी।",
        "संयुक्त राष्ट्र शैक्षिक, वैज्ञानिक और सांस्कृतिक संगठन (यूनिसेफ) ने रिपोर्ट दी।",
    ],
)
def test_another_organisations_name_in_both_scripts_and_orders(text):
    [f] = lint(text, "QA601")
    assert "is UNESCO's name, not UNICEF's" in f.message and "United Nations Children's Fund" in f.message
    assert f.severity is Severity.MAJOR and f.category.value == "acronym"
    assert "शैक्षिक" in f.text or "Educational" in f.text


def test_wrong_expansion_message_names_the_official_name():
    text = "बैठक में जीसीईआरएफ (हिंसक चरमपंथ रोकने वाला वैश्विक कोष) भी था।"
    [f] = lint(text, "QA601")
    assert f.text == "हिंसक चरमपंथ रोकने वाला वैश्विक कोष"
    assert "Global Community Engagement and Resilience Fund" in f.message
    assert f.suggestion == G.by_short("GCERF").hi[0]


def test_wrong_expansion_before_the_acronym_points_at_the_acronym():
    text = "बैठक में हिंसक चरमपंथ रोकने वाला वैश्विक कोष (जीसीईआरएफ) भी था।"
    [f] = lint(text, "QA601")
    assert f.text == "जीसीईआरएफ" and "the name before" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "यूरोपियन संघ (ईयू) की बैठक हुई।",  # small spelling variation
        "ईयू (यूरोपियन संघ) की बैठक हुई।",
        "UNODC (United Nations Office on Drugs & Crime) ने कहा।",
        "UNODC (वियना स्थित) ने कहा।",  # not a name
        "G7 (2024) की बैठक हुई।",
        "नाटो (NATO) की बैठक हुई।",  # an acronym gloss
    ],
)
def test_not_flagged(text):
    assert lint(text, "QA601") == []


def test_italian_acronyms_get_the_approved_hindi():
    found = lint("OMS और FMI ने चेतावनी दी।", "QA602")
    assert [(f.text, f.suggestion) for f in found] == [("OMS", "विश्व स्वास्थ्य संगठन"), ("FMI", "अंतरराष्ट्रीय मुद्रा कोष")]
    assert all(f.severity is Severity.MINOR and "(WHO)" in found[0].message for f in found)
    assert lint("WHO और IMF ने चेतावनी दी।", "QA602") == []


def test_unknown_acronyms_are_at_most_info():
    text = "XYZ (कोई अज्ञात परिषद) ने कहा। एबीसीडी (अज्ञात संस्थान) भी। QRS ने कहा।"
    found = lint(text, "QA60")
    assert [(f.rule, f.text, f.severity) for f in found] == [
        ("QA603", "XYZ", Severity.INFO),
        ("QA603", "एबीसीडी", Severity.INFO),
    ]
    assert "(ABCD)" in found[1].message


def test_example_document():
    doc = EXAMPLE.read_text(encoding="utf-8")
    found = lint(doc, "QA60")
    assert [(f.rule, f.paragraph, f.text) for f in found] == [
        ("QA601", 1, "हिंसक उग्रवाद की रोकथाम के लिए वैश्विक कोष")
    ]
    assert "Global Community Engagement and Resilience Fund" in found[0].message
