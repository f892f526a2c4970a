"""One RSS 2.0 feed per language: `feed_xml(library, lang, site_url) -> str`.

Why RSS and not Atom: Atom requires an `updated` date on every entry, and most articles have no
known date. We never invent one (not the build time, not SOURCE_DATE_EPOCH): an item gets a
`pubDate` only from `source.date` (YYYY-MM-DD, taken as midnight Beijing time); RSS allows items
without one. Items are ordered newest dated first, then undated ones in printed order, so the feed
is byte-identical for the same content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from ..markdown_io import unescape_inline
from . import paths
from .labels import label
from .library import Library

BEIJING = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    guid: str
    description: str
    authors: list[str]
    date: str | None  # YYYY-MM-DD from source.date, else None
    order: tuple[str, int]  # (seed, article): printed order


def rfc822(date: str | None) -> str | None:
    """'2024-03-01' -> 'Fri, 01 Mar 2024 00:00:00 +0800'; None for anything that is not such a date."""
    try:
        return format_datetime(datetime.strptime(date or "", "%Y-%m-%d").replace(tzinfo=BEIJING))
    except ValueError:
        return None


def feed_items(library: Library, lang: str, site_url: str) -> list[FeedItem]:
    items = []
    for slug, zh in library.zh.items():
        article = zh if lang == "zh" else library.en.get(slug)
        if article is None:
            continue  # the English feed lists English articles only
        source = zh.source
        items.append(FeedItem(
            title=unescape_inline(article.title), link=urljoin(site_url, paths.article_path(lang, slug)),
            guid=f"{article.article_id}/{lang}", description=unescape_inline(article.description),
            authors=[unescape_inline(name) for name in article.authors], date=source.date if source else None,
            order=(source.seed, source.article) if source else ("~", 0),
        ))
    dated = sorted((i for i in items if rfc822(i.date)), key=lambda i: (i.date, i.order[0], -i.order[1]), reverse=True)
    undated = sorted((i for i in items if not rfc822(i.date)), key=lambda i: i.order)
    return dated + undated


def _item_xml(item: FeedItem) -> str:
    lines = [f"<title>{escape(item.title)}</title>", f"<link>{escape(item.link)}</link>",
             f'<guid isPermaLink="false">{escape(item.guid)}</guid>',
             f"<description>{escape(item.description)}</description>"]
    lines += [f"<dc:creator>{escape(name)}</dc:creator>" for name in item.authors]
    published = rfc822(item.date)
    if published:
        lines.append(f"<pubDate>{published}</pubDate>")
    return "    <item>\n" + "".join(f"      {line}\n" for line in lines) + "    </item>\n"


def feed_xml(library: Library, lang: str, site_url: str) -> str:
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    home = urljoin(site_url, paths.home_path(lang))
    head = (f"<title>{escape(label(lang, 'home.title'))}</title>\n    <link>{escape(home)}</link>\n"
            f"    <description>{escape(label(lang, 'home.intro'))}</description>\n"
            f"    <language>{paths.HTML_LANG[lang]}</language>\n")
    items = "".join(_item_xml(item) for item in feed_items(library, lang, site_url))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            f"  <channel>\n    {head}{items}  </channel>\n</rss>\n")
