"""Hostile inputs (issue 19): each row of the issue's table that the readers own, as a test."""

from __future__ import annotations

import os
import time

import pytest

from qa.api import lint_text
from qa.document import FileParagraphs, from_text
from qa.errors import InputError
from qa.formats import read_inputs
from qa.model import Paragraph

from runqa import run


def test_cr_only_line_ends_are_line_ends():
    doc = from_text("पहला\rदूसरा\r\rतीसरा\r")
    assert [(p.text, p.offset, p.line) for p in doc.paragraphs] == [("पहला\rदूसरा", 0, 1), ("तीसरा", 12, 4)]
    assert doc.paragraphs[0].position(5) == (2, 1)


def test_cr_only_file_paragraphs_match(tmp_path):
    text = "a\rb\r\rc\r\nd\n\ne\rf"
    path = tmp_path / "cr.txt"
    path.write_bytes(text.encode())
    assert list(FileParagraphs(str(path))) == list(from_text(text).paragraphs)


def test_position_is_linear_on_a_long_paragraph():
    text = "\n".join("शब्द" for _ in range(200_000))
    para = Paragraph(index=0, text=text, offset=0, line=1)
    begin = time.perf_counter()
    got = [para.position(i) for i in range(0, len(text), 7)]
    assert time.perf_counter() - begin < 5
    assert got[1] == (2, 3)  # offset 7: line 2 ("शब्द\n" is 5 code points), column 3


# -- files that are not files: devices and FIFOs never read ---------------------------------------




EXAMPLE_TEXT = "भारत ने आज रोम में बैठक की।\n"


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "doc.hi.txt"
    path.write_text(EXAMPLE_TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["device", "fifo"])
@pytest.mark.parametrize("option", ["--glossary", "--baseline", "gold", "glossary-tbx"])
def test_auxiliary_file_that_is_a_device_or_fifo(tmp_path, doc, kind, option):
    if kind == "device":
        bad = "/dev/zero"
    else:
        bad = str(tmp_path / ("fifo.tbx" if option == "glossary-tbx" else "fifo"))
        os.mkfifo(bad)
    if option == "gold":
        r = run("eval", doc, bad)
    elif option == "glossary-tbx":
        if kind == "device":
            pytest.skip("a device has no .tbx name")
        r = run("lint", doc, "--glossary", bad)
    else:
        r = run("lint", doc, option, bad)
    assert r.returncode == 2
    assert "Traceback" not in r.err and "internal error" not in r.err
    assert ("a FIFO" if kind == "fifo" else "a device") in r.err
    assert len(r.err.strip().splitlines()) == 1


def jsonl(tmp_path, line: str):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "1", "target": "भारत ने आज बैठक की।"}\n' + line + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "line, says",
    [
        ('{"id": "2", "target": "क\\ud800ख"}', '"target" holds a lone surrogate'),
        ('{"id": "2", "target": "क", "n": ' + "9" * 5000 + "}", "line 2: not a record qa reads"),
        ('{"id": "2", "target": "क", "n": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deep"),
    ],
)
def test_hostile_json_lines_is_one_line_naming_the_line(tmp_path, line, says):
    r = run("lint", jsonl(tmp_path, line))
    assert r.returncode == 2, r.err
    assert says in r.err and "line 2" in r.err and "internal error" not in r.err
    assert len(r.err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "body, says",
    [
        ('{"qa-baseline": 1, "entries": [' + "[" * 100_000 + "]" * 100_000 + "]}", "nested too deep"),
        ('{"qa-baseline": 1, "n": ' + "9" * 5000 + ', "entries": []}', "not a qa baseline"),
        ('{"qa-baseline": 1, "entries": [{"rule": "QA1", "paragraph": "x", "text": "\\udc00"}]}', "lone surrogate"),
    ],
)
def test_hostile_baseline(tmp_path, doc, body, says):
    base = tmp_path / "base.json"
    base.write_text(body, encoding="utf-8")
    r = run("lint", doc, "--baseline", base)
    assert r.returncode == 2 and says in r.err and "internal error" not in r.err


def test_gold_with_huge_number_or_deep_nesting(tmp_path, doc):
    gold = tmp_path / "g.jsonl"
    gold.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    r = run("eval", doc, gold)
    assert r.returncode == 2 and "line 1" in r.err and "internal error" not in r.err


def test_qa_toml_nested_deep(tmp_path, doc):
    (tmp_path / "qa.toml").write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    r = run("lint", doc, cwd=tmp_path)
    assert r.returncode == 2 and "qa.toml" in r.err and "nested too deep" in r.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_subfolder_is_an_error(tmp_path, doc):
    sub = tmp_path / "locked"
    sub.mkdir()
    (sub / "x.txt").write_text(EXAMPLE_TEXT, encoding="utf-8")
    sub.chmod(0)
    try:
        r = run("gate", tmp_path)
    finally:
        sub.chmod(0o755)
    assert r.returncode == 2 and "permission denied" in r.err and "locked" in r.err


def test_walk_error_is_an_input_error(tmp_path, monkeypatch):
    from qa import formats
    from qa.errors import InputError

    (tmp_path / "a.txt").write_text(EXAMPLE_TEXT, encoding="utf-8")

    def walk(top, onerror=None, **_):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield str(tmp_path), [], ["a.txt"]

    monkeypatch.setattr(formats.os, "walk", walk)
    with pytest.raises(InputError, match="locked: permission denied"):
        formats.expand_paths([str(tmp_path)])


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_called_utf32(tmp_path, encoding):
    path = tmp_path / "x.txt"
    path.write_bytes("भारत ने आज बैठक की। ok\n".encode(encoding))
    r = run("lint", path)
    assert r.returncode == 2 and "is UTF-32" in r.err


@pytest.mark.parametrize("ext, wrap", [
    ("xlf", '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>{}</target></trans-unit></body></file></xliff>'),
    ("tmx", '<tmx version="1.4"><header srclang="it"/><body><tu><tuv xml:lang="hi"><seg>{}</seg></tuv></tu></body></tmx>'),
])
def test_xml_depth_error_speaks_to_a_user(tmp_path, ext, wrap):
    path = tmp_path / f"deep.{ext}"
    path.write_text(wrap.format("<g>" * 5000 + "क" + "</g>" * 5000), encoding="utf-8")
    r = run("lint", path)
    assert r.returncode == 2 and "nested too deep" in r.err
    assert "XML_PARSE_HUGE" not in r.err and "internal error" not in r.err


# -- PO: qa's own reader ---------------------------------------------------------------------------


PO_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'


def read_po(tmp_path, body: str):
    path = tmp_path / "x.po"
    path.write_text(PO_HEAD + body, encoding="utf-8")
    return read_inputs(str(path))


def test_po_every_plural_form_is_checked(tmp_path):
    doc, source = read_po(tmp_path, 'msgctxt "c"\nmsgid "un file"\nmsgid_plural "%d file"\nmsgstr[0] "एक फ़ाइल"\nmsgstr[1] "%d फ़ाइलें"\n')
    assert [(p.unit, p.text) for p in doc.paragraphs] == [("c[0]", "एक फ़ाइल"), ("c[1]", "%d फ़ाइलें")]
    assert [p.text for p in source.paragraphs] == ["un file", "%d file"]
    assert doc.paragraphs[1].position(0) == (10, 12)


@pytest.mark.parametrize(
    "body, says",
    [
        ('msgid "a"\nmsgstr "b\n', "line 7: not a valid PO file (unterminated string)"),
        ('msgid "a"\nmsgstr "b\\q"\n', "line 7: not a valid PO file (bad escape \\q"),
        ('msgid "a"\nmsgstr "b" extra\n', "line 7: not a valid PO file (text after the closing quote"),
        ('msgid "a"\nmsgtsr "b"\n', "line 7: not a valid PO file (unknown keyword"),
        ('msgstr "b"\n', "line 6: not a valid PO file (msgstr without a msgid)"),
        ('msgid "a"\nmsgstr[0] "b"\n', "without a msgid_plural"),
        ('"stray"\n', "a string with no msgid"),
        ('msgid "a"\nmsgstr "ok"\n"\\\n', "unterminated string"),
    ],
)
def test_po_malformed_is_refused_naming_the_line(tmp_path, body, says):
    with pytest.raises(InputError, match="x.po: ") as info:
        read_po(tmp_path, body)
    assert says in str(info.value)


def test_po_positions_of_escapes_and_continuations(tmp_path):
    doc, _ = read_po(tmp_path, '#: a.c:1\nmsgid "x"\nmsgstr ""\n"क\\t\\"ख\\""\n  "ग\\101"\n')
    para = doc.paragraphs[0]
    assert para.unit == "a.c:1" and para.text == 'क\t"ख"गA'
    assert [para.position(i) for i in range(len(para.text) + 1)] == [
        (9, 2), (9, 3), (9, 5), (9, 7), (9, 8), (10, 4), (10, 5), (10, 9)]


def test_po_cr_only_line_ends(tmp_path):
    path = tmp_path / "x.po"
    path.write_bytes(b'msgid "a"\rmsgstr "\xe0\xa4\x95"\r')
    doc, _ = read_inputs(str(path))
    assert doc.paragraphs[0].text == "क" and doc.paragraphs[0].position(0) == (2, 9)


# -- nothing to publish: the same verdict in every format ------------------------------------------

ZW = "\u200d\u200c\u200b\u00ad"
EMPTY_TARGETS = {
    "x.jsonl": '{"id": "1", "target": ""}\n{"id": "2", "target": "' + "\\u200d" * 50 + '"}\n',
    "x.xlf": '<xliff version="1.2"><file original="a" source-language="it" datatype="plaintext"><body>'
    '<trans-unit id="1"><source>Ciao</source><target></target></trans-unit>'
    '<trans-unit id="2"><source>Roma</source><target>&#xAD;</target></trans-unit></body></file></xliff>',
    "x.tmx": '<tmx version="1.4"><header srclang="it"/><body><tu><tuv xml:lang="it"><seg>Ciao</seg></tuv>'
    '<tuv xml:lang="hi"><seg>\u200b</seg></tuv></tu></body></tmx>',
    "x.po": 'msgid "Ciao"\nmsgstr ""\n\nmsgid "Roma"\nmsgstr ""\n',
    "x.txt": ZW * 1000 + "\n",
    "x.html": "<html><body><p>" + ZW + "</p></body></html>",
}


@pytest.mark.parametrize("per_paragraph", [False, True], ids=["document", "paragraph-documents"])
@pytest.mark.parametrize("name", EMPTY_TARGETS)
def test_gate_fails_when_there_is_nothing_to_publish(tmp_path, name, per_paragraph):
    path = tmp_path / name
    path.write_text(EMPTY_TARGETS[name], encoding="utf-8")
    r = run("gate", *(["--paragraph-documents"] if per_paragraph else []), path)
    assert r.returncode in (1, 2), (r.out, r.err)
    assert "PASS" not in r.out
    if r.returncode == 1:
        assert "nothing to publish" in r.out + r.err


def test_a_number_alone_is_something_to_publish(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": "1", "target": "2024"}\n', encoding="utf-8")
    assert run("gate", path).returncode == 0


def test_every_path_gives_the_same_nothing_to_publish_verdict(tmp_path):
    from dataclasses import replace

    from qa.api import options_for
    from qa.formats import read_inputs
    from qa.runner import Part, lint_part

    path = tmp_path / "x.xlf"
    path.write_text(EMPTY_TARGETS["x.xlf"], encoding="utf-8")
    doc, source = read_inputs(str(path))
    for per_paragraph in (False, True):
        options = replace(options_for(None), paragraph_documents=per_paragraph)
        result = lint_part(Part(doc.path, options, doc, source))
        assert result.empty and not result.passed, per_paragraph


def test_scoring_decides_nothing_to_publish():
    from qa import scoring

    assert scoring.nothing_to_publish(0, ["", ZW, "\u00a0 ।"])
    assert not scoring.nothing_to_publish(0, ["", "2024"])
    assert not scoring.nothing_to_publish(3, iter(()))
    assert not scoring.passes(100.0, [], 95.0, empty=True)


# -- zero-width characters ---------------------------------------------------------------------



def _hits(text):
    return [(f.rule, f.severity, f.start, f.end) for f in lint_text(text).findings if f.rule == "QA303"]


def test_a_million_zero_width_joiners_are_flagged_with_a_short_message():
    text = "बैठक " + "\u200d" * 1_000_000 + " हुई।"
    found = [f for f in lint_text(text).findings if f.rule == "QA303"]
    assert [(f.start, f.end, f.severity) for f in found] == [(5, 1_000_005, "minor")]
    assert found[0].text == text[5:1_000_005] and len(found[0].message) < 200


@pytest.mark.parametrize("text", ["र्\u200dय और क्\u200cष हुए।", "परिवार 👨\u200d👩\u200d👧 साथ आया।", "शब्द\u00adविभाजन हुआ।", "एक\u200bशब्द है।"])
def test_joiners_that_do_work_pass(text):
    assert _hits(text) == []


def test_a_lone_stray_joiner_is_info_and_a_run_minor():
    assert _hits("बैठक\u200c में हुई।") == [("QA303", "info", 4, 5)]
    assert _hits("रो\u200b\u00adम में हुई।") == [("QA303", "minor", 2, 4)]
    # beside a space a short run splits no word: info (WMT24: "मानना \u200b\u200bहै")
    assert _hits("रोम\u200b\u00ad में हुई।") == [("QA303", "info", 3, 5)]


# -- a file that changes under qa ------------------------------------------------------------

@pytest.mark.parametrize("change", ["truncate", "edit", "remove"])
def test_large_file_changed_during_the_run_is_an_error(tmp_path, change):
    path = tmp_path / "big.txt"
    path.write_text("भारत ने आज बैठक की।\n\n" * 1000, encoding="utf-8")
    paras = FileParagraphs(str(path))
    assert paras[3].text == "भारत ने आज बैठक की।"
    if change == "truncate":
        with open(path, "r+b") as fh:
            fh.truncate(100)
    elif change == "edit":
        path.write_text("भारत ने आज बैठक की।\n\n" * 999 + "बदला\n\n", encoding="utf-8")
        os.utime(path, ns=(1, 1))
    else:
        path.unlink()
    with pytest.raises(InputError, match="big.txt: changed while it was being checked"):
        list(paras)


def test_repeated_paragraph_names_the_right_paragraph_in_a_long_file(tmp_path):
    paras = ["यह अनुच्छेद संख्या %d है और इसमें कुछ शब्द हैं।" % i for i in range(2500)]
    paras[2400] = paras[2100]
    path = tmp_path / "rep.txt"
    path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    for jobs in ("1", "2"):
        r = run("lint", "-j", jobs, "--select", "QA502", path)
        assert f"{path}:4801:1: QA502" in r.out and "repeats paragraph 2100 (line 4201)" in r.out


def test_two_million_select_entries_take_reasonable_time(tmp_path, doc):
    (tmp_path / "qa.toml").write_text("select = [" + ", ".join(['"QA1"'] * 2_000_000) + "]\n", encoding="utf-8")
    begin = time.perf_counter()
    r = run("lint", doc, cwd=tmp_path)
    assert r.returncode in (0, 1) and time.perf_counter() - begin < 30


def test_a_bad_select_list_message_stays_short(tmp_path, doc):
    (tmp_path / "qa.toml").write_text("select = [" + ", ".join(["1"] * 100_000) + "]\n", encoding="utf-8")
    r = run("lint", doc, cwd=tmp_path)
    assert r.returncode == 2 and len(r.err) < 400


def test_finding_messages_are_bounded():
    from qa.model import MAX_MESSAGE, Category, Finding, Severity

    f = Finding("QA1", "x", Category.SPELLING, "m", Severity.MINOR, 0, 0, 1, 1, 1, 1, 2, "a", "quoted " + "क" * 10**6)
    assert len(f.message) == MAX_MESSAGE and f.message.endswith("…")
    text = "रोम " + ("बैठक बैठक " * 50_000)
    assert all(len(g.message) <= MAX_MESSAGE for g in lint_text(text).findings)


def test_small_file_changed_while_read_is_an_error(tmp_path, monkeypatch):
    from qa import document

    path = tmp_path / "x.txt"
    path.write_text(EXAMPLE_TEXT * 10, encoding="utf-8")
    real = os.fstat
    calls = []

    def fstat(fd):  # the second look sees the file truncated
        calls.append(fd)
        st = real(fd)
        if len(calls) == 2:
            os.truncate(path, 5)
            st = real(fd)
        return st

    monkeypatch.setattr(document.os, "fstat", fstat)
    with pytest.raises(InputError, match="x.txt: changed while it was being read"):
        document.read_bytes(str(path))


# -- large bilingual files, read from disk -------------------------------------------------------

BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefg", "bcdefgh"))
    + '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<xliff version="1.2"><file original="a" source-language="it" '
    'datatype="plaintext"><body>\n<trans-unit id="1"><source>Ciao</source><target>&h; &xxe;</target></trans-unit>'
    "</body></file></xliff>\n"
)


def test_a_large_xliff_refuses_entity_bombs_and_reads_no_external_entity(tmp_path):
    from qa.errors import InputError
    from qa.formats import xml_file

    path = tmp_path / "bomb.xlf"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(InputError, match="line 4: not well-formed XML"):
        xml_file.read_path(str(path), "xliff")


def test_a_large_po_file_edited_while_it_is_checked_is_an_error(tmp_path):
    from qa.errors import InputError
    from qa.formats import po_file

    path = tmp_path / "x.po"
    path.write_text('msgid "Roma"\nmsgstr "रोम"\n\nmsgid "Ciao"\nmsgstr "नमस्ते"\n', encoding="utf-8")
    target, source = po_file.read_path(str(path))
    assert [p.text for p in target.paragraphs] == ["रोम", "नमस्ते"] and source.paragraphs[1].text == "Ciao"
    path.write_text('msgid "Roma"\nmsgstr "रोम"\n', encoding="utf-8")
    po_file.read_path(str(path))  # a new index reads the new file
    with pytest.raises(InputError, match="changed while it was being checked"):
        target.paragraphs._index._block = None
        target.paragraphs[1]


def test_a_repeat_past_two_thousand_paragraphs_names_the_right_paragraph():
    from qa.api import lint_text

    paras = [f"यह अनुच्छेद संख्या {i} है और इसमें कुछ शब्द हैं।" for i in range(2500)]
    paras[2300] = paras[2100]
    repeats = [f for f in lint_text("\n\n".join(paras)).findings if f.rule == "QA502"]
    assert [(f.paragraph, f.line) for f in repeats] == [(2300, 4601)]
    assert "paragraph 2100 (line 4201)" in repeats[0].message  # numbered as for a short document
