"""sitemap.xml with language alternates: `sitemap_xml(library, site_url) -> str`.

Written from the content model after the build (it replaces the theme's sitemap; overrides/sitemap.xml
only keeps static-i18n from installing its own), because static-i18n's template misses generated pages
and stamps every URL with the build date. No `lastmod`: we do not know when an article last changed,
and a build date would make every build differ. English pages that only stand in for a missing
translation are left out: they repeat the Chinese page.
"""

from __future__ import annotations

from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

from . import paths
from .library import Library


def _url(site_url: str, path: str, alternates: dict[str, str]) -> str:
    lines = [f"    <loc>{urljoin(site_url, path)}</loc>"]
    lines += [f'    <xhtml:link rel="alternate" hreflang="{paths.HTML_LANG[lang]}" href={quoteattr(urljoin(site_url, other))}/>'
              for lang, other in alternates.items()] if len(alternates) > 1 else []
    return "  <url>\n" + "\n".join(lines) + "\n  </url>\n"


def sitemap_xml(library: Library, site_url: str, only: str | None = None) -> str:
    """The whole site, or with `only` a language's pages alone: en/sitemap.xml, which Material's
    language switcher fetches from under /en/ to see whether a page exists in English."""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    homes = {lang: paths.home_path(lang) for lang in paths.LANGUAGES}
    entries = [_url(site_url, path, homes) for lang, path in homes.items() if only in (None, lang)]
    for slug in sorted(library.zh):
        versions = {"zh": paths.article_path("zh", slug)}
        if slug in library.en:
            versions["en"] = paths.article_path("en", slug)
        entries += [_url(site_url, path, versions) for lang, path in versions.items() if only in (None, lang)]
        if slug in library.en and only is None:
            entries.append(_url(site_url, paths.reader_path(slug), {}))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            + "".join(entries) + "</urlset>\n")
