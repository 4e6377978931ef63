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
    texts = EXAMPLE.read_text(encoding="utf-8").split("\n\n")
    return {"example": example, "hostile": hostile, "paragraphs": data["paragraphs"], "texts": texts,
            "findings": [f for p in data["paragraphs"] for f in p["findings"]]}


def open_page(browser, path, **context):
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    events = {"console": [], "dialogs": [], "requests": []}
    page.on("console", lambda m: events["console"].append(f"{m.type}: {m.text}"))
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(path.as_uri())
    return ctx, page, events


def shoot(page, name, capsys, full_page=False):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / name
    page.screenshot(path=str(shot), full_page=full_page)
    with capsys.disabled():
        print(f"\nscreenshot: {shot}")
    assert shot.stat().st_size > 10_000


def test_marks_filters_and_screenshot(browser, pages, capsys):
    ctx, page, events = open_page(browser, pages["example"], viewport={"width": 1280, "height": 900})
    try:
        findings = pages["findings"]
        banners = page.locator("[data-banner]").count()
        assert len(findings) > 0 and banners == 1  # the repeated paragraph
        assert page.locator("mark[data-head]").count() == len(findings) - banners
        ids = page.eval_on_selector_all("mark[data-finding]", "ms => [...new Set(ms.map(m => m.dataset.finding))].length")
        assert ids == len(findings) - banners
        assert page.locator("#filters").is_visible()  # the script showed the filters
        # every finding is counted once in the list: a row, or a member of a group
        counted = page.eval_on_selector_all("li.finding", "ls => ls.reduce((n, l) => n + +l.dataset.count, 0)")
        assert counted == len(findings)

        # info (52) outnumbers the rest (30): collapsed by default, and said so
        info = sum(f["severity"] == "info" for f in findings)
        assert info > len(findings) - info
        assert not page.locator("input[name=sev][value=info]").is_checked()
        assert page.locator("#info-note").is_visible()
        assert page.locator("li.finding[data-sev=info]:visible").count() == 0
        assert page.locator("sup.ref[data-sev=info]:visible").count() == 0

        minors = sum(f["severity"] == "minor" for f in findings)
        assert minors > 0, "the example should have minor findings for this test"
        page.locator("input[name=sev][value=minor]").uncheck()
        assert page.locator("li.finding[data-sev=minor]:visible").count() == 0
        assert page.locator("sup.ref[data-sev=minor]:visible").count() == 0
        backgrounds = page.eval_on_selector_all(
            "mark[data-sev=minor]", "ms => [...new Set(ms.map(m => getComputedStyle(m).backgroundColor))]")
        assert backgrounds == ["rgba(0, 0, 0, 0)"]  # no longer highlighted
        major = page.locator("mark[data-sev=major]").first
        assert major.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
        assert page.locator("li.finding[data-sev=major]:visible").count() > 0

        # filters narrow the page: only minor ticked -> only the paragraphs with minor findings
        page.locator("input[name=sev][value=major]").uncheck()
        assert page.locator("article.para:visible").count() == 0
        assert page.locator("#shown").inner_text().startswith("0 of 12 paragraphs shown")
        page.locator("input[name=sev][value=minor]").check()
        with_minor = {f"para-{f['paragraph']}" for f in findings if f["severity"] == "minor"}
        visible = set(page.eval_on_selector_all("article.para", "as => as.filter(a => !a.hidden).map(a => a.id)"))
        assert visible == with_minor
        rows = set(page.eval_on_selector_all("#index-rows li", "ls => ls.filter(l => !l.hidden).map(l => l.dataset.para)"))
        assert rows == with_minor  # the index follows
        p2 = [f for f in findings if f["paragraph"] == 1]
        n2 = sum(f["severity"] == "minor" for f in p2)
        assert page.locator("#para-1 .nfind").inner_text() == f"{n2} of {len(p2)} findings"
        assert f"{minors} minor" in page.locator("#shown").inner_text()
        for sev in ("major", "info"):
            page.locator(f"input[name=sev][value={sev}]").check()
        assert page.locator("article.para:visible").count() == 12
        assert page.locator("li.finding[data-sev=minor]:visible").count() > 0

        page.locator("#only-failing").check()
        passing = page.locator("article.para[data-passed=true]")
        assert passing.count() > 0 and page.locator("article.para[data-passed=true]:visible").count() == 0
        assert page.locator("article.para[data-passed=false]:visible").count() > 0
        page.locator("#only-failing").uncheck()

        assert not [c for c in events["console"] if c.startswith("error")]  # e.g. no CSP violation
        assert all(url.startswith("file://") for url in events["requests"])  # nothing fetched
        page.locator("input[name=sev][value=info]").uncheck()
        shoot(page, "report_example_top.png", capsys)
        shoot(page, "report_example.png", capsys, full_page=True)
    finally:
        ctx.close()


def worst(pages):
    return min(pages["paragraphs"], key=lambda p: (p["score"], p["index"]))


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}])
def test_worst_paragraph_from_the_first_screen_in_one_click(browser, pages, viewport):
    ctx, page, _ = open_page(browser, pages["example"], viewport=viewport)
    try:
        bad = worst(pages)
        assert bad["index"] == 3 and bad["score"] < 40
        link = page.locator("#index-rows li a").first
        box = link.bounding_box()
        assert box and box["y"] + box["height"] <= viewport["height"]  # on the first screen
        assert link.inner_text().startswith("¶4")  # as a reader counts: the fourth paragraph
        link.click()
        card = page.locator("#para-3")
        top = card.evaluate("c => c.getBoundingClientRect().top")
        assert -2 <= top < viewport["height"] / 2
        assert f"{bad['score']:.2f} FAIL" in card.locator(".para-head").inner_text()
    finally:
        ctx.close()


def test_index_sorts_by_score_and_in_document_order(browser, pages):
    ctx, page, _ = open_page(browser, pages["example"])
    try:
        order = lambda: page.eval_on_selector_all("#index-rows li", "ls => ls.map(l => l.dataset.para)")
        listed = [p for p in pages["paragraphs"] if p["findings"]]
        by_score = order()
        scores = {f"para-{p['index']}": p["score"] for p in listed}
        assert set(by_score) == set(scores)
        failing = [k for k in by_score if scores[k] < 95]
        assert by_score[: len(failing)] == failing  # failing first, worst first
        assert [scores[k] for k in failing] == sorted(scores[k] for k in failing)
        page.locator("[data-sort=order]").click()
        assert order() == [f"para-{p['index']}" for p in listed]
        assert page.locator("[data-sort=order]").get_attribute("aria-pressed") == "true"
        page.locator("[data-sort=score]").click()
        assert order() == by_score
    finally:
        ctx.close()


def test_click_through_both_ways(browser, pages):
    ctx, page, _ = open_page(browser, pages["example"], viewport={"width": 1280, "height": 900})
    try:
        in_view = "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }"
        mark = page.locator("#m-p3-1")  # a major finding of the worst paragraph
        mark.click()
        li = page.locator("#f-p3-1")
        assert "flash" in li.get_attribute("class") and li.evaluate(in_view)
        assert page.evaluate("document.activeElement.id") == "f-p3-1"
        assert li.locator("a.docs").get_attribute("href") == f"docs/rules.md#{li.locator('code').first.inner_text().lower()}"
        page.mouse.wheel(0, 3000)
        li.locator("a.back").click()
        assert "flash" in mark.get_attribute("class") and mark.evaluate(in_view)
        # without hover: the number after a mark is a link (keyboard, touch) to its explanation
        page.locator("input[name=sev][value=info]").check()
        ref = page.locator("sup.ref[data-sev=info] a").first
        fid = ref.get_attribute("href")[1:]
        ref.focus()
        page.keyboard.press("Enter")
        member = page.locator(f"#{fid}")
        assert member.is_visible() and member.evaluate(in_view)  # its group opened
        assert member.evaluate("m => m.closest('details').open")
    finally:
        ctx.close()


def test_next_and_previous_finding_from_the_keyboard(browser, pages):
    ctx, page, _ = open_page(browser, pages["example"], viewport={"width": 1280, "height": 900})
    try:
        heads = page.eval_on_selector_all(
            "main mark[data-head], main .banner", "ms => ms.filter(m => !m.classList.contains('off')).map(m => m.dataset.finding)")
        assert len(heads) > 3
        focused = "document.activeElement.closest('sup, .banner') && document.activeElement.closest('sup, .banner').dataset.finding"
        page.keyboard.press("j")
        assert page.evaluate(focused) == heads[0]
        page.keyboard.press("n")
        assert page.evaluate(focused) == heads[1]
        assert "flash" in page.locator(f"#m-{heads[1]}").get_attribute("class")
        page.keyboard.press("j")
        page.keyboard.press("k")
        assert page.evaluate(focused) == heads[1]
        page.keyboard.press("p")
        assert page.evaluate(focused) == heads[0]
        page.keyboard.press("Enter")  # the focused number leads to the explanation
        assert page.evaluate("document.activeElement.id") == f"f-{heads[0]}"
    finally:
        ctx.close()


def test_copied_text_has_no_markers(browser, pages):
    ctx, page, _ = open_page(browser, pages["example"])
    try:
        page.locator("input[name=sev][value=info]").check()
        copied = page.evaluate("""() => { const t = document.querySelector('#para-3 .text');
            getSelection().selectAllChildren(t); return getSelection().toString(); }""")
        assert copied.strip() == pages["texts"][3].strip()  # no "1 maj", no markers
        # a suggestion with a space: "␣" shown, a space copied; the copy button has it exactly
        sugg = page.locator(".sugg:has(.vis)").first
        shows = sugg.locator(".vis").first.evaluate("v => getComputedStyle(v, '::before').content")
        assert shows == '"␣"'  # shown as generated content
        copied = sugg.evaluate("s => { getSelection().selectAllChildren(s); return getSelection().toString(); }")
        button = sugg.locator("xpath=following-sibling::button[1]")
        assert "␣" not in copied and " " in copied and copied == button.get_attribute("data-copy")
    finally:
        ctx.close()


def test_accepted_findings_download_as_a_baseline_lint_honours(browser, pages, tmp_path):
    ctx, page, _ = open_page(browser, pages["example"], accept_downloads=True)
    try:
        buttons = page.locator("li.finding[data-count='1'] .tri[data-decision=accept]:visible")
        chosen = []
        for n in (0, 5):
            b = buttons.nth(n)
            chosen.append(b.evaluate("b => b.closest('li').dataset.finding"))
            b.click()
        assert page.locator("#decided").inner_text() == "2 accepted, 0 false alarms"
        with page.expect_download() as info:
            page.locator("#download").click()
        saved = tmp_path / "reviewed.json"
        info.value.save_as(saved)
        text = saved.read_text(encoding="utf-8")
        everything = tmp_path / "all.json"
        assert run("lint", "--no-config", "--source", SOURCE, "--write-baseline", everything, EXAMPLE).returncode == 0
        lines = everything.read_text(encoding="utf-8").split("\n")
        mine = text.split("\n")
        assert len(mine) == 6 and mine[:2] == lines[:2] and mine[-2:] == lines[-2:]  # the same file format
        entry = lambda line: line.strip().rstrip(",")
        written = [entry(x) for x in lines]
        assert all(entry(x) in written for x in mine[2:4])  # lines exactly as --write-baseline writes them
        assert mine[2].endswith(",") and not mine[3].endswith(",")
        assert written.index(entry(mine[2])) < written.index(entry(mine[3]))  # in its order

        proc = run("lint", "--no-config", "--source", SOURCE, "--baseline", saved, "--format", "json", EXAMPLE)
        assert "2 findings suppressed" in proc.err
        left = json.loads(proc.out)["documents"][0]["paragraphs"]
        ids = lambda paras: [(p["index"], f["rule"], f["start"], f["end"]) for p in paras for f in p["findings"]]
        by_id = {f"p{p['index']}-{k}": (p["index"], f["rule"], f["start"], f["end"])
                 for p in pages["paragraphs"] for k, f in enumerate(p["findings"], 1)}
        assert ids(left) == [x for x in ids(pages["paragraphs"]) if x not in {by_id[c] for c in chosen}]

        # a false alarm counts too; a group is accepted at once; decisions can be undone
        page.locator("input[name=sev][value=info]").check()
        group = page.locator("li.group").first
        group.locator("summary").click()
        members = group.locator("li.member").count()
        group.locator(".tri-all[data-decision=accept]").click()
        page.locator(f"#f-{chosen[0]} .tri[data-decision=false-alarm]").click()
        page.locator(f"#f-{chosen[1]} .tri[data-decision=accept]").click()  # undone
        assert page.locator("#decided").inner_text() == f"{members} accepted, 1 false alarm"
        with page.expect_download() as info:
            page.locator("#download").click()
        info.value.save_as(saved)
        proc = run("lint", "--no-config", "--source", SOURCE, "--baseline", saved, "--format", "json", EXAMPLE)
        assert f"{members + 1} findings suppressed" in proc.err and "no longer match" not in proc.err
    finally:
        ctx.close()


def test_phone_print_and_dark_mode(browser, pages, capsys):
    for width in (320, 360, 390):
        ctx, page, _ = open_page(browser, pages["example"], viewport={"width": width, "height": 780}, is_mobile=True)
        try:
            page.locator("input[name=sev][value=info]").check()
            page.locator("li.group summary").first.click()
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), width
        finally:
            ctx.close()
    ctx, page, _ = open_page(browser, pages["example"], viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        cols = page.locator(".cols.with-source").first.evaluate("e => getComputedStyle(e).gridTemplateColumns")
        assert len(cols.split()) == 1  # Hindi and Italian stacked on a phone
        shoot(page, "report_example_phone.png", capsys)
        page.emulate_media(media="print")
        assert not page.locator("#filters").is_visible()
        assert page.locator("article.para:visible").count() == page.locator("article.para").count()
        # info was filtered out: its marks print as filtered, not in the browser's yellow
        backgrounds = page.eval_on_selector_all(
            "mark[data-sev=info]", "ms => [...new Set(ms.map(m => getComputedStyle(m).backgroundColor))]")
        assert backgrounds == ["rgba(0, 0, 0, 0)"]
    finally:
        ctx.close()
    ctx, page, _ = open_page(browser, pages["example"], viewport={"width": 1280, "height": 900}, color_scheme="dark")
    try:
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(17, 24, 39)"
        shoot(page, "report_example_dark.png", capsys)
    finally:
        ctx.close()


def test_skip_link_goes_to_the_paragraphs(browser, pages):
    ctx, page, _ = open_page(browser, pages["example"])
    try:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        assert page.locator("a.skip").is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
    finally:
        ctx.close()


def test_without_javascript_everything_shows(browser, pages):
    ctx, page, _ = open_page(browser, pages["example"], java_script_enabled=False)
    try:
        assert not page.locator("#filters").is_visible()
        assert page.locator("article.para:visible").count() == page.locator("article.para").count()
        assert page.locator("li.finding:visible").count() == page.locator("li.finding").count()
        assert page.locator(".triage:visible").count() == 0  # decisions need the script
        counted = page.eval_on_selector_all("li.finding", "ls => ls.reduce((n, l) => n + +l.dataset.count, 0)")
        assert counted == len(pages["findings"])
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
        # text_content: paragraphs whose findings are all info are hidden by the default filter
        # (with the file as its own source, QA402 calls its quotes faithful), and must be escaped too
        body = page.locator("main").text_content()
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


def test_a_long_passing_document_shows_its_failing_paragraphs_first(browser, tmp_path):
    # 200 NTREX sentences, one a paragraph, two of them made to open on a dangling postposition:
    # the document passes, two paragraphs fail
    lines = (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines()[:200]
    lines[60], lines[150] = "की बैठक रोम में हुई।", "का प्रस्ताव पारित हुआ और सबने स्वागत किया।"
    doc, out = tmp_path / "long.hi.txt", tmp_path / "long.html"
    doc.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    assert run("report", "--no-config", doc, "-o", out).returncode == 0
    data = json.loads(run("lint", "--no-config", "--format", "json", doc).out)["documents"][0]
    failing = [p for p in data["paragraphs"] if p["score"] < 95 or any(f["severity"] == "critical" for f in p["findings"])]
    assert data["passed"] and len(failing) == 2
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        ctx, page, _ = open_page(browser, out, viewport=viewport)
        try:
            rows = page.locator("#index-rows li:visible")
            assert [rows.nth(n).get_attribute("data-para") for n in range(2)] == sorted(
                (f"para-{p['index']}" for p in failing), key=lambda k: next(p["score"] for p in failing if f"para-{p['index']}" == k))
            assert "FAIL" in rows.nth(0).inner_text() and "FAIL" not in rows.nth(2).inner_text()
            link = rows.nth(0).locator("a")
            box = link.bounding_box()
            assert box["y"] + box["height"] <= viewport["height"]
            link.click()
            target = rows.nth(0).get_attribute("data-para")
            assert page.locator(f"#{target}").evaluate("c => c.getBoundingClientRect().top") < viewport["height"] / 2
        finally:
            ctx.close()
