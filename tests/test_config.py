"""Configuration: qa.toml / [tool.qa] found upward from the working directory, --config,
validation that names the bad key, rule or value (exit 2), per-path overrides, flags override."""

import json
from pathlib import Path

import pytest
from test_cli import err, qa

from qa import config
from qa.model import Severity

from conftest import EXAMPLE
from runqa import run

# a paragraph opening with a dangling postposition (QA501, major) and a doubled space (QA702, info)
DANGLING = "की बैठक रोम में  हुई और सभी देशों के प्रतिनिधि उपस्थित थे।\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(proc) -> list[dict]:
    data = json.loads(proc.out)
    return [f for d in data["documents"] for p in d["paragraphs"] for f in p["findings"]]


# -- discovery -------------------------------------------------------------------------------


def test_found_from_working_directory_upward(tmp_path):
    cfg = write(tmp_path / "qa.toml", "threshold = 80\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert config.find_config(deep) == cfg
    assert config.load(start=deep).settings_for("x.txt").threshold == 80


def test_pyproject_without_tool_qa_is_skipped(tmp_path):
    write(tmp_path / "qa.toml", "threshold = 70\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n[tool.other]\nthreshold = 1\n')
    assert config.find_config(tmp_path / "sub") == tmp_path / "qa.toml"


def test_pyproject_tool_qa_is_used(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.qa]\nthreshold = 90\n\n[tool.qa.severity]\nQA701 = "minor"\n')
    cfg = config.load(start=tmp_path)
    s = cfg.settings_for("doc.txt")
    assert (s.threshold, s.severities) == (90.0, {"QA701": Severity.MINOR})


def test_qa_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.qa]\nthreshold = 90\n")
    write(tmp_path / "qa.toml", "threshold = 60\n")
    assert config.find_config(tmp_path) == tmp_path / "qa.toml"


def test_no_file_means_defaults(tmp_path):
    s = config.Config().settings_for("doc.txt")
    assert (s.threshold, s.fail_on, s.select, s.default_glossaries) == (95.0, "minor", (), True)


# -- validation: exit 2, one line naming the problem -------------------------------------------


@pytest.mark.parametrize(
    "text, named",
    [
        ("trheshold = 90\n", "'trheshold'"),
        ("threshold = 90\nfail_on = 'major'\n", "'fail_on'"),
        ("select = ['QA999']\n", "'QA999'"),
        ("ignore = ['spelingg']\n", "'spelingg'"),
        ("[severity]\nQA999 = 'minor'\n", "'QA999'"),
        ("[severity]\nQA701 = 'severe'\n", "'severe'"),
        ("threshold = 120\n", "120"),
        ("threshold = 'high'\n", "'high'"),
        ("fail-on = 'sometimes'\n", "'sometimes'"),
        ("select = 'QA5'\n", "select must be a list"),
        ("default-glossaries = 'no'\n", "default-glossaries"),
        ("glossaries = ['missing.tsv']\n", "'missing.tsv'"),
        ("[[overrides]]\nthreshold = 80\n", "`paths` is required"),
        ("[[overrides]]\npaths = ['*.txt']\ntreshold = 80\n", "'treshold'"),
        ("[[overrides]]\npaths = ['*.txt']\nfail-on = 'major'\n", "'fail-on'"),
        ("threshold = = 1\n", "not valid TOML"),
        ("window = -1\n", "window must be a whole number"),
        ("window = 'wide'\n", "'wide'"),
        ("window = true\n", "window must be a whole number"),
    ],
)
def test_bad_configuration_is_an_error_naming_it(tmp_path, text, named):
    write(tmp_path / "qa.toml", text)
    with pytest.raises(config.ConfigError) as caught:  # a QAError: one line on stderr, exit 2
        config.load(start=tmp_path)
    message = str(caught.value)
    assert named in message and "qa.toml" in message and "\n" not in message


def test_bad_configuration_exits_2_with_one_line(tmp_path):
    write(tmp_path / "qa.toml", "[severity]\nQA701 = 'severe'\n")
    for command in ("lint", "gate", "report"):
        proc = run(command, write(tmp_path / "doc.txt", DANGLING), cwd=tmp_path)
        assert proc.returncode == 2, proc.err
        assert "'severe'" in proc.err and len(proc.err.strip().splitlines()) == 1 and "Traceback" not in proc.err


def test_misspelt_key_suggests_the_right_one(tmp_path):
    write(tmp_path / "qa.toml", "trheshold = 90\n")
    proc = qa("gate", write(tmp_path / "doc.txt", DANGLING), cwd=tmp_path)  # a real process, end to end
    assert proc.returncode == 2
    assert err(proc).startswith("qa: ") and "Traceback" not in err(proc)
    assert "unknown key 'trheshold'; did you mean 'threshold'?" in err(proc)


def test_misspelt_key_in_pyproject_names_the_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.qa]\nselcet = ['QA5']\n")
    proc = run("lint", write(tmp_path / "doc.txt", DANGLING), cwd=tmp_path)
    assert proc.returncode == 2
    assert "[tool.qa]" in proc.err and "'selcet'" in proc.err and "did you mean 'select'" in proc.err


def test_explicit_config_that_does_not_exist(tmp_path):
    proc = run("lint", "--config", tmp_path / "nope.toml", EXAMPLE)
    assert proc.returncode == 2 and "nope.toml: no such configuration file" in proc.err


def test_bad_severity_flag(tmp_path):
    for value, named in (("QA701", "CODE=LEVEL"), ("QA999=minor", "'QA999'"), ("QA701=huge", "'huge'")):
        proc = run("lint", "--no-config", "--severity", value, EXAMPLE)
        assert proc.returncode == 2 and named in proc.err, (value, proc.err)


# -- effect ----------------------------------------------------------------------------------


def test_select_ignore_and_severity_from_the_file(tmp_path):
    write(tmp_path / "qa.toml", 'select = ["structure", "QA702"]\nignore = ["QA502"]\n[severity]\ndangling-postposition = "critical"\n')
    doc = write(tmp_path / "doc.txt", DANGLING)
    proc = run("lint", "--format", "json", doc, cwd=tmp_path)
    got = {(f["rule"], f["severity"]) for f in findings(proc)}
    assert got == {("QA501", "critical"), ("QA702", "info")}
    assert proc.returncode == 1


def test_flags_override_the_file(tmp_path):
    write(tmp_path / "qa.toml", 'select = ["QA702"]\nthreshold = 10\nfail-on = "none"\n[severity]\nQA702 = "critical"\n')
    doc = write(tmp_path / "doc.txt", DANGLING)
    # the file alone: only QA702, made critical: the document fails
    proc = run("lint", "--format", "json", doc, cwd=tmp_path)
    assert [(f["rule"], f["severity"]) for f in findings(proc)] == [("QA702", "critical")]
    assert proc.returncode == 1
    # flags win: --select, --severity, --threshold, --fail-on
    proc = run("lint", "--format", "json", "--select", "QA501", "--threshold", "0", "--fail-on", "critical", doc, cwd=tmp_path)
    assert [(f["rule"], f["severity"]) for f in findings(proc)] == [("QA501", "major")]
    assert json.loads(proc.out)["documents"][0]["threshold"] == 0
    assert proc.returncode == 0
    proc = run("lint", "--format", "json", "--severity", "QA702=minor", doc, cwd=tmp_path)
    assert [(f["rule"], f["severity"]) for f in findings(proc)] == [("QA702", "minor")]


def test_no_config_and_explicit_config(tmp_path):
    write(tmp_path / "qa.toml", 'select = ["QA702"]\n')
    other = write(tmp_path / "conf" / "strict.toml", 'select = ["QA501"]\n')
    doc = write(tmp_path / "doc.txt", DANGLING)
    rules = lambda *a: {f["rule"] for f in findings(run("lint", "--format", "json", *a, doc, cwd=tmp_path))}
    assert rules() == {"QA702"}
    assert rules("--config", other) == {"QA501"}
    assert "QA501" in rules("--no-config") and "QA702" in rules("--no-config")


def test_per_path_overrides(tmp_path):
    write(
        tmp_path / "qa.toml",
        'threshold = 99\n'
        '[[overrides]]\npaths = ["drafts/*.txt"]\nthreshold = 50\n[overrides.severity]\nQA501 = "minor"\n'
        '[[overrides]]\npaths = ["notes.txt"]\nignore = ["QA501"]\n',
    )
    for name in ("final/doc.txt", "drafts/doc.txt", "deep/notes.txt"):
        write(tmp_path / name, DANGLING)
    proc = run("lint", "--format", "json", "final", "drafts", "deep", cwd=tmp_path)
    docs = {d["path"]: d for d in json.loads(proc.out)["documents"]}
    final, draft, notes = docs["final/doc.txt"], docs["drafts/doc.txt"], docs["deep/notes.txt"]
    assert final["threshold"] == 99 and not final["passed"]
    assert draft["threshold"] == 50 and draft["passed"]
    sev = lambda d: {f["rule"]: f["severity"] for p in d["paragraphs"] for f in p["findings"]}
    assert sev(final)["QA501"] == "major" and sev(draft)["QA501"] == "minor"
    assert "QA501" not in sev(notes)  # a pattern without / matches the file name in any folder


def test_glossaries_are_relative_to_the_file_and_may_replace_the_defaults(tmp_path):
    gloss = write(tmp_path / "terms" / "team.tsv", "term\tnote\n")
    write(tmp_path / "qa.toml", 'glossaries = ["terms/team.tsv"]\ndefault-glossaries = false\n')
    sub = tmp_path / "work"
    sub.mkdir()
    s = config.load(start=sub).settings_for("doc.txt", {"glossaries": ("/extra.tsv",)})
    assert s.glossaries == (str(gloss.resolve()), "/extra.tsv")  # --glossary adds to the file's
    assert s.default_glossaries is False


def test_severity_tables_merge_rule_by_rule(tmp_path):
    write(tmp_path / "qa.toml", '[severity]\nQA701 = "minor"\nQA702 = "minor"\n[[overrides]]\npaths = ["*.txt"]\n[overrides.severity]\nQA702 = "major"\n')
    s = config.load(start=tmp_path).settings_for(str(tmp_path / "a.txt"), {"severities": {"QA703": Severity.CRITICAL}})
    assert s.severities == {"QA701": Severity.MINOR, "QA702": Severity.MAJOR, "QA703": Severity.CRITICAL}


def test_window_sets_how_far_document_level_rules_compare(tmp_path):
    # G7 and जी7 60 paragraphs apart: another article for the default window of 40
    text = "G7 देशों की बैठक।\n\n" + "बैठक हुई।\n\n" * 60 + "जी7 देशों ने कहा।\n"
    doc = write(tmp_path / "doc.txt", text)
    assert config.Config().settings_for("doc.txt").window == 40
    proc = run("lint", "--format", "json", "--select", "QA550", doc, cwd=tmp_path)
    assert findings(proc) == [] and proc.returncode == 0
    write(tmp_path / "qa.toml", "window = 0\n")
    proc = run("lint", "--format", "json", "--select", "QA550", doc, cwd=tmp_path)
    assert [(f["rule"], f["line"], f["text"]) for f in findings(proc)] == [("QA550", 123, "जी7")]
    assert proc.returncode == 1
