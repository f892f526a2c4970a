"""`translate`: content/zh/<slug>.md -> content/en/<slug>.md, keeping every editor's English.

`run_translate(settings, slugs, engine=, base_url=, offline=) -> exit code`. Phases:
1. read every requested Chinese article and its current English (if any);
2. list the segments that need a translation (new or changed Chinese, and untouched machine drafts
   that lack a glossary term: `merge.needed_segments`);
3. look each one up in the translation memory (`memory`), send only the misses to the engine
   (`engines.translate_texts`), saving each translation to memory the moment it arrives;
4. merge (`merge.merge_article`, pure) and write the English files that have every translation
   they need; an article missing even one is not written at all and its old file stays as it was.
Each segment that could not be translated is printed on its own line (file:line: segment N
(kind): message) and the run exits 2, like every other user-facing failure of the CLI.
With --offline, or with engine `manual`, only the memory is used and nothing touches the network.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..glossary import load_glossary
from ..markdown_io import dump_article, locate, read_article, read_article_and_text, write_files_atomic
from ..model import Article
from ..segments import Segment
from ..settings import Settings
from .memory import MemoryFile, memory_path
from .merge import MergeEvent, check_old_english, merge_article, needed_segments, source_for_engine

TARGET_LANGUAGE = "en"
EXIT_FAILED = 2  # as __main__ uses for every UserError


@dataclass
class Job:
    """One article to translate: its Chinese, its current English, and what needs translating."""

    zh_path: Path
    en_path: Path
    zh: Article
    old_en: Article | None
    zh_text: str  # the Chinese file as read, for line numbers in messages
    needed: list[Segment]

    @property
    def zh_lines(self) -> list[int]:
        """Line of each Chinese segment in its file; only failure messages need it."""
        return _segment_lines(self.zh_text)


def _display(path: Path, settings: Settings) -> str:
    try:
        return str(path.relative_to(settings.root))
    except ValueError:
        return str(path)


def _segment_lines(text: str) -> list[int]:
    """Line number of each segment (title, body blocks, author note) in a content file."""
    where = locate(text)
    return [where.key("title"), *where.blocks, where.key("author_note")]


def _load_job(settings: Settings, slug: str, glossary: dict[str, str]) -> Job:
    content = settings.path(settings.content_dir)
    zh_path = content / settings.source_language / f"{slug}.md"
    en_path = content / TARGET_LANGUAGE / f"{slug}.md"
    zh, zh_text = read_article_and_text(zh_path)
    old_en = read_article(en_path) if en_path.exists() else None
    if old_en is not None:
        check_old_english(zh, old_en, _display(en_path, settings))
    return Job(zh_path, en_path, zh, old_en, zh_text, needed_segments(zh, old_en, glossary))


def _slugs(settings: Settings, slugs: list[str]) -> list[str]:
    if slugs:
        return list(dict.fromkeys(slugs))
    folder = settings.path(settings.content_dir) / settings.source_language
    return sorted(path.stem for path in folder.glob("*.md"))


def _engine_translate(sources: list[str], *, engine: str, settings: Settings, base_url: str | None,
                      on_translated: Callable[[str, str], None]) -> dict[str, str]:
    """The only network access: the engine layer, imported late so --offline never loads it."""
    from .engines import translate_texts
    failures = translate_texts(sources, engine=engine, settings=settings.translate, base_url=base_url,
                               on_translated=on_translated, progress=True)
    return {failure.source: failure.message for failure in failures}


def _lookup(memory: MemoryFile, source: str) -> str | None:
    """A blank segment (an article without author note) translates to blank without asking anyone."""
    return "" if not source.strip() else memory.get(source)


def _fill_memory(memory: MemoryFile, sources: list[str], *, engine: str, settings: Settings,
                 base_url: str | None, offline: bool) -> dict[str, str]:
    """Translate the sources the memory lacks; -> {source: why it has no translation}."""
    missing = [source for source in dict.fromkeys(sources) if _lookup(memory, source) is None]
    where = _display(memory.path, settings)
    if not missing:
        return {}
    if engine == "manual":
        return {source: f"no manual translation in {where} (add a line for this Chinese text)" for source in missing}
    if offline:
        return {source: f"not in {where} (--offline uses the translation memory only)" for source in missing}
    empty: dict[str, str] = {}

    def keep(source: str, english: str) -> None:
        if english.strip():
            memory.add(source, english)
        else:
            empty[source] = f"engine {engine} returned an empty translation"
    failures = _engine_translate(missing, engine=engine, settings=settings,
                                 base_url=base_url or settings.translate.base_url, on_translated=keep)
    return {**failures, **empty}


def _describe(event: MergeEvent, en_display: str) -> str | None:
    """A line for the events an editor should hear about; None for the routine ones."""
    where = f"{en_display}: segment {event.number} ({event.kind.replace('_', ' ')})"
    if event.action == "stale" and event.kind in ("title", "author_note"):
        return f"{where} is stale (Chinese changed, English kept); the engine suggests: {event.suggestion}"
    if event.action == "stale":
        return f"{where} is stale (Chinese changed, English kept); the suggestion is beside it"
    if event.action == "adopted":
        return f"{where} was edited by hand: kept, now marked by: editor"
    return None


def _summary(events: list[MergeEvent]) -> str:
    counts = Counter(event.action for event in events)
    order = ("drafted", "redrafted", "stale", "adopted", "kept", "dropped")
    return ", ".join(f"{counts[action]} {action}" for action in order if counts[action])


def _segment_number(segment: Segment, zh: Article) -> int:
    """1-based, in reading order: title 1, body blocks from 2, author note last (as `status --segments`)."""
    if segment.block_index is not None:
        return segment.block_index + 2
    return 1 if segment.kind == "title" else len(zh.body) + 2


def _failure_lines(job: Job, settings: Settings, sources: dict[str, str], failures: dict[str, str],
                   memory: MemoryFile) -> list[str]:
    """One line per needed segment without a translation: file:line: segment N (kind): why."""
    lines = []
    for segment in job.needed:
        source = sources[segment.text]
        if _lookup(memory, source) is not None:
            continue
        number = _segment_number(segment, job.zh)
        zh_lines = job.zh_lines
        line = zh_lines[number - 1] if number <= len(zh_lines) else 1
        message = failures.get(source, "the engine returned no translation")
        lines.append(f"{_display(job.zh_path, settings)}:{line}: "
                     f"segment {number} ({segment.kind.replace('_', ' ')}): {message}")
    return lines


@dataclass
class Outcome:
    """What the run will write and say."""

    files: dict[Path, str] = field(default_factory=dict)  # English files complete enough to write
    notes: list[str] = field(default_factory=list)  # for standard output
    problems: list[str] = field(default_factory=list)  # for standard error; any makes the run fail
    failed: int = 0  # articles left unwritten for want of a translation
    unchanged: int = 0  # articles whose English needed no change (not even re-serialized)


def _load_jobs(settings: Settings, slugs: list[str], glossary: dict[str, str], outcome: Outcome) -> list[Job]:
    jobs = []
    for slug in _slugs(settings, slugs):
        try:
            jobs.append(_load_job(settings, slug, glossary))
        except InputError as error:  # skip this article, go on, fail at the end
            outcome.problems.append(str(error))
    return jobs


def _merge_jobs(jobs: list[Job], settings: Settings, sources: dict[str, str], failures: dict[str, str],
                memory: MemoryFile, engine: str, glossary: dict[str, str], outcome: Outcome) -> None:
    for job in jobs:
        lines = _failure_lines(job, settings, sources, failures, memory)
        if lines:
            outcome.problems += lines
            outcome.failed += 1
            continue
        translations = {segment.text: _lookup(memory, sources[segment.text]) or "" for segment in job.needed}
        result = merge_article(job.zh, job.old_en, translations, engine=engine, glossary=glossary)
        en_display = _display(job.en_path, settings)
        if result.article == job.old_en:  # nothing changed: skip serializing, the slow part of a rerun
            outcome.unchanged += 1
            outcome.notes.append(f"{en_display}: {_summary(result.events)}")
            continue
        outcome.files[job.en_path] = dump_article(result.article)
        outcome.notes += [line for event in result.events if (line := _describe(event, en_display))]
        outcome.notes.append(f"{en_display}: {_summary(result.events)}")


def run_translate(settings: Settings, slugs: list[str], *, engine: str | None = None,
                  base_url: str | None = None, offline: bool = False) -> int:
    engine_name = engine or settings.translate.engine
    glossary = load_glossary(settings.path(settings.glossary_file))
    outcome = Outcome()
    jobs = _load_jobs(settings, slugs, glossary, outcome)
    # Manual translations are typed against the Chinese as written; machines get the glossary's English.
    sources = {segment.text: segment.text if engine_name == "manual" else source_for_engine(segment.text, glossary)
               for job in jobs for segment in job.needed}
    memory = MemoryFile(memory_path(settings.path(settings.memory_dir), engine_name))
    try:
        failures = _fill_memory(memory, list(sources.values()), engine=engine_name, settings=settings,
                                base_url=base_url, offline=offline)
    finally:  # even when the engine gives up or the user interrupts: keep what arrived
        memory.save()
    _merge_jobs(jobs, settings, sources, failures, memory, engine_name, glossary, outcome)
    changed = set(write_files_atomic(outcome.files))
    return _report(settings, outcome, changed)


MAX_LISTED = 5  # files named in the summary line; every file has its own line above it


def _report(settings: Settings, outcome: Outcome, changed: set[Path]) -> int:
    for line in outcome.notes:
        print(line)
    for line in outcome.problems:
        print(f"error: {line}", file=sys.stderr)
    shown = [_display(path, settings) for path in sorted(changed)[:MAX_LISTED]]
    more = f", … {len(changed) - MAX_LISTED} more" if len(changed) > MAX_LISTED else ""
    written = ", ".join(shown) + more if shown else "none"
    print(f"translate: {len(changed)} file(s) written ({written}), {len(outcome.files) - len(changed) + outcome.unchanged} unchanged")
    if outcome.failed:
        print(f"translate: {outcome.failed} article(s) not written because the segments above have no "
              f"translation; their English files are untouched. Translations that did arrive are in the "
              f"translation memory, so a rerun requests only the rest.", file=sys.stderr)
    return EXIT_FAILED if outcome.problems else 0
