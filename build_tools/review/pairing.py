"""Which Chinese segment each English segment translates, and what state it is in:
`pair_segments(zh: Article, en: Article) -> Pairing`.

The one place `check`, `status`, `review` and `approve` decide "stale", so they never disagree.
When the English's translation records match its segments one to one, the records' Chinese
hashes of body blocks are aligned with the current Chinese (`segments.align`, as translate's merge
does; title and author note always pair with each other): a paragraph edited in place stays
paired with its English and shows as stale; a paragraph added to the Chinese has no English yet.
Without usable records, segments are paired by position when the counts agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, SegmentRecord
from ..segments import Segment, align_articles, segments_of, text_hash

# A segment's state, worst first: what `status` counts and `check` reports.
STATES = ("stale", "draft", "reviewed")


@dataclass(frozen=True)
class EnglishSegment(Segment):
    """A segment of an English article, with the suggestion comment beside it if any."""

    suggestion: str | None = None


@dataclass(frozen=True)
class SegmentPair:
    number: int  # 1-based English segment number, as `approve --segment N` takes it
    en: EnglishSegment
    record: SegmentRecord | None
    zh: Segment | None  # None: the Chinese this English translated is gone
    zh_index: int | None
    chinese_changed: bool  # the record's Chinese hash differs from the current Chinese
    state: str  # one of STATES

    @property
    def has_suggestion(self) -> bool:
        return self.en.suggestion is not None


@dataclass(frozen=True)
class Pairing:
    pairs: list[SegmentPair]
    untranslated: list[int]  # indexes of Chinese segments no English translates
    records_match: bool  # one translation record per English segment
    aligned: bool  # pairs know their Chinese (records usable, or same number of segments)


def english_segments(article: Article) -> list[EnglishSegment]:
    """segments_of, plus each body block's suggestion comment."""
    return [
        EnglishSegment(s.kind, s.text, s.block_index,
                       article.body[s.block_index].suggestion if s.block_index is not None else None)
        for s in segments_of(article)
    ]


def _zh_index_of(en_count: int, records: list[SegmentRecord], zh_hashes: list[str]) -> tuple[list[int | None], bool]:
    """For each English segment, the index of the Chinese segment it translates; and whether that
    is known (`segments.align_articles`, the rule translate's merge uses)."""
    if records and len(records) == en_count:
        zh_of_en: list[int | None] = [None] * en_count
        for zh_index, en_index in enumerate(align_articles([record.zh for record in records], zh_hashes)):
            if en_index is not None:
                zh_of_en[en_index] = zh_index
        return zh_of_en, True
    if en_count == len(zh_hashes):
        return list(range(en_count)), True
    return [None] * en_count, False


def _state(record: SegmentRecord | None, zh_present: bool, chinese_changed: bool) -> str:
    if (record is not None and record.status == "stale") or chinese_changed or not zh_present:
        return "stale"
    return record.status if record is not None else "draft"


def pair_segments(zh: Article, en: Article) -> Pairing:
    zh_segments = segments_of(zh)
    zh_hashes = [text_hash(segment.text) for segment in zh_segments]
    en_segments = english_segments(en)
    records = en.translation.segments if en.translation else []
    records_match = len(records) == len(en_segments)
    zh_of_en, aligned = _zh_index_of(len(en_segments), records if records_match else [], zh_hashes)
    pairs = []
    for index, (segment, zh_index) in enumerate(zip(en_segments, zh_of_en)):
        record = records[index] if records_match else None
        changed = record is not None and zh_index is not None and record.zh != zh_hashes[zh_index]
        zh_present = zh_index is not None or not aligned
        pairs.append(SegmentPair(
            index + 1, segment, record, zh_segments[zh_index] if zh_index is not None else None, zh_index,
            changed, _state(record, zh_present, changed),
        ))
    translated = {zh_index for zh_index in zh_of_en if zh_index is not None}
    untranslated = [index for index in range(len(zh_segments)) if aligned and index not in translated]
    return Pairing(pairs, untranslated, records_match, aligned)
