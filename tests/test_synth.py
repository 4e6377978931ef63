"""The synthetic corruption generator: reproducible, exact gold spans, every defect kind."""

import json
import re
import subprocess
import sys
import unicodedata

import pytest

from qa import evaluation

from conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import synth

from qa.document import from_text
from qa.errors import QAError

SCORER = FIXTURES / "score_findings.py"

ORGS_TSV = (
    "# a tiny table in the format of glossaries/organisations.tsv: made-up organisations\n"
    "id\tshort\ten\thi\thi_short\n"
    "ABCD\tABCD\tAlpha Beta Cooperation Council\tअल्फ़ा बीटा सहयोग परिषद\tएबीसीडी\n"
    "WXYZ\tWXYZ ; WxZ\tWorld Zed Organisation\tविश्व ज़ेड संगठन ; विश्व ज़ेड संस्था\t\n"
    "Qrs\tQ7 ; Quarzo\tQuartz Society\tक्वार्ट्ज़ सोसाइटी\tक्वार्ट्ज़\n"
    "NOEXP\tNOEXP\tan acronym without a Hindi name is skipped\t\t\n"
    "Seat\tPalazzo\ta short name, not an acronym: skipped\tमहल\tपलाज़ो\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    orgs = tmp_path_factory.mktemp("orgs") / "organisations.tsv"
    orgs.write_text(ORGS_TSV, encoding="utf-8")
    return synth.load_corpus(FIXTURES / "ntrex", orgs)


@pytest.fixture(scope="module")
def docs(corpus):
    return synth.generate(corpus, defects=18 * 12, seed=3)


def items(docs):
    for d in docs:
        parsed = from_text(d.text, d.name)
        for g in d.gold:
            yield d, parsed, g


def test_same_seed_same_output_other_seed_other_output(corpus, docs):
    again = synth.generate(corpus, defects=18 * 12, seed=3)
    assert [(d.name, d.text, d.gold) for d in again] == [(d.name, d.text, d.gold) for d in docs]
    other = synth.generate(corpus, defects=18 * 12, seed=4)
    assert [d.text for d in other] != [d.text for d in docs]


def test_every_kind_the_requested_number_of_times(docs):
    counts = {}
    for _, _, g in items(docs):
        counts[g["kind"]] = counts.get(g["kind"], 0) + 1
    assert counts == {k: 12 for k in synth.KINDS}


def test_gold_is_in_the_gold_format_and_locates_exactly(docs, tmp_path):
    cats = {c for k in synth.KINDS.values() for c in k.categories}
    for d in docs:
        parsed = from_text(d.text, d.name)
        gold_path = tmp_path / f"{d.name}.gold.jsonl"
        gold_path.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in d.gold) + "\n", encoding="utf-8")
        loaded = evaluation.load_gold(gold_path, parsed)  # raises if any text is not where it says
        assert [g.id for g in loaded] == [g["id"] for g in d.gold]
        for g in d.gold:
            assert g["level"] == "required" and set(g["categories"]) <= cats | {"untranslated"}
        assert d.text.endswith("\n") and "\r" not in d.text


def text_of(parsed, g):
    place = g["any_of"][0] if "any_of" in g else g
    return parsed.paragraphs[place["para"]].text, place["text"]


def test_each_defect_is_what_its_kind_says(corpus, docs):
    devanagari = re.compile("[\u0900-\u097f]")
    for _d, parsed, g in items(docs):
        para, text = text_of(parsed, g)
        kind = g["kind"]
        if kind.startswith("untranslated"):
            assert 1 <= len(text.split()) <= 5 and not devanagari.search(text)
            assert any(w.islower() and len(w) >= 3 for w in text.split())
        elif kind == "glued_words":
            assert " " not in text and devanagari.fullmatch(text[0]) and devanagari.search(text[-1])
        elif kind == "glued_latin":
            assert re.search(r"[A-Za-z][\u0900-\u097f]|[\u0900-\u097f][A-Za-z]", text) and " " not in text
        elif kind in ("mojibake_cp1252", "mojibake_latin1", "mojibake_double"):
            assert not devanagari.search(text) and re.search("[\u00c0-\u00ff]", text)
            assert "\x85" not in text
        elif kind == "mojibake_punct":
            assert text.startswith("â€")
        elif kind == "nfd":
            assert not unicodedata.is_normalized("NFC", text)
            assert any("\u0300" <= ch <= "\u036f" for ch in text)
        elif kind == "empty_quotes":
            assert text in ('""', "“”")
        elif kind == "empty_brackets":
            assert text == "()"
        elif kind in ("unbalanced_quotes", "unbalanced_brackets"):
            assert text in "“”\"()" and len(text) == 1
            assert para.count("(") != para.count(")") or kind == "unbalanced_quotes"
        elif kind == "latin_full_stop":
            assert text.endswith(".")
        elif kind == "dangling_postposition":
            assert para.startswith(text) and text in corpus.postpositions
        elif kind == "duplicated_paragraph":
            a, b = (parsed.paragraphs[p["para"]].text for p in g["any_of"])
            assert a == b == text and g["any_of"][0]["para"] > g["any_of"][1]["para"]
        elif kind == "italian_number":
            assert re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d+", text), text
        elif kind == "acronym_expansion":
            pass  # below
        else:
            raise AssertionError(f"untested kind {kind}")


def test_acronym_gets_another_organisations_expansion(corpus, docs):
    orgs = corpus.organisations
    assert [o.acronyms for o in orgs] == [("ABCD", "एबीसीडी"), ("WXYZ", "WxZ"), ("Q7",)]
    assert orgs[1].expansions == ("विश्व ज़ेड संगठन", "विश्व ज़ेड संस्था")
    seen = 0
    for _d, parsed, g in items(docs):
        if g["kind"] != "acronym_expansion":
            continue
        expansion, acronym = (p["text"] for p in g["any_of"])
        owner = next(o for o in orgs if acronym in o.acronyms)
        assert expansion not in owner.expansions
        assert any(expansion in o.expansions for o in orgs if o is not owner)
        para = parsed.paragraphs[g["any_of"][0]["para"]].text
        assert f"{acronym} ({expansion})" in para
        assert g["categories"] == ["acronym"]
        seen += 1
    assert seen == 12


def test_without_organisations_the_acronym_kind_is_left_out(corpus):
    bare = synth.Corpus(corpus.hindi_docs, corpus.italian, corpus.english, corpus.postpositions, [])
    out = synth.generate(bare, defects=34, seed=1)
    kinds = {g["kind"] for d in out for g in d.gold}
    assert "acronym_expansion" not in kinds and len(kinds) == 17


def test_unknown_kind_is_an_error(corpus):
    with pytest.raises(QAError, match="unknown defect kinds nope"):
        synth.generate(corpus, defects=5, kinds=["nope"])


def test_score_findings_reads_the_generated_gold(docs, tmp_path):
    """The sets are in the format score_findings.py reads: both scorers agree on them."""
    chosen = docs[:3]
    for d in chosen:
        doc = tmp_path / f"{d.name}.hi.txt"
        doc.write_text(d.text, encoding="utf-8")
        gold = tmp_path / f"{d.name}.gold.jsonl"
        gold.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in d.gold) + "\n", encoding="utf-8")
        # a finding on every gold place, of the first listed category, plus one false alarm
        parsed = from_text(d.text)
        found = []
        for g in d.gold:
            for p in g.get("any_of", [g]):
                para = parsed.paragraphs[p["para"]]
                at = para.text.replace("\u00a0", " ").find(p["text"].replace("\u00a0", " "))
                line, col = para.position(at)
                end_line, end_col = para.position(at + len(p["text"]))
                found.append({"category": g["categories"][0], "severity": "major", "line": line, "column": col,
                              "end_line": end_line, "end_column": end_col})
        found.append({"category": "spelling", "severity": "minor", "line": 1, "column": 1, "end_line": 1, "end_column": 1})
        fj = tmp_path / "f.json"
        fj.write_text(json.dumps({"findings": found}), encoding="utf-8")
        theirs = json.loads(subprocess.run([sys.executable, str(SCORER), str(doc), str(gold), str(fj), "--json"],
                                           capture_output=True, text=True, check=True).stdout)
        ours = evaluation.evaluate(str(doc), str(gold), None, findings_path=str(fj))
        for key in ("recall", "precision", "findings", "false_positives"):
            assert ours[key] == theirs[key]


def test_command_writes_a_set_and_a_manifest(tmp_path):
    out = tmp_path / "set"
    cmd = [sys.executable, str(ROOT / "tools" / "synth.py"), "--out", str(out), "--defects", "36", "--seed", "5"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["seed"] == 5 and manifest["defects"] == 36
    first = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert len(evaluation.find_pairs(out)) == manifest["documents"]
    subprocess.run(cmd, capture_output=True, check=True)
    assert {p.name: p.read_bytes() for p in sorted(out.iterdir())} == first
    bad = subprocess.run([sys.executable, str(ROOT / "tools" / "synth.py"), "--out", str(out), "--kinds", "nope"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


@pytest.mark.parametrize("text,pairs", [
    ('वह "बात" और “दूसरी” बात', [(3, 8), (12, 19)]),
    ('“बाहर "भीतर" फिर”', [(0, 17), (6, 12)]),
    ('कहा।" फिर "बात"', []),  # a quotation running on from another paragraph: no pairing is sure
    ('उसने " कहा " था', []),  # space just inside the marks: not a quotation
    ('अंत”', []),
])
def test_quotation_pairs_only_when_certain(text, pairs):
    assert synth.quote_pairs(text) == pairs


def test_bracket_pairs():
    assert synth.bracket_pairs("क (ख) ग (घ (ङ))") == [(2, 5), (11, 14)]
    assert synth.bracket_pairs("क (ख ग") == []
