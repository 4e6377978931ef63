"""QA502: a paragraph repeated word for word."""

from qa.model import Severity

from runqa import lint as lint_rules


def lint(text):
    return lint_rules(text, "QA502")


def test_repeated_paragraph_points_at_the_copy():
    text = "G7 के प्रतिनिधिमंडल के प्रमुखों की पहली बैठक\n\nबैठक हुई।\n\nG7 के प्रतिनिधिमंडल के प्रमुखों की पहली बैठक"
    [f] = lint(text)
    assert (f.paragraph, f.start, f.end, f.severity) == (2, 0, 44, Severity.MINOR)
    assert f.message.startswith("paragraph repeats paragraph 0 (line 1)")


def test_short_paragraph_repeated_is_only_a_hint():
    # under five words: a refrain, a sign-off, an exclamation may repeat on purpose
    [f] = lint("यह बहुत भयानक है।\n\nबैठक हुई और फिर से बात हुई।\n\nयह बहुत भयानक है।")
    assert (f.paragraph, f.text, f.severity) == (2, "यह बहुत भयानक है।", Severity.INFO)
    # five words count in full
    [f] = lint("यह बहुत ही भयानक है।\n\nबैठक हुई।\n\nयह बहुत ही भयानक है।")
    assert f.severity is Severity.MINOR


def test_single_words_and_whitespace_differences():
    assert lint("***\n\nबैठक हुई।\n\n***") == []
    [f] = lint("पहली  बैठक रोम में हुई थी\n\nपहली बैठक रोम में हुई थी")
    assert (f.paragraph, f.text) == (1, "पहली बैठक रोम में हुई थी")
