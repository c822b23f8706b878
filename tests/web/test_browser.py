"""A person's path through the app, in headless Debian Chromium: add the sample pages through
the form, wait for the job, open the story, see the conflicts, follow evidence into an article.

Screenshots are kept in .artifacts/screenshots/ for a human to look at. Console errors fail the
test: a Content-Security-Policy violation shows up there.
"""

from __future__ import annotations

import re
import shutil

import pytest

from storylens.web.app import create_app

pytest_plugins = ["web_fixtures"]  # the sample pages and the live server
pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
JOB_SECONDS = 300  # the whole pipeline over seven pages on a busy two-core machine


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian chromium is not installed: run scripts/install-browser-deps.sh")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.console_errors = errors
    yield page
    page.close()


def test_add_pages_then_read_the_story_and_an_article(page, tmp_path):
    from playwright.sync_api import expect
    from web_fixtures import REPO, SAMPLE_PAGES, LiveServer

    if len(SAMPLE_PAGES) < 4:
        pytest.skip("examples/sample-story is not there")
    shots = REPO / ".artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    with LiveServer(create_app(tmp_path / "store.db")) as server:
        page.goto(server.url + "/")
        expect(page.locator("text=The store has no story yet")).to_be_visible()
        page.click("text=Add pages >> nth=0")
        page.set_input_files("#files", [str(p) for p in SAMPLE_PAGES])
        page.screenshot(path=shots / "01-add-form.png")
        page.click("button:has-text('Analyse')")
        expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f]+$"))
        page.screenshot(path=shots / "02-job-running.png")
        expect(page.locator("h1 .status.done")).to_be_visible(timeout=JOB_SECONDS * 1000)
        page.screenshot(path=shots / "03-job-done.png", full_page=True)

        page.locator("a.story-link").first.click()
        conflicts = page.locator("#conflicts article.conflict")
        expect(conflicts.first).to_be_visible()
        assert conflicts.count() >= 1
        assert conflicts.first.locator(".value").count() >= 2  # the values side by side
        expect(conflicts.first.locator("blockquote.ev mark").first).to_be_visible()
        expect(page.locator("#graph svg")).to_be_visible()
        page.screenshot(path=shots / "04-story.png")
        conflicts.first.screenshot(path=shots / "05-story-conflict.png")
        page.locator("#graph").screenshot(path=shots / "06-story-graph.png")
        page.locator("#timeline").screenshot(path=shots / "07-story-timeline.png")

        conflicts.first.locator("blockquote.ev cite a").first.click()
        expect(page).to_have_url(re.compile(r"/articles/.+#at-[0-9]+$"))
        target = page.locator(":target")
        expect(target).to_be_visible()
        expect(page.locator("a.cited mark").first).to_be_visible()
        assert page.locator(".body .k-entity").count() > 0
        page.screenshot(path=shots / "08-article-at-evidence.png")
        page.goto(page.url.split("#")[0] + "#diff")
        page.screenshot(path=shots / "09-article-diff.png")

        page.fill("input[name=q]", "cable")
        page.press("input[name=q]", "Enter")
        expect(page.locator("ol.hits mark").first).to_be_visible()
        page.screenshot(path=shots / "10-search.png")
        page.goto(server.url + "/")
        page.screenshot(path=shots / "11-stories.png")
    assert page.console_errors == []
