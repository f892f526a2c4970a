"""The optional sidecar `seeds/<seed-name>.yml`: facts the page lacks, and corrections.

`load_sidecar(path) -> Sidecar` validates; `apply_corrections(list[ParsedArticle], Sidecar)` applies
them on top of the parse. Example:

    publication: 人民日报        # facts for every article of the page; never guessed by the parser
    date: 2024-03-04
    page: "9"
    section: 理论
    articles:                    # keyed by the body's position on the page, 1 = first
      3:
        header: 1                # this body belongs to the header's 1st title/byline pair
        title: 发展银发经济 利当前惠长远
        authors: [林宝]
        author_note: 作者系…
        slug: silver-economy
        headings: [发展银发经济是满足老年人美]   # a paragraph opening with this text: split off as a heading
        not_headings: [随着我国进入发展新阶段]     # a heading starting so: merged into the next paragraph
        breaks: [2023年，我国规上工业企业]         # a new paragraph starts at this text
        joins: [经过多年发展建设]                  # a paragraph starting so continues the one before
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..yaml_files import read_yaml_mapping
from .page import ParsedArticle
from .paragraphs import ParsedBlock
from .slugs import is_valid_slug

PAGE_FACTS = ("publication", "date", "page", "section")
ARTICLE_KEYS = ("header", "title", "authors", "author_note", "slug", "headings", "not_headings", "breaks", "joins")


@dataclass(frozen=True)
class ArticleCorrection:
    header: int | None = None
    title: str | None = None
    authors: tuple[str, ...] | None = None
    author_note: str | None = None
    slug: str | None = None
    headings: tuple[str, ...] = ()
    not_headings: tuple[str, ...] = ()
    breaks: tuple[str, ...] = ()
    joins: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sidecar:
    facts: dict[str, str] = field(default_factory=dict)
    articles: dict[int, ArticleCorrection] = field(default_factory=dict)
    raw_text: str = ""  # part of the seed's digest: editing the sidecar re-ingests the page


def sidecar_path(seed: Path) -> Path:
    return seed.with_suffix(".yml")


def load_sidecar(path: Path) -> Sidecar:
    if not path.exists():
        return Sidecar()
    raw = read_yaml_mapping(path, str(path), InputError, "page facts and article corrections")
    _reject_unknown(raw, PAGE_FACTS + ("articles",), "", path)
    facts = {key: _fact(key, raw[key], path) for key in PAGE_FACTS if raw.get(key) is not None}
    articles = raw.get("articles") or {}
    if not isinstance(articles, dict):
        raise InputError(f"{path}: articles: expected a mapping of article number to corrections")
    corrections = {_article_number(key, path): _correction(key, value, path) for key, value in articles.items()}
    return Sidecar(facts, corrections, path.read_text(encoding="utf-8"))


def _reject_unknown(raw: dict[str, Any], allowed: tuple[str, ...], prefix: str, path: Path) -> None:
    for key in raw:
        if key not in allowed:
            raise InputError(f"{path}: {prefix}{key}: unknown key (allowed: {', '.join(allowed)})")


def _fact(key: str, value: Any, path: Path) -> str:
    if key == "date":
        if isinstance(value, dt.date):
            return value.isoformat()
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise InputError(f"{path}: date: expected a date as YYYY-MM-DD, got {value!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
        raise InputError(f"{path}: {key}: expected text, got {value!r}")
    return str(value).strip()


def _article_number(key: Any, path: Path) -> int:
    if isinstance(key, bool) or not isinstance(key, int) or key < 1:
        raise InputError(f"{path}: articles: {key!r}: expected the article's position on the page (1, 2, …)")
    return key


def _correction(number: Any, raw: Any, path: Path) -> ArticleCorrection:
    prefix = f"articles.{number}."
    if not isinstance(raw, dict):
        raise InputError(f"{path}: articles.{number}: expected a mapping of corrections")
    _reject_unknown(raw, ARTICLE_KEYS, prefix, path)
    for key in ("title", "author_note", "slug"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
            raise InputError(f"{path}: {prefix}{key}: expected non-empty text, got {raw[key]!r}")
    for key in ("authors", "headings", "not_headings", "breaks", "joins"):
        if key in raw and (not isinstance(raw[key], list) or not all(isinstance(v, str) and v.strip() for v in raw[key])):
            raise InputError(f"{path}: {prefix}{key}: expected a list of text, got {raw[key]!r}")
    if "slug" in raw and not is_valid_slug(raw["slug"]):
        raise InputError(f"{path}: {prefix}slug: expected lowercase ASCII words joined by '-' "
                         f"(no '/', '..' or spaces), got {raw['slug']!r}")
    if "header" in raw and (isinstance(raw["header"], bool) or not isinstance(raw["header"], int) or raw["header"] < 1):
        raise InputError(f"{path}: {prefix}header: expected a title/byline position (1, 2, …), got {raw['header']!r}")
    return ArticleCorrection(
        header=raw.get("header"), title=raw.get("title"), author_note=raw.get("author_note"), slug=raw.get("slug"),
        authors=tuple(raw["authors"]) if "authors" in raw else None,
        headings=tuple(raw.get("headings", ())), not_headings=tuple(raw.get("not_headings", ())),
        breaks=tuple(raw.get("breaks", ())), joins=tuple(raw.get("joins", ())),
    )


def fixed_headers(sidecar: Sidecar, article_count: int, path: Path) -> dict[int, int]:
    """Body index -> header entry index (0-based) forced by the sidecar, validated against the page."""
    fixed = {}
    for number, correction in sidecar.articles.items():
        if number > article_count:
            raise InputError(f"{path}: articles.{number}: the page has only {article_count} articles")
        if correction.header is not None:
            if correction.header > article_count:
                raise InputError(f"{path}: articles.{number}.header: the header has only {article_count} titles")
            fixed[number - 1] = correction.header - 1
    if len(set(fixed.values())) < len(fixed):
        raise InputError(f"{path}: articles: two articles claim the same header entry")
    return fixed


def apply_corrections(article: ParsedArticle, correction: ArticleCorrection, path: Path) -> ParsedArticle:
    """Editor's corrections on top of the parse (header matching is applied during the parse)."""
    if correction.title is not None:
        article.title = correction.title.strip()
    if correction.authors is not None:
        article.authors = [name.strip() for name in correction.authors]
    if correction.author_note is not None:
        article.author_note = correction.author_note.strip()
    article.blocks = _promote_headings(article.blocks, correction.headings, article.number, path)
    article.blocks = _demote_headings(article.blocks, correction.not_headings, article.number, path)
    article.blocks = _break_paragraphs(article.blocks, correction.breaks, article.number, path)
    article.blocks = _join_paragraphs(article.blocks, correction.joins, article.number, path)
    return article


def _promote_headings(blocks: list[ParsedBlock], texts: tuple[str, ...], number: int, path: Path) -> list[ParsedBlock]:
    for text in texts:
        index = next((i for i, b in enumerate(blocks) if b.kind == "paragraph" and b.text.startswith(text)), None)
        if index is None:
            raise InputError(f"{path}: articles.{number}.headings: no paragraph of article {number} begins with {text!r}")
        block = blocks[index]
        rest = block.text[len(text):]
        replacement = [ParsedBlock("heading", text, 0, block.first_line, block.first_line)]
        if rest:
            replacement.append(ParsedBlock("paragraph", rest, 0, block.first_line, block.last_line))
        blocks = blocks[:index] + replacement + blocks[index + 1:]
    return blocks


def _demote_headings(blocks: list[ParsedBlock], texts: tuple[str, ...], number: int, path: Path) -> list[ParsedBlock]:
    for text in texts:
        index = next((i for i, b in enumerate(blocks) if b.kind == "heading" and b.text.startswith(text)), None)
        if index is None:
            raise InputError(f"{path}: articles.{number}.not_headings: no heading of article {number} begins with {text!r}")
        heading = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) and blocks[index + 1].kind == "paragraph" else None
        merged = ParsedBlock("paragraph", heading.text + (following.text if following else ""),
                             0, heading.first_line, following.last_line if following else heading.last_line)
        blocks = blocks[:index] + [merged] + blocks[index + (2 if following else 1):]
    return blocks


def _break_paragraphs(blocks: list[ParsedBlock], texts: tuple[str, ...], number: int, path: Path) -> list[ParsedBlock]:
    for text in texts:
        index = next((i for i, b in enumerate(blocks) if b.kind == "paragraph" and text in b.text[1:]), None)
        if index is None:
            raise InputError(f"{path}: articles.{number}.breaks: no paragraph of article {number} contains {text!r} "
                             f"after its start")
        block = blocks[index]
        cut = block.text.index(text, 1)
        first = ParsedBlock("paragraph", block.text[:cut], min(block.lead_length, cut), block.first_line, block.last_line)
        second = ParsedBlock("paragraph", block.text[cut:], 0, block.first_line, block.last_line)
        blocks = blocks[:index] + [first, second] + blocks[index + 1:]
    return blocks


def _join_paragraphs(blocks: list[ParsedBlock], texts: tuple[str, ...], number: int, path: Path) -> list[ParsedBlock]:
    for text in texts:
        index = next((i for i, b in enumerate(blocks) if i and b.kind == "paragraph" and b.text.startswith(text)
                      and blocks[i - 1].kind == "paragraph"), None)
        if index is None:
            raise InputError(f"{path}: articles.{number}.joins: no paragraph of article {number} that follows "
                             f"another begins with {text!r}")
        before, after = blocks[index - 1], blocks[index]
        merged = ParsedBlock("paragraph", before.text + after.text, before.lead_length, before.first_line, after.last_line)
        blocks = blocks[:index - 1] + [merged] + blocks[index + 1:]
    return blocks
