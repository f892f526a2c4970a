"""The built fixture site (conftest.built_site): what a reader gets, checked in the HTML and data files."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from mkdocs.exceptions import PluginError

from build_tools.model import Article, Block, SegmentRecord, Translation
from build_tools.segments import text_hash
from build_tools.site import paths
from build_tools.site.feeds import rfc822
from build_tools.site.pagefind_index import pagefind_executable
from build_tools.site.search_index import subwords
from build_tools.site.status import align_article
from site_fixture_content import build_command, make_project

SITE_URL = "http://127.0.0.1:8000/"
# Namespace names in XML are identifiers, never fetched.
NAMESPACES = ("http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.w3.org/1999/xhtml",
              "http://purl.org/dc/elements/1.1/", "http://www.w3.org/2000/svg")
URL = re.compile(r"https?://[^\s\"'<>)`\\]+")


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html)[1]


def switcher(html: str) -> dict[str, str]:
    return dict((lang, href) for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">', html))


def article_body(html: str) -> str:
    return re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)[1]


# --- the build itself -----------------------------------------------------------------------------

def test_strict_build_passes_without_warnings(built_site):
    assert built_site.returncode == 0, built_site.output
    assert "WARNING" not in built_site.output
    assert (built_site.site_file / "index.html").read_bytes() == (built_site.site / "index.html").read_bytes()


def test_build_needs_no_network(built_site):
    if not built_site.offline:
        pytest.skip("not root or no unshare: cannot cut the network for the build")
    assert built_site.returncode == 0, built_site.output


def test_invalid_content_stops_the_build_with_one_line_naming_the_file(tmp_path):
    make_project(tmp_path)
    broken = tmp_path / "content" / "zh" / "broken.md"
    broken.write_text("---\nslug: broken\n---\n\nText.\n", encoding="utf-8")
    command, env = build_command(tmp_path)
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert f"ERROR   -  {broken}: front matter key 'article_id' is missing\n" in result.stderr
    assert "Traceback" not in result.stderr


def built_text(path) -> str:
    """A built file as text. Pagefind's data files and WebAssembly are gzip; its index chunks and
    metadata are binary (CBOR) around UTF-8 strings, hence the replacement of undecodable bytes."""
    data = path.read_bytes()
    return (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", errors="replace")


def test_no_built_file_points_outside_the_site(built_site):
    """Everything we write (pages, feeds, sitemap, search data, our CSS/JS) names only the site's own
    address. Exempt: Material's minified bundles under assets/javascripts|stylesheets (their URLs are
    licence comments and features this site does not turn on), Pagefind's runtime pagefind.js (it
    parses relative URLs against a dummy https://example.com base, never fetched). The browser
    tests check that no request leaves the site."""
    offenders = []
    for path in sorted(built_site.site.rglob("*")):
        relative = path.relative_to(built_site.site).as_posix()
        if path.is_dir() or relative.startswith(("assets/javascripts/", "assets/stylesheets/")) or relative.endswith(".png"):
            continue
        if path.parent.name == "pagefind" and path.name in ("pagefind.js", "pagefind-worker.js"):
            continue
        for url in URL.findall(built_text(path)):
            if not url.startswith(SITE_URL) and url not in NAMESPACES:
                offenders.append(f"{relative}: {url}")
    assert offenders == []


def test_no_google_fonts_and_search_shim_is_vendored(built_site):
    page = built_site.read("yin-fa-jing-ji.html")
    assert "fonts.googleapis" not in page and "unpkg.com" not in page
    assert '<script src="assets/vendor/iframe-worker-1.0.4/shim.js"></script>' in page


# --- languages ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("page", "lang"), [
    ("index.html", "zh-Hans"), ("yin-fa-jing-ji.html", "zh-Hans"), ("read/yin-fa-jing-ji.html", "zh-Hans"),
    ("en/index.html", "en"), ("en/yin-fa-jing-ji.html", "en"), ("en/zhi-you-zhong-wen.html", "zh-Hans"),
])
def test_every_page_declares_its_language(built_site, page, lang):
    assert html_lang(built_site.read(page)) == lang


def test_language_switcher_and_hreflang_point_to_the_same_article(built_site):
    zh, en = built_site.read("yin-fa-jing-ji.html"), built_site.read("en/yin-fa-jing-ji.html")
    assert switcher(zh) == {"zh": "yin-fa-jing-ji.html", "en": "en/yin-fa-jing-ji.html"}
    assert switcher(en) == {"zh": "../yin-fa-jing-ji.html", "en": "yin-fa-jing-ji.html"}
    assert '<link rel="alternate" href="en/yin-fa-jing-ji.html" hreflang="en">' in zh
    assert '<link rel="alternate" href="../yin-fa-jing-ji.html" hreflang="zh">' in en
    assert switcher(built_site.read("en/index.html")) == {"zh": "../index.html", "en": "index.html"}


def test_404_page_switcher_leads_to_each_language_home(built_site):
    assert switcher(built_site.read("404.html")) == {"zh": "/index.html", "en": "/en/index.html"}


def test_missing_english_falls_back_to_chinese_and_says_so(built_site):
    page = built_site.read("en/zhi-you-zhong-wen.html")
    assert html_lang(page) == "zh-Hans"
    assert "This article has not been translated into English yet. Below is the Chinese original." in page
    assert "发展新质生产力是推动高质量发展的内在要求。" in article_body(page)


# --- article pages --------------------------------------------------------------------------------

def test_article_page_has_title_byline_source_and_unicode_heading_ids(built_site):
    body = article_body(built_site.read("yin-fa-jing-ji.html"))
    assert '<h1 class="article-title">发展银发经济利当前惠长远</h1>' in body
    assert '<span class="byline__authors">林宝</span>' in body
    assert '<span lang="zh-Hans">经济日报</span> · <time>2024-03-01</time> · 第11版' in body
    assert '<h2 id="积极应对人口老龄化">积极应对人口老龄化</h2>' in body
    assert 'href="read/yin-fa-jing-ji.html"' in body


def test_source_fields_are_shown_only_when_present(built_site):
    assert "article-source" not in article_body(built_site.read("zhi-you-zhong-wen.html"))


def test_markup_in_titles_and_authors_renders_as_text(built_site):
    page = built_site.read("markup-title.html")
    assert '<h1 class="article-title">&lt;script&gt;alert(1)&lt;/script&gt;标题</h1>' in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;标题 - 中英双语文章</title>" in page
    assert "&lt;b&gt;张三&lt;/b&gt;" in page
    for relative in ("markup-title.html", "en/markup-title.html", "index.html", "en/index.html", "read/markup-title.html"):
        assert "<script>alert(" not in built_site.read(relative) and "<b>张三" not in built_site.read(relative)


def test_meta_description_comes_from_front_matter(built_site):
    assert '<meta name="description" content="我国人口老龄化程度不断加深，银发经济前景广阔。">' in built_site.read("yin-fa-jing-ji.html")


def test_navigation_lists_only_the_home_page(built_site):
    page = built_site.read("yin-fa-jing-ji.html")
    nav_links = re.findall(r'<a href="([^"]+)" class="md-nav__link', page)
    assert "yang-lao-gai-ge.html" not in nav_links and "markup-title.html" not in nav_links
    assert "md-footer__link" not in page  # no previous/next article links either


# --- English status -------------------------------------------------------------------------------

@pytest.mark.parametrize(("slug", "label"), [
    ("yin-fa-jing-ji", "stale"), ("markup-title", "machine-draft"), ("yang-lao-gai-ge", "manual-draft"),
])
def test_english_page_has_status_banner_and_link_to_original(built_site, slug, label):
    page = built_site.read(f"en/{slug}.html")
    assert f'<div class="status-banner status-banner--{label}" role="note"' in page
    assert f'<a href="../{slug}.html" hreflang="zh-Hans" lang="zh-Hans">Chinese original</a>' in page


def test_stale_banner_counts_changed_and_untranslated_parts(built_site):
    page = built_site.read("en/yin-fa-jing-ji.html")
    assert "1 part(s) need updating, 1 part(s) have no English yet." in page


def test_untranslated_paragraph_shows_chinese_with_a_mark(built_site):
    body = article_body(built_site.read("en/yin-fa-jing-ji.html"))
    missing = re.search(r'<div class="seg-missing" lang="zh-Hans">(.*?)</div>', body, re.S)[1]
    assert "Not yet translated. The Chinese original:" in missing
    assert "<p>养老服务需要更多专业人才。</p>" in missing
    stale = re.search(r'<div class="seg-stale">(.*?)</div>', body, re.S)[1]
    assert "Developing the silver economy is a response to ageing." in stale
    assert "changed after it was translated" in stale


# --- generated pages ------------------------------------------------------------------------------

def test_home_pages_group_articles_by_seed_page_in_printed_order(built_site):
    home = built_site.read("index.html")
    titles = re.findall(r'<a class="article-card__title" href="([^"]+)"', home)
    assert titles == ["yin-fa-jing-ji.html", "markup-title.html", "zhi-you-zhong-wen.html", "yang-lao-gai-ge.html"]
    assert '<span class="article-card__description">我国人口老龄化程度不断加深，银发经济前景广阔。</span>' in home
    headings = re.findall(r"<h2 id=[^>]*>(.*?)</h2>", home)
    assert headings == ['<span lang="zh-Hans">经济日报</span> · <time>2024-03-01</time> · 第11版', "版面 001_fixture"]


def test_english_home_shows_translation_status(built_site):
    home = built_site.read("en/index.html")
    badges = re.findall(r'<span class="status-badge status-badge--([a-z-]+)">', home)
    assert badges == ["stale", "machine-draft", "untranslated", "manual-draft"]
    assert '<a class="article-card__title" href="zhi-you-zhong-wen.html" lang="zh-Hans">前瞻布局未来产业</a>' in home


def test_bilingual_view_pairs_each_chinese_segment_with_its_english(built_site):
    page = built_site.read("read/yin-fa-jing-ji.html")
    cells = re.findall(r'<div class="bilingual__cell bilingual__cell--(zh|en)[^"]*"[^>]*>(.*?)</div>', page)
    pairs = list(zip(cells[0::2], cells[1::2]))
    assert [(zh[0], en[0]) for zh, en in pairs] == [("zh", "en")] * 6
    assert "积极应对人口老龄化" in pairs[2][0][1] and "Responding actively to population ageing" in pairs[2][1][1]
    assert "养老服务" in pairs[4][0][1] and "（尚无英文）" in pairs[4][1][1]
    for page_name in ("yin-fa-jing-ji.html", "en/yin-fa-jing-ji.html"):
        assert "read/yin-fa-jing-ji.html" in built_site.read(page_name)


def test_feeds_list_articles_with_dates_only_from_the_source(built_site):
    channel = ET.fromstring(built_site.read("feed.xml")).find("channel")
    items = {item.findtext("link"): item.findtext("pubDate") for item in channel.findall("item")}
    assert items == {
        SITE_URL + "yin-fa-jing-ji.html": "Fri, 01 Mar 2024 00:00:00 +0800",
        SITE_URL + "markup-title.html": "Fri, 01 Mar 2024 00:00:00 +0800",
        SITE_URL + "zhi-you-zhong-wen.html": None, SITE_URL + "yang-lao-gai-ge.html": None,
    }
    english = ET.fromstring(built_site.read("en/feed.xml")).find("channel")
    assert [item.findtext("title") for item in english.findall("item")][-1] == "Pension reform advances steadily"
    assert len(english.findall("item")) == 3  # the untranslated article is not in the English feed


def test_sitemap_has_language_alternates_and_no_build_date(built_site):
    sitemap = built_site.read("sitemap.xml")
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{SITE_URL}en/yin-fa-jing-ji.html"/>' in sitemap
    assert "lastmod" not in sitemap and f"{SITE_URL}en/zhi-you-zhong-wen.html" not in sitemap


# --- search ---------------------------------------------------------------------------------------

def lunr_index(built_site, lang: str) -> dict:
    data = built_site.read(f"{paths.prefix(lang)}search/search_index.js")
    assert data.startswith("var __index = ")
    return json.loads(data[len("var __index = "):])


def test_file_url_search_index_per_language_with_chinese_subwords(built_site):
    zh, en = lunr_index(built_site, "zh"), lunr_index(built_site, "en")
    assert {doc["location"].split("#")[0] for doc in zh["docs"]} == {"yin-fa-jing-ji.html", "markup-title.html",
                                                                   "zhi-you-zhong-wen.html", "yang-lao-gai-ge.html"}
    assert {doc["location"].split("#")[0] for doc in en["docs"]} == {"yin-fa-jing-ji.html", "markup-title.html",
                                                                   "yang-lao-gai-ge.html"}
    section = next(doc for doc in zh["docs"] if doc["location"] == "yin-fa-jing-ji.html#积极应对人口老龄化")
    assert "人口老龄化" in section["title"].split("\u200b")  # jieba keeps the long word ...
    assert "老龄化" in section["tags"][0].split("\u200b")  # ... and we add the word inside it
    glossary_doc = next(doc for doc in zh["docs"] if doc["location"] == "zhi-you-zhong-wen.html")
    assert "新质生产力" in glossary_doc["text"].split("\u200b") and "生产力" in glossary_doc["tags"][0].split("\u200b")
    assert any("economy" in doc["text"] for doc in en["docs"])


def test_served_site_downloads_no_lunr_index(built_site):
    """Over http Material still fetches search_index.json on every page load: it holds no documents."""
    for lang in paths.LANGUAGES:
        stub = json.loads(built_site.read(f"{paths.prefix(lang)}search/search_index.json"))
        assert stub["docs"] == [] and stub["config"] == lunr_index(built_site, lang)["config"]


def pagefind_pages(bundle) -> dict[str, str]:
    """URL -> title of every page in a Pagefind bundle (from its fragments)."""
    fragments = [json.loads(built_text(path).removeprefix("pagefind_dcd")) for path in (bundle / "fragment").iterdir()]
    return {fragment["url"]: fragment["meta"]["title"] for fragment in fragments}


def test_pagefind_index_per_language_holds_only_that_languages_articles(built_site):
    zh = json.loads(built_site.read("pagefind/pagefind-entry.json"))
    en = json.loads(built_site.read("en/pagefind/pagefind-entry.json"))
    assert list(zh["languages"]) == ["zh"] and list(en["languages"]) == ["en"]
    assert pagefind_pages(built_site.site / "pagefind") == {
        "/yin-fa-jing-ji.html": "发展银发经济利当前惠长远", "/markup-title.html": "<script>alert(1)</script>标题",
        "/zhi-you-zhong-wen.html": "前瞻布局未来产业", "/yang-lao-gai-ge.html": "养老金改革稳步推进"}
    # URLs are relative to the bundle's folder (Pagefind prefixes the folder the reader loads it from);
    # the Chinese page standing in for the untranslated English one is not in the English index.
    assert pagefind_pages(built_site.site / "en" / "pagefind") == {
        "/yin-fa-jing-ji.html": "Developing the silver economy pays off now and later",
        "/markup-title.html": "<script>alert(2)</script>Title", "/yang-lao-gai-ge.html": "Pension reform advances steadily"}
    assert not (built_site.site / "pagefind" / "pagefind-ui.js").exists()  # unused interfaces are removed


def test_pagefind_leaves_out_status_banners_and_marks(built_site):
    english = built_text(next(path for path in (built_site.site / "en" / "pagefind" / "fragment").iterdir()
                              if "silver economy pays" in built_text(path)))
    for mark in ("Translation out of date", "changed after it was translated", "Not yet translated"):
        assert mark not in english
    assert "Developing the silver economy is a response to ageing." in english


# --- pure functions -------------------------------------------------------------------------------

def test_subwords_are_the_words_inside_long_words():
    def cut(word):
        return {"人口老龄化": ["人口", "老龄", "老龄化", "人口老龄化"]}.get(word, [word])
    assert subwords("积极\u200b应对\u200b人口老龄化\u200b的 ageing", cut) == ["人口", "老龄", "老龄化"]


def test_missing_pagefind_stops_the_build_with_one_line_saying_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)  # import fails as if not installed
    with pytest.raises(PluginError) as error:
        pagefind_executable()
    assert str(error.value) == "search: pagefind_bin_extended is not installed (pip install 'pagefind[extended]==1.5.2')"


def test_status_marks_edited_chinese_stale_and_new_chinese_missing():
    zh = Article("a-1", "s", "zh", "标题", ["甲"], "注", [Block("paragraph", "一段改了。"), Block("paragraph", "新段。")])
    en = Article("a-1", "s", "en", "Title", ["A"], "Note", [Block("paragraph", "One paragraph.")])
    en.translation = Translation("google", [SegmentRecord(text_hash("标题"), text_hash("Title"), "reviewed", "editor"),
                                            SegmentRecord(text_hash("一段。"), text_hash("One paragraph."), "reviewed", "editor"),
                                            SegmentRecord(text_hash("注"), text_hash("Note"), "reviewed", "editor")])
    status = align_article(zh, en)
    assert [(s.state, s.en_text) for s in status.segments] == [
        ("reviewed", "Title"), ("stale", "One paragraph."), ("missing", None), ("reviewed", "Note")]
    assert status.label == "stale"


def test_feed_dates_are_taken_only_from_iso_dates():
    assert rfc822("2024-03-01") == "Fri, 01 Mar 2024 00:00:00 +0800"
    assert rfc822("2024年3月1日") is None and rfc822(None) is None


def test_relative_links_between_pages():
    assert paths.link("en/x.html", paths.reader_path("x")) == "../read/x.html"
    assert paths.link("index.html", paths.article_path("en", "x")) == "en/x.html"
