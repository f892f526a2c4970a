"""All articles of the content folder, read once per build: `load_library(content_dir) -> Library`.

The site is laid out from this model (home pages, English status, side-by-side view, feeds), not
from what MkDocs happens to parse, so every page sees the same data.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from ..errors import InputError
from ..markdown_io import read_article
from ..model import Article
from .status import ArticleStatus, align_article


@dataclass(frozen=True)
class Library:
    zh: dict[str, Article]  # slug -> Chinese article
    en: dict[str, Article]  # slug -> English article (only those that exist)

    def status(self, slug: str) -> ArticleStatus:
        return align_article(self.zh[slug], self.en.get(slug))

    def seed_groups(self) -> list[tuple[str, list[Article]]]:
        """Chinese articles grouped by seed page (sorted by seed), each group in printed order."""
        def key(article: Article) -> tuple[str, int, str]:
            source = article.source
            return (source.seed, source.article, article.slug) if source else ("~", 0, article.slug)
        ordered = sorted(self.zh.values(), key=key)
        return [(seed, list(items)) for seed, items in groupby(ordered, key=lambda a: key(a)[0])]


def _read_folder(folder: Path, lang: str) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for path in sorted(folder.glob("*.md")):
        article = read_article(path)
        if article.lang != lang:
            raise InputError(f"{path}: front matter key 'lang': expected {lang!r} in {folder.name}/, got {article.lang!r}")
        if article.slug != path.stem:
            raise InputError(f"{path}: front matter key 'slug': expected {path.stem!r} (the file name), got {article.slug!r}")
        articles[article.slug] = article
    return articles


def load_library(content_dir: Path) -> Library:
    zh = _read_folder(content_dir / "zh", "zh")
    en = _read_folder(content_dir / "en", "en")
    orphans = sorted(set(en) - set(zh))
    if orphans:
        raise InputError(f"{content_dir / 'en' / (orphans[0] + '.md')}: no Chinese original content/zh/{orphans[0]}.md")
    return Library(zh=zh, en=en)
