"""The reviewer report in a real browser: Playwright driving the system's Chromium (Debian package
`chromium`; never a downloaded browser). Skipped, with the reason, when Playwright or Chromium is
missing, except under CI (CI=true), where that is a failure. Screenshots go to tests/artifacts/."""

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE, FIXTURES, SOURCE
from runqa import run

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    configured = os.environ.get("QA_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package playwright is not installed (pip install playwright; no browser download needed)")
    exe = chromium_path()
    if exe is None:
        unavailable("no Chromium at /usr/bin/chromium (apt-get install chromium) or $QA_CHROMIUM")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    example, hostile = folder / "example.html", folder / "hostile.html"
    assert run("report", "--no-config", EXAMPLE, "--source", SOURCE, "-o", example).returncode == 0
    assert run("report", "--no-config", FIXTURES / "hostile.hi.txt", "--source", FIXTURES / "hostile.hi.txt",
               "-o", hostile).returncode == 0
    data = json.loads(run("lint", "--no-config", "--source", SOURCE, "--format", "json", EXAMPLE).out)["documents"][0]
    return {"example": example, "hostile": hostile, "findings": [f for p in data["paragraphs"] for f in p["findings"]]}


def open_page(browser, path, **context):
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    events = {"console": [], "dialogs": [], "requests": []}
    page.on("console", lambda m: events["console"].append(f"{m.type}: {m.text}"))
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(path.as_uri())
    return ctx, page, events


def test_marks_filters_and_screenshot(browser, pages, capsys):
    ctx, page, events = open_page(browser, pages["example"], viewport={"width": 1280, "height": 900})
    try:
        findings = pages["findings"]
        assert len(findings) > 0
        assert page.locator("mark[data-head]").count() == len(findings)
        ids = page.eval_on_selector_all("mark", "ms => [...new Set(ms.map(m => m.dataset.finding))].length")
        assert ids == len(findings)
        assert page.locator("#filters").is_visible()  # the script showed the filters

        minors = sum(f["severity"] == "minor" for f in findings)
        assert minors > 0, "the example should have minor findings for this test"
        assert page.locator("li.finding[data-sev=minor]").count() == minors
        page.locator("input[name=sev][value=minor]").uncheck()
        assert page.locator("li.finding[data-sev=minor]:visible").count() == 0
        assert page.locator("sup.ref[data-sev=minor]:visible").count() == 0
        backgrounds = page.eval_on_selector_all(
            "mark[data-sev=minor]", "ms => [...new Set(ms.map(m => getComputedStyle(m).backgroundColor))]")
        assert backgrounds == ["rgba(0, 0, 0, 0)"]  # no longer highlighted
        major = page.locator("mark[data-sev=major]").first
        assert major.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
        assert page.locator("li.finding[data-sev=major]:visible").count() > 0
        page.locator("input[name=sev][value=minor]").check()
        assert page.locator("li.finding[data-sev=minor]:visible").count() == minors

        page.locator("#only-failing").check()
        passing = page.locator("article.para[data-passed=true]")
        assert passing.count() > 0 and page.locator("article.para[data-passed=true]:visible").count() == 0
        assert page.locator("article.para[data-passed=false]:visible").count() > 0
        page.locator("#only-failing").uncheck()

        assert not [c for c in events["console"] if c.startswith("error")]  # e.g. no CSP violation
        assert all(url.startswith("file://") for url in events["requests"])  # nothing fetched

        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "report_example.png"
        page.screenshot(path=str(shot), full_page=True)
        with capsys.disabled():
            print(f"\nscreenshot: {shot}")
        assert shot.stat().st_size > 10_000
    finally:
        ctx.close()


def test_phone_and_print(browser, pages, capsys):
    ctx, page, _ = open_page(browser, pages["example"], viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        cols = page.locator(".cols.with-source").first.evaluate("e => getComputedStyle(e).gridTemplateColumns")
        assert len(cols.split()) == 1  # Hindi and Italian stacked on a phone
        shot = ARTIFACTS / "report_example_phone.png"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(shot))
        with capsys.disabled():
            print(f"\nscreenshot: {shot}")
        page.emulate_media(media="print")
        assert not page.locator("#filters").is_visible()
        assert page.locator("article.para:visible").count() == page.locator("article.para").count()
    finally:
        ctx.close()


def test_without_javascript_everything_shows(browser, pages):
    ctx, page, _ = open_page(browser, pages["example"], java_script_enabled=False)
    try:
        assert not page.locator("#filters").is_visible()
        assert page.locator("article.para:visible").count() == page.locator("article.para").count()
        assert page.locator("li.finding:visible").count() == len(pages["findings"])
    finally:
        ctx.close()


def test_hostile_report_runs_no_script(browser, pages):
    ctx, page, events = open_page(browser, pages["hostile"])
    try:
        page.wait_for_load_state("load")
        page.mouse.move(10, 10)
        for text in page.locator("mark").all()[:5]:
            text.hover()
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__qa_pwned") == "undefined"
        assert events["dialogs"] == []
        assert page.locator("img").count() == 0 and page.locator("script").count() == 1
        assert page.locator("main svg, main b").count() == 0
        body = page.locator("main").inner_text()
        assert '<script>window.__qa_pwned = 1; alert("pwned")</script>' in body
        assert "onerror=" in body and "<svg onload=window.__qa_pwned=3>" in body
        assert all(url.startswith("file://") for url in events["requests"])
    finally:
        ctx.close()


def test_missing_browser_skips_outside_ci_and_fails_under_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        unavailable("no Chromium at /usr/bin/chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true but no Chromium"):
        unavailable("no Chromium at /usr/bin/chromium")
    monkeypatch.setenv("QA_CHROMIUM", "/nonexistent/chromium")
    assert chromium_path() is None
