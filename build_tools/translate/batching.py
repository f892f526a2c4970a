"""Packing source segments into as few translation requests as an engine's length limit allows.

Pure functions, no network: `units_of(sources, limit) -> list[Unit]` cuts every source into pieces
no longer than `limit`; `pack_batches(units, limit) -> list[list[Unit]]` groups pieces, in order,
into requests; `join_batch` / `split_reply` turn a batch into one request text and its answer back
into one English text per piece; `join_pieces` reassembles an overlong source.

Segments are joined with a blank line because machine translation keeps paragraph breaks; if an
answer comes back with a different number of paragraphs, `split_reply` says so (None) and the
caller translates that batch one segment at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEPARATOR = "\n\n"
# A sentence runs to its end mark, including closing quotes or brackets that belong to it.
_SENTENCE = re.compile(r".+?(?:[。！？；!?;]+[”’」』）)\"']*|$)", re.S)
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


@dataclass(frozen=True)
class Unit:
    """One piece of text sent to an engine: all of source `source_index`, or its `piece_index`-th
    piece when the source is longer than one request may be."""

    source_index: int
    piece_index: int
    text: str


def split_sentences(text: str) -> list[str]:
    """Sentences with their end punctuation (the last one may have none); joined they give `text`."""
    return _SENTENCE.findall(text)


def split_overlong(text: str, limit: int) -> list[str]:
    """`text` as pieces of at most `limit` characters, cut at sentence ends; a sentence that alone
    exceeds the limit is cut at the limit (rare: thousands of characters without a full stop)."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in split_sentences(text):
        while len(sentence) > limit:
            pieces += [current] if current else []
            current = ""
            pieces.append(sentence[:limit])
            sentence = sentence[limit:]
        if current and len(current) + len(sentence) > limit:
            pieces.append(current)
            current = ""
        current += sentence
    return pieces + ([current] if current else [])


def units_of(sources: list[str], limit: int) -> list[Unit]:
    return [Unit(source_index, piece_index, piece)
            for source_index, source in enumerate(sources)
            for piece_index, piece in enumerate(split_overlong(source, limit))]


def pack_batches(units: list[Unit], limit: int) -> list[list[Unit]]:
    """Consecutive units joined by SEPARATOR while the request stays within `limit` characters.
    A unit that contains a line break travels alone: its own breaks would confuse the split-back."""
    batches: list[list[Unit]] = []
    size = 0
    for unit in units:
        alone = "\n" in unit.text
        fits = batches and size + len(SEPARATOR) + len(unit.text) <= limit
        if alone or not fits or "\n" in batches[-1][-1].text:
            batches.append([unit])
            size = len(unit.text)
        else:
            batches[-1].append(unit)
            size += len(SEPARATOR) + len(unit.text)
    return batches


def join_batch(batch: list[Unit]) -> str:
    return SEPARATOR.join(unit.text for unit in batch)


def split_reply(reply: str, count: int) -> list[str] | None:
    """The answer to a joined batch as `count` English texts, or None when it does not split into
    exactly `count` non-empty paragraphs (the engine merged or split some)."""
    if count == 1:
        return [reply.strip()] if reply.strip() else None
    parts = [part.strip() for part in _BLANK_LINE.split(reply.strip())]
    if len(parts) != count or not all(parts):
        return None
    return parts


def join_pieces(pieces: list[str]) -> str:
    """English pieces of one overlong source, in order, as one paragraph."""
    return " ".join(piece.strip() for piece in pieces)
