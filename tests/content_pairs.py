"""Small Chinese/English article pairs for the review-stage tests, written as translate writes them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from build_tools.markdown_io import dump_article
from build_tools.model import Article, Block, SegmentRecord, Translation
from build_tools.segments import segments_of, text_hash

# A short article: heading, two paragraphs; the English of each segment in reading order.
SILVER_ZH = Article(
    article_id="000_5a518f614c3346c7-3", slug="silver-economy", lang="zh", title="发展银发经济",
    authors=["林林"], author_note="作者单位：国家发展改革委",
    body=[Block("heading", "一、背景"), Block("paragraph", "银发经济是新产业。"), Block("paragraph", "第二段。")],
)
SILVER_EN_TEXTS = ["Developing the silver economy", "I. Background", "The silver economy is a new industry.",
                   "The second paragraph.", "The author works at the NDRC."]


def english_of(zh: Article, texts: list[str], statuses: list[str], *, by: str = "google",
               suggestion: str | None = None) -> Article:
    """The English of `zh` (texts in segment order: title, body blocks, author note), with records
    that say it translates zh as it is now; `suggestion` goes beside the last body block."""
    records = [SegmentRecord(text_hash(segment.text), text_hash(text), status, by)
               for segment, text, status in zip(segments_of(zh), texts, statuses)]
    body = [Block(block.kind, text) for block, text in zip(zh.body, texts[1:-1])]
    body[-1] = replace(body[-1], suggestion=suggestion)
    return replace(zh, lang="en", title=texts[0], authors=["Lin Lin"], author_note=texts[-1], body=body,
                   translation=Translation("google", records))


def write_articles(root: Path, *articles: Article, name: str | None = None, folder: str | None = None) -> None:
    for article in articles:
        path = root / "content" / (folder or article.lang) / f"{name or article.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_article(article), encoding="utf-8")
