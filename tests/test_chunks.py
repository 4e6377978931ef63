"""Speed helpers of the consistency and acronym rules (qa/chunks.py): chunks of a paragraph, where
they stand, and the mentions and spelling variants read through them answer exactly as a reading
of the whole text."""

import re

from qa import acronyms as A
from qa.glossary import load_glossary
from qa.text.chunks import chunk_starts, chunks

from runqa import lint

G = load_glossary()

# white space of every kind str.split knows, chunks that repeat, that are parts of other chunks
TEXTS = [
    "",
    "   ",
    "G7 और जी7, नाटो तथा UNODC; OMS भी; सरकार।",
    " NATO NATO\tनाटो\u00a0(नाटो) नाटो-नाटो NATOनाटो नाटोNATO\x1cG7\x85जी7\u2028UN\u3000यूएन ",
    "के के के यूएनओडीसी (यूएनओडीसी) इंटरपोलयूएनओडीसी G-7 जी-७ जी7देशों ABC१२ a&b AT&T UNODC's",
    "यूएन\u200dएन यूके\u200c यू\u200dके, FMI/ONU (OCSE) ओसीएसई। आईएमएफ़ एफ़बीआई",
    "x NATOx xNATO NATO1 1NATO नाटो२ २नाटो ।नाटो नाटो।",
]


def test_chunks_are_split():
    for text in TEXTS:
        assert chunks(text) == text.split()


def test_white_space_is_what_split_cuts_at():
    # chunk_starts tells a chunk's ends by str.isspace, chunks cut by str.split: the same set
    for c in [*range(0x3100), *range(0xfe00, 0xff10)]:
        assert (len(("a" + chr(c) + "a").split()) == 2) == chr(c).isspace(), hex(c)


def _starts(text):
    """Each chunk and its offset (``re`` reads white space as str.split does)."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]


def test_chunk_starts_are_where_each_chunk_stands():
    assert chunk_starts("ab a ab b a", ["ab", "a", "ab", "b", "a"], {"a", "b"}) == [(3, "a"), (8, "b"), (10, "a")]
    assert chunk_starts("xa a", ["xa", "a"], {"a"}) == [(3, "a")]
    assert chunk_starts(" a\x85aa\u2028a ", ["a", "aa", "a"], {"a", "aa"}) == [(1, "a"), (3, "aa"), (6, "a")]
    for text in TEXTS:
        pieces = text.split()
        for wanted in ({*pieces}, {p for p in pieces if len(p) < 4}, {p for p in pieces if "ना" in p}):
            assert chunk_starts(text, pieces, wanted) == [(at, p) for at, p in _starts(text) if p in wanted]


def _mentions_of_the_whole_text(text, g):
    """The tokens of the whole text, read as :func:`qa.acronyms.mentions` reads a chunk's."""
    out = []
    for m in A._LATIN_TOKEN.finditer(text):
        found = A._latin_word(m.group(), g)
        if found:
            out.append(A.Mention(m.start(), m.end(), m.group(), "latin", *found))
    for m in A._DEVA_TOKEN.finditer(text):
        found = A._deva_word(m.group(), g, g.devanagari_keys())
        if found:
            out.append(A.Mention(m.start(), m.end(), m.group(), "deva", *found))
    return sorted(out, key=lambda x: x.start)


def test_mentions_by_chunks_are_the_mentions_of_the_whole_text():
    for _ in range(2):  # chunks read afresh, then remembered
        for text in TEXTS + [t[::-1] for t in TEXTS] + [" ".join(TEXTS)]:
            A._CACHE.clear()
            assert A.mentions(text, G) == _mentions_of_the_whole_text(text, G), text
    found = [(m.start, m.end, m.text, m.acronym) for m in A.mentions(TEXTS[3], G)]
    assert found[:4] == [(1, 5, "NATO", "NATO"), (6, 10, "NATO", "NATO"), (11, 15, "नाटो", "NATO"), (17, 21, "नाटो", "NATO")]


def test_spelling_variants_found_inside_chunks():
    # गए 3× (first) and गये 3×; गयेगये (first) and गये-गये: each minority spelling reported where it
    # stands, glued to punctuation and quotes too (the same findings as before chunks)
    text = "वे गए, गए और गए।\n\nफिर गये। (गये) लिये“गये”\n\nगयेगये गये-गये"
    assert [(f.paragraph, f.start, f.end, f.text, f.suggestion) for f in lint(text, "QA555")] == [
        (1, 4, 7, "गये", "गए"), (1, 10, 13, "गये", "गए"), (1, 20, 23, "गये", "गए"),
        (2, 7, 14, "गये-गये", "गयेगये")]


def test_spelling_variants_answer_alike_across_documents():
    text = "अंतर्राष्ट्रीय सहयोग और अंतरराष्ट्रीय अपराध, अंतर्राष्ट्रीय।"
    first = [(f.start, f.end, f.suggestion) for f in lint(text, "QA555")]
    assert first == [(24, 37, "अंतर्राष्ट्रीय")]
    assert [(f.start, f.end, f.suggestion) for f in lint(text, "QA555")] == first
