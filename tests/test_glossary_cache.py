"""The glossary cache is keyed by path, modification time and size: a file changed on disk is read
again by the same process (a long-lived API or Dask worker), an unchanged one is not."""

import os

from qa.glossary import load_glossary

HEADER = "it\thi\twrong\talways_wrong\ten\tsource\tnote\n"


def test_a_changed_glossary_file_is_read_again(tmp_path):
    path = tmp_path / "team.tsv"
    path.write_text(HEADER + "vertice\tशिखर सम्मेलन\n", encoding="utf-8")
    first = load_glossary((str(path),), False)
    assert [t.it for t in first.terms] == [("vertice",)]
    assert load_glossary((str(path),), False) is first  # unchanged: the cached glossary
    path.write_text(HEADER + "vertice\tशिखर सम्मेलन\nsummit\tशिखर बैठक\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # even within one tick
    again = load_glossary((str(path),), False)
    assert [t.it for t in again.terms] == [("vertice",), ("summit",)]


def test_same_size_rewrite_within_the_clock_tick_is_noticed_by_mtime(tmp_path):
    path = tmp_path / "team.tsv"
    path.write_text(HEADER + "vertice\tशिखर सम्मेलन\n", encoding="utf-8")
    first = load_glossary((str(path),), False)
    path.write_text(HEADER + "vertixe\tशिखर सम्मेलन\n", encoding="utf-8")  # same size
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert [t.it for t in load_glossary((str(path),), False).terms] == [("vertixe",)]
    assert first.terms[0].it == ("vertice",)
