"""The shipped glossaries: every file passes `qa glossary check`, and the organisations and terms
hold what the checker promises."""

from pathlib import Path

import pytest

from qa.acronyms import decode
from qa.glossary import load_glossary, read_file

from runqa import run

GLOSSARIES = Path(__file__).resolve().parent.parent / "glossaries"
FILES = sorted(p for p in GLOSSARIES.iterdir() if p.suffix in (".tsv", ".tbx"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_shipped_file_passes_glossary_check(path):
    r = run("glossary", "check", path)
    assert r.returncode == 0, r.err


def test_every_shipped_file_is_documented():
    readme = (GLOSSARIES / "README.md").read_text(encoding="utf-8")
    for path in FILES:
        assert f"`{path.name}`" in readme, f"{path.name} is not described in glossaries/README.md"


ORGS, _ = read_file(str(GLOSSARIES / "organisations.tsv"))
_, TERMS = read_file(str(GLOSSARIES / "terms.tsv"))
BY_LABEL = {o.label: o for o in ORGS} | {o.id: o for o in ORGS}


def test_at_least_100_organisations_each_with_a_source():
    assert len(ORGS) >= 100
    for org in ORGS:
        assert org.source.startswith("https://"), org.id
        assert org.en and org.hi and org.hi_basis in ("established", "translation"), org.id


@pytest.mark.parametrize(
    "label",
    ["UN", "UNGA", "UNSC", "ECOSOC", "UNODC", "UNICRI", "UNHCR", "HRC", "OHCHR", "IOM", "UNICEF", "UNESCO", "WHO", "FAO", "WFP", "UNDP", "EU", "Europol", "Eurojust", "Frontex", "EPPO", "ENISA", "EEAS", "OSCE", "OECD", "NATO", "FATF", "IMF", "WTO", "G7", "G20", "INTERPOL", "GCERF", "GCTF", "LEPSG", "MAECI", "DIA", "DCSA", "DNAA"]
    + ["World Bank", "Council of Europe", "European Commission", "European Parliament", "Council of the EU",
       "Rome/Lyon Group", "Ministry of the Interior", "Department of Public Security", "Polizia di Stato",
       "Carabinieri", "Guardia di Finanza", "Presidency of the Council of Ministers"],
)
def test_required_organisations_are_listed(label):
    assert label in BY_LABEL


def test_official_names_of_the_example_organisations():
    assert BY_LABEL["GCERF"].official == "Global Community Engagement and Resilience Fund"
    assert BY_LABEL["LEPSG"].official == "Law Enforcement Projects Sub-Group"
    assert BY_LABEL["MAECI"].it[0] == "Ministero degli Affari Esteri e della Cooperazione Internazionale"
    assert "Farnesina" in BY_LABEL["MAECI"].short and "Viminale" in BY_LABEL["Ministry of the Interior"].short


@pytest.mark.parametrize("it_short, label", [("ONU", "UN"), ("UE", "EU"), ("OCSE", "OECD"), ("OMS", "WHO"), ("FMI", "IMF"), ("GAFI", "FATF")])
def test_italian_acronyms(it_short, label):
    assert it_short in BY_LABEL[label].it_short


@pytest.mark.parametrize(
    "spelling, label",
    [("यूएनओडीसी", "UNODC"), ("नाटो", "NATO"), ("यूनिसेफ", "UNICEF"), ("इंटरपोल", "INTERPOL"), ("यूरोपोल", "Europol"), ("फ्रंटेक्स", "Frontex"), ("जीसीईआरएफ", "GCERF")],
)
def test_devanagari_spellings(spelling, label):
    assert spelling in BY_LABEL[label].hi_short


def test_letter_name_spellings_spell_their_acronym():
    for org in ORGS:
        for spelling in org.hi_short:
            code = decode(spelling)
            if code is not None:
                assert code in {s.upper() for s in org.short}, (org.id, spelling, code)


def test_at_least_60_terms_with_known_wrong_renderings():
    assert len(TERMS) >= 60
    assert all(t.hi for t in TERMS)
    assert sum(1 for t in TERMS if t.wrong or t.always_wrong) >= 25
    by_it = {f: t for t in TERMS for f in t.it}
    assert "अस्वीकार" in by_it["declinare"].wrong
    assert "मानव तस्करी" in by_it["traffico di esseri umani"].hi
    assert "प्राणियों मानव" in by_it["traffico di esseri umani"].always_wrong
    assert "घटना" in by_it["fenomeno"].wrong and "विरोध" in by_it["contrasto"].wrong


def test_default_glossary_is_the_two_files():
    g = load_glossary()
    assert len(g.organisations) == len(ORGS) and len(g.terms) == len(TERMS)
