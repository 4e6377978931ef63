"""JUnit XML (the CI test tab of GitLab, Jenkins, Azure…): a test suite per document, a test case
per paragraph and one for the document's verdict.

A paragraph's case fails when its document fails and the paragraph would not pass on its own
(score below the threshold or a critical finding) or, with ``fail_on`` (``qa lint --fail-on``),
when it has a finding at or above that severity; a failing case lists its findings. The findings of a passing paragraph go
to its ``system-out``, so nothing is hidden.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .. import scoring
from ..model import Document, DocumentResult, ParagraphResult, Severity
from ..scoring import reasons
from ..text.lazy import lazy_re
from .text import finding_line, severity_counts

# characters XML 1.0 cannot carry, even escaped
_NOT_XML = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def paragraph_fails(p: ParagraphResult, doc: DocumentResult, fail_on: Severity | None) -> bool:
    """A paragraph fails when its document fails and it would not pass on its own, or when it
    has a finding at or above ``fail_on``; so the tab's failures agree with the exit code."""
    if scoring.reaches(p.findings, fail_on):
        return True
    return not doc.passed and not scoring.passes(p.score, p.findings, doc.threshold)


def _preview(doc: Document | None, index: int, width: int = 48) -> str:
    if doc is None or index >= len(doc.paragraphs):
        return ""
    text = " ".join(doc.paragraphs[index].text.split())
    if len(text) > width:  # cut between words, never inside a syllable
        cut = text.rfind(" ", 0, width)
        text = text[: cut if cut > 0 else width] + " …"
    return ": " + text


def render(
    results: Sequence[DocumentResult],
    documents: Mapping[str, Document] | None = None,
    fail_on: Severity | None = None,
    **_: object,
) -> str:
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name="qa")
    total_tests = total_failures = 0
    for doc in results:
        source = (documents or {}).get(doc.path)
        suite = ET.SubElement(root, "testsuite", name=xml_safe(doc.path), file=xml_safe(doc.path))
        props = ET.SubElement(suite, "properties")
        for key, value in (("score", f"{doc.score:.2f}"), ("threshold", f"{doc.threshold:g}"),
                           ("words", str(doc.words)), ("passed", str(doc.passed).lower())):
            ET.SubElement(props, "property", name=key, value=value)
        tests = failures = 0
        for p in doc.paragraphs:
            case = ET.SubElement(
                suite, "testcase", classname=xml_safe(doc.path), file=xml_safe(doc.path), line=str(p.line), time="0",
                name=xml_safe(f"paragraph {p.index} (line {p.line}){_preview(source, p.index)}"),
            )
            tests += 1
            body = "\n".join(xml_safe(finding_line(doc.path, f)) for f in p.findings)
            if paragraph_fails(p, doc, fail_on):
                failures += 1
                worst = max((f.severity for f in p.findings), default=Severity.INFO)
                failure = ET.SubElement(
                    case, "failure", type=worst.value,
                    message=f"paragraph {p.index}: score {p.score:.2f}, {severity_counts(p)}",
                )
                failure.text = body
            elif body:
                ET.SubElement(case, "system-out").text = body
        verdict = ET.SubElement(
            suite, "testcase", classname=xml_safe(doc.path), file=xml_safe(doc.path), name="document verdict", time="0"
        )
        tests += 1
        summary = f"score {doc.score:.2f} (threshold {doc.threshold:g}), {doc.words} words, {severity_counts(doc)}"
        if not doc.passed:
            failures += 1
            ET.SubElement(verdict, "failure", type="verdict", message=f"FAIL: {summary}").text = xml_safe(
                "\n".join(reasons(doc))
            )
        else:
            ET.SubElement(verdict, "system-out").text = f"PASS: {summary}"
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        suite.set("time", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

