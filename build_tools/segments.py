"""Segments: the units that are translated, hashed, reviewed and aligned.

An article's segments, in reading order: its title, each body block (heading or paragraph), its
author note. `segments_of(Article) -> list[Segment]` is the single definition every stage uses;
English `translation.segments` records follow the same order.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from .model import Article

SegmentKind = Literal["title", "heading", "paragraph", "author_note"]
HASH_LENGTH = 10


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str
    block_index: int | None = None  # index into Article.body for headings and paragraphs


def text_hash(text: str) -> str:
    """Short stable hash of a segment's text (whitespace at the ends ignored)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:HASH_LENGTH]


def segments_of(article: Article) -> list[Segment]:
    segments = [Segment("title", article.title)]
    segments += [Segment(block.kind, block.text, index) for index, block in enumerate(article.body)]
    segments.append(Segment("author_note", article.author_note))
    return segments


def align(old_hashes: list[str], new_hashes: list[str]) -> list[int | None]:
    """For each new segment, the index of the old segment it corresponds to, or None if it is new.

    Unchanged segments are matched by hash; inside a changed region, old and new segments are
    paired in order (a paragraph edited in place stays paired with its old translation), and
    any surplus on the new side is new.
    """
    mapping: list[int | None] = [None] * len(new_hashes)
    matcher = SequenceMatcher(a=old_hashes, b=new_hashes, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for offset in range(min(old_end - old_start, new_end - new_start)):
                mapping[new_start + offset] = old_start + offset
    return mapping


def align_articles(old_hashes: list[str], new_hashes: list[str]) -> list[int | None]:
    """`align` for two articles' whole segment lists (title, body blocks, author note): the title
    always pairs with the title and the author note with the author note, and only the body blocks
    are aligned, so a changed note can never pick up an old paragraph's English. The one rule
    translate, check and the site use to say which English translates which Chinese."""
    if not old_hashes:
        return [None] * len(new_hashes)
    body = align(old_hashes[1:-1], new_hashes[1:-1])
    return [0, *(None if index is None else 1 + index for index in body), len(old_hashes) - 1]
