"""latin_context.transliterates_names: the names a document writes in Devanagari, read from its
distinct white-space-separated words, against the names it keeps in Latin script."""

from qa.rules.latin_context import _written_names, transliterates_names

NONE: frozenset[str] = frozenset()


def test_written_names_are_the_runs_of_every_word():
    texts = ["मारिया, जॉन\u00a0और (मार्को) भी वहाँ थे।", "एनएचएस\u2003ने कहा", "बैठक रोम में हुई।"]
    assert _written_names(texts, NONE) == {"मारिया", "जॉन", "मार्को", "एनएचएस"}
    assert _written_names(texts, frozenset({"रोम"})) == {"मारिया", "जॉन", "मार्को", "एनएचएस", "रोम"}
    assert _written_names([], NONE) == set()


def test_house_style_counts_kept_names_against_written_ones():
    written = "मारिया, जॉन और मार्को भी वहाँ थे।"
    assert transliterates_names(iter([written]), NONE) is True
    assert transliterates_names(iter(["मारिया और जॉन भी वहाँ थे।"]), NONE) is False  # two: too few
    # three written, two kept: 3 >= 0.6 * 5
    assert transliterates_names([written, "बैठक में, Rossi और Bianchi थे।"], NONE) is True
    # three written, three kept: 3 < 0.6 * 6, whatever comes after
    kept = "बैठक में, Rossi और Bianchi और Verdi थे।"
    assert transliterates_names([written, kept, written], NONE) is False
    assert transliterates_names([kept, written], NONE) is False
    # capitals only (acronyms) are not kept names
    assert transliterates_names([written, "बैठक में, ROSSI और BIANCHI और VERDI थे।"], NONE) is True


def test_a_document_s_paragraphs_are_read_again_not_held():
    """The texts of a document linted from disk are read in each pass, never gathered in a list."""
    from qa.document import from_text
    from qa.rules.latin_context import ParagraphTexts

    class Counting(list):
        passes = 0

        def __iter__(self):
            Counting.passes += 1
            return super().__iter__()

    paragraphs = Counting(from_text("मारिया, जॉन और मार्को भी वहाँ थे।\n\nबैठक में, Rossi थे।\n").paragraphs)
    texts = ParagraphTexts(paragraphs)
    assert list(texts) == [p.text for p in paragraphs]
    Counting.passes = 0
    assert transliterates_names(texts, NONE) is True  # 3 written, 1 kept
    assert Counting.passes == 2  # the written names, then the kept ones: no list of the texts
