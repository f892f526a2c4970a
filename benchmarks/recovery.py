"""Did ingest recover the generated articles? `compare(expected_dir, zh_dir) -> Recovery`.

Each expected article (page, body position) is looked up among the ingested `content/zh` files by
its `source.seed` and `source.article`, then compared field by field: title, authors, author
note, number of paragraphs, number of headings. Lead-ins are counted but not required (the page
itself does not always show them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.markdown_io import read_article, unescape_inline
from build_tools.model import Article

FIELDS = ("title", "authors", "author_note", "paragraphs", "headings")
START_CHARS = 12


@dataclass
class Recovery:
    articles: int = 0
    recovered: int = 0  # every field right
    field_hits: dict[str, int] = field(default_factory=lambda: {name: 0 for name in FIELDS})
    lead_ins_expected: int = 0
    lead_ins_found: int = 0
    mismatches: list[str] = field(default_factory=list)  # "page#n: field: expected X, got Y"

    @property
    def rate(self) -> float:
        return self.recovered / self.articles if self.articles else 0.0


def observed(article: Article) -> dict:
    paragraphs = [block for block in article.body if block.kind == "paragraph"]
    return {"title": article.title, "authors": list(article.authors), "author_note": article.author_note,
            "paragraphs": len(paragraphs), "headings": len(article.body) - len(paragraphs),
            "lead_ins": sum(1 for block in paragraphs if block.text.startswith("**")),
            "block_starts": [f"{'#' if b.kind == 'heading' else '¶'} {unescape_inline(b.text)[:START_CHARS]}"
                             for b in article.body]}


def first_difference(expected: dict, got: dict) -> str:
    """Where the block structures part: 'expected ¶ X…, got # Y…' (¶ paragraph, # heading)."""
    for index, (want, have) in enumerate(zip(expected["block_starts"], got["block_starts"]), 1):
        if want != have:
            return f"block {index}: expected {want}…, got {have}…"
    count = min(len(expected["block_starts"]), len(got["block_starts"]))
    return f"block {count + 1}: the lists differ in length only"


def ingested(zh_dir: Path) -> dict[tuple[str, int], dict]:
    found = {}
    for path in sorted(zh_dir.glob("*.md")):
        article = read_article(path)
        if article.source:
            found[(article.source.seed, article.source.article)] = observed(article)
    return found


def compare(expected_dir: Path, zh_dir: Path) -> Recovery:
    result = Recovery()
    actual = ingested(zh_dir)
    for path in sorted(expected_dir.glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        for expected in page["articles"]:
            result.articles += 1
            result.lead_ins_expected += expected["lead_ins"]
            got = actual.get((page["page"], expected["number"]))
            where = f"{page['page']}#{expected['number']}"
            if got is None:
                result.mismatches.append(f"{where}: not ingested")
                continue
            result.lead_ins_found += got["lead_ins"]
            wrong = [name for name in FIELDS if got[name] != expected[name]]
            for name in FIELDS:
                result.field_hits[name] += name not in wrong
            result.mismatches += [f"{where}: {name}: expected {expected[name]!r}, got {got[name]!r}" for name in wrong]
            if {"paragraphs", "headings"} & set(wrong):
                result.mismatches.append(f"{where}: first wrong block: {first_difference(expected, got)}")
            result.recovered += not wrong
    return result
