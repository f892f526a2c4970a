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

from ..glossary import load_glossary
from ..markdown_io import unescape_inline
from ..segments import Segment
from ..settings import Settings
from .content import ContentFile, load_content
from .pairing import Pairing, SegmentPair, pair_segments

Severity = Literal["error", "warning"]
SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
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
    pairing: Pairing
    glossary: dict[str, str]


def error(file: ContentFile, line: int, message: str) -> Finding:
    return Finding(file.path, line, "error", message)


def warning(file: ContentFile, line: int, message: str) -> Finding:
    return Finding(file.path, line, "warning", message)


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
    if file.article and not SAFE_SLUG.match(file.article.slug):
        yield error(file, file.where.key("slug"),
                    f"slug {file.article.slug!r}: use lowercase ASCII letters and digits joined by '-' or '_'")


def check_lang(file: ContentFile) -> Iterable[Finding]:
    if file.article and file.article.lang != file.lang:
        yield error(file, file.where.key("lang"), f"lang {file.article.lang!r} does not match the folder {file.lang}/")


FILE_CHECKS: tuple[Callable[[ContentFile], Iterable[Finding]], ...] = (
    check_loads, check_file_name, check_slug, check_lang,
)
