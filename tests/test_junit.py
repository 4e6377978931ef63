"""JUnit XML: a suite per document, a test case per paragraph (failing ones carry their findings)
and one for the document's verdict; failures agree with the exit code."""

import json
import xml.etree.ElementTree as ET

from test_gate import clean_document

from conftest import EXAMPLE, FIXTURES
from runqa import run


def junit(command, *args):
    proc = run(command, "--no-config", "--format", "junit", *args)
    assert proc.returncode in (0, 1), proc.err
    assert proc.out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return proc.returncode, ET.fromstring(proc.out.split("\n", 1)[1])


def cases(suite):
    return suite.findall("testcase")


def test_a_case_per_paragraph_and_one_verdict():
    code, root = junit("gate", EXAMPLE)
    data = json.loads(run("gate", "--no-config", "--format", "json", EXAMPLE).out)["documents"][0]
    [suite] = root.findall("testsuite")
    assert suite.get("name") == str(EXAMPLE)
    paragraphs = data["paragraphs"]
    tcs = cases(suite)
    assert len(tcs) == len(paragraphs) + 1
    assert int(suite.get("tests")) == len(tcs) == int(root.get("tests"))
    for tc, p in zip(tcs, paragraphs):
        assert tc.get("name").startswith(f"paragraph {p['index']} (line {p['line']}): ")
        assert tc.get("line") == str(p["line"]) and tc.get("file") == str(EXAMPLE)
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props == {"score": f"{data['score']:.2f}", "threshold": "95", "words": str(data["words"]), "passed": "false"}
    assert code == 1 and tcs[-1].get("name") == "document verdict"
    verdict = tcs[-1].find("failure")
    assert verdict is not None and verdict.get("message").startswith(f"FAIL: score {data['score']:.2f}")


def test_failing_paragraphs_list_their_findings():
    _, root = junit("gate", EXAMPLE)
    data = json.loads(run("gate", "--no-config", "--format", "json", EXAMPLE).out)["documents"][0]
    suite = root.find("testsuite")
    failures = 0
    for tc, p in zip(cases(suite), data["paragraphs"]):
        failure = tc.find("failure")
        own_fail = p["score"] < 95 or any(f["severity"] == "critical" for f in p["findings"])
        assert (failure is not None) == own_fail, p["index"]
        if failure is None:
            # a passing paragraph's findings are still there, in system-out
            assert (tc.find("system-out") is not None) == bool(p["findings"])
            continue
        failures += 1
        lines = failure.text.splitlines()
        assert len(lines) == len(p["findings"])
        for line, f in zip(lines, p["findings"]):
            assert line.startswith(f"{EXAMPLE}:{f['line']}:{f['column']}: {f['rule']} [{f['severity']}] ")
    assert int(suite.get("failures")) == failures + 1  # + the verdict


def test_passing_document_has_no_failures(tmp_path):
    code, root = junit("gate", clean_document(tmp_path))
    assert code == 0 and root.get("failures") == "0"
    assert root.find("testsuite/testcase[@name='document verdict']/system-out").text.startswith("PASS: score")


def test_lint_fails_cases_at_fail_on(tmp_path):
    doc = clean_document(tmp_path)
    doc.write_text("की " + doc.read_text(encoding="utf-8"), encoding="utf-8")  # one major, doc still passes
    code, root = junit("gate", doc)
    assert code == 0 and root.get("failures") == "0"
    code, root = junit("lint", doc)
    assert code == 1 and root.get("failures") == "1"
    assert root.find("testsuite/testcase/failure").get("type") == "major"
    code, root = junit("lint", "--fail-on", "critical", doc)
    assert code == 0 and root.get("failures") == "0"


def test_hostile_text_and_control_characters_stay_well_formed(tmp_path):
    doc = tmp_path / "ctl.txt"
    doc.write_text("की\x07बैठक ]]> <![CDATA[ x ]]> & </failure>  हुई।\n", encoding="utf-8")
    code, root = junit("lint", doc, FIXTURES / "hostile.hi.txt")
    assert code == 1
    [first, _] = root.findall("testsuite")
    assert "\\u0007" in first.find("testcase").get("name")
    body = first.find("testcase/failure").text
    assert "QA501" in body
