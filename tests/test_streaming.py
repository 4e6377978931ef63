"""Large files are linted from disk (document.FileParagraphs, engine.lint_path) with exactly the
paragraphs, errors and results of the in-memory path."""

import pytest

from qa import document, engine, runner
from qa.errors import InputError
from qa.rules import select_rules

from conftest import EXAMPLE, FIXTURES

TEXTS = [
    "एक\n\nदो\n",
    "\ufeffपहला अनुच्छेद\r\nदूसरी पंक्ति\r\n\r\n\r\nदूसरा अनुच्छेद\r\n",
    "\n\n  \nशुरू में खाली पंक्तियाँ\n \t\n\u00a0\nबीच में खाली जैसी पंक्तियाँ\n\n\n",
    "अंत में पंक्ति-विराम नहीं",
    "पंक्ति\u2028के भीतर\x85अलग चिह्न\n\nऔर\u00a0no-break\u00a0space \n\n\n",
    "a\r\r\nb\n\nc",
]


@pytest.mark.parametrize("text", TEXTS)
def test_file_paragraphs_are_split_paragraphs(tmp_path, text, monkeypatch):
    monkeypatch.setattr(document, "_CHUNK", 7)  # chunk edges fall inside characters and lines
    path = tmp_path / "t.txt"
    path.write_bytes(text.encode("utf-8"))
    expected = document.read_document(str(path)).paragraphs
    fp = document.FileParagraphs(str(path))
    assert len(fp) == len(expected)
    assert list(fp) == list(expected)
    assert [fp[i] for i in reversed(range(len(fp)))] == list(reversed(expected))
    assert fp[-1] == expected[-1] and fp[0:2] == list(expected[0:2])


@pytest.mark.parametrize("data", [
    b"",
    b"\xff\xfeh\x00i\x00",
    "नमस्ते दुनिया".encode("utf-16-le"),
    b"text\n\nmore text\x00 binary",
    "ठीक है\n\nफिर".encode() + b"\x92 cp1252",
    b"\xef\xbb\xbf" + "ठीक".encode() + b"\xe0\xa4",
    b" \n\t\n\r\n",
])
def test_same_errors_as_reading_into_memory(tmp_path, data, monkeypatch):
    monkeypatch.setattr(document, "_CHUNK", 5)
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as memory:
        document.read_document(str(path))
    with pytest.raises(InputError) as disk:
        document.FileParagraphs(str(path))
    assert str(disk.value) == str(memory.value)


def lint_both(path, monkeypatch):
    """The in-memory result and the streamed one, as the command line gets it (``runner``, which
    reads a big text file from disk through ``formats.read_input``)."""
    options = engine.Options(rules=select_rules())
    in_memory = engine.lint_document(document.read_document(str(path)), options)
    assert engine.lint_path(str(path), options) == in_memory  # small: the in-memory path
    ((doc, small),) = runner.lint_inputs([(str(path), options)])
    assert isinstance(doc.paragraphs, (tuple, list)) and small == in_memory
    monkeypatch.setattr(document, "STREAM_BYTES", 0)
    ((doc, streamed),) = runner.lint_inputs([(str(path), options)])
    assert isinstance(doc.paragraphs, document.FileParagraphs)  # read from disk, as qa lint does
    direct = engine.lint_path(str(path), options)
    assert streamed.findings == direct.findings and list(streamed.paragraphs) == list(direct.paragraphs)
    return in_memory, streamed


@pytest.mark.parametrize("path", [EXAMPLE, FIXTURES / "hostile.hi.txt"])
def test_lint_path_from_disk_gives_the_same_result(path, monkeypatch):
    if not path.exists():
        pytest.skip(f"{path.name} is not in this checkout")
    in_memory, streamed = lint_both(path, monkeypatch)
    assert isinstance(streamed.paragraphs, engine._Results)
    assert list(streamed.paragraphs) == list(in_memory.paragraphs)
    assert streamed.findings == in_memory.findings
    assert (streamed.score, streamed.passed, streamed.words, streamed.penalty) == \
        (in_memory.score, in_memory.passed, in_memory.words, in_memory.penalty)
    assert streamed.paragraphs[-1] == in_memory.paragraphs[-1]


def test_lint_path_on_ntrex_lines(tmp_path, monkeypatch):
    lines = [l for l in (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    path = tmp_path / "ntrex.txt"
    path.write_text("\n\n".join(lines[:400]) + "\n", encoding="utf-8")
    in_memory, streamed = lint_both(path, monkeypatch)
    assert list(streamed.paragraphs) == list(in_memory.paragraphs)


def test_lint_path_errors_name_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(document, "STREAM_BYTES", 0)
    options = engine.Options(rules=select_rules())
    with pytest.raises(InputError, match="no such file"):
        engine.lint_path(str(tmp_path / "missing.txt"), options)
    with pytest.raises(InputError, match="is a directory"):
        engine.lint_path(str(tmp_path), options)
