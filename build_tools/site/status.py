"""How far an English article is from its Chinese original: `align_article(zh, en) -> ArticleStatus`.

The Chinese segments of today are aligned (`segments.align_articles`) with the Chinese hashes the English
records were made from, so the site shows, for every Chinese segment in reading order, the English
that translates it, or nothing when that Chinese is new ("missing"). A record whose Chinese hash no
longer matches today's Chinese is stale even if the file still says draft or reviewed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ..model import Article, SegmentRecord
from ..segments import Segment, align_articles, segments_of, text_hash

SegmentState = Literal["reviewed", "draft", "stale", "missing"]
ArticleLabel = Literal["reviewed", "machine-draft", "manual-draft", "stale", "untranslated"]
HUMAN_AUTHORS = ("manual", "editor")


@dataclass(frozen=True)
class AlignedSegment:
    zh: Segment
    en_text: str | None  # Markdown inline text; None when this Chinese has no English yet
    state: SegmentState
    by: str | None = None


@dataclass(frozen=True)
class ArticleStatus:
    label: ArticleLabel
    segments: list[AlignedSegment]
    counts: dict[str, int]  # segments per state

    @property
    def total(self) -> int:
        return len(self.segments)


def _records(en: Article) -> list[SegmentRecord]:
    """The English records, or, for a hand-made file without any, one manual draft per segment."""
    if en.translation is not None and en.translation.segments:
        return en.translation.segments
    return [SegmentRecord(zh="", en=text_hash(s.text), status="draft", by="manual") for s in segments_of(en)]


def _aligned(zh_segment: Segment, record: SegmentRecord | None, en_text: str | None) -> AlignedSegment:
    if record is None or en_text is None:
        return AlignedSegment(zh_segment, None, "missing")
    changed = bool(record.zh) and record.zh != text_hash(zh_segment.text)
    state: SegmentState = "stale" if changed or record.status == "stale" else record.status  # type: ignore[assignment]
    return AlignedSegment(zh_segment, en_text, state, record.by)


def _label(segments: list[AlignedSegment]) -> ArticleLabel:
    states = Counter(segment.state for segment in segments)
    if states["stale"] or states["missing"]:
        return "stale"
    if states["draft"] == 0:
        return "reviewed"
    machine = any(s.state == "draft" and s.by not in HUMAN_AUTHORS for s in segments)
    return "machine-draft" if machine else "manual-draft"


def align_article(zh: Article, en: Article | None) -> ArticleStatus:
    zh_segments = segments_of(zh)
    if en is None:
        segments = [AlignedSegment(s, None, "missing") for s in zh_segments]
        return ArticleStatus("untranslated", segments, {"missing": len(segments)})
    records = _records(en)
    en_segments = segments_of(en)
    if all(not record.zh for record in records):  # no hashes to align on: pair in order
        mapping: list[int | None] = [i if i < len(records) else None for i in range(len(zh_segments))]
    else:
        mapping = align_articles([record.zh for record in records], [text_hash(s.text) for s in zh_segments])
    segments = []
    for zh_segment, index in zip(zh_segments, mapping):
        record = records[index] if index is not None else None
        en_text = en_segments[index].text if index is not None and index < len(en_segments) else None
        segments.append(_aligned(zh_segment, record, en_text))
    return ArticleStatus(_label(segments), segments, dict(Counter(s.state for s in segments)))
