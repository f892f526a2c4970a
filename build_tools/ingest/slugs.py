"""Readable ASCII slugs from Chinese titles: `slug_from_title(str) -> str`, and slug validation.

统筹推进科技创新和产业创新 -> tongchou-tuijin-keji-chuangxin: pinyin without tones, two syllables
to a word (most Chinese words have two characters), the first four words.
"""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_WORDS = 4
MAX_LENGTH = 60


def is_valid_slug(slug: str) -> bool:
    return bool(SLUG_PATTERN.match(slug)) and len(slug) <= MAX_LENGTH


def slug_from_title(title: str) -> str:
    words: list[str] = []
    syllables: list[str] = []
    for piece in lazy_pinyin(title, style=Style.NORMAL, errors="default"):
        ascii_piece = re.sub(r"[^a-z0-9]+", "-", piece.lower()).strip("-")
        if not ascii_piece:
            continue
        if syllables and (len(syllables) == 2 or not _is_syllable(piece, title)):
            words.append("".join(syllables))
            syllables = []
        if _is_syllable(piece, title):
            syllables.append(ascii_piece)
        else:
            words += [word for word in ascii_piece.split("-") if word]
    if syllables:
        words.append("".join(syllables))
    return "-".join(words[:MAX_WORDS]) or "article"


def _is_syllable(piece: str, title: str) -> bool:
    """pypinyin returns Latin and digits unchanged; anything else it returned is a syllable."""
    return piece not in title


def unique_slug(wanted: str, taken: set[str]) -> str:
    slug, number = wanted, 2
    while slug in taken:
        slug = f"{wanted}-{number}"
        number += 1
    return slug
