"""qa.langid: language evidence for short Latin runs, its data files, and the fragment set."""

import random
import subprocess
import sys

import pytest
import regex

from qa import langid, latin_lexicon
from qa.resources import data_dir, read_tsv

from conftest import EXAMPLE, FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
import fragments_table

GLOSSARIES = ROOT / "glossaries"
DEVANAGARI = regex.compile(r"[\p{Devanagari} ]+")


# -- shapes and runs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token, expected",
    [
        ("G7", "acronym"), ("UNICRI", "acronym"), ("C-SPAN", "acronym"), ("D.C", "acronym"),
        ("HER2", "acronym"), ("80s", "number"), ("3.6bn", "number"), ("A", "letter"),
        ("w", "letter"), ("Fentanyl", "capitalised"), ("Sainsbury's", "capitalised"),
        ("La", "capitalised"), ("Roche-Posay", "capitalised"), ("YouGov", "mixed"),
        ("iPhone", "mixed"), ("dell’Unione", "elided-name"), ("traffico", "lower"),
        ("all'interno", "lower"),
    ],
)
def test_shape(token, expected):
    assert langid.shape(token) == expected


@pytest.mark.parametrize(
    "tokens, initial, kind, lang",
    [
        (["al", "traffico", "di"], False, "language", "it"),
        (["Un"], True, "language", "it"),
        (["Un"], False, "language", "it"),
        (["Lei"], False, "language", "it"),
        (["Nella"], True, "language", "it"),
        (["Tra", "queste"], True, "language", "it"),
        (["Smettere", "di"], True, "language", "it"),
        (["dell’Unione"], False, "language", "it"),
        (["the", "fight", "against"], False, "language", "en"),
        (["However"], True, "language", "en"),
        (["Monday"], False, "language", "en"),
        (["cybercrime"], False, "language", None),  # a loanword of both: the glossary decides
        (["Fentanyl"], False, "name", None),  # capitalised mid-sentence: a name unless listed
        (["Google"], True, "name", None),
        (["Solid"], True, "name", None),
        (["Sainsbury's"], True, "name", None),
        (["Game", "of", "Thrones"], False, "name", None),
        (["I", "Love", "it"], False, "name", None),
        (["La", "Roche-Posay"], False, "name", None),
        (["L'Oreal"], True, "name", None),
        (["A"], False, "letter", None),
        (["qwzx"], False, "unknown", None),
    ],
)
def test_classify_run(tokens, initial, kind, lang):
    v = langid.classify_run(tokens, initial)
    assert v.kind == kind, v
    if lang is not None:
        assert v.lang == lang, v


def test_other_languages_need_three_words():
    assert langid.classify_run(["Il", "faut", "bien", "le", "faire"], True).lang == "fr"
    assert langid.classify_run(["bien"], False).lang in ("it", "en", None)


def test_function_word_evidence_is_named():
    v = langid.classify_run(["al", "traffico", "di"])
    assert v.evidence == "Italian function words al, di"


@pytest.mark.parametrize(
    "word, lang",
    [("frobnicazione", "it"), ("sgranocchiando", "it"), ("underbossing", "en"), ("qwzx", None), ("sfruttandone", None)],
)
def test_ending_guess_for_words_no_list_knows(word, lang):
    assert langid.ending_guess([word]).lang == lang


def test_lexical_guess_prefers_english_for_english_words():
    g = langid.lexical_guess(["smuggling"])
    assert g.lang == "en" and g.margin > 1


# -- lookups and lazy loading ---------------------------------------------------------------


def test_zipf_table_search_and_dict_agree():
    buf, spans = latin_lexicon._read_lexicon()
    searching = langid.ZipfTable(buf, spans["it"])
    searching.BUILD_AFTER = 10**9
    built = langid.ZipfTable(buf, spans["it"])
    built.BUILD_AFTER = 0
    rows = [(zipf, bytes(buf[start:end])) for zipf, start, end in spans["it"]]
    words = [w for _, band in rows[::7] for w in band.decode("utf-8").split(" ")[:3]]
    random.Random(0).shuffle(words)
    for w in words[:300] + ["zzzqx", "di", "traffico", "a b"]:
        assert searching.get(w) == built.get(w), w
    assert built.get("di") == 7.6


def test_short_runs_load_neither_langdetect_nor_wordfreq():
    code = (
        "import sys; from qa.rules.untranslated import analyse;"
        "analyse('विरोध al traffico di प्राणियों, Un फोकस, the fight against crime');"
        "print('langdetect' in sys.modules, 'wordfreq' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_lint_of_the_example_loads_no_heavy_library():
    code = (
        "import sys; from qa.document import read_document; from qa.engine import Options, lint_document;"
        "from qa.rules import select_rules;"
        f"lint_document(read_document({str(EXAMPLE)!r}), Options(rules=select_rules(['QA1'])));"
        "print(sorted(m for m in ('langdetect', 'wordfreq', 'sacrebleu') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_langdetect_joins_only_long_undecided_runs(monkeypatch):
    calls = []
    real = langid.langdetect_probabilities
    monkeypatch.setattr(langid, "langdetect_probabilities", lambda text: calls.append(text) or real(text))
    langid.language_guess(["al", "traffico", "di", "esseri", "umani", "e", "alla", "tratta"])  # decisive
    langid.language_guess(["idea", "area"])  # short
    assert calls == []
    undecided = ["idea", "area", "video", "radio", "camera", "forum"]
    first = langid.language_guess(undecided)
    assert calls == [" ".join(undecided)]
    assert langid.language_guess(undecided) == first  # seeded: the same answer every time


# -- data files -----------------------------------------------------------------------------


def test_data_dir_holds_the_lists():
    for name in ("it_function_words.tsv", "en_function_words.tsv", "latin_terms.tsv", "latin_units.tsv",
                 "latin_wordfreq.tsv", "latin_suffixes.tsv"):
        assert (data_dir() / name).is_file(), name


@pytest.mark.parametrize("lang", ["it", "en"])
def test_function_word_lists(lang):
    rows = read_tsv(GLOSSARIES / f"{lang}_function_words.tsv", required=("word", "class"))
    words = [r["word"] for r in rows]
    assert len(words) == len(set(words)) >= 100
    for r in rows:
        assert regex.fullmatch(r"'?[\p{Latin}]+'?|n't|'[a-z]+", r["word"]), r
        assert r["class"], r
    if lang == "it":
        elided = {w for w in words if w.endswith("'")}
        assert {"dell'", "all'", "nell'", "l'", "un'"} <= elided
        assert {r["word"] for r in rows if r["class"] == "articulated preposition"} >= {"al", "della", "nei", "sulle"}
        for r in rows:
            assert set(r.get("shared", "").split()) <= set(langid.LANGS), r


def test_latin_terms():
    rows = read_tsv(GLOSSARIES / "latin_terms.tsv", required=("latin", "lang", "kind", "hindi"))
    keys = [langid.normalise(r["latin"]) for r in rows]
    assert len(keys) == len(set(keys)) >= 150
    for r in rows:
        assert r["lang"] in ("it", "en", "intl"), r
        assert r["kind"] in ("word", "term"), r
        assert DEVANAGARI.fullmatch(r["hindi"]), r
        assert r["latin"] == r["latin"].strip() and "  " not in r["latin"], r
    assert {"cybercrime", "fentanyl"} <= set(keys)


def test_latin_suffixes():
    odds = langid.suffix_odds()
    assert len(odds) > 1000
    assert odds["ione"] > 1.5 > 0 > -1 > odds["ing"]
    assert all(2 <= len(k) <= 4 for k in odds)


def test_latin_units():
    rows = read_tsv(GLOSSARIES / "latin_units.tsv", required=("unit",))
    units = [r["unit"] for r in rows]
    assert len(units) == len(set(units))
    assert {"km", "mph", "am", "pm", "bn"} <= set(units)


def test_wordfreq_extract():
    text = (GLOSSARIES / "latin_wordfreq.tsv").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in text and "make_wordlists.py" in text
    rows = read_tsv(GLOSSARIES / "latin_wordfreq.tsv", required=("lang", "zipf", "words"))
    seen = {}
    for r in rows:
        assert r["lang"] in langid.LANGS
        z = float(r["zipf"])
        assert z < seen.get(r["lang"], 10), "rows of a language are sorted by falling frequency"
        seen[r["lang"]] = z
        assert r["words"] == r["words"].lower(), "the lists are lowercase"
    assert set(seen) == set(langid.LANGS)
    assert min(len(langid.lexicon(lang)) for lang in langid.LANGS) > 10000


# -- the labelled fragment set --------------------------------------------------------------

FRAGMENTS = FIXTURES / "fragments"
LABELS = {"it", "en", "other", "name", "acronym", "number", "letter", "url", "email", "hashtag", "handle"}


def test_fragment_set_is_labelled_split_and_sourced():
    rows = fragments_table.load("all")
    assert len(rows) >= 400
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["split"] for r in rows} == {"tune", "test"}
    assert {r["label"] for r in rows} <= LABELS
    for r in rows:
        assert 1 <= int(r["words"]) == len(r["text"].split()) <= 6 or r["label"] not in ("it", "en"), r
        assert r["source"], r
        assert r["position"] in ("initial", "medial"), r
    for label in ("it", "en", "name", "acronym", "url", "hashtag", "email", "number"):
        assert any(r["label"] == label and r["split"] == "test" for r in rows), label
    readme = (FRAGMENTS / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in readme and "NTREX-128" in readme


def test_fragment_sources_are_real_lines():
    files = {tag: (FIXTURES / "ntrex" / f"{tag}.txt").read_text(encoding="utf-8").splitlines() for tag in ("ita", "eng", "hin")}
    for r in fragments_table.load("all"):
        if r["source"].startswith("ntrex-"):
            tag, line = r["source"][6:].split(":")
            assert r["text"].split()[0].rstrip(".") in files[tag][int(line) - 1], r


def test_fragment_acceptance_on_the_test_part():
    """Italian-vs-not accuracy >= 97%, Italian recall on one-word fragments >= 95%,
    English recall >= 90% (the test part, which the checks were not tuned on)."""
    stats, wrong = fragments_table.measure(
        fragments_table.load("test"), lambda r: fragments_table.predict(r["text"], r["position"])
    )
    every, one = stats["all"], stats[1]
    assert every["itnot"] / every["n"] >= 0.97, wrong
    assert one["it_found"] / one["it"] >= 0.95, wrong
    assert every["en_found"] / every["en"] >= 0.90, wrong


def test_empty_frequency_tier_answers_none():
    # fr/es/de/pt ship no rare tier: a document that asks it many times must not fail
    from qa.langid import ZipfTable

    table = ZipfTable.of([])
    assert all(table.get("parola") is None for _ in range(ZipfTable.BUILD_AFTER + 5))


def test_many_lookups_build_the_table_and_agree_with_the_search():
    from qa.langid import ZipfTable

    table = ZipfTable.of([(4.0, b"casa cane"), (2.5, b"gatto")])
    early = [table.get(w) for w in ("casa", "gatto", "topo")]
    for _ in range(ZipfTable.BUILD_AFTER):
        table.get("topo")
    assert early == [4.0, 2.5, None] == [table.get(w) for w in ("casa", "gatto", "topo")]


def _lexicon_file(tmp_path, monkeypatch, data: bytes):
    (tmp_path / "latin_wordfreq.tsv").write_bytes(data)
    monkeypatch.setattr(latin_lexicon, "data_dir", lambda: tmp_path)
    return latin_lexicon._read_lexicon()


def test_the_word_list_file_is_read_into_one_buffer_of_words(tmp_path, monkeypatch):
    # CRLF, a comment, a blank line, the last line without a line feed; words that are also a
    # language code or a Zipf value are found only as words, in their own rows
    buf, rows = _lexicon_file(tmp_path, monkeypatch, b"# note\r\nlang\tzipf\twords\r\nit\t7.6\tdi e\r\n\r\n"
                              b"it\t2.5\ten it\r\nen\t5.0\tthe it 7.6")
    from qa.langid import ZipfTable

    core, rare = ZipfTable(buf, rows["it"][:1]), ZipfTable(buf, rows["it"][1:])
    english = ZipfTable(buf, rows["en"])
    assert [core.get(w) for w in ("di", "e", "it", "7.6", "lang", "note", "")] == [7.6, 7.6, None, None, None, None, None]
    assert [rare.get(w) for w in ("en", "it", "di")] == [2.5, 2.5, None]
    assert [english.get(w) for w in ("the", "it", "7.6", "en", "di")] == [5.0, 5.0, 5.0, None, None]
    # a table whose rows are not together: a hit in the row between them is not its word
    apart = ZipfTable(buf, [rows["it"][0], rows["en"][0]])
    assert [apart.get(w) for w in ("en", "di", "the")] == [None, 7.6, 5.0]
    assert (len(core), len(rare), len(english)) == (2, 2, 3)
    built = ZipfTable(buf, rows["en"])
    built.BUILD_AFTER = 0
    assert [built.get(w) for w in ("the", "it", "7.6", "en")] == [5.0, 5.0, 5.0, None]


def test_a_malformed_word_list_line_is_reported_with_its_number(tmp_path, monkeypatch):
    from qa.errors import QAError

    with pytest.raises(QAError, match=r"latin_wordfreq.tsv:3: expected lang<TAB>zipf<TAB>words"):
        _lexicon_file(tmp_path, monkeypatch, b"lang\tzipf\twords\nit\t7.6\tdi\nit\t7.5\n")
