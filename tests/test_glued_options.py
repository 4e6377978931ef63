"""QA204's thresholds as rule options (``[rules.QA204]``): common-zipf, major-piece, max-ambiguity."""

import json

import pytest

import qa
from qa.document import from_text
from qa.engine import Options, lint_paragraphs
from qa.rules.glued_hindi import GluedHindiWords

from runqa import run

COPULA = "संबोधित किया गया थाडिजिटल तस्करी करना"  # था|डिजिटल: a copula beside a word of 4 aksharas
SEAM = "प्राथमिकताओं पर प्रकाश डाला गया फ्रोडअंतरराष्ट्रीय, विशेष रूप से"  # a vowel letter after a consonant


def cli(tmp_path, toml):
    (tmp_path / "qa.toml").write_text('select = ["QA204"]\n' + toml, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(COPULA + "\n", encoding="utf-8")
    r = run("lint", "doc.txt", "--format", "json", cwd=tmp_path)
    assert r.returncode in (0, 1), r.err
    cli_found = [(f["rule"], f["start"], f["end"], f["severity"], f["suggestion"])
                 for p in json.loads(r.out)["documents"][0]["paragraphs"] for f in p["findings"]]
    api_found = [(f.rule, f.start, f.end, str(f.severity), f.suggestion)
                 for f in qa.lint_text(COPULA, config=tmp_path / "qa.toml").findings]
    assert cli_found == api_found
    return cli_found


def test_major_piece_in_qa_toml_makes_a_four_akshara_word_too_short_for_major(tmp_path):
    assert cli(tmp_path, "") == [("QA204", 17, 25, "major", "था डिजिटल")]
    assert cli(tmp_path, "[rules.QA204]\nmajor-piece = 4\n") == [("QA204", 17, 25, "major", "था डिजिटल")]
    # डिजिटल is shorter than 5 aksharas and rarer than short-piece-zipf: a hint only
    assert cli(tmp_path, "[rules.QA204]\nmajor-piece = 5\n") == [("QA204", 17, 25, "info", "था डिजिटल")]


def findings(text, **options):
    doc = from_text(text + "\n", "t")
    result = lint_paragraphs("t", doc.paragraphs, Options(rules=[GluedHindiWords], rule_options={"rules": {"QA204": options}}))
    return [(f.start, f.end, f.severity.value, f.suggestion) for f in result.findings]


def test_common_zipf_and_max_ambiguity_through_the_api():
    assert findings(SEAM) == [(32, 50, "minor", "फ्रोड अंतरराष्ट्रीय")]
    assert findings(SEAM, **{"common-zipf": 9.0}) == []  # अंतरराष्ट्रीय (Zipf 4.8) is no longer common
    assert findings(COPULA, **{"max-ambiguity": 0}) == []  # था ends 6 list words: weak, not enough after a copula
    assert findings(COPULA, **{"max-ambiguity": 20}) == [(17, 25, "major", "था डिजिटल")]


@pytest.mark.parametrize("toml, message", [
    ("major-piece = 2.5\n", "[rules.QA204]: major-piece must be a whole number, not 2.5"),
    ('common-zipf = "high"\n', "[rules.QA204]: common-zipf must be a number, not 'high'"),
    ("max-ambiguity = true\n", "[rules.QA204]: max-ambiguity must be a whole number, not True"),
    ("max-ambiguities = 3\n", "[rules.QA204]: unknown option 'max-ambiguities'; QA204 options: min-zipf, "
     "short-piece-zipf, common-zipf, major-piece, max-ambiguity"),
])
def test_a_bad_value_is_a_one_line_error(tmp_path, toml, message):
    (tmp_path / "qa.toml").write_text("[rules.QA204]\n" + toml, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(COPULA + "\n", encoding="utf-8")
    r = run("lint", "doc.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert r.err.count("\n") == 1 and message in r.err, r.err


def test_defaults_are_the_documented_thresholds():
    rule = GluedHindiWords
    assert {o.name: o.default for o in rule.options} == {
        "min-zipf": 3.5, "short-piece-zipf": 5.8, "common-zipf": 4.5, "major-piece": 3, "max-ambiguity": 20}
    assert "- `major-piece` (a whole number, default `3`): " in rule.doc()
