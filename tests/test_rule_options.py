"""Rule options: declared on the rule (``Rule.options``), set as ``[rules.CODE]`` in qa.toml, the
same through the command line and the Python API, shown by ``qa explain``."""

import json

import pytest

import qa
from qa import config as configuration
from qa.config import ConfigError
from qa.rules import all_rules, get_rule
from qa.rules.base import OPTION_TYPES

from runqa import run

GLUED = "देश के कई राजनीतिकदल चुनाव लड़ेंगे।"
CUT = "पहला अनुच्छेद ठीक है।\n\nसरकार ने आज रोम में एक बड़ी बैठक के बाद नई योजना की घोषणा की\n\nतीसरा अनुच्छेद भी ठीक है।"


def cli_findings(tmp_path, text, toml):
    (tmp_path / "qa.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    r = run("lint", "doc.txt", "--format", "json", cwd=tmp_path)
    assert r.returncode in (0, 1), r.err
    return [(f["rule"], f["start"], f["end"], f["suggestion"]) for p in json.loads(r.out)["documents"][0]["paragraphs"] for f in p["findings"]]


def api_findings(tmp_path, text):
    return [(i.rule, i.start, i.end, i.suggestion) for i in qa.lint_text(text, config=tmp_path / "qa.toml").findings]


@pytest.mark.parametrize("text, select, table, before, after", [
    (GLUED, "QA204", '[rules.QA204]\nmin-zipf = 9.0\n', [("QA204", 10, 20, "राजनीतिक दल")], []),
    (CUT, "QA405", '[rules.unterminated-paragraph]\nalso-verbs = []\n', [], [("QA405", 58, 60, "की।")]),
])
def test_an_option_in_qa_toml_changes_the_rule_the_same_through_cli_and_api(tmp_path, text, select, table, before, after):
    base = f'select = ["{select}"]\n'
    assert cli_findings(tmp_path, text, base) == api_findings(tmp_path, text) == before
    assert cli_findings(tmp_path, text, base + table) == api_findings(tmp_path, text) == after


def test_an_option_in_an_override_and_a_mapping_config():
    merged = configuration.parse(
        {"rules": {"QA204": {"min-zipf": 9}}, "overrides": [{"paths": ["*.txt"], "rules": {"QA204": {"short-piece-zipf": 1.0}}}]},
        "qa.toml", configuration.Path.cwd())
    assert merged.settings_for("a.txt").rule_options == {"QA204": {"min-zipf": 9.0, "short-piece-zipf": 1.0}}
    assert merged.settings_for("a.md").rule_options == {"QA204": {"min-zipf": 9.0}}
    config = {"select": ["QA204"], "rules": {"QA204": {"min-zipf": 9.0}}}
    assert qa.lint_text(GLUED, config=config).findings == ()


@pytest.mark.parametrize("toml, message", [
    ('[rules.QA204]\nmin-zip = 3\n', "[rules.QA204]: unknown option 'min-zip'; QA204 options: min-zipf, short-piece-zipf"),
    ('[rules.QA204]\nmin-zipf = "high"\n', "[rules.QA204]: min-zipf must be a number, not 'high'"),
    ('[rules.QA204]\nmin-zipf = true\n', "[rules.QA204]: min-zipf must be a number, not True"),
    ('[rules.QA405]\nalso-verbs = "की"\n', "[rules.QA405]: also-verbs must be a list of strings, not 'की'"),
    ('[rules.QA999]\nx = 1\n', "[rules.QA999]: unknown rule 'QA999'"),
    ('[rules.QA501]\nx = 1\n', "[rules.QA501]: unknown option 'x'; QA501 options: none"),
    ('rules = 3\n', "rules: expected tables of options"),
])
def test_a_bad_option_is_a_one_line_error_naming_the_file_and_key(tmp_path, toml, message):
    (tmp_path / "qa.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "doc.txt").write_text("बैठक हुई।\n", encoding="utf-8")
    r = run("lint", "doc.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert r.err.count("\n") == 1 and "qa.toml" in r.err and message in r.err, r.err
    with pytest.raises(ConfigError, match=r"qa\.toml"):
        qa.lint_text("बैठक हुई।", config=tmp_path / "qa.toml")


def test_qa_explain_lists_the_options_with_types_and_defaults():
    r = run("explain", "QA204")
    assert r.returncode == 0
    assert "Options (set in `qa.toml` as `[rules.QA204]`):" in r.out
    assert "- `min-zipf` (a number, default `3.5`): " in r.out
    assert "- `also-verbs` (a list of strings, default `[\"की\"]`)" in run("explain", "QA405").out


def test_declarations_are_well_formed():
    for cls in all_rules():
        names = [o.name for o in cls.options]
        assert len(names) == len(set(names)), cls.code
        for o in cls.options:
            assert o.type in OPTION_TYPES and o.doc and "\n" not in o.doc
            assert o.name == o.name.lower() and " " not in o.name and "_" not in o.name
            assert o.parse(list(o.default) if o.type is tuple else o.default) == o.default
            assert get_rule(cls.code).declared(o.name) is o


def test_option_reads_the_configured_value_else_the_default():
    from qa.rules.base import Context

    rule = get_rule("QA204")
    assert rule(Context()).option("min-zipf") == 3.5
    assert rule(Context(options={"rules": {"QA204": {"min-zipf": 4.0}}})).option("min-zipf") == 4.0
    assert rule(Context(options={"rules": {"QA405": {"min-zipf": 4.0}}})).option("min-zipf") == 3.5
    with pytest.raises(KeyError, match="QA204 has no option 'nope'"):
        rule(Context()).option("nope")
