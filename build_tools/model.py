"""The article model shared by every stage.

An `Article` is one language version of one printed article. Chinese versions come from `ingest`,
English ones from `translate` and editors. Both are stored as Markdown with YAML front matter
(see `markdown_io`). Text fields hold Markdown inline text exactly as written in the file, so a
hash of a field is a hash of what an editor sees in a diff.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph"]
SegmentStatus = Literal["draft", "reviewed", "stale"]
SEGMENT_STATUSES: tuple[str, ...] = ("draft", "reviewed", "stale")
DESCRIPTION_MAX_CHARS = 150  # meta descriptions beyond this are cut by search engines anyway


def description_from(sentence: str) -> str:
    """An article's `description`: its opening sentence, clipped to DESCRIPTION_MAX_CHARS."""
    return sentence if len(sentence) <= DESCRIPTION_MAX_CHARS else sentence[: DESCRIPTION_MAX_CHARS - 1] + "…"


def character_count(plain_texts: list[str]) -> int:
    """An article's `characters`: the non-space characters of its body's plain text, in any language."""
    return sum(len("".join(text.split())) for text in plain_texts)


@dataclass(frozen=True)
class Block:
    """One body block: a `## ` heading or a one-line paragraph.

    `suggestion` is an engine's proposal kept beside an English paragraph that went stale; it is
    stored as an HTML comment under the paragraph so the site never shows it.
    """

    kind: BlockKind
    text: str
    suggestion: str | None = None


@dataclass(frozen=True)
class Source:
    """Where an article came from. `seed`, `article` (position of the body on the page) and `lines`
    come from the parse; publication, date, page and section only from the seed's sidecar file,
    and are absent when the editor gave none."""

    seed: str
    article: int
    lines: str
    publication: str | None = None
    date: str | None = None
    page: str | None = None
    section: str | None = None
    digest: str | None = None  # hash of the seed, its sidecar and the parser version: unchanged -> skip


@dataclass
class SegmentRecord:
    """What one English segment was made from.

    zh: hash of the Chinese segment this English translates.
    en: hash of the English text as the tool last wrote or adopted it; a different hash in the
        file means an editor changed the text by hand.
    status: draft, reviewed or stale.
    by: who wrote the current English: an engine name, "manual" (typed by the team) or "editor".
    """

    zh: str
    en: str
    status: SegmentStatus = "draft"
    by: str = "manual"


@dataclass
class Translation:
    """The `translation` block of an English article: segments in reading order
    (title, body blocks, author note)."""

    engine: str
    segments: list[SegmentRecord] = field(default_factory=list)


@dataclass
class Article:
    article_id: str
    slug: str
    lang: str
    title: str
    authors: list[str]
    author_note: str
    body: list[Block]
    description: str = ""
    characters: int = 0
    reading_minutes: int = 0
    source: Source | None = None
    translation: Translation | None = None
