"""The glossary loader, its matching helpers, `qa glossary check`, TBX import/export and the CLI."""

import xml.etree.ElementTree as ET

import pytest

from qa.errors import QAError
from qa.glossary import (
    Glossary,
    TokenTrie,
    check_file,
    find_phrase,
    load_glossary,
    norm_key,
    norm_token,
    norm_tokens,
    read_file,
)
from qa.tbx import read_tbx, to_tbx

from runqa import run

ORG_HEADER = "id\tshort\ten\tit\tit_short\thi\thi_short\thi_basis\tsource\tnote\n"
TERM_HEADER = "it\thi\twrong\talways_wrong\ten\tnote\n"


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


# -- loading -------------------------------------------------------------------------------------


def test_load_is_cached_and_knows_the_shipped_names():
    g = load_glossary((), True)
    assert load_glossary((), True) is g
    assert isinstance(g, Glossary)
    assert {"G7", "UNICRI", "INTERPOL", "Europol", "UNODC", "LEPSG", "GCERF"} <= g.latin_names()
    assert {"यूएनओडीसी", "इंटरपोल", "नाटो", "यूनिसेफ", "यूरोपोल", "फ्रंटेक्स", "जी7"} <= g.devanagari_names()
    assert all(" " not in n for n in g.latin_names() | g.devanagari_names())


def test_lookups_of_short_forms():
    g = load_glossary()
    assert g.by_short("UNODC").official == "United Nations Office on Drugs and Crime"
    assert g.by_short("EUROPOL") is g.by_short("Europol")  # word-like names in any case
    assert g.by_short("Au") is None  # acronyms only in their own case
    assert g.by_italian_short("OMS").label == "WHO"
    assert g.by_italian_short("UNODC") is None
    assert g.by_devanagari("जी-7").label == "G7"
    assert g.by_devanagari("फ्रंटेक्स").label == "Frontex"


def test_no_defaults_and_extra_file(tmp_path):
    extra = write(tmp_path, "mine.tsv", ORG_HEADER + "ABCX\tABCX\tAlpha Beta Council\t\t\tअल्फा बीटा परिषद\t\ttranslation\thttps://example.org\t\n")
    g = load_glossary((extra,), False)
    assert [o.id for o in g.organisations] == ["ABCX"] and g.terms == ()
    assert g.by_short("UNODC") is None


def test_unknown_format_and_missing_cells_are_one_line_errors(tmp_path):
    with pytest.raises(QAError, match="not a glossary"):
        read_file(write(tmp_path, "x.tsv", "word\tclass\nका\tpostposition\n"))
    with pytest.raises(QAError, match=r"x2.tsv:2: empty required cell\(s\): source"):
        read_file(write(tmp_path, "x2.tsv", ORG_HEADER + "A\tA\tAlpha\t\t\tअल्फा\t\t\t\t\n"))
    with pytest.raises(QAError, match="no such file"):
        read_file(str(tmp_path / "missing.tsv"))


# -- normalisation and matching ------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, norm",
    [
        ("अन्तर्राष्ट्रीय", "अंतरराष्ट्रीय"),
        ("एवं", "और"),
        ("अफ़्रीका", "अफ्रीका"),
        ("सम्बन्ध", "संबंध"),
        ("न्यायालय", "न्यायालय"),  # न् before य is not an anusvara
        ("सम्मेलन", "सम्मेलन"),
        ("जाँच", "जांच"),
        ("१२", "12"),
        ("Nazioni", "nazioni"),
    ],
)
def test_norm_token(word, norm):
    assert norm_token(word) == norm


def test_norm_key_joins_tokens():
    assert norm_key("जी-7") == norm_key("जी7") == "जी7"


def test_trie_takes_the_longest_match_and_wildcards():
    trie = TokenTrie()
    trie.add(("criminalità", "organizzata"), "short")
    trie.add(("criminalità", "organizzata", "transnazionale"), "long")
    trie.add(("fenomen*",), "star")
    toks = norm_tokens("la criminalità organizzata transnazionale e i fenomeni criminali")
    found = [(i, j, p) for i, j, p in trie.find(toks)]
    assert found == [(1, 4, ["long"]), (6, 7, ["star"])]


@pytest.mark.parametrize(
    "pattern, text, hit",
    [
        ("प्रतिनिधिमंडल के प्रमुख", "प्रतिनिधिमंडल के प्रमुखों की बैठक", True),
        ("घटना", "घटनाओं पर", True),
        ("घटना", "घटनाक्रम पर", False),  # another word, not an inflection
        ("सदस्य देश*", "सदस्य देशों", True),
        ("विदेश और अंतरराष्ट्रीय सहयोग मंत्रालय", "विदेश एवं अंतर्राष्ट्रीय सहयोग मंत्रालय", True),
        ("crime", "crimes", False),  # Latin words match only as written
    ],
)
def test_find_phrase(pattern, text, hit):
    from qa.glossary import pattern_tokens

    assert bool(find_phrase(norm_tokens(text), pattern_tokens(pattern))) is hit


# -- qa glossary check ---------------------------------------------------------------------------


def test_check_reports_each_problem_with_file_and_line(tmp_path):
    bad = write(
        tmp_path,
        "bad.tsv",
        ORG_HEADER
        + "AAA\tAAA\tAlpha Agency\t\t\tअल्फा एजेंसी\tएएए\ttranslation\thttps://a.example\t\n"  # 2
        + "aaa\tBBB\tBeta Board\t\t\tबीटा बोर्ड\t\ttranslation\thttps://b.example\t\n"  # 3 duplicate id
        + "CCC\tAAA\tGamma Council\t\t\tगामा परिषद\t\ttranslation\thttps://c.example\t\n"  # 4 AAA twice
        + "DDD\tDDD\tDelta Office\t\t\tDelta Office\t\ttranslation\thttps://d.example\t\n"  # 5 Latin in hi
        + "EEE\tEEE\tईईई एजेंसी\t\t\tई एजेंसी\t\ttranslation\thttps://e.example\t\n"  # 6 Devanagari in en
        + "FFF\tFFF\tF Fund\t\t\tएफ कोष\tजीजी\tmaybe\t\t\n",  # 7 no source, bad basis, जीजी spells GG
    )
    problems = check_file(bad)
    assert all(p.startswith(f"{bad}:") for p in problems)
    text = "\n".join(problems)
    assert f"{bad}:3: duplicate key 'aaa' (first on line 2)" in text
    assert f"{bad}:4: conflicting expansions: 'AAA' names both 'CCC' and 'AAA' (line 2)" in text
    assert f"{bad}:5: column 'hi' holds 'Delta Office', which is not in Devanagari script" in text
    assert f"{bad}:6: column 'en' holds 'ईईई एजेंसी', which is not in Latin script" in text
    assert f"{bad}:7: empty cell in required column 'source'" in text
    assert f"{bad}:7: hi_basis 'maybe'" in text
    assert f"{bad}:7: hi_short 'जीजी' spells GG" in text


def test_check_terms_conflict_and_duplicates(tmp_path):
    bad = write(
        tmp_path,
        "terms.tsv",
        TERM_HEADER
        + "vertice\tशिखर सम्मेलन\tशिखर सम्मेलन\t\tsummit\t\n"
        + "Vertice ; riunione\tबैठक\t\t\tmeeting\t\n"
        + "fenomeno\t\t\t\tphenomenon\t\n",
    )
    text = "\n".join(check_file(bad))
    assert f"{bad}:2: conflicting renderings: 'शिखर सम्मेलन' is listed both as approved and as wrong" in text
    assert f"{bad}:3: duplicate key 'Vertice' (first on line 2)" in text
    assert f"{bad}:4: empty cell in required column 'hi'" in text


def test_check_other_files_keys_whole_rows(tmp_path):
    ok = write(tmp_path, "letters.tsv", "letter\tdevanagari\tnote\nF\tएफ\t\nF\tएफ़\tnukta spelling\nk\tक\t\nK\tके\t\n")
    assert check_file(ok) == []
    dup = write(tmp_path, "dup.tsv", "letter\tdevanagari\tnote\nF\tएफ\ta\nF\tएफ\tb\n")
    assert check_file(dup) == [f"{dup}:3: duplicate key 'F | एफ' (first on line 2)"]
    latin = write(tmp_path, "lat.tsv", "latin\thindi\ncybercrime\tcybercrime\n")
    assert check_file(latin) == [f"{latin}:2: column 'hindi' holds 'cybercrime', which is not in Devanagari script"]


def test_cli_check_exit_codes(tmp_path):
    good = write(tmp_path, "good.tsv", TERM_HEADER + "vertice\tशिखर सम्मेलन\tशीर्ष\t\tsummit\t\n")
    r = run("glossary", "check", good)
    assert r.returncode == 0 and "no problems" in r.out and r.err == ""
    bad = write(tmp_path, "bad.tsv", TERM_HEADER + "vertice\t\t\t\tsummit\t\n")
    r = run("glossary", "check", good, bad)
    assert r.returncode == 2
    assert r.err.splitlines() == [f"{bad}:2: empty cell in required column 'hi'"]
    r = run("glossary", "check", str(tmp_path / "nope.tsv"))
    assert r.returncode == 2 and "no such file" in r.err and "Traceback" not in r.err


# -- TBX -----------------------------------------------------------------------------------------


def test_tbx_round_trip_keeps_every_field():
    import dataclasses

    g = load_glossary()
    orgs, terms = read_tbx_text(to_tbx(g.organisations, g.terms))
    assert len(orgs) == len(g.organisations) and len(terms) == len(g.terms)
    for a, b in zip(g.organisations + g.terms, orgs + terms):
        da, db = dataclasses.asdict(a), dataclasses.asdict(b)
        for key in ("origin", "id"):
            da.pop(key, None), db.pop(key, None)
        assert da == db


def read_tbx_text(text):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/g.tbx"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return read_tbx(path)


def test_tbx_export_is_tbx_v3_basic():
    g = load_glossary()
    root = ET.fromstring(to_tbx(g.organisations[:2], g.terms[:1]))
    ns = "{urn:iso:std:iso:30042:ed-2}"
    assert root.tag == f"{ns}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    entries = root.findall(f"{ns}text/{ns}body/{ns}conceptEntry")
    assert len(entries) == 3
    langs = [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in entries[0].findall(f"{ns}langSec")]
    assert langs == ["en", "it", "hi"]


TBX_V2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>MultiTerm export</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <langSet xml:lang="en-GB"><tig><term>World Health Organization</term><termNote type="termType">fullForm</termNote></tig>
        <tig><term>WHO</term><termNote type="termType">acronym</termNote></tig></langSet>
      <langSet xml:lang="it-IT"><tig><term>OMS</term><termNote type="termType">acronym</termNote></tig></langSet>
      <langSet xml:lang="hi"><ntig><termGrp><term>विश्व स्वास्थ्य संगठन</term></termGrp></ntig></langSet>
    </termEntry>
    <termEntry id="c2">
      <langSet xml:lang="it"><tig><term>vertice</term></tig></langSet>
      <langSet xml:lang="hi"><tig><term>शिखर सम्मेलन</term></tig>
        <tig><term>शीर्ष</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
    </termEntry>
    <termEntry id="c3"><langSet xml:lang="en"><tig><term>orphan</term></tig></langSet></termEntry>
  </body></text>
</martif>
"""


def test_tbx_v2_import(tmp_path):
    orgs, terms = read_tbx(write(tmp_path, "v2.tbx", TBX_V2))
    assert len(orgs) == 1 and len(terms) == 1
    who = orgs[0]
    assert (who.short, who.en, who.it_short, who.hi) == (("WHO",), ("World Health Organization",), ("OMS",), ("विश्व स्वास्थ्य संगठन",))
    assert (terms[0].it, terms[0].hi, terms[0].wrong) == (("vertice",), ("शिखर सम्मेलन",), ("शीर्ष",))


def test_tbx_as_glossary_and_errors(tmp_path):
    path = write(tmp_path, "v2.tbx", TBX_V2)
    g = load_glossary((path,), False)
    assert g.by_italian_short("OMS").label == "WHO"
    # the same checks as a TSV file, each problem naming its entry; the dropped entry is reported
    assert check_file(path) == [
        f"{path}:entry c3: dropped: an entry needs a Hindi term and an Italian term (terms) or an English name (organisations)",
        f"{path}:entry c1: empty cell in required column 'source'",
    ]
    broken = write(tmp_path, "broken.tbx", "<martif><text>\n<body></text>")
    with pytest.raises(QAError, match=r"broken.tbx:2: not a well-formed TBX file"):
        read_tbx(broken)
    other = write(tmp_path, "other.xml", "<root/>")
    with pytest.raises(QAError, match="not a TBX file"):
        read_tbx(other)


def test_cli_import_and_export(tmp_path):
    tbx = tmp_path / "shipped.tbx"
    r = run("glossary", "export-tbx", "-o", tbx)
    assert r.returncode == 0 and tbx.exists()
    r = run("glossary", "import-tbx", tbx, "-d", tmp_path)
    assert r.returncode == 0
    written = r.out.split()
    assert [p.rsplit("/", 1)[1] for p in written] == ["shipped.organisations.tsv", "shipped.terms.tsv"]
    assert run("glossary", "check", *written).returncode == 0
    again = run("glossary", "import-tbx", tbx, "-d", tmp_path)
    assert again.returncode == 2 and "pass --force" in again.err
    assert run("glossary", "import-tbx", tbx, "-d", tmp_path, "--force").returncode == 0
    r = run("glossary", "export-tbx", "--no-default-glossaries", write(tmp_path, "t.tsv", TERM_HEADER + "vertice\tशिखर सम्मेलन\t\t\tsummit\t\n"))
    assert r.returncode == 0 and r.out.count("<conceptEntry") == 1


def test_lint_uses_an_extra_glossary(tmp_path):
    extra = write(tmp_path, "mine.tsv", ORG_HEADER + "ABCX\tABCX\tAlpha Beta Council\t\t\tअल्फा बीटा परिषद\t\ttranslation\thttps://example.org\t\n")
    doc = write(tmp_path, "doc.txt", "ABCX (गामा डेल्टा परिषद) की बैठक हुई।\n")
    r = run("lint", "--select", "QA601", "--glossary", extra, doc)
    assert "QA601" in r.out and "Alpha Beta Council" in r.out
    assert "QA601" not in run("lint", "--select", "QA601", doc).out
