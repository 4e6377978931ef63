"""Reading: decoding, paragraphs and positions (code points of the text as read)."""

import pytest

from qa.document import decode, from_text, split_paragraphs
from qa.errors import InputError
from qa.formats import expand_paths
from qa.model import Paragraph


def test_paragraphs_are_blocks_of_non_blank_lines():
    text = "a b\nc\n\n  \t\nd\r\n\r\ne \n"
    paras = list(split_paragraphs(text))
    assert [p.text for p in paras] == ["a b\nc", "d", "e "]
    assert [p.offset for p in paras] == [0, 11, 16]
    assert [p.line for p in paras] == [1, 5, 7]
    assert [p.index for p in paras] == [0, 1, 2]


def test_paragraph_text_is_as_written():
    text = "\u00a0x\u0915\u093c  \n\n"  # NBSP, decomposed nukta form: nothing normalised
    (p,) = split_paragraphs(text)
    assert p.text == "\u00a0x\u0915\u093c  "


def test_nbsp_only_line_is_blank():
    paras = list(split_paragraphs("a\n\u00a0\nb"))
    assert [p.text for p in paras] == ["a", "b"]


def test_position_counts_code_points_per_line():
    p = Paragraph(index=0, text="अबक\nदेख", offset=10, line=3)
    assert p.position(0) == (3, 1)
    assert p.position(2) == (3, 3)
    assert p.position(4) == (4, 1)
    assert p.position(7) == (4, 4)


def test_crlf_keeps_carriage_return_in_columns():
    (p,) = split_paragraphs("ab\r\ncd")
    assert p.text == "ab\r\ncd"
    assert p.position(4) == (2, 1)


def test_bom_is_accepted_and_dropped():
    assert decode("\ufeffनमस्ते".encode("utf-8"), "x") == "नमस्ते"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "file is empty"),
        (b"  \n\n", "only whitespace"),
        (b"caf\x92 ok", "line 1: not UTF-8 (byte 0x92 at offset 3); save it as UTF-8"),
        ("नमस्ते".encode("utf-16"), "UTF-16"),
        ("नमस्ते".encode("utf-16-le"), "UTF-16"),
        (b"\x7fELF\x02\x01\x00\x00\x00\x00", "binary file (NUL byte at offset 6)"),
    ],
)
def test_decode_errors(data, message):
    with pytest.raises(InputError) as exc:
        decode(data, "notes.txt")
    assert str(exc.value).startswith("notes.txt: ")
    assert message in str(exc.value)


def test_directory_expands_to_sorted_txt(tmp_path):
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.md").write_text("x", encoding="utf-8")
    assert expand_paths([str(tmp_path)]) == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]


def test_directory_walk_skips_what_is_not_a_translation(tmp_path):
    (tmp_path / "a.hi.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.gold.jsonl").write_text('{"id": "G1"}\n', encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text('\n{"name": "x"}\n', encoding="utf-8")
    (tmp_path / "units.jsonl").write_text('{"id": 1, "target": "x"}\n', encoding="utf-8")
    skipped = []
    assert expand_paths([str(tmp_path)], skipped=skipped) == [str(tmp_path / "a.hi.txt"), str(tmp_path / "units.jsonl")]
    assert skipped == [
        (str(tmp_path / "a.gold.jsonl"), "gold annotations, not a translation"),
        (str(tmp_path / "notes.jsonl"), 'its records have no "target": not a translation'),
    ]
    # named explicitly, a file is read whatever it is
    assert expand_paths([str(tmp_path / "a.gold.jsonl")]) == [str(tmp_path / "a.gold.jsonl")]


def test_directory_without_txt_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no .txt file"):
        expand_paths([str(tmp_path)])


def test_from_text_document():
    doc = from_text("एक\n\nदो", "x.txt")
    assert doc.path == "x.txt" and len(doc.paragraphs) == 2
