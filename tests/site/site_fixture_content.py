"""A small content folder for the site tests: `write_fixture_content(content_dir)`.

Scenarios, one article each unless said otherwise (seed page `000_fixture` unless said otherwise):
  yin-fa-jing-ji    zh + en; en title/paragraphs reviewed, one heading a machine draft, one paragraph
                    stale (its Chinese was edited after translation) and one Chinese paragraph added
                    since, with no English yet; full source (publication, date, page)
  markup-title      zh + en machine draft; title and author look like HTML
  zhi-you-zhong-wen zh only: the English site falls back to the Chinese page; no source date
  yang-lao-gai-ge   on seed page 001_fixture; zh + en manual draft
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from build_tools.markdown_io import dump_article
from build_tools.model import Article, Block, SegmentRecord, Source, Translation
from build_tools.segments import segments_of, text_hash

REPO = Path(__file__).resolve().parents[2]
GLOSSARY = "银发经济: silver economy\n新质生产力: new quality productive forces\n"
OLD_STALE_ZH = "**政策支持。**发展银发经济是应对老龄化的举措。"


def _zh_articles() -> list[Article]:
    return [
        Article(
            article_id="000_fixture-1", slug="yin-fa-jing-ji", lang="zh", title="发展银发经济利当前惠长远",
            authors=["林宝"], author_note="（作者单位：中国社会科学院人口与劳动经济研究所）",
            description="我国人口老龄化程度不断加深，银发经济前景广阔。",
            body=[
                Block("paragraph", "我国人口老龄化程度不断加深，银发经济前景广阔。"),
                Block("heading", "积极应对人口老龄化"),
                Block("paragraph", "**政策支持。**发展银发经济是积极应对人口老龄化的重要举措。"),
                Block("paragraph", "养老服务需要更多专业人才。"),
            ],
            characters=80, reading_minutes=1,
            source=Source(seed="000_fixture", article=1, lines="5-20", publication="经济日报", date="2024-03-01", page="11"),
        ),
        Article(
            article_id="000_fixture-2", slug="markup-title", lang="zh", title="<script>alert(1)</script>标题",
            authors=["<b>张三</b>"], author_note="（作者：测试）", description="一个标题像标签的测试。",
            body=[Block("paragraph", "正文一段。")], characters=5, reading_minutes=1,
            source=Source(seed="000_fixture", article=2, lines="21-30", publication="经济日报", date="2024-03-01", page="11"),
        ),
        Article(
            article_id="000_fixture-3", slug="zhi-you-zhong-wen", lang="zh", title="前瞻布局未来产业",
            authors=["胡拥军"], author_note="（作者单位：国家信息中心）", description="新质生产力是发展的关键。",
            body=[Block("paragraph", "发展新质生产力是推动高质量发展的内在要求。")], characters=20, reading_minutes=1,
            source=Source(seed="000_fixture", article=3, lines="31-40"),
        ),
        Article(
            article_id="001_fixture-1", slug="yang-lao-gai-ge", lang="zh", title="养老金改革稳步推进",
            authors=["王五", "赵六"], author_note="（作者单位：某研究院）", description="养老金改革稳步推进。",
            body=[Block("paragraph", "养老金制度改革稳步推进。")], characters=12, reading_minutes=1,
            source=Source(seed="001_fixture", article=1, lines="1-9"),
        ),
    ]


def _records(zh: Article, en: Article, statuses: list[tuple[str, str]], zh_texts: list[str] | None = None) -> Translation:
    zh_texts = zh_texts or [segment.text for segment in segments_of(zh)]
    en_texts = [segment.text for segment in segments_of(en)]
    records = [SegmentRecord(zh=text_hash(z), en=text_hash(e), status=status, by=by)
               for z, e, (status, by) in zip(zh_texts, en_texts, statuses)]
    return Translation(engine=statuses[0][1] if statuses[0][1] not in ("manual", "editor") else "manual", segments=records)


def _en_articles(zh: dict[str, Article]) -> list[Article]:
    silver = Article(
        article_id="000_fixture-1", slug="yin-fa-jing-ji", lang="en", title="Developing the silver economy pays off now and later",
        authors=["Lin Bao"], author_note="(The author works at the Chinese Academy of Social Sciences.)",
        description="Population ageing in China keeps deepening; the silver economy has broad prospects.",
        body=[
            Block("paragraph", "Population ageing in China keeps deepening; the silver economy has broad prospects."),
            Block("heading", "Responding actively to population ageing"),
            Block("paragraph", "**Policy support.** Developing the silver economy is a response to ageing."),
        ],
    )
    silver_zh = segments_of(zh["yin-fa-jing-ji"])
    silver_sources = [silver_zh[0].text, silver_zh[1].text, silver_zh[2].text, OLD_STALE_ZH, silver_zh[5].text]
    silver.translation = _records(zh["yin-fa-jing-ji"], silver, [
        ("reviewed", "editor"), ("reviewed", "editor"), ("draft", "google"), ("reviewed", "editor"), ("reviewed", "editor"),
    ], silver_sources)
    markup = Article(
        article_id="000_fixture-2", slug="markup-title", lang="en", title="<script>alert(2)</script>Title",
        authors=["<b>Zhang San</b>"], author_note="(Author: test)", description="A test whose title looks like a tag.",
        body=[Block("paragraph", "One paragraph of body text.")],
    )
    markup.translation = _records(zh["markup-title"], markup, [("draft", "google")] * 3)
    pension = Article(
        article_id="001_fixture-1", slug="yang-lao-gai-ge", lang="en", title="Pension reform advances steadily",
        authors=["Wang Wu", "Zhao Liu"], author_note="(The authors work at a research institute.)",
        description="Pension reform advances steadily.",
        body=[Block("paragraph", "The reform of the pension system advances steadily.")],
    )
    pension.translation = _records(zh["yang-lao-gai-ge"], pension, [("draft", "manual")] * 3)
    return [silver, markup, pension]


def write_fixture_content(content_dir: Path) -> None:
    zh = {article.slug: article for article in _zh_articles()}
    for lang, articles in (("zh", list(zh.values())), ("en", _en_articles(zh))):
        folder = content_dir / lang
        folder.mkdir(parents=True, exist_ok=True)
        for article in articles:
            (folder / f"{article.slug}.md").write_text(dump_article(article), encoding="utf-8")


def make_project(project: Path) -> None:
    """A folder laid out like the repository, with the fixture content instead of content/."""
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "overrides").symlink_to(REPO / "overrides")
    (project / "build_tools").symlink_to(REPO / "build_tools")
    (project / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    write_fixture_content(project / "content")


def build_command(project: Path) -> tuple[list[str], dict[str, str]]:
    """`make site` for a project folder: the command and its environment."""
    command = [sys.executable, "-m", "build_tools.site.build", "-f", str(project / "mkdocs.yml"),
               "--site-dir", str(project / "site"), "--file-dir", str(project / "site-file")]
    return command, {**os.environ, "PYTHONPATH": str(REPO), "SITE_URL": "http://127.0.0.1:8000/"}
