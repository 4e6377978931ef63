"""`qa report`: one self-contained HTML page; a mark per finding (overlaps included), everything
from the input escaped, the Italian beside the Hindi, filters that need JavaScript hidden without it."""

import base64
import hashlib
import json
import re
from datetime import UTC
from html.parser import HTMLParser

import pytest

from qa.model import Category, Finding, Severity
from qa.reporters import html

from conftest import EXAMPLE, FIXTURES, SOURCE
from runqa import run

HOSTILE = FIXTURES / "hostile.hi.txt"


class Page(HTMLParser):
    """The parts of a report the tests look at: marks (and the text each finding covers),
    elements by tag, cards, the text of the whole page."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags: dict[str, list[dict]] = {}
        self.open_marks: list[str] = []
        self.covered: dict[str, str] = {}
        self.heads: list[str] = []
        self.banners: list[str] = []
        self.text: list[str] = []
        self.in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.setdefault(tag, []).append(a)
        if tag == "mark" and "data-src" in a:  # the matching span in the source
            self.open_marks.append("src:" + a["data-src"])
            self.covered.setdefault("src:" + a["data-src"], "")
        elif tag == "mark":
            self.open_marks.append(a["data-finding"])
            self.covered.setdefault(a["data-finding"], "")
            if "data-head" in a:
                self.heads.append(a["data-finding"])
        if "data-banner" in a:
            self.banners.append(a["data-finding"])
        self.in_script = tag in ("script", "style")

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open_marks.pop()
        self.in_script = False

    def handle_data(self, data):
        for fid in set(self.open_marks):
            self.covered[fid] += data
        if not self.in_script:
            self.text.append(data)


def report(*args, cwd=None):
    proc = run("report", "--no-config", *args, cwd=cwd)
    assert proc.returncode == 0, proc.err
    return proc


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    proc = report(EXAMPLE, "--source", SOURCE, "-o", out)
    assert proc.err.startswith(f"qa: wrote {out} (")
    text = out.read_text(encoding="utf-8")
    data = json.loads(run("lint", "--no-config", "--source", SOURCE, "--format", "json", EXAMPLE).out)["documents"][0]
    return text, Page(text), data


def test_a_mark_per_finding_covering_its_text(example):
    _, page, data = example
    findings = {f"p{p['index']}-{k}": f for p in data["paragraphs"] for k, f in enumerate(p["findings"], 1)}
    assert len(findings) > 0
    # a whole-paragraph finding (the repeated paragraph) is a banner; every other one has marks
    assert page.banners == ["p11-1"] and findings["p11-1"]["rule"] == "QA502"
    assert len(page.heads) == len(findings) - 1 and set(page.heads) | set(page.banners) == set(findings)
    for fid, f in findings.items():
        if fid in page.banners:
            continue
        assert page.covered[fid] == f["text"], fid
    assert not page.open_marks  # every mark closed, properly nested


def test_the_source_span_of_a_finding_is_marked(example):
    _, page, _data = example
    covered = {k[4:]: v for k, v in page.covered.items() if k.startswith("src:")}
    # an Italian word left in the Hindi, and the source term of a mistranslation, found in the source
    assert covered["p3-1"] == "Presidenza" and covered["p3-3"] == "contrasto"
    assert "p3-12" not in covered  # an empty quotation has nothing to point at in the source
    assert all(k.startswith(("p0-", "p1-", "p2-", "p3-")) for k in covered)  # the 4 source paragraphs
    finding = Finding(rule="QA999", name="t", category=Category.MISTRANSLATION, mqm="m", severity=Severity.MAJOR,
                      paragraph=0, start=0, end=1, line=1, column=1, end_line=1, end_column=2, text="x",
                      message="the source's “anno” is missing")
    assert html.source_span(finding, "Nell'anno 2024") == (5, 9)
    assert html.source_span(finding, "anno dopo anno") is None  # ambiguous: not marked


def test_cards_scores_and_source(example):
    text, page, data = example
    cards = [a for a in page.tags["article"]]
    assert [a["id"] for a in cards] == [f"para-{p['index']}" for p in data["paragraphs"]]
    for card, p in zip(cards, data["paragraphs"]):
        failing = p["score"] < 95 or any(f["severity"] == "critical" for f in p["findings"])
        assert card["data-passed"] == ("false" if failing else "true")
        assert f"{p['score']:.2f} {'FAIL' if failing else 'PASS'}</span>" in text
    italian = SOURCE.read_text(encoding="utf-8").split("\n\n")[0].strip()
    assert f'<div class="source" lang="it">{italian}</div>' in re.sub(r"</?mark[^>]*>", "", text)
    assert text.count('<div class="source" lang="it">') == len(cards)
    assert text.count("(no aligned source paragraph)") == len(cards) - 4
    assert f"score {data['score']:.2f}" in text and ("FAIL" if not data["passed"] else "PASS") in text


def test_chart_and_counts(example):
    text, page, data = example
    per = {}
    for p in data["paragraphs"]:
        for f in p["findings"]:
            per[(f["category"], f["severity"])] = per.get((f["category"], f["severity"]), 0) + 1
    titles = re.findall(r"<rect [^>]*><title>([a-z]+), ([a-z]+): (\d+)</title></rect>", text)
    assert {(c, s): int(n) for c, s, n in titles} == per
    assert page.tags["svg"][0]["role"] == "img"


def test_self_contained_and_script_pinned_by_csp(example):
    text, page, _ = example
    assert set(page.tags) >= {"mark", "article", "svg", "form"}
    assert "link" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:|//)""", text)
    assert "url(" not in text and "@import" not in text and "@font-face" not in text
    [script] = page.tags["script"]
    assert script == {}
    csp = [m["content"] for m in page.tags["meta"] if m.get("http-equiv") == "Content-Security-Policy"][0]
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", text, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp


def test_filters_need_javascript_and_the_page_works_without(example):
    _text, page, _ = example
    [form] = page.tags["form"]
    assert "hidden" in form  # shown by the script; without it the page simply shows everything
    boxes = page.tags["input"]
    assert {b["value"] for b in boxes if b.get("name") == "sev"} == {"critical", "major", "minor", "info"}
    assert all("checked" in b for b in boxes if b.get("name") in ("sev", "cat"))
    assert any(b.get("id") == "only-failing" for b in boxes)
    assert "article" in page.tags and not any("hidden" in a for a in page.tags["article"])


def test_readable_on_phones_in_print_and_in_devanagari(example):
    text, page, _ = example
    assert any(m.get("name") == "viewport" for m in page.tags["meta"])
    assert "@media print" in text and "@media (max-width" in text
    stack = re.search(r'\[lang="hi"\] \{\s*font-family: ([^;]+);', text).group(1)
    for font in ("Nirmala UI", "Kohinoor Devanagari", "Noto Sans Devanagari"):
        assert f'"{font}"' in stack
    # colour is not the only cue: each finding also gets a text marker naming its severity
    assert len(page.tags["sup"]) == len(page.heads)
    assert re.search(r'<sup class="ref sev-major"[^>]*><a href="#f-p1-1" data-label="1 maj"[^>]*></a></sup>', text)


def test_hostile_input_is_text(tmp_path):
    name = tmp_path / '"><img src=x onerror=alert(1)>.txt'
    name.write_text(HOSTILE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "r.html"
    report(name, "--source", HOSTILE, "-o", out, "--title", "<script>alert(3)</script>")
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    assert len(page.tags["script"]) == 1 and "img" not in page.tags and "b" not in page.tags
    assert "svg" not in page.tags or len(page.tags["svg"]) == 1  # only the chart
    for raw in ("<script>window", "<img", "<svg onload", "<b onmouseover", "</mark></div>"):
        assert raw not in text
    visible = "".join(page.text)
    for literal in ('<script>window.__qa_pwned = 1; alert("pwned")</script>', '"><img', "onerror=",
                    "<svg onload=window.__qa_pwned=3>", "&amp; &lt;b&gt; {{ 7*7 }}", "<script>alert(3)</script>",
                    '"><img src=x onerror=alert(1)>.txt'):
        assert literal in visible, literal
    assert not any(k.startswith("on") for attrs in (a for v in page.tags.values() for a in v) for k in attrs)


def item(n, start, end, severity=Severity.MINOR):
    f = Finding(rule="QA999", name="t", category=Category.SPELLING, mqm="m", severity=severity, paragraph=0,
                start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1,
                text="", message='a "quoted" <b>message</b>', suggestion=None)
    return html.Item(f"p0-{n}", n, f)


def render_tokens(text, items):
    out = []
    for t in html.tokens(text, items):
        if t.kind == "text":
            out.append(t.text)
        elif t.kind == "open":
            out.append(f'<mark data-finding="{t.item.id}"{" data-head" if t.head else ""}>')
        elif t.kind == "close":
            out.append("</mark>")
        else:
            out.append(f"<sup>{t.item.number}</sup>")
    return "".join(out)


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 5), (3, 8)],  # crossing
        [(0, 10), (2, 4), (2, 4)],  # nested, and two identical
        [(0, 4), (4, 8)],  # touching
        [(2, 2), (0, 6), (6, 6)],  # insertion points inside and at the end
        [(1, 7), (0, 3), (5, 9), (2, 6)],  # a chain of crossings
    ],
)
def test_overlapping_findings_each_get_marks(spans):
    text = "abcdefghij"
    items = [item(n, s, e) for n, (s, e) in enumerate(spans, 1)]
    page = Page(render_tokens(text, items))
    assert sorted(page.heads) == sorted(it.id for it in items)
    for it in items:
        assert page.covered[it.id] == text[it.finding.start : it.finding.end]
    assert re.sub(r"\d", "", "".join(page.text)) == text  # no character lost or doubled (digits: markers)
    assert len(page.tags["sup"]) == len(items)


def test_one_document_per_report_and_stdout_by_default(tmp_path):
    proc = run("report", "--no-config", FIXTURES / "ntrex")
    assert proc.returncode == 2 and "takes one file, not a directory" in proc.err
    proc = run("report", "--no-config", "-", stdin="की बैठक  हुई।\n")
    assert proc.returncode == 0 and proc.out.startswith("<!DOCTYPE html>") and proc.err == ""
    assert len(Page(proc.out).heads) == 2


def luminance(hex_colour):
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_chart_segments_are_distinguishable_without_hue():
    # any two severities can sit side by side in a bar (those between them may be absent)
    colours = list(html.COLOURS.values())
    for n, a in enumerate(colours):
        for b in colours[n + 1 :]:
            hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
            assert (hi + 0.05) / (lo + 0.05) >= 1.5, (a, b)


def test_omitted_source_paragraphs_get_their_own_cards(tmp_path):
    from qa.document import read_document
    from qa.model import DocumentResult, ParagraphResult

    hi, it = tmp_path / "t.hi.txt", tmp_path / "t.it.txt"
    hi.write_text("पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।\n", encoding="utf-8")
    it.write_text("Primo paragrafo.\n\nSecondo paragrafo.\n\nTerzo paragrafo, <non tradotto>.\n\nQuarto.\n", encoding="utf-8")
    text = report(hi, "--source", it).out
    page = Page(text)
    ids = [a["id"] for a in page.tags["article"]]
    assert ids == ["para-0", "para-1", "source-2", "source-3"]
    assert "Terzo paragrafo, &lt;non tradotto&gt;." in text and "source ¶3" in text
    # an omission finding (paragraph index beyond the translation) goes on its source card, as a banner
    doc, src = read_document(str(hi)), read_document(str(it))
    lost = Finding(rule="QA999", name="omitted-paragraph", category=Category.OMISSION if hasattr(Category, "OMISSION")
                   else Category.MISTRANSLATION, mqm="m", severity=Severity.MAJOR, paragraph=2, start=0, end=0,
                   line=5, column=1, end_line=5, end_column=1, text="", message="source paragraph 3 has no translation")
    paras = (ParagraphResult(0, 1, 2, 0, 100.0, ()), ParagraphResult(1, 3, 2, 5, 0.0, (lost,)))
    result = DocumentResult(path=str(hi), words=4, penalty=5, score=0.0, passed=False, threshold=95, paragraphs=paras)
    page = Page(html.render_report(result, doc, source=src))
    banners = [a for a in page.tags["div"] if "data-banner" in a]
    assert [b["id"] for b in banners] == ["m-s2-1"]
    assert "source paragraph 3 has no translation" in "".join(page.text)
    assert [a["id"] for a in page.tags["article"]] == ["para-0", "para-1", "source-2", "source-3"]
    assert page.tags["li"][[a.get("id") for a in page.tags["li"]].index("f-s2-1")]["data-sev"] == "major"


def test_record_of_the_run(example, tmp_path):
    from datetime import datetime

    from qa.document import read_document
    from qa.model import DocumentResult, ParagraphResult

    _, page, _ = example
    assert "Record of the run" in "".join(page.text) and "qa version" in "".join(page.text)
    hi = tmp_path / "t.hi.txt"
    hi.write_text("पहला अनुच्छेद।\n", encoding="utf-8")
    res = DocumentResult(path=str(hi), words=2, penalty=0, score=100.0, passed=True, threshold=95,
                         paragraphs=(ParagraphResult(0, 1, 2, 0, 100.0, ()),))
    text = html.render_report(res, read_document(str(hi)), config_file="qa.toml", select=["QA1", "QA7"],
                              ignore=["QA701"], severity=["QA550=info"], glossaries=["glossaries/a.tsv", "mine.tsv"],
                              settings={"jobs": 1, "languages": ["hi", "it"]},
                              generated=datetime(2026, 12, 5, 17, 0, tzinfo=UTC))
    shown = re.sub(r"\s+", " ", "".join(Page(text).text))
    for label, value in (("date", "2026-12-05 17:00 UTC"), ("settings file", "qa.toml"), ("rules selected", "QA1, QA7"),
                         ("rules ignored", "QA701"), ("severity overrides", "QA550=info"),
                         ("glossaries", "glossaries/a.tsv, mine.tsv"), ("jobs", "1"), ("languages", "hi, it")):
        assert re.search(re.escape(label) + r"\s*" + re.escape(value), shown), label
    assert "Nothing to review" in shown
