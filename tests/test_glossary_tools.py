"""Glossary tooling (issue 17): TSV -> TBX -> TSV round trip, a re-declared id merging, the
check's rejections of unmatchable values and refused headers, a bad row not stopping the check,
ambiguous acronyms, press-only letter names and names matched by their distinctive words."""

from qa.acronyms import decode, mentions
from qa.glossary import check_file, load_glossary
from qa.tbx import read_tbx, to_tbx, to_tsv

ORG_HEADER = "id\tshort\ten\tit\tit_short\thi\thi_short\thi_basis\tsource\tnote\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_tsv_tbx_tsv_round_trip_keeps_ids_and_values(tmp_path):
    g = load_glossary()
    orgs, terms = read_tbx(write(tmp_path, "g.tbx", to_tbx(g.organisations, g.terms)))
    assert [o.id for o in orgs] == [o.id for o in g.organisations]
    assert to_tsv(orgs, terms) == to_tsv(g.organisations, g.terms)


def test_a_redeclared_shipped_id_merges_its_variants(tmp_path):
    extra = write(tmp_path, "mine.tsv", ORG_HEADER + "EU\tEU\tEuropean Union\t\t\tयूरोपा संघ\t\t\thttps://europa.eu\t\n")
    g = load_glossary((extra,))
    eu = g.by_short("EU")
    assert eu.hi[0] == "यूरोपीय संघ" and "यूरोपा संघ" in eu.hi
    assert sum(o.id == "EU" for o in g.organisations) == 1


def test_check_rejects_unmatchable_values_and_goes_on_after_a_bad_row(tmp_path):
    path = write(
        tmp_path,
        "bad.tsv",
        ORG_HEADER
        + "A\tUN Women\tUN Women\t\t\tसंयुक्त राष्ट्र महिला\t\t\thttps://x.org\t\n"
        + "B\tB1\tBee\t\t\tबी संगठन\t\t\thttps://x.org\t\ttoo many\n"
        + "C\tCC\tSee\t\t\tसी संगठन\tसीसी, सीसीसी\t\thttps://x.org\t\n",
    )
    problems = check_file(path)
    assert any(":2: column 'short' holds 'UN Women': a short form is one word" in p for p in problems)
    assert any(":3: 11 cells, but the header has 10; row skipped" in p for p in problems)
    assert any(":4: column 'hi_short' holds 'सीसी, सीसीसी': several values are separated by ' ; '" in p for p in problems)


def test_check_refuses_a_glossary_header_lint_refuses(tmp_path):
    path = write(tmp_path, "half.tsv", "id\ten\thi\nEU\tEuropean Union\tयूरोपीय संघ\n")
    [problem] = check_file(path)
    assert "half.tsv:1: not a glossary this checker reads" in problem  # what qa lint --glossary says


def test_a_shared_acronym_must_be_declared_ambiguous_on_both_rows(tmp_path):
    rows = "A\tXY\tAlpha\t\t\tअल्फा संगठन\t\t\thttps://x.org\t{}\nB\tXY\tBeta\t\t\tबीटा संगठन\t\t\thttps://x.org\t{}\n"
    plain = write(tmp_path, "plain.tsv", ORG_HEADER + rows.format("", ""))
    assert any("conflicting expansions: 'XY'" in p for p in check_file(plain))
    declared = write(tmp_path, "declared.tsv", ORG_HEADER + rows.format("ambiguous acronym", "ambiguous acronym"))
    assert check_file(declared) == []
    g = load_glossary((declared,), False)
    assert [o.id for o in g.candidates("XY")] == ["A", "B"]


def test_press_letter_names_spell_known_acronyms_only():
    g = load_glossary()
    assert decode("डब्लूएचओ") == "WHO" and decode("आइएमएफ") == "IMF"
    assert [m.org.id for m in mentions("आइएमएफ और डब्लूएचओ", g)] == ["IMF", "WHO"]
    assert mentions("आइए, आइस लें।", g) == []


def test_italian_acronyms_spelled_in_devanagari_are_italian():
    g = load_glossary()
    [m] = mentions("ओसीएसई की रिपोर्ट", g)
    assert (m.acronym, m.org.id, m.italian) == ("OCSE", "OECD", True)


def test_names_are_told_apart_by_their_distinctive_words():
    g = load_glossary()
    assert g.distinctive_share(("विदेश", "मंत्रालय"), "गृह मंत्रालय") < 0.6
    assert g.distinctive_share(("गृह", "मंत्रालयों"), "गृह मंत्रालय") == 1.0
    assert g.distinctive_share(("यूरोपीय", "संसद"), "यूरोपीय आयोग") < 0.6


def test_tbx_import_warns_about_every_entry_it_drops(tmp_path, capsys):
    from qa.tbx import import_tbx

    tbx = write(
        tmp_path,
        "t.tbx",
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca"><text><body>'
        '<conceptEntry id="a"><langSec xml:lang="it"><termSec><term>vertice</term></termSec></langSec>'
        '<langSec xml:lang="hi"><termSec><term>शिखर सम्मेलन</term></termSec></langSec></conceptEntry>'
        '<conceptEntry id="b"><langSec xml:lang="en"><termSec><term>orphan</term></termSec></langSec></conceptEntry>'
        '<conceptEntry id="c"><langSec xml:lang="it"><termSec><term>solo</term></termSec></langSec></conceptEntry>'
        "</body></text></tbx>",
    )
    [written] = import_tbx(tbx, str(tmp_path))
    err = capsys.readouterr().err
    assert written.endswith("t.terms.tsv")
    assert "t.tbx:entry b: dropped" in err and "t.tbx:entry c: dropped" in err and "entry a" not in err
