"""QA660 omission and QA661 untranslated unit (source-aware)."""

from qa.document import from_text
from qa.engine import Options, lint_document
from qa.model import Severity
from qa.rules.accuracy import Omission, UntranslatedUnit, length_ratios, source_language

MARS_EN = (
    "On Mars, which is a planet half the size of the Earth, there was a lot of water on Mars a long "
    "time ago. There is a volcano on Mars, 81,000 feet tall, almost three times taller than Everest."
)
MARS_HI_FULL = (
    "मंगल पर, जो पृथ्वी से आधे आकार का ग्रह है, बहुत पहले बहुत सारा पानी था। मंगल पर एक ज्वालामुखी "
    "है, जो 81,000 फीट ऊंचा है, एवरेस्ट से लगभग तीन गुना ऊंचा।"
)


def lint(target, source, rule):
    return lint_document(from_text(target), Options(rules=[rule], source=from_text(source))).findings


def test_calibration_is_loaded_per_pair():
    r = length_ratios()
    assert set(r) >= {"it", "en"} and 0.3 < r["it"]["q001"] < r["en"]["q001"] < 1


def test_source_language():
    assert source_language(MARS_EN) == "en"
    assert source_language("Il ministro ha incontrato gli ambasciatori della regione.") == "it"
    assert source_language("IKEA Nagle") is None


def test_dropped_sentences_are_critical_and_span_the_paragraph():
    target = "मार्स, जो धरती से आधा बड़ा है, वहां पहले से ही पानी था।"
    (f,) = lint(target, MARS_EN, Omission)
    assert (f.rule, f.severity) == ("QA660", Severity.CRITICAL)
    assert (f.column, f.text) == (1, target)
    assert "English source" in f.message and "1 sentence(s) for 2" in f.message


def test_one_sentence_of_two_dropped_is_major():
    target = "मंगल पर, जो पृथ्वी से आधे आकार का ग्रह है, बहुत पहले बहुत सारा पानी था।"
    (f,) = lint(target, MARS_EN, Omission)
    assert f.severity is Severity.MAJOR


def test_full_translation_and_short_sources_pass():
    assert lint(MARS_HI_FULL, MARS_EN, Omission) == []
    assert lint("वाह!", "Wow, that is great!", Omission) == []


def test_empty_target_is_critical():
    from qa.engine import lint_paragraphs
    from qa.model import Paragraph

    target = [Paragraph(index=0, text="पहला।", offset=0, line=1), Paragraph(index=1, text="", offset=7, line=3)]
    source = from_text("First.\n\nThe second paragraph, which nobody translated.")
    result = lint_paragraphs("<po>", target, Options(rules=[Omission], source=source))
    assert [(f.paragraph, f.severity) for f in result.findings] == [(1, Severity.CRITICAL)]
    assert "empty translation of the English source" in result.findings[0].message


def test_copy_of_source_is_flagged_once():
    (f,) = lint("3. HTML for section 1, 2, 3, etc.", "3. HTML for section 1, 2, 3, etc.", UntranslatedUnit)
    assert (f.rule, f.text) == ("QA661", "3. HTML for section 1, 2, 3, etc.")
    assert "copy of the English source" in f.message


def test_italian_source_named():
    src = "Il ministro ha incontrato gli ambasciatori della regione a Roma."
    (f,) = lint("Il ministro ha incontrato gli ambasciatori a Roma.", src, UntranslatedUnit)
    assert "in the language of the Italian source" in f.message


def test_kept_units_pass():
    for text in ("@user33 wow!", "https://thedublinreview.com/article/even-if-you-beat-me/",
                 "<div id=sec1></div>", "Hospital Playlist Grey's Anatomy", "#Gaza #Ireland @user38"):
        assert lint(text, text, UntranslatedUnit) == [], text


def test_hindi_with_latin_names_passes():
    src = "Johnson celebrated his deal with the Freedom Caucus in Washington."
    assert lint("जॉनसन ने Freedom Caucus के साथ Washington में अपनी डील का जश्न मनाया।", src, UntranslatedUnit) == []
