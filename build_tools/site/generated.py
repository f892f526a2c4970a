"""What the hooks do, as plain functions and one state object per top-level build.

`BuildState` holds the content (`Library`) read once per `mkdocs build`, the generated pages (home
page per language, side-by-side view per translated article) and turns each article page's
Markdown into the page the reader sees (`pages.article_page`). `finish` writes what needs the whole
built site: per-language search indexes (lunr for file://, Pagefind for http) and feeds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from ..errors import UserError
from ..glossary import load_glossary
from ..markdown_io import write_text_atomic
from ..settings import load_settings
from . import paths
from .feeds import feed_xml
from .home import home_markdown
from .labels import label
from .library import Library, load_library
from .pagefind_index import write_pagefind_indexes
from .pages import article_page, text
from .reader import reader_markdown
from .search_index import write_language_indexes
from .sitemap import sitemap_xml


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str
    meta: dict[str, Any]
    alternates: dict[str, str]  # language -> site path of this page's language switcher target


@dataclass(frozen=True)
class _Link:
    """Stands in for a static-i18n alternate File: the switcher only reads its url."""

    url: str
    page: None = None


def _home(library: Library, lang: str) -> GeneratedPage:
    meta = {"title": text(label(lang, "home.title")), "search": {"exclude": True}, "html_lang": paths.HTML_LANG[lang],
            "site_home": True}
    alternates = {other: paths.home_path(other) for other in paths.LANGUAGES}
    return GeneratedPage(paths.prefix(lang) + "index.md", home_markdown(library, lang), meta, alternates)


def _reader(library: Library, slug: str) -> GeneratedPage:
    meta = {"title": text(label("zh", "reader.title", title=library.zh[slug].title)), "search": {"exclude": True},
            "hide": ["navigation", "toc"], "html_lang": "zh-Hans"}
    alternates = {lang: paths.article_path(lang, slug) for lang in paths.LANGUAGES}
    return GeneratedPage(f"read/{slug}.md", reader_markdown(library, slug), meta, alternates)


@dataclass
class BuildState:
    root: Path = Path(".")
    content_dir: Path = Path("content")
    library: Library | None = None
    pages: dict[str, GeneratedPage] = field(default_factory=dict)

    def reset(self, root: Path, content_dir: Path) -> None:
        self.root, self.content_dir, self.library, self.pages = root, content_dir, None, {}
        add_glossary_words(root)

    def load(self) -> Library:
        if self.library is None:
            try:
                self.library = load_library(self.content_dir)
            except UserError as error:
                raise PluginError(str(error)) from None
        return self.library

    def generated_files(self, lang: str) -> list[GeneratedPage]:
        library = self.load()
        made = [_home(library, lang)]
        if lang == paths.DEFAULT_LANGUAGE:
            made += [_reader(library, slug) for slug in sorted(library.en)]
        self.pages.update((page.src_uri, page) for page in made)
        return made

    def page_markdown(self, page: Any, lang: str) -> str | None:
        made = self.pages.get(page.file.src_uri)
        if made is not None:
            page.meta.update(made.meta)
            return made.markdown
        if "article_id" not in page.meta:
            return None
        rendered = article_page(self.load(), str(page.meta.get("slug")), lang)
        # search_body: Pagefind indexes this page (an article in its own language, not a fallback)
        page.meta.update(title=rendered.title, description=rendered.description, html_lang=rendered.html_lang,
                         search_body=rendered.html_lang == paths.HTML_LANG[lang])
        return rendered.markdown

    def finish(self, site_dir: Path, site_url: str) -> None:
        library = self.load()
        write_language_indexes(site_dir)
        write_pagefind_indexes(site_dir)
        for lang in paths.LANGUAGES:
            write_text_atomic(site_dir / paths.feed_path(lang), feed_xml(library, lang, site_url))
        write_text_atomic(site_dir / "sitemap.xml", sitemap_xml(library, site_url))
        for lang in paths.LANGUAGES[1:]:
            write_text_atomic(site_dir / paths.prefix(lang) / "sitemap.xml", sitemap_xml(library, site_url, only=lang))
        (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)  # the theme's, with other content


def add_glossary_words(root: Path) -> None:
    """Glossary terms become jieba words, so search cuts 新质生产力 as one word (see search_index)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter would drown MkDocs' output
    try:
        settings = load_settings(root / "settings.yml")
        terms = load_glossary(settings.path(settings.glossary_file))
    except UserError as error:
        raise PluginError(str(error)) from None
    for term in terms:
        jieba.add_word(term)


def _i18n(config: Any) -> Any:
    return config.plugins.get("i18n")


def current_language(config: Any) -> str:
    plugin = _i18n(config)
    return getattr(plugin, "current_language", None) or paths.DEFAULT_LANGUAGE


def i18n_busy(config: Any) -> bool:
    """True inside static-i18n's nested per-language builds (their on_post_build is not the last)."""
    return bool(getattr(_i18n(config), "building", False))


def mark_i18n(file: Any, lang: str, alternates: dict[str, str]) -> None:
    """Give a generated file the attributes static-i18n's language switcher reads."""
    file.locale = file.localization = file.locale_alternate_of = lang
    file.norm_src_uri = file.src_uri
    file.alternates = {other: _Link(path) for other, path in alternates.items()}


def home_only(nav: Any) -> Any:
    """The navigation lists the home page only: every page carries the navigation, so listing every
    article would make the site grow with the square of the number of articles."""
    for page in nav.pages:
        page.previous_page = page.next_page = None
    home = nav.homepage
    nav.items = [home] if home else []
    nav.pages = [home] if home else []
    return nav
