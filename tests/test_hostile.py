"""Hostile inputs (issue 19): each row of the issue's table that the readers own, as a test."""

from __future__ import annotations

import time

from qa.document import FileParagraphs, from_text
from qa.model import Paragraph


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
