"""The merge: new Chinese + old English + fresh translations -> new English, never losing an edit.

`merge_article(zh, old_en, translations, engine=..., glossary=...) -> MergeResult` is pure. Old
English segments are paired with new Chinese ones (`pair_segments`): the title with the title, the
author note with the author note, body blocks by `segments.align_articles` on the Chinese hashes recorded in
`translation.segments`. Then, per segment:

- Chinese unchanged: the English is kept byte for byte with its status; if its hash differs from
  the record, an editor changed it: the record adopts the new hash and says `by: editor`.
- Chinese changed, English an untouched machine draft (status draft, by an engine, hash as
  recorded): replaced by the new translation, still a draft.
- Chinese changed, English edited, typed (manual) or reviewed: kept, marked `stale`; the new
  translation goes beside it as `Block.suggestion`. The title and author note have no block, so
  their suggestion is only reported in `MergeResult.events` (the command prints it) and stays in
  the translation memory.
- Chinese new: a new draft. Chinese deleted: its English is dropped.

An untouched machine draft whose Chinese is unchanged is also redrafted when it lacks a glossary
term the Chinese calls for (a term added after the draft was made); human English never is.

`translations` maps the Chinese segment text to its English and must hold every segment that
`needed_segments` lists; the command fails the article instead of calling this without them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..errors import InputError
from ..glossary import required_terms
from ..markdown_io import unescape_inline
from ..model import Article, Block, SegmentRecord, Translation, character_count, description_from
from ..segments import Segment, align_articles, segments_of, text_hash
from ..settings import ENGINE_NAMES
from .names import romanize_authors

MACHINE_ENGINES = tuple(name for name in ENGINE_NAMES if name != "manual")
READING_SPEED_WORDS_PER_MINUTE = 200  # adult reading speed for non-fiction English

_WORD_CHARACTER = re.compile(r"\w")  # letters, digits and CJK ideographs alike
_SPACED_BOLD = re.compile(r"\*\*\s*([^*]+?)\s*\*\*")
_LINE_START_MARKUP = re.compile(r"^([#>+=-]|\d+[.)])")
# An English sentence ends at . ! or ? (plus closing quotes) before a capital, a quote or the end;
# "the U.S. economy" and "3.5 percent" therefore do not end one.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[A-Z\"“‘(\d]|\s*$)")


@dataclass(frozen=True)
class MergeEvent:
    """What happened to one segment. `number` counts segments from 1 in reading order (title = 1)
    in the new article; for `dropped` it is the number the segment had in the old one."""

    number: int
    kind: str
    action: str  # kept | adopted | drafted | redrafted | stale | dropped
    suggestion: str | None = None


@dataclass(frozen=True)
class MergeResult:
    article: Article
    events: list[MergeEvent]


@dataclass(frozen=True)
class OldSegment:
    record: SegmentRecord
    segment: Segment  # the English text as it is in the file now
    suggestion: str | None = None


def source_for_engine(zh_text: str, glossary: dict[str, str]) -> str:
    """The text sent to a machine engine: each glossary term replaced by its required English.

    Engines pass Latin text through, so the term reaches the English as the glossary says. A space
    is added only where the English would touch a word character, never next to `**` or punctuation
    (a space inside `**…**` would break the bold in Markdown).
    """
    if not glossary:
        return zh_text
    pattern = re.compile("|".join(re.escape(term) for term in glossary))  # longest terms come first

    def english(match: re.Match[str]) -> str:
        before = zh_text[match.start() - 1] if match.start() else ""
        after = zh_text[match.end()] if match.end() < len(zh_text) else ""
        return (" " if _WORD_CHARACTER.match(before) else "") + glossary[match[0]] + (
            " " if _WORD_CHARACTER.match(after) else "")
    return pattern.sub(english, zh_text)


def _bold_first_sentence(text: str) -> str:
    end = _SENTENCE_END.search(text)
    cut = end.end() if end else len(text)
    return f"**{text[:cut].strip()}**" + (" " + text[cut:].strip() if text[cut:].strip() else "")


def tidy_english(zh_text: str, english: str) -> str:
    """An engine's output -> one line of Markdown with the Chinese lead-in's bold kept.

    Engines add line breaks, put spaces inside `** … **`, drop one marker, or move the bold; if the
    Chinese opens with `**…**`, the English opens with its first sentence in bold. `<` and `>` are
    escaped so engine output can never become HTML, and a leading `#`, `-` or `1.` cannot turn the
    paragraph into a heading or list.
    """
    text = " ".join(english.split())
    text = _SPACED_BOLD.sub(lambda match: f"**{match[1]}**", text)
    if text.count("**") % 2:
        text = text.replace("**", "")
    if zh_text.startswith("**") and not text.startswith("**") and text:
        text = _bold_first_sentence(text.replace("**", ""))
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _LINE_START_MARKUP.sub(r"\\\1", text)


def check_old_english(zh: Article, old_en: Article, path: str) -> None:
    """The old English must say which Chinese each segment translates, or merging could lose work."""
    if old_en.article_id != zh.article_id:
        raise InputError(f"{path}: article_id {old_en.article_id!r} differs from the Chinese {zh.article_id!r}")
    if old_en.translation is None:
        raise InputError(f"{path}: no 'translation' block, so it is unknown which Chinese each segment "
                         f"translates (restore it, or move the file away to re-draft)")
    records, segments = len(old_en.translation.segments), len(segments_of(old_en))
    if records != segments:
        raise InputError(f"{path}: translation.segments has {records} records but the article has {segments} "
                         f"segments (title, {len(old_en.body)} body blocks, author note)")


def _old_segments(old_en: Article | None) -> list[OldSegment]:
    if old_en is None or old_en.translation is None:
        return []
    def suggestion(segment: Segment) -> str | None:
        return None if segment.block_index is None else old_en.body[segment.block_index].suggestion
    return [OldSegment(record, segment, suggestion(segment))
            for record, segment in zip(old_en.translation.segments, segments_of(old_en))]


def _old_index(zh: Article, old: list[OldSegment]) -> list[int | None]:
    """For each new Chinese segment, the index in `old` of the segment that translated its predecessor."""
    return align_articles([o.record.zh for o in old], [text_hash(s.text) for s in segments_of(zh)])


def pair_segments(zh: Article, old_en: Article | None) -> list[tuple[Segment, OldSegment | None]]:
    """Each new Chinese segment with the old English segment that translated its predecessor."""
    old = _old_segments(old_en)
    return [(new, None if index is None else old[index]) for new, index in zip(segments_of(zh), _old_index(zh, old))]


def missing_terms(zh_text: str, english: str, glossary: dict[str, str]) -> list[str]:
    """The glossary English that the Chinese calls for and the English lacks (case aside)."""
    return [required for _, required in required_terms(zh_text, glossary)
            if required.casefold() not in english.casefold()]


def _untouched_draft(old: OldSegment) -> bool:
    """English a machine wrote and nobody touched since: replacing it loses no one's work."""
    return (old.record.status == "draft" and old.record.by in MACHINE_ENGINES
            and text_hash(old.segment.text) == old.record.en)


def _wants_translation(new: Segment, old: OldSegment | None, glossary: dict[str, str]) -> bool:
    if old is None or old.record.zh != text_hash(new.text):
        return True
    # A term added to the glossary after the draft was made: redraft the machine's untouched English
    # (human English is left to `check`, which flags the missing term).
    return _untouched_draft(old) and bool(missing_terms(new.text, old.segment.text, glossary))


def needed_segments(zh: Article, old_en: Article | None, glossary: dict[str, str]) -> list[Segment]:
    """The Chinese segments that need a translation: new ones, changed ones, and untouched machine
    drafts that lack a glossary term."""
    return [new for new, old in pair_segments(zh, old_en) if _wants_translation(new, old, glossary)]


def _merge_segment(new: Segment, old: OldSegment | None, translations: dict[str, str],
                   engine: str, glossary: dict[str, str]) -> tuple[str, str | None, SegmentRecord, str]:
    """-> (English text, suggestion, record, action) for one segment."""
    zh_hash = text_hash(new.text)
    if old is None:
        text = tidy_english(new.text, translations[new.text])
        return text, None, SegmentRecord(zh_hash, text_hash(text), "draft", engine), "drafted"
    current_hash = text_hash(old.segment.text)
    edited = current_hash != old.record.en
    by = "editor" if edited else old.record.by
    if not _wants_translation(new, old, glossary):
        record = SegmentRecord(zh_hash, current_hash, old.record.status, by)
        return old.segment.text, old.suggestion, record, "adopted" if edited else "kept"
    fresh = tidy_english(new.text, translations[new.text])
    if _untouched_draft(old) and fresh == old.segment.text:
        return fresh, None, SegmentRecord(zh_hash, current_hash, "draft", old.record.by), "kept"
    if _untouched_draft(old):
        return fresh, None, SegmentRecord(zh_hash, text_hash(fresh), "draft", engine), "redrafted"
    return old.segment.text, fresh, SegmentRecord(zh_hash, current_hash, "stale", by), "stale"


def _dropped(zh: Article, old_en: Article | None) -> list[MergeEvent]:
    old = _old_segments(old_en)
    paired = set(_old_index(zh, old))
    return [MergeEvent(number, segment.segment.kind, "dropped")
            for number, segment in enumerate(old, 1) if number - 1 not in paired]


def english_description(body: list[Block]) -> str:
    """The English opening sentence, as plain text (derived, so it needs no request of its own)."""
    first = next((unescape_inline(block.text) for block in body if block.kind == "paragraph"), "")
    end = _SENTENCE_END.search(first)
    sentence = first[: end.end()] if end else first
    return description_from(sentence)


def english_counts(body: list[Block]) -> tuple[int, int]:
    """(characters, reading minutes): characters count like the Chinese side (non-space characters of
    the body's plain text); minutes assume READING_SPEED_WORDS_PER_MINUTE, at least 1."""
    plain = [unescape_inline(block.text) for block in body]
    characters = character_count(plain)
    words = sum(len(text.split()) for text in plain)
    return characters, max(1, math.ceil(words / READING_SPEED_WORDS_PER_MINUTE))


def merge_article(zh: Article, old_en: Article | None, translations: dict[str, str], *,
                  engine: str, glossary: dict[str, str]) -> MergeResult:
    """New Chinese article (+ old English, + translations of `needed_segments`) -> new English article."""
    texts, blocks, records, events = [], [], [], []
    for number, (new, old) in enumerate(pair_segments(zh, old_en), 1):
        text, suggestion, record, action = _merge_segment(new, old, translations, engine, glossary)
        texts.append(text)
        records.append(record)
        if new.block_index is not None:
            blocks.append(Block(zh.body[new.block_index].kind, text, suggestion))
        events.append(MergeEvent(number, new.kind, action, suggestion if action == "stale" else None))
    drafted = any(event.action in ("drafted", "redrafted") for event in events)
    kept_engine = old_en.translation.engine if old_en and old_en.translation and not drafted else engine
    characters, minutes = english_counts(blocks)
    article = replace(
        zh, lang="en", title=texts[0], authors=romanize_authors(zh.authors, glossary), author_note=texts[-1],
        body=blocks, description=english_description(blocks), characters=characters, reading_minutes=minutes,
        translation=Translation(engine=kept_engine, segments=records),
    )
    return MergeResult(article, events + _dropped(zh, old_en))
