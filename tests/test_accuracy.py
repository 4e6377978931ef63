"""QA660 omission and QA661 untranslated unit (source-aware)."""

import pytest

from qa.document import from_text
from qa.engine import Options, lint_document
from qa.model import Severity
from qa.rules.accuracy import Omission, UntranslatedUnit, length_ratios, source_language

from runqa import lint as lint_rules

MARS_EN = (
    "On Mars, which is a planet half the size of the Earth, there was a lot of water on Mars a long "
    "time ago. There is a volcano on Mars, 81,000 feet tall, almost three times taller than Everest."
)
MARS_HI_FULL = (
    "मंगल पर, जो पृथ्वी से आधे आकार का ग्रह है, बहुत पहले बहुत सारा पानी था। मंगल पर एक ज्वालामुखी "
    "है, जो 81,000 फीट ऊंचा है, एवरेस्ट से लगभग तीन गुना ऊंचा।"
)


def lint(target, source, rule):
    return lint_rules(target, rule, source=source)


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


SRC3 = (
    "The summit opened in Rome on Monday.\n\nThe ministers discussed migration, drug trafficking and "
    "terrorism for three days, with 40 delegations.\n\nThe next meeting will be in Lyon."
)


def test_dropped_middle_paragraph_is_reported_before_the_next_one():
    from qa.rules.accuracy import DroppedParagraph

    result = lint_document(
        from_text("शिखर सम्मेलन सोमवार को रोम में शुरू हुआ।\n\nअगली बैठक ल्योन में होगी।"),
        Options(rules=[DroppedParagraph, Omission], source=from_text(SRC3)),
    )
    (f,) = result.findings
    assert (f.rule, f.paragraph, f.text, f.severity) == ("QA662", 1, "अगली", Severity.MAJOR)
    assert "paragraph 2 of the English source (line 3)" in f.message
    assert "1 source paragraph(s) without a translation" in result.notes[0]


def test_alignment_uses_numbers_and_keeps_the_later_paragraphs_aligned():
    from qa.align import align_source

    src = from_text(SRC3).paragraphs
    tgt = from_text("मंत्रियों ने 40 प्रतिनिधिमंडलों के साथ तीन दिन तक प्रवासन, मादक पदार्थों की तस्करी और आतंकवाद पर चर्चा की।\n\nअगली बैठक ल्योन में होगी।").paragraphs
    aligned = align_source(src, tgt)
    assert [p.index for p in aligned] == [1, 2]
    assert [(d.source.index, d.before) for d in aligned.dropped] == [(0, 0)]


def test_more_target_paragraphs_keep_the_prefix_alignment():
    result = lint_document(
        from_text("शिखर सम्मेलन।\n\nमंत्री।\n\nअगली बैठक।"),
        Options(rules=[Omission], source=from_text("The summit.\n\nThe ministers.")),
    )
    assert "source-aware checks cover the first 2" in result.notes[0]


def test_lost_url_is_major_at_the_transliterated_form():
    from qa.rules.accuracy import LostAddress

    src = "https://thedublinreview.com/article/even-if-you-beat-me/"
    (f,) = lint("https://थेडबलिनरिव्यू.कॉम/आर्टिकल/इवन-इफ-यू-बीट-मी/", src, LostAddress)
    assert (f.rule, f.severity) == ("QA663", Severity.MAJOR)
    assert f.text == "https://थेडबलिनरिव्यू.कॉम/आर्टिकल/इवन-इफ-यू-बीट-मी/"


def test_changed_handle_and_hashtag_are_info():
    from qa.rules.accuracy import LostAddress

    (f,) = lint("@यूज़र33 वाह!", "@user33 wow!", LostAddress)
    assert (f.severity, f.text) == (Severity.INFO, "@यूज़र33")
    (f,) = lint("सेक्शन (#सेक्शन7) जल्दी रेंडर हो।", "Render the section (#section7) fast.", LostAddress)
    assert (f.severity, f.text) == (Severity.INFO, "#सेक्शन7") and "#section7" in f.message


def test_kept_addresses_pass():
    from qa.rules.accuracy import LostAddress

    src = "Write to info@example.org or @user9, see www.example.org/a #rowing"
    assert lint("info@example.org या @user9 को लिखें, www.example.org/a देखें #rowing", src, LostAddress) == []


SUMMIT_EN = ("The ministers met in Rome on Monday to discuss the security of their citizens and the fight "
             "against crime. After a long debate they agreed on a joint plan against organised crime and "
             "terrorism. The next meeting of the group will be held in Lyon in the autumn, the ministry "
             "said in a statement.")
SUMMIT_HI = ("मंत्रियों ने अपने नागरिकों की सुरक्षा और अपराध के विरुद्ध लड़ाई पर चर्चा करने के लिए सोमवार को "
             "रोम में मुलाकात की। मंत्रालय ने एक बयान में कहा कि समूह की अगली बैठक शरद ऋतु में ल्योन में होगी।")


def test_a_whole_missing_sentence_is_major_and_located_by_its_names():
    (f,) = lint(SUMMIT_HI, SUMMIT_EN, Omission)
    assert (f.rule, f.severity, f.start, f.end) == ("QA660", Severity.MAJOR, 0, 114)
    assert "After a long debate" in f.message and "2 sentence(s) for 3" in f.message


@pytest.mark.parametrize("text, end, word", [
    ("Dr. Rossi", 3, "Dr."), ("  a  Dr.", 8, "Dr."), ("a.\u2028 b.", 3, "a."), ("x \x1cy.", 5, "y."),
    ("one two ", 8, "two"), ("(J. K.", 6, "K."),
])
def test_the_word_before_a_sentence_end_is_the_last_word_of_the_text_so_far(text, end, word):
    from qa.align import _word_ending
    assert _word_ending(text, end) == word == text[:end].split()[-1]


def test_a_long_paragraph_is_cut_into_sentences_in_linear_time():
    from qa.align import sentence_spans
    text = "Una frase breve. " * 20_000  # quadratic slicing took seconds here
    spans = sentence_spans(text)
    assert len(spans) == 20_000 and text[slice(*spans[-1])] == "Una frase breve."


def test_sentences_merged_or_abbreviated_are_no_omission():
    from qa.align import sentence_spans
    text = "House Speaker Mike Johnson is pictured in the U.S. Capitol. J. K. Rowling came too."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "House Speaker Mike Johnson is pictured in the U.S. Capitol.", "J. K. Rowling came too."]
    # the middle sentence is translated, joined to the first one with a comma
    hi = ("मंत्रियों ने अपने नागरिकों की सुरक्षा और अपराध के विरुद्ध लड़ाई पर चर्चा करने के लिए सोमवार को "
          "रोम में मुलाकात की, और लंबी बहस के बाद उन्होंने संगठित अपराध और आतंकवाद के विरुद्ध एक संयुक्त योजना "
          "पर सहमति जताई। मंत्रालय ने एक बयान में कहा कि समूह की अगली बैठक शरद ऋतु में ल्योन में होगी।")
    assert lint(hi, SUMMIT_EN, Omission) == []


def test_a_source_paragraph_split_in_two_gives_each_half_its_sentences():
    from qa.align import align_source

    src = from_text("The ministers met in Rome on Monday to discuss security. They agreed on a joint plan "
                    "against organised crime.\n\nThe next meeting will be held in Lyon.").paragraphs
    tgt = from_text("मंत्री सोमवार को सुरक्षा पर चर्चा के लिए रोम में मिले।\n\n"
                    "उन्होंने संगठित अपराध के खिलाफ एक संयुक्त योजना पर सहमति जताई।\n\n"
                    "अगली बैठक ल्योन में होगी।").paragraphs
    aligned = align_source(src, tgt)
    assert [(p.index, p.text) for p in aligned] == [
        (0, "The ministers met in Rome on Monday to discuss security."),
        (0, "They agreed on a joint plan against organised crime."),
        (1, "The next meeting will be held in Lyon.")]
    assert aligned.dropped == ()
    # a one-sentence source split in two: no share can be told, so no source-aware check
    one = from_text("The ministers met in Rome on Monday to discuss security and crime.").paragraphs
    two = from_text("मंत्री सोमवार को रोम में मिले\n\nऔर सुरक्षा तथा अपराध पर चर्चा की।").paragraphs
    assert [p.text for p in align_source(one, two)] == ["", ""]
