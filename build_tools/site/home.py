"""The home page of each language, generated at build time: `home_markdown(library, lang) -> str`.

Articles are grouped by seed page (the printed page they came from) in printed order. Each shows its
title, authors and opening sentence (description); the English home also shows the translation
status. Publication, date and page appear only when the source has them.
"""

from __future__ import annotations

import html
from pathlib import PurePosixPath

from ..markdown_io import escape_inline
from ..model import Article
from . import paths
from .labels import label
from .library import Library
from .pages import source_line, text


def _group_heading(seed: str, first: Article, lang: str) -> str:
    """Markdown heading for a seed page: its source line if any field is present, else its name."""
    line = source_line(first.source, lang)
    if line:
        return f"## {line}"
    return "## " + escape_inline(label(lang, "home.page", seed=PurePosixPath(seed).stem))


def _zh_item(library: Library, article: Article) -> str:
    home = paths.home_path("zh")
    links = ""
    if article.slug in library.en:
        links = (f'<span class="article-card__links"><a href="{paths.link(home, paths.article_path("en", article.slug))}" '
                 f'hreflang="en" lang="en">{label("zh", "english")}</a> · '
                 f'<a href="{paths.link(home, paths.reader_path(article.slug))}">{label("zh", "read")}</a></span>')
    return (f'<li class="article-card"><a class="article-card__title" href="{paths.link(home, paths.article_path("zh", article.slug))}">'
            f'{text(article.title)}</a> <span class="article-card__authors">{"、".join(text(a) for a in article.authors)}</span> '
            f'<span class="article-card__description">{text(article.description)}</span>{links}</li>')


def _en_item(library: Library, zh: Article) -> str:
    home = paths.home_path("en")
    en = library.en.get(zh.slug)
    status = library.status(zh.slug)
    shown = en or zh
    lang = "" if en else ' lang="zh-Hans"'
    title = (status.segments[0].en_text if en else None) or zh.title
    links = f'<a href="{paths.link(home, paths.article_path("zh", zh.slug))}" hreflang="zh-Hans" lang="zh-Hans">{label("en", "chinese")}</a>'
    if en:
        links += f' · <a href="{paths.link(home, paths.reader_path(zh.slug))}">{label("en", "read")}</a>'
    return (f'<li class="article-card"><a class="article-card__title" href="{paths.link(home, paths.article_path("en", zh.slug))}"{lang}>'
            f'{text(title)}</a> <span class="status-badge status-badge--{status.label}">{label("en", "status." + status.label)}</span> '
            f'<span class="article-card__authors"{lang}>{", ".join(text(a) for a in shown.authors)}</span> '
            f'<span class="article-card__description"{lang}>{text(shown.description or zh.description)}</span> '
            f'<span class="article-card__links">{links}</span></li>')


def home_markdown(library: Library, lang: str) -> str:
    title = label(lang, "home.title")
    feed = paths.link(paths.home_path(lang), paths.feed_path(lang))
    parts = [
        f'<h1 class="home-title">{html.escape(title)}</h1>',
        f'<p class="home-intro">{html.escape(label(lang, "home.intro"))} <a href="{feed}" type="application/rss+xml">'
        f'{html.escape(label(lang, "feed"))}</a></p>',
    ]
    item = _zh_item if lang == "zh" else _en_item
    for seed, articles in library.seed_groups():
        parts.append(_group_heading(seed, articles[0], lang))
        parts.append('<ul class="article-list">\n' + "\n".join(item(library, a) for a in articles) + "\n</ul>")
    return "\n\n".join(parts) + "\n"
