"""Properties that hold for any input (issue 19), attacked by Hypothesis on every run.

Profiles (tests/conftest.py): ``dev`` (default), ``ci`` (default under CI=true, well within two
minutes for the whole file) and ``fuzz`` (a long benchmark run: ``--hypothesis-profile fuzz``).
Failures found are kept in ``tests/hostile_corpus/`` and replayed by ``test_hostile_corpus.py``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import strategies as S
from runqa import run

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "fixtures" / "schemas" / "sarif-schema-2.1.0.json"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])


def write(tmp_path_factory, ext: str, content: str) -> Path:
    path = tmp_path_factory.mktemp("prop") / f"doc.{ext}"
    path.write_bytes(content.encode("utf-8", "surrogatepass"))
    return path


def file_lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8")
    text = text.removeprefix("\ufeff")
    return [m.group() for m in _LINE.finditer(text)]  # each with its line end (a finding may start on it)


def clean_exit(r) -> None:
    assert r.returncode in (0, 1, 2), r
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    if r.returncode == 2:
        assert len(r.err.strip().splitlines()) >= 1


# -- readers and offsets ------------------------------------------------------------------------


@SLOW
@given(doc=S.any_document)
def test_findings_point_at_their_characters(tmp_path_factory, doc):
    """Every finding's text is the paragraph's [start:end]; line/column point into the file at
    that character (or, for a character the file writes as an escape or reference, at its start)."""
    from qa.api import options_for
    from qa.engine import lint_document
    from qa.errors import InputError
    from qa.formats import read_inputs

    ext, content = doc
    path = write(tmp_path_factory, ext, content)
    try:
        target, source = read_inputs(str(path))
    except InputError:
        return
    from dataclasses import replace

    options = replace(options_for(None), source=source)
    result = lint_document(target, options)
    lines = file_lines(path)
    for f in result.findings:
        para = target.paragraphs[f.paragraph]
        assert f.text == para.text[f.start : f.end]
        assert (f.line, f.column) == para.position(f.start)
        assert (f.end_line, f.end_column) == para.position(f.end)
        assert 1 <= f.line <= len(lines) and 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        if f.start < f.end and ext == "txt":
            ch = para.text[f.start]
            if ch not in "\r\n":
                assert lines[f.line - 1][f.column - 1] == ch, f
        if f.start < f.end and ext in ("xlf", "xliff", "tmx", "po", "html", "jsonl"):
            ch = para.text[f.start]
            raw = lines[f.line - 1][f.column - 1 : f.column]
            if raw and raw not in "&\\<" and not ch.isspace():
                assert raw == ch, (f, raw)


@SLOW
@given(text=S.text())
def test_text_paragraphs_are_slices_of_the_text(text):
    from qa.document import from_text

    body = text.removeprefix("\ufeff")
    for p in from_text(body).paragraphs:
        assert body[p.offset : p.offset + len(p.text)] == p.text
        assert p.text == p.text.rstrip("\r\n") or p.text.endswith(("\r\r", "\n\r", "\r\n\r"))  # one line end dropped


@SLOW
@given(content=S.po_messy(), block=st.integers(1, 3))
def test_a_po_file_read_from_disk_is_the_po_file_read_whole(tmp_path_factory, content, block):
    """The reader of large PO files (entries read again from disk when needed) gives exactly the
    paragraphs, sources, positions and errors of the reader that holds the whole file."""
    from qa.errors import InputError
    from qa.formats import po_file, read_inputs

    path = write(tmp_path_factory, "po", content)
    try:
        whole = read_inputs(str(path))
    except InputError as exc:
        with pytest.raises(InputError) as lazy_error:
            po_file.read_path(str(path))
        assert str(lazy_error.value) == str(exc)
        return
    old, po_file.BLOCK = po_file.BLOCK, block  # several blocks even in a small file
    try:
        target, source = po_file.read_path(str(path))
        assert list(target.paragraphs) == list(whole[0].paragraphs)
        assert [p.position(len(p.text)) for p in target.paragraphs] == [p.position(len(p.text)) for p in whole[0].paragraphs]
        assert (source is None) == (whole[1] is None)
        if source is not None:
            assert list(source.paragraphs) == list(whole[1].paragraphs)
            assert source.paragraphs[len(source.paragraphs) - 1] == whole[1].paragraphs[-1]  # out of order
    finally:
        po_file.BLOCK = old


@SLOW
@given(doc=st.sampled_from(["xlf", "xliff", "tmx"]).flatmap(lambda ext: st.tuples(st.just(ext), S.DOCUMENTS[ext])), block=st.integers(1, 3))
def test_an_xml_file_read_from_disk_is_the_xml_file_read_whole(tmp_path_factory, doc, block):
    """Large XLIFF and TMX files are read in blocks of units, each as a file of its own: the
    paragraphs, sources and positions are those of the reader that holds the whole file."""
    from qa.errors import InputError
    from qa.formats import format_of, read_inputs, xml_file

    ext, content = doc
    path = write(tmp_path_factory, ext, content)
    try:
        whole = read_inputs(str(path))
    except InputError:
        with pytest.raises(InputError):
            xml_file.read_path(str(path), format_of(str(path)))
        return
    old, xml_file.BLOCK = xml_file.BLOCK, block
    try:
        target, source = xml_file.read_path(str(path), format_of(str(path)))
        assert list(target.paragraphs) == list(whole[0].paragraphs)
        assert (source is None) == (whole[1] is None)
        if source is not None:
            assert list(source.paragraphs) == list(whole[1].paragraphs)
    finally:
        xml_file.BLOCK = old


# -- every command: exit 0/1/2, never a traceback; outputs valid and identical -----------------


@SLOW
@given(doc=S.any_document, fmt=st.sampled_from(["text", "json", "jsonl", "sarif", "junit", "github"]))
def test_every_output_is_valid_and_the_exit_clean(tmp_path_factory, doc, fmt):
    ext, content = doc
    path = write(tmp_path_factory, ext, content)
    r = run("lint", "--format", fmt, path)
    clean_exit(r)
    if r.returncode == 2:
        return
    if fmt == "json":
        json.loads(r.out)
    elif fmt == "jsonl":
        for one in r.out.split("\n")[:-1]:  # not splitlines(): U+2028 or U+0085 may stand in a string
            json.loads(one)
    elif fmt == "sarif":
        import jsonschema

        jsonschema.validate(json.loads(r.out), _schema())
    elif fmt == "junit":
        ET.fromstring(r.out.encode("utf-8"))  # well-formed XML 1.0: no control characters
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", r.out)
    again = run("lint", "--format", fmt, path)
    assert (again.returncode, again.out) == (r.returncode, r.out)


_SCHEMA = None


def _schema():
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return _SCHEMA


@SLOW
@given(docs=st.lists(S.any_document, min_size=2, max_size=3))
def test_jobs_and_api_give_identical_output(tmp_path_factory, docs):
    paths = [write(tmp_path_factory, ext, content) for ext, content in docs]
    one = run("lint", "--format", "json", "-j", "1", *paths)
    two = run("lint", "--format", "json", "-j", "2", *paths)
    clean_exit(one)
    assert (one.returncode, one.out, one.err) == (two.returncode, two.out, two.err)


@SLOW
@given(text=S.text())
@example(text="\ufeff\ufeff भारत \n")  # found by the fuzz profile: the file's BOM is no character of its text
def test_cli_and_python_api_agree(tmp_path_factory, text):
    from qa.api import lint_text

    body = text.removeprefix("\ufeff")
    path = write(tmp_path_factory, "txt", body)
    r = run("lint", "--format", "json", path)
    clean_exit(r)
    if r.returncode == 2:
        return
    api = lint_text(body.removeprefix("\ufeff"))  # reading the file drops its leading BOM
    cli = [f for p in json.loads(r.out)["documents"][0]["paragraphs"] for f in p["findings"]]
    assert [(f["rule"], f["line"], f["column"], f["text"]) for f in cli] == [
        (f.rule, f.line, f.column, f.text) for f in api.findings
    ]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.update(a for a, _ in attrs)


@SLOW
@given(doc=S.any_document)
def test_html_report_parses_and_holds_nothing_of_the_input(tmp_path_factory, doc):
    ext, content = doc
    path = write(tmp_path_factory, ext, content)
    r = run("report", path)
    clean_exit(r)
    if r.returncode == 2:
        return
    parser = _Tags()
    parser.feed(r.out)
    parser.close()
    assert "qainjected" not in parser.tags and "onerror" not in parser.attrs
    assert not any(t in parser.tags for t in ("img", "iframe", "object", "embed"))


@SLOW
@given(text=S.text(), command=st.sampled_from(["gate", "lint", "report"]))
def test_commands_on_standard_input(text, command):
    r = run(command, "-", stdin=text)
    clean_exit(r)


# -- writing back: byte-identical outside the targets ------------------------------------------

BILINGUAL = st.sampled_from(["xlf", "xliff", "tmx", "po"]).flatmap(lambda ext: st.tuples(st.just(ext), S.DOCUMENTS[ext]))


def _replace_targets(target, raw: str, fmt: str, texts: dict[int, str]):
    """``qa fix``'s writer (qa.fixer) replacing the whole target of paragraph i with texts[i]."""
    from qa import fixer
    from qa.model import Category, Finding, Severity

    findings = []
    for i, new in texts.items():
        para = target.paragraphs[i]
        (l1, c1), (l2, c2) = para.position(0), para.position(len(para.text))
        findings.append(Finding("QA555", "t", list(Category)[0], "m", Severity.MINOR, i, 0, len(para.text),
                                l1, c1, l2, c2, para.text, "m", suggestion=new))
    return fixer.plan(target, raw, findings, fmt, unsafe=True)


@SLOW
@given(doc=BILINGUAL, data=st.data())
def test_writing_a_bilingual_file_back_changes_only_its_targets(tmp_path_factory, doc, data):
    """Read a bilingual file, replace targets through the writer of ``qa fix`` and read it again:
    the edited targets are the new texts, every other target, source and unit id is as before, and
    the file is byte-identical outside the edited targets (no edit: byte-identical)."""
    from qa import fixer
    from qa.errors import InputError
    from qa.formats import format_of, read_inputs

    ext, content = doc
    path = write(tmp_path_factory, ext, content)
    try:
        target, source = read_inputs(str(path))
    except InputError:
        return
    fmt = format_of(str(path))
    raw = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    assert fixer.apply(raw, ()) == raw
    n = len(target.paragraphs)
    chosen = data.draw(st.lists(st.integers(0, n - 1), unique=True, max_size=n))
    texts = {i: data.draw(S.line.map(S.xml_safe).filter(str.strip)) for i in chosen}
    plan = _replace_targets(target, raw, fmt, texts)
    out = fixer.apply(raw, plan.edits)
    outside = [raw[a.end : b.start] for a, b in zip((fixer.Edit(0, 0, "", None), *plan.edits), (*plan.edits, fixer.Edit(len(raw), len(raw), "", None)))]
    rebuilt = "".join(piece + (e.text if k < len(plan.edits) else "") for k, (piece, e) in enumerate(zip(outside, (*plan.edits, None))))
    assert rebuilt == out  # byte-identical outside the edited spans
    edited = {e.finding.paragraph for e in plan.edits}
    xml_space = re.compile(r"[ \t\r\n]+")  # XML readers collapse whitespace (xml:space="default")

    def same(text: str) -> str:
        return text if fmt == "po" else xml_space.sub(" ", text).strip(" ")

    again_path = write(tmp_path_factory, ext, out)
    again, again_source = read_inputs(str(again_path))
    assert len(again.paragraphs) == n
    for i, (before, after) in enumerate(zip(target.paragraphs, again.paragraphs)):
        assert after.unit == before.unit
        assert same(after.text) == same(texts[i] if i in edited else before.text), (i, texts.get(i))
    assert (source is None) == (again_source is None)
    if source is not None:
        assert [p.text for p in again_source.paragraphs] == [p.text for p in source.paragraphs]


CORPUS = Path(__file__).resolve().parent / "hostile_corpus"


@pytest.mark.parametrize("name", ["xliff-write-back-cr-and-cdata.xlf", "po-write-back-cr.po"])
def test_writing_back_the_cases_the_property_found(tmp_path, name):
    """Found by the round-trip property: the writer counted LF only as a line end (a lone CR sent
    edits to the wrong characters), escaped text inside CDATA, and wrote a CR raw into a PO string."""
    from qa import fixer
    from qa.formats import format_of, read_inputs

    path = CORPUS / name
    target, _ = read_inputs(str(path))
    raw = path.read_bytes().decode("utf-8")
    new = {i: 'नया "पाठ" <&>\r\n' for i in range(len(target.paragraphs))}
    plan = _replace_targets(target, raw, format_of(name), new)
    out = tmp_path / name
    out.write_text(fixer.apply(raw, plan.edits), encoding="utf-8", newline="")
    again, _ = read_inputs(str(out))
    edited = {e.finding.paragraph for e in plan.edits}
    assert edited and len(again.paragraphs) == len(target.paragraphs)
    for i, (before, after) in enumerate(zip(target.paragraphs, again.paragraphs)):
        if i in edited:
            assert after.text.split() == new[i].split()
        else:
            assert after.text == before.text
    if name.endswith(".xlf"):
        assert 1 not in edited  # inside CDATA: left alone
