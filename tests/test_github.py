"""GitHub workflow commands: ::error/::warning/::notice with file, line, col, endColumn; capped as
GitHub caps annotations (10 of each kind per step, 50 per job) with a summary of what was left
out; nothing from the document can start a workflow command of its own."""

import re

from qa.model import Category, DocumentResult, Finding, ParagraphResult, Severity
from qa.reporters import github

from conftest import EXAMPLE, ROOT
from runqa import run


def finding(n, severity, line=1, end_line=None, message="msg", text="x", suggestion=None):
    return Finding(
        rule="QA999", name="test-rule", category=Category.SPELLING, mqm="Fluency/Spelling", severity=severity,
        paragraph=0, start=n, end=n + 1, line=line, column=n + 1, end_line=end_line or line, end_column=n + 2,
        text=text, message=message, suggestion=suggestion, path="doc.txt",
    )


def result(findings, path="doc.txt"):
    para = ParagraphResult(index=0, line=1, words=100, penalty=0, score=50.0, findings=tuple(findings))
    return DocumentResult(path=path, words=100, penalty=0, score=50.0, passed=False, threshold=95.0, paragraphs=(para,))


def commands(text):
    return [line for line in text.splitlines() if line.startswith("::")]


def test_one_annotation_line():
    f = finding(4, Severity.MAJOR, line=7, message="glued words", suggestion="था डिजिटल")
    assert github.command("a/doc.txt", f) == (
        "::error file=a/doc.txt,line=7,endLine=7,col=5,endColumn=6,title=QA999 test-rule [major]::"
        "glued words (suggestion: था डिजिटल)"
    )
    assert github.command("d.txt", finding(0, Severity.MINOR)).startswith("::warning ")
    assert github.command("d.txt", finding(0, Severity.INFO)).startswith("::notice ")
    assert github.command("d.txt", finding(0, Severity.CRITICAL)).startswith("::error ")


def test_multi_line_findings_have_no_columns():
    line = github.command("d.txt", finding(0, Severity.MAJOR, line=3, end_line=4))
    assert "line=3,endLine=4," in line and "col=" not in line and "endColumn=" not in line


def test_escaping_keeps_document_text_out_of_the_command_syntax():
    f = finding(0, Severity.MAJOR, message="100% wrong\r\n::warning file=x::injected")
    line = github.command("dir,1/a:b%.txt", f)
    assert line.startswith("::error file=dir%2C1/a%3Ab%25.txt,")
    assert line.endswith("::100%25 wrong%0D%0A::warning file=x::injected")
    assert "\n" not in line


def test_caps_per_kind_and_summary_of_the_rest():
    found = (
        [finding(i, Severity.INFO) for i in range(15)]
        + [finding(100 + i, Severity.MINOR) for i in range(12)]
        + [finding(200 + i, Severity.MAJOR) for i in range(11)]
        + [finding(300 + i, Severity.CRITICAL) for i in range(2)]
    )
    text = github.render([result(found)])
    cmds = commands(text)
    kinds = [c.split(" ", 1)[0] for c in cmds]
    assert kinds.count("::error") == 10 and kinds.count("::warning") == 10 and kinds.count("::notice") == 10
    # the most severe first: both critical findings are among the 10 errors
    assert sum("[critical]" in c for c in cmds) == 2
    summary = [line for line in text.splitlines() if line.startswith("qa: ")]
    assert summary == [
        "qa: 10 of 40 findings were not annotated (3 errors, 5 notices, 2 warnings): GitHub shows at most "
        "10 errors, 10 warnings and 10 notices per step and 50 per job. All of them:"
    ]
    listed = [line for line in text.splitlines() if line.startswith("doc.txt:") and "QA999" in line]
    assert len(listed) == 10
    assert text.rstrip().endswith("doc.txt: score 50.00 (threshold 95), 100 words: FAIL")


def test_job_cap():
    found = [finding(i, s) for s in Severity for i in range(20)]
    text = github.render([result(found)], per_step=20, per_job=50)
    assert len(commands(text)) == 50
    assert "qa: 30 of 80 findings were not annotated" in text


def test_nothing_fits_no_summary():
    text = github.render([result([finding(0, Severity.MAJOR)])])
    assert len(commands(text)) == 1 and "not annotated" not in text


def test_left_out_lines_cannot_start_a_command():
    found = [finding(i, Severity.INFO, message="x\n::error::fake") for i in range(12)]
    text = github.render([result(found)])
    assert len(commands(text)) == 10
    assert all(not line.startswith("::") or line.startswith("::notice file=doc.txt,") for line in text.splitlines())


def test_cli_lint_and_gate_on_the_example():
    proc = run("lint", "--no-config", "--format", "github", EXAMPLE, cwd=ROOT)
    assert proc.returncode == 1
    cmds = commands(proc.out)
    for kind in ("::error", "::warning", "::notice"):
        assert sum(c.startswith(kind + " ") for c in cmds) <= 10
    assert re.search(r"^::error file=.*g7_rome_lyon_2024\.hi\.txt,line=3,endLine=3,col=1,endColumn=3,"
                     r"title=QA501 dangling-postposition \[major\]::", proc.out, re.M)
    gate = run("gate", "--no-config", "--format", "github", EXAMPLE, cwd=ROOT)
    assert gate.returncode == 1 and "gate: FAIL" in gate.out and commands(gate.out) == cmds
