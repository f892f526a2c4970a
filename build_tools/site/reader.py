"""The side-by-side reading view of one article: `reader_markdown(library, slug) -> str`.

One grid (overrides/assets/site.css): each row holds a Chinese segment and the English aligned to it
(`status.align_article`), so paragraph i of both languages starts at the same height; on a narrow
screen the rows stack. Generated for articles that have an English file; excluded from search (its
text is already found on the two language pages).
"""

from __future__ import annotations

import html

import markdown

from . import paths
from .labels import label
from .library import Library
from .pages import text
from .status import AlignedSegment

_MARKDOWN = markdown.Markdown()
_CUT = "<!-- cell -->"


def render_blocks(blocks: list[tuple[str, str]]) -> list[str]:
    """(kind, Markdown inline text) -> HTML per block (a paragraph, or an h2 for a heading).

    One conversion for all blocks of a page, cut apart at comment lines that Markdown passes
    through untouched: converting each block alone cost 0.4 ms a block, most of a large build's
    reader pages."""
    source = f"\n\n{_CUT}\n\n".join(f"## {md}" if kind == "heading" else md for kind, md in blocks)
    _MARKDOWN.reset()
    html_blocks = _MARKDOWN.convert(source).split(_CUT)
    return [block.strip().replace("\n", " ") for block in html_blocks]


def _cells(segment: AlignedSegment, zh: str, en: str | None) -> str:
    kind = segment.zh.kind
    if kind in ("title", "author_note"):
        zh = f'<p class="bilingual__{kind}">{text(segment.zh.text)}</p>'
        en = f'<p class="bilingual__{kind}">{text(segment.en_text)}</p>' if segment.en_text is not None else ""
    if not en:
        en = f'<p class="bilingual__none">{html.escape(label("zh", "reader.none"))}</p>'
    state = f" bilingual__cell--{segment.state}"
    return (f'<div class="bilingual__cell bilingual__cell--zh bilingual__cell--{kind}" lang="zh-Hans">{zh}</div>\n'
            f'<div class="bilingual__cell bilingual__cell--en bilingual__cell--{kind}{state}" lang="en">{en}</div>')


def _body_html(segments: list[AlignedSegment]) -> dict[int, tuple[str, str | None]]:
    """Segment index -> (Chinese HTML, English HTML or None) for the headings and paragraphs."""
    body = [i for i, segment in enumerate(segments) if segment.zh.kind in ("heading", "paragraph")]
    translated = [i for i in body if segments[i].en_text is not None]
    zh_html = render_blocks([(segments[i].zh.kind, segments[i].zh.text) for i in body])
    en_html = dict(zip(translated, render_blocks([(segments[i].zh.kind, segments[i].en_text or "") for i in translated])))
    return {i: (zh, en_html.get(i)) for i, zh in zip(body, zh_html)}


def reader_markdown(library: Library, slug: str) -> str:
    zh = library.zh[slug]
    status = library.status(slug)
    here = paths.reader_path(slug)
    title = label("zh", "reader.title", title=zh.title)
    body = _body_html(status.segments)
    rows = "\n".join(_cells(segment, *body.get(index, ("", None))) for index, segment in enumerate(status.segments))
    return (f'<h1 class="bilingual-title">{text(title)}</h1>\n\n'
            f'<div class="bilingual">\n'
            f'<div class="bilingual__head" lang="zh-Hans"><a href="{paths.link(here, paths.article_path("zh", slug))}">'
            f'{label("zh", "reader.zh")}</a></div>\n'
            f'<div class="bilingual__head" lang="en"><a href="{paths.link(here, paths.article_path("en", slug))}" hreflang="en">'
            f'{label("zh", "reader.en")}</a></div>\n{rows}\n</div>\n')
