"""The documentation: the generated rule reference is current, the README stays a short user's
guide, relative links lead somewhere, and the prose names no tracker entries."""

import re
import subprocess
import sys
import unicodedata

import pytest

from qa.ruledoc import render_markdown

from conftest import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"
README_LIMIT = 15 * 1024  # bytes: the README is a user's guide; reference and notes go to docs/


def _markdown_files():
    """Every tracked-looking Markdown file of the repository (not .git, not generated artifacts)."""
    skip = {".git", "artifacts", ".venv", "node_modules", "build", "dist"}
    return sorted(
        p for p in ROOT.rglob("*.md") if not skip.intersection(p.relative_to(ROOT).parts[:-1])
    )


def test_rule_reference_is_current():
    current = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert current == render_markdown(), "docs/rules.md is stale: run python3 tools/rule_reference.py"


def test_rule_reference_command_checks_staleness(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "rule_reference.py"), "--check"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr


def test_rule_reference_documents_every_rule():
    from qa.rules import all_rules

    text = render_markdown()
    for rule in all_rules():
        section = text.split(f"## {rule.code} {rule.name}\n", 1)[1].split("\n## ", 1)[0]
        assert f"MQM `{rule.mqm}`" in section and f"default severity `{rule.severity.value}`" in section
        assert rule.summary().split()[0] in section
        assert len(re.findall(r"Flags:\n\n`{3,4}text\n", section)) == 1 and len(re.findall(r"Passes:\n\n`{3,4}text\n", section)) == 1, rule.code
        assert section.count("Flags:") == 1, f"{rule.code}: the docstring's example block left in the prose"


def test_example_escapes_keep_invisible_characters_visible():
    from qa.ruledoc import _visible

    assert _visible("a\u00a0b\nc\\d") == "a\\u00a0b\\nc\\\\d"
    assert _visible("की थीम") == "की थीम"  # Devanagari signs and plain spaces stay as they are


def test_readme_is_a_short_users_guide():
    size = len(README.read_bytes())
    assert size <= README_LIMIT, f"README.md is {size} bytes; move reference material to docs/"


def test_readme_keeps_the_quick_start_commands():
    text = README.read_text(encoding="utf-8")
    # CI and hooks grep for these exact lines
    assert "python3 -m pip install . && qa lint fixtures/g7_rome_lyon_2024.hi.txt\n" in text
    assert "python3 -m pip install -e '.[test]' && python3 -m pytest\n" in text
    assert "python3 -m venv .venv && . .venv/bin/activate" in text


_ISSUE = re.compile(r"\bissues?\s*(?:no\.?\s*)?#?\d+", re.IGNORECASE)


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_markdown_names_no_issue_numbers(path):
    text = path.read_text(encoding="utf-8")
    hits = [m.group(0) for m in _ISSUE.finditer(text)]
    assert not hits, f"{path.relative_to(ROOT)} refers to tracker entries: {hits}"


_FENCE = re.compile(r"^(`{3,}|~~~)[^\n]*\n.*?^\1$", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"`+[^`\n]*`+")
_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _links(text):
    text = _CODE.sub("", _FENCE.sub("", text))
    return [m.group(1) for m in _LINK.finditer(text)]


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = heading.strip().lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


def _anchors(path):
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    return {_slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*$", text, re.MULTILINE)}


def test_slug_matches_github():
    assert _slug("Dask: millions of segments") == "dask-millions-of-segments"
    assert _slug("The reviewer report (`qa report`)") == "the-reviewer-report-qa-report"
    assert _slug("QA501 dangling-postposition") == "qa501-dangling-postposition"


LINKED_PAGES = [README, *sorted(DOCS.rglob("*.md")), ROOT / "fixtures" / "README.md", ROOT / "glossaries" / "README.md"]


@pytest.mark.parametrize("path", LINKED_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_point_at_existing_files(path):
    broken = []
    for link in _links(path.read_text(encoding="utf-8")):
        if re.match(r"[a-z][a-z0-9+.-]*:", link, re.IGNORECASE):  # http:, https:, mailto:
            continue
        target, _, anchor = link.partition("#")
        dest = (path.parent / target).resolve() if target else path
        if not dest.exists() or (anchor and dest.suffix == ".md" and anchor not in _anchors(dest)):
            broken.append(link)
    assert not broken, f"{path.relative_to(ROOT)}: broken links {broken}"


def test_docs_index_lists_every_page():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for page in sorted(DOCS.rglob("*.md")):
        name = page.relative_to(DOCS).as_posix()
        if name != "README.md":
            assert f"]({name})" in index, f"docs/README.md does not link {name}"
