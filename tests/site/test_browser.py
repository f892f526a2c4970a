"""The fixture site in real headless Chromium, served over http (127.0.0.1) and opened from file://.

Every request that would leave the site (any host but ours over http; anything but file: from disk)
is blocked and recorded; each test asserts there was none. Screenshots go to
test-artifacts/screenshots/. Without /usr/bin/chromium the tests are skipped, unless REQUIRE_BROWSER=1
(CI), where that is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WIDE = {"width": 1280, "height": 900}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (install it with 'make browser' or 'apt-get install chromium')"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(params=["http", "file"])
def site(request, browser, built_site):
    """(page, base URL, list of blocked outside requests) for one way of opening the site."""
    base = request.getfixturevalue("server") if request.param == "http" else built_site.site_file.as_uri() + "/"
    context = browser.new_context(viewport=WIDE)
    blocked: list[str] = []

    def guard(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    yield page, base, request.param
    context.close()
    assert blocked == [], f"requests outside the site: {blocked}"


def shot(page, name: str, mode: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{mode}.png"), full_page=True)


def search(page, query: str):
    """Type a query the way a reader does; Material searches on key-up, which typing Chinese lacks."""
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    return results


def test_home_article_and_language_switch(site):
    page, base, mode = site
    page.goto(base + "index.html")
    assert page.locator("h1").first.inner_text() == "中英双语文章"
    shot(page, "home", mode)
    page.locator("a.article-card__title", has_text="发展银发经济利当前惠长远").click()
    assert page.url.endswith("/yin-fa-jing-ji.html")
    assert page.locator("h1.article-title").inner_text() == "发展银发经济利当前惠长远"
    shot(page, "article-zh", mode)
    page.locator("a.md-select__link[hreflang='en']").dispatch_event("click")
    page.wait_for_url("**/en/yin-fa-jing-ji.html")
    assert page.locator("h1.article-title").inner_text() == "Developing the silver economy pays off now and later"
    assert page.locator(".status-banner").is_visible()
    assert page.locator(".seg-missing").inner_text().endswith("养老服务需要更多专业人才。")
    shot(page, "article-en", mode)


def test_chinese_search_finds_a_word_inside_a_longer_word(site):
    page, base, mode = site
    page.goto(base + "index.html")
    results = search(page, "老龄化")  # the text says 人口老龄化
    first = results.first.locator("a").first
    assert first.get_attribute("href").split("?")[0].endswith("yin-fa-jing-ji.html")
    assert "en/" not in first.get_attribute("href")
    shot(page, "search-zh", mode)
    first.click()
    page.wait_for_url("**/yin-fa-jing-ji.html*")
    assert page.locator("h1.article-title").inner_text() == "发展银发经济利当前惠长远"


def test_glossary_term_finds_its_article_in_the_readers_language(site):
    page, base, mode = site
    page.goto(base + "yang-lao-gai-ge.html")
    results = search(page, "新质生产力")  # also on en/zhi-you-zhong-wen.html, the Chinese stand-in page
    hrefs = [link.get_attribute("href").split("?")[0] for link in results.locator("a.md-search-result__link").all()]
    assert hrefs and hrefs[0].endswith("/zhi-you-zhong-wen.html")
    assert not any("/en/" in href for href in hrefs)


def test_result_titles_that_look_like_markup_show_as_text(site):
    page, base, mode = site
    page.goto(base + "index.html")
    results = search(page, "标题")
    title = results.first.locator("h1").inner_text().replace("\u200b", "")  # lunr's index joins words with U+200B
    assert title == "<script>alert(1)</script>标题"
    assert results.first.locator("script").count() == 0


def test_english_search_stays_in_english(site):
    page, base, mode = site
    page.goto(base + "en/index.html")
    results = search(page, "economy")
    hrefs = [link.get_attribute("href") for link in results.locator("a.md-search-result__link").all()]
    assert hrefs and all("/en/" in href for href in hrefs)
    shot(page, "search-en", mode)
    results.first.locator("a").first.click()
    page.wait_for_url("**/en/yin-fa-jing-ji.html*")
    assert page.locator("html").get_attribute("lang") == "en"


def test_bilingual_view_aligns_paragraphs(site):
    page, base, mode = site
    page.goto(base + "en/yin-fa-jing-ji.html")
    page.locator(".status-banner a", has_text="Side by side").click()
    page.wait_for_url("**/read/yin-fa-jing-ji.html")
    zh = page.locator(".bilingual__cell--zh").all()
    en = page.locator(".bilingual__cell--en").all()
    assert len(zh) == len(en) == 6
    for zh_cell, en_cell in zip(zh, en):
        zh_box, en_box = zh_cell.bounding_box(), en_cell.bounding_box()
        assert abs(zh_box["y"] - en_box["y"]) <= 2, (zh_cell.inner_text(), en_cell.inner_text())
        assert en_box["x"] > zh_box["x"] + zh_box["width"] - 1  # side by side, not stacked
    shot(page, "bilingual", mode)
    page.set_viewport_size({"width": 400, "height": 800})
    zh_box, en_box = zh[1].bounding_box(), en[1].bounding_box()
    assert en_box["y"] >= zh_box["y"] + zh_box["height"] - 1  # narrow screen: stacked


def test_served_search_fetches_only_the_pagefind_files_of_the_readers_language(browser, server):
    """Over http the first query downloads Pagefind's runtime, the index chunks for its words and the
    fragments of the results, all from the page's language bundle; never the lunr index."""
    context = browser.new_context(viewport=WIDE)
    fetched: list[str] = []
    context.on("requestfinished", lambda request: fetched.append(request.url.removeprefix(server)))
    page = context.new_page()
    page.goto(server + "en/index.html")
    results = search(page, "pension")
    assert results.first.locator("a").first.get_attribute("href").endswith("/en/yang-lao-gai-ge.html")
    searched = [url for url in fetched if "search" in url or "pagefind" in url]
    context.close()
    assert not any(url.split("?")[0].endswith("search_index.js") or "workers/search" in url for url in searched)
    assert any(url.startswith("en/pagefind/index/") for url in searched)
    assert any(url.startswith("en/pagefind/fragment/") for url in searched)
    assert all(url.startswith(("en/pagefind/", "en/search/search_index.json", "assets/pagefind-worker.js"))
               for url in searched), searched
