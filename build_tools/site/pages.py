"""Article pages as MkDocs sees them: `article_page(library, slug, lang) -> RenderedPage`.

Front matter fields (title, authors, author note, description, source) are text, never markup: they
are unescaped from Markdown inline text and HTML-escaped here, so a title `<script>` shows as text.
Body blocks stay Markdown, rendered by MkDocs (heading ids, search, table of contents).

English pages follow the Chinese structure of today (`status.align_article`): a status banner on
top, each paragraph in English, a stale one flagged, a Chinese paragraph without English yet shown in
Chinese under a "not yet translated" mark. A missing English article falls back to the Chinese page,
marked as such and served with lang="zh-Hans".
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..markdown_io import unescape_inline
from ..model import Article, Source
from . import paths
from .labels import label
from .library import Library
from .status import AlignedSegment, ArticleStatus


@dataclass(frozen=True)
class RenderedPage:
    markdown: str
    title: str  # HTML-escaped plain text, as Material expects page titles
    description: str  # HTML-escaped plain text for <meta name="description">
    html_lang: str


def text(markdown_inline: str) -> str:
    """Front-matter text -> HTML that shows exactly that text."""
    return html.escape(unescape_inline(markdown_inline), quote=True)


def source_line(source: Source | None, lang: str) -> str:
    """'经济日报 · 2024-03-01 · 第11版' from the fields that are present; '' when none are."""
    if source is None:
        return ""
    parts = []
    if source.publication:
        parts.append(f'<span lang="zh-Hans">{html.escape(source.publication)}</span>')
    if source.date:
        parts.append(f"<time>{html.escape(source.date)}</time>")
    if source.page:
        parts.append(html.escape(label(lang, "home.page_no", page=source.page)))
    if source.section:
        parts.append(f'<span lang="zh-Hans">{html.escape(source.section)}</span>')
    return " · ".join(parts)


def byline(authors: list[str], note: str, note_lang: str) -> str:
    names = ("、" if note_lang == "zh-Hans" else ", ").join(text(name) for name in authors)
    return (f'<p class="byline"><span class="byline__authors">{names}</span> '
            f'<span class="byline__note" lang="{note_lang}">{text(note)}</span></p>')


def _title(title: str, title_lang: str, page_lang: str) -> str:
    lang = f' lang="{title_lang}"' if title_lang != page_lang else ""
    return f'<h1 class="article-title"{lang}>{text(title)}</h1>'


def _block(kind: str, markdown_inline: str) -> str:
    return f"## {markdown_inline}" if kind == "heading" else markdown_inline


def _links(items: list[tuple[str, str, str]]) -> str:
    anchors = [f'<a href="{href}" hreflang="{lang}">{html.escape(name)}</a>' for href, lang, name in items]
    return '<p class="article-links" data-search-exclude>' + " · ".join(anchors) + "</p>" if anchors else ""


def _chinese_markdown(library: Library, article: Article, page_path: str, notice: str = "") -> str:
    links = []
    if article.slug in library.en and not notice:
        links = [(paths.link(page_path, paths.article_path("en", article.slug)), "en", label("zh", "english")),
                 (paths.link(page_path, paths.reader_path(article.slug)), "zh-Hans", label("zh", "read"))]
    source = source_line(article.source, "zh")
    parts = [notice, _title(article.title, "zh-Hans", "zh-Hans"), byline(article.authors, article.author_note, "zh-Hans"),
             f'<p class="article-source">{source}</p>' if source else "", _links(links)]
    parts += [_block(block.kind, block.text) for block in article.body]
    return "\n\n".join(part for part in parts if part) + "\n"


def _banner(status: ArticleStatus, slug: str, page_path: str) -> str:
    counts = status.counts
    if status.label == "stale":
        detail = label("en", "banner.stale", stale=counts.get("stale", 0), missing=counts.get("missing", 0))
    elif status.label == "reviewed":
        detail = label("en", "banner.reviewed")
    else:
        detail = label("en", "banner.draft", reviewed=counts.get("reviewed", 0), total=status.total)
    original = paths.link(page_path, paths.article_path("zh", slug))
    reader = paths.link(page_path, paths.reader_path(slug))
    return (f'<div class="status-banner status-banner--{status.label}" role="note" data-search-exclude>'
            f'<strong class="status-banner__label">{label("en", "status." + status.label)}</strong> '
            f'{html.escape(detail)} '
            f'<a href="{original}" hreflang="zh-Hans" lang="zh-Hans">{label("en", "banner.original")}</a> · '
            f'<a href="{reader}">{label("en", "read")}</a></div>')


def _english_block(segment: AlignedSegment) -> str:
    kind = segment.zh.kind
    if segment.state == "missing":
        mark = f'<p class="seg-mark" lang="en" data-search-exclude>{label("en", "segment.missing")}</p>'
        if kind == "heading":
            return f'{mark}\n\n## {segment.zh.text} {{: lang="zh-Hans" .seg-missing }}'
        return f'<div class="seg-missing" lang="zh-Hans" markdown="1">\n{mark}\n\n{segment.zh.text}\n\n</div>'
    block = _block(kind, segment.en_text or "")
    if segment.state != "stale":
        return block
    flag = f'<p class="seg-mark seg-mark--stale" data-search-exclude>{label("en", "segment.stale")}</p>'
    if kind == "heading":
        return f"{block} {{: .seg-stale }}\n\n{flag}"
    return f'<div class="seg-stale" markdown="1">\n{block}\n\n{flag}\n</div>'


def _english_markdown(article: Article, zh: Article, status: ArticleStatus, page_path: str) -> str:
    title, *body, note = status.segments
    title_lang = "en" if title.en_text is not None else "zh-Hans"
    note_lang = "en" if note.en_text is not None else "zh-Hans"
    source = source_line(zh.source, "en")
    parts = [_banner(status, article.slug, page_path), _title(title.en_text or zh.title, title_lang, "en"),
             byline(article.authors or zh.authors, note.en_text or zh.author_note, note_lang),
             f'<p class="article-source">{source}</p>' if source else ""]
    parts += [_english_block(segment) for segment in body]
    return "\n\n".join(part for part in parts if part) + "\n"


def article_page(library: Library, slug: str, lang: str) -> RenderedPage:
    """The page for one article in one language of the site (`lang`), falling back to Chinese."""
    zh = library.zh[slug]
    page_path = paths.article_path(lang, slug)
    if lang == "zh":
        return RenderedPage(_chinese_markdown(library, zh, page_path), text(zh.title), text(zh.description), "zh-Hans")
    en = library.en.get(slug)
    if en is None:
        notice = f'<p class="fallback-notice" lang="en" role="note" data-search-exclude>{label("en", "fallback")}</p>'
        return RenderedPage(_chinese_markdown(library, zh, page_path, notice), text(zh.title), text(zh.description), "zh-Hans")
    status = library.status(slug)
    title = status.segments[0].en_text or zh.title
    return RenderedPage(_english_markdown(en, zh, status, page_path), text(title), text(en.description or zh.description), "en")
