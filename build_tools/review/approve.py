"""`approve SLUG [--segment N ...]`: an editor's sign-off on English segments.

`approve_segments(zh, en, numbers, path) -> Approval` is pure: it marks the chosen segments
reviewed and records the hash of their English as it is now (so a later hand edit shows), keeping
`by`. It refuses, naming file and segment, a segment that still translates older Chinese, whose
Chinese is gone, or that still carries a suggestion comment: those need a decision first.
The other chosen segments are still approved, and the command exits 1.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..errors import InputError
from ..markdown_io import dump_article, read_article, write_text_atomic
from ..model import Article, SegmentRecord, Translation
from ..segments import text_hash
from ..settings import Settings
from .pairing import SegmentPair, pair_segments


@dataclass(frozen=True)
class Approval:
    article: Article  # the English with the approved records
    approved: list[int]  # segment numbers newly marked reviewed (or re-hashed)
    refusals: list[str]  # one line each: why a segment cannot be approved yet
    already: int  # chosen segments that were reviewed already, English unchanged


def refusal(pair: SegmentPair) -> str | None:
    if pair.zh is None:
        return "its Chinese was removed; delete the English or run translate"
    if pair.chinese_changed:
        return "the Chinese changed since this English was written; run translate, then review again"
    if pair.has_suggestion:
        return "a suggestion comment is still beside it; adopt or drop it and delete the comment"
    return None


def approve_segments(zh: Article, en: Article, numbers: Sequence[int] | None, path: str) -> Approval:
    """Mark segments `numbers` (1-based; all when None) of `en` reviewed."""
    pairing = pair_segments(zh, en)
    if en.translation is None or not pairing.records_match:
        raise InputError(f"{path}: the translation records do not match the segments; run check, then translate")
    count = len(pairing.pairs)
    for number in numbers or []:
        if not 1 <= number <= count:
            raise InputError(f"{path}: segment {number}: no such segment (the article has {count}; "
                             f"see 'status --segments')")
    chosen = sorted(set(numbers)) if numbers else list(range(1, count + 1))
    records = list(en.translation.segments)
    approved, refusals = [], []
    for number in chosen:
        pair, record = pairing.pairs[number - 1], records[number - 1]
        reason = refusal(pair)
        if reason:
            refusals.append(f"{path}: segment {number}: {reason}")
            continue
        updated = SegmentRecord(record.zh, text_hash(pair.en.text), "reviewed", record.by)
        if updated != record:
            records[number - 1] = updated
            approved.append(number)
    article = replace(en, translation=Translation(en.translation.engine, records))
    return Approval(article, approved, refusals, len(chosen) - len(approved) - len(refusals))


def run_approve(settings: Settings, slug: str, segments: list[int] | None = None) -> int:
    """Approve what can be, write atomically, print one line per refusal; 1 if any refusal."""
    content = settings.path(settings.content_dir)
    refused = 0
    for target in settings.target_languages:
        en_path, zh_path = content / target / f"{slug}.md", content / settings.source_language / f"{slug}.md"
        relative = en_path.relative_to(settings.root).as_posix()
        approval = approve_segments(read_article(zh_path), read_article(en_path), segments, relative)
        if approval.approved:
            write_text_atomic(en_path, dump_article(approval.article))
        for line in approval.refusals:
            print(f"error: {line}", file=sys.stderr)
        refused += len(approval.refusals)
        print(f"{relative}: approved {_numbers(approval.approved)}; "
              f"{len(approval.refusals)} refused; {approval.already} already reviewed")
    return 1 if refused else 0


def _numbers(numbers: list[int]) -> str:
    return "segments " + ", ".join(map(str, numbers)) if numbers else "no segment"
