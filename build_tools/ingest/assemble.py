"""Parsed articles -> `Article`s ready to write: `to_article(ParsedArticle, ...) -> Article`, pure.

Derives only what the page supports: the description is the opening sentence, the character count
counts the body's characters, reading time assumes 400 Chinese characters a minute.
"""

from __future__ import annotations

import math

from ..markdown_io import escape_inline
from ..model import Article, Block, Source, character_count, description_from
from .page import ParsedArticle
from .paragraphs import ParsedBlock
from .text import first_sentence_end

READING_SPEED_CHARS_PER_MINUTE = 400


def block_markdown(block: ParsedBlock) -> Block:
    if block.kind == "heading":
        return Block("heading", escape_inline(block.text))
    if block.lead_length:
        lead, rest = block.text[: block.lead_length], block.text[block.lead_length:]
        return Block("paragraph", f"**{escape_inline(lead)}**{escape_inline(rest)}")
    return Block("paragraph", escape_inline(block.text))


def description_of(blocks: list[ParsedBlock]) -> str:
    first = next((block.text for block in blocks if block.kind == "paragraph"), "")
    end = first_sentence_end(first) or len(first)
    sentence = first[:end]
    return description_from(sentence)


def to_article(parsed: ParsedArticle, *, article_id: str, slug: str, seed_name: str,
               facts: dict[str, str], digest: str) -> Article:
    characters = character_count([block.text for block in parsed.blocks])
    return Article(
        article_id=article_id, slug=slug, lang="zh", title=parsed.title, authors=list(parsed.authors),
        author_note=parsed.author_note, body=[block_markdown(block) for block in parsed.blocks],
        description=description_of(parsed.blocks), characters=characters,
        reading_minutes=max(1, math.ceil(characters / READING_SPEED_CHARS_PER_MINUTE)),
        source=Source(seed=seed_name, article=parsed.number, lines=f"{parsed.first_line}-{parsed.last_line}",
                      digest=digest, **facts),
    )
