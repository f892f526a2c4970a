"""`check`: validate every content/<lang>/*.md and print `path:line: severity: message`.

`run_checks(files, glossary, source_language) -> list[Finding]` is pure; `run_check` reads the
content tree, prints and sets the exit code. Each check is a small named function returning
findings (in the spirit of translate-toolkit's checks); all of them run, none stops the others.
Warnings say "not finished yet" (unreviewed, stale, not translated); errors say "wrong" and fail
the run. `--strict` turns warnings into errors, so it lists exactly what is still unreviewed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal

from ..glossary import load_glossary, required_terms
from ..ingest.slugs import MAX_LENGTH, is_valid_slug
from ..markdown_io import unescape_inline
from ..model import Article
from ..segments import Segment, segments_of
from ..settings import Settings
from .content import ContentFile, load_content
from .pairing import Pairing, SegmentPair, pair_segments

Severity = Literal["error", "warning"]
CJK_IDEOGRAPHS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
BOLD_LEAD_IN = re.compile(r"^\*\*[^*]+\*\*")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Pair:
    """One translation with its Chinese original, as the pair checks see it."""

    en: ContentFile
    zh: ContentFile
    english: Article  # en.article, loaded
    chinese: Article  # zh.article, loaded
    pairing: Pairing
    glossary: dict[str, str]


def error(file: ContentFile, line: int, message: str) -> Finding:
    return Finding(file.path, line, "error", message)


def warning(file: ContentFile, line: int, message: str) -> Finding:
    return Finding(file.path, line, "warning", message)


def sibling_path(file: ContentFile, lang: str) -> str:
    """The same article's file in another language, e.g. content/en/x.md -> content/zh/x.md."""
    return f"{file.path.rsplit('/', 2)[0]}/{lang}/{file.name}.md"


def segment_line(file: ContentFile, segment: Segment) -> int:
    """The line an editor edits for this segment: the front matter key or the body block."""
    if segment.block_index is None:
        return file.where.key(segment.kind)
    blocks = file.where.blocks
    return blocks[segment.block_index] if segment.block_index < len(blocks) else 1


# --- checks on every file ---------------------------------------------------------------------

def check_loads(file: ContentFile) -> Iterable[Finding]:
    if file.error is not None:
        yield error(file, file.error_line, file.error)


def check_file_name(file: ContentFile) -> Iterable[Finding]:
    if file.article and file.article.slug != file.name:
        yield error(file, file.where.key("slug"), f"file name must be the slug: expected {file.article.slug}.md")


def check_slug(file: ContentFile) -> Iterable[Finding]:
    """The same rule ingest makes slugs by: they become file names and URLs."""
    if file.article and not is_valid_slug(file.article.slug):
        yield error(file, file.where.key("slug"), f"slug {file.article.slug!r}: use at most {MAX_LENGTH} "
                                                  f"lowercase ASCII letters and digits, words joined by '-'")


def check_lang(file: ContentFile) -> Iterable[Finding]:
    if file.article and file.article.lang != file.lang:
        yield error(file, file.where.key("lang"), f"lang {file.article.lang!r} does not match the folder {file.lang}/")


FILE_CHECKS: tuple[Callable[[ContentFile], Iterable[Finding]], ...] = (
    check_loads, check_file_name, check_slug, check_lang,
)


# --- checks on a translation and its Chinese original -----------------------------------------

def check_article_id(pair: Pair) -> Iterable[Finding]:
    en_id, zh_id = pair.english.article_id, pair.chinese.article_id
    if en_id != zh_id:
        yield error(pair.en, pair.en.where.key("article_id"),
                    f"article_id {en_id!r} differs from the Chinese original's {zh_id!r} ({pair.zh.path})")


def check_translation_records(pair: Pair) -> Iterable[Finding]:
    translation = pair.english.translation
    if translation is None:
        yield error(pair.en, 1, "no translation block: nothing records which Chinese this English translates "
                                "(run translate)")
    elif not pair.pairing.records_match:
        yield error(pair.en, pair.en.where.key("translation"),
                    f"translation has {len(translation.segments)} segment records, the English has "
                    f"{len(pair.pairing.pairs)} segments (title, body blocks, author note)")


def check_structure(pair: Pair) -> Iterable[Finding]:
    """Same blocks as the Chinese: same kinds, and a bold lead-in wherever the Chinese has one.
    A segment whose Chinese changed is left to the stale warning: its English follows the old one."""
    en_blocks, zh_blocks = pair.english.body, pair.chinese.body
    if not pair.pairing.aligned:
        yield error(pair.en, pair.en.where.blocks[0] if pair.en.where.blocks else 1,
                    f"structure: the English has {len(en_blocks)} body blocks, the Chinese has {len(zh_blocks)}")
        return
    for item in pair.pairing.pairs:
        if item.zh is None or item.chinese_changed:
            continue
        line = segment_line(pair.en, item.en)
        if item.en.kind != item.zh.kind:
            yield error(pair.en, line, f"segment {item.number}: structure: a {item.en.kind} here, "
                                       f"a {item.zh.kind} in the Chinese")
        elif BOLD_LEAD_IN.match(item.zh.text) and not BOLD_LEAD_IN.match(item.en.text):
            yield error(pair.en, line, f"segment {item.number}: structure: the Chinese opens with a bold "
                                       f"lead-in (**…**), the English does not")


def review_message(item: SegmentPair) -> str | None:
    """Why this segment is not finished, or None: at most one line per segment."""
    if item.state == "stale" and item.zh is None and item.record is not None:
        return "stale: the Chinese of this segment was removed"
    if item.state == "stale":
        return "stale: Chinese changed since this English was written"
    if item.state == "draft":
        return f"unreviewed: draft by {item.record.by}" if item.record else "unreviewed"
    if item.has_suggestion:
        return "unresolved suggestion: keep or adopt it, then delete the suggestion comment"
    return None


def check_review_state(pair: Pair) -> Iterable[Finding]:
    for item in pair.pairing.pairs:
        message = review_message(item)
        if message:
            yield warning(pair.en, segment_line(pair.en, item.en), f"segment {item.number}: {message}")


def check_untranslated_segments(pair: Pair) -> Iterable[Finding]:
    """Chinese added since the translation: reported where the Chinese is, since no English exists."""
    zh_segments = segments_of(pair.chinese)
    for index in pair.pairing.untranslated:
        segment = zh_segments[index]
        yield warning(pair.zh, segment_line(pair.zh, segment),
                      f"not translated yet: this {segment.kind.replace('_', ' ')} has no English in "
                      f"{pair.en.path} (run translate)")


def check_glossary(pair: Pair) -> Iterable[Finding]:
    for item in pair.pairing.pairs:
        if item.zh is None or item.chinese_changed:
            continue  # the English translates older Chinese; the stale warning covers it
        english = unescape_inline(item.en.text).casefold()
        for term, required in required_terms(unescape_inline(item.zh.text), pair.glossary):
            if required.casefold() not in english:
                yield error(pair.en, segment_line(pair.en, item.en),
                            f"segment {item.number}: glossary: {term} must be translated as {required!r}")


def check_leftover_chinese(pair: Pair) -> Iterable[Finding]:
    article = pair.english
    for item in pair.pairing.pairs:
        runs = CJK_IDEOGRAPHS.findall(unescape_inline(item.en.text))
        if runs:
            yield error(pair.en, segment_line(pair.en, item.en),
                        f"segment {item.number}: leftover Chinese in the English: {', '.join(runs[:3])}")
    for key, text in (("authors", " ".join(article.authors)), ("description", article.description)):
        runs = CJK_IDEOGRAPHS.findall(text)
        if runs:
            yield error(pair.en, pair.en.where.key(key),
                        f"{key}: leftover Chinese in the English: {', '.join(runs[:3])}")


def check_empty_english(pair: Pair) -> Iterable[Finding]:
    for item in pair.pairing.pairs:
        chinese_is_empty = item.zh is not None and not item.zh.text.strip()
        if not unescape_inline(item.en.text).strip() and not chinese_is_empty:
            yield error(pair.en, segment_line(pair.en, item.en), f"segment {item.number}: empty English")


PAIR_CHECKS: tuple[Callable[[Pair], Iterable[Finding]], ...] = (
    check_article_id, check_translation_records, check_structure, check_review_state,
    check_untranslated_segments, check_glossary, check_leftover_chinese, check_empty_english,
)


# --- the run ----------------------------------------------------------------------------------

def check_pairs(files: list[ContentFile], glossary: dict[str, str], source_language: str,
                target_languages: tuple[str, ...]) -> Iterable[Finding]:
    by_name = {(file.lang, file.name): file for file in files}
    for file in files:
        if file.lang == source_language:
            for lang in target_languages:
                if file.article and (lang, file.name) not in by_name:
                    yield warning(file, 1, f"not translated yet (no {sibling_path(file, lang)})")
            continue
        original = by_name.get((source_language, file.name))
        if original is None and file.article:
            yield error(file, 1, f"no Chinese original ({sibling_path(file, source_language)} is missing)")
        if original is None or original.article is None or file.article is None:
            continue  # a file that does not load has its own finding
        pairing = pair_segments(original.article, file.article)
        pair = Pair(file, original, file.article, original.article, pairing, glossary)
        for check in PAIR_CHECKS:
            yield from check(pair)


def run_checks(files: list[ContentFile], glossary: dict[str, str], source_language: str = "zh",
               target_languages: tuple[str, ...] = ("en",)) -> list[Finding]:
    """Every finding for these files, sorted by path and line (checks' own order within a line)."""
    findings = [finding for file in files for check in FILE_CHECKS for finding in check(file)]
    findings += check_pairs(files, glossary, source_language, target_languages)
    return sorted(findings, key=lambda finding: (finding.path, finding.line))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def run_check(settings: Settings, strict: bool = False) -> int:
    """Print every finding and a summary line; 1 if any error (any warning too under --strict)."""
    files = load_content(settings)
    glossary = load_glossary(settings.path(settings.glossary_file))
    findings = run_checks(files, glossary, settings.source_language, settings.target_languages)
    if strict:
        findings = [replace(finding, severity="error") for finding in findings]
    errors = sum(finding.severity == "error" for finding in findings)
    for finding in findings:
        print(finding)
    print(f"{plural(len(files), 'file')}, {plural(errors, 'error')}, {plural(len(findings) - errors, 'warning')}")
    return 1 if errors else 0
