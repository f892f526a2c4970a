"""`status`: a plain-text table of articles with their segments' review states.

`status_rows(files, source, target) -> list[StatusRow]` is pure; `run_status` prints. Counts come
from `pairing`, so they agree with what `check` reports. With `--segments`, each English file's
segments are listed with the numbers `approve --segment N` takes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..model import Article
from ..segments import segments_of
from ..settings import Settings
from .checks import plural, segment_line
from .content import ContentFile, load_content
from .pairing import Pairing, pair_segments

TITLE_WIDTH = 30  # display columns; a Chinese character takes two
TEXT_WIDTH = 60


@dataclass(frozen=True)
class StatusRow:
    slug: str
    title: str
    english: str  # yes | no | error (the English file does not load)
    draft: int = 0
    reviewed: int = 0
    stale: int = 0
    missing: int = 0  # Chinese segments with no English

    def cells(self) -> list[str]:
        counts = (self.draft, self.reviewed, self.stale, self.missing)
        return [self.slug, self.title, self.english, *(str(count) for count in counts)]


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def shorten(text: str, width: int) -> str:
    """Cut text to a display width, marking the cut with an ellipsis."""
    if display_width(text) <= width:
        return text
    while display_width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def format_table(rows: Sequence[Sequence[str]], numeric: Iterable[int]) -> list[str]:
    """Rows -> aligned lines; numeric columns are right-aligned. The first row is the header."""
    right = set(numeric)
    widths = [max(display_width(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for column, cell in enumerate(row):
            padding = " " * (widths[column] - display_width(cell))
            cells.append(padding + cell if column in right else cell + padding)
        lines.append("  ".join(cells).rstrip())
    return lines


def _row(slug: str, zh: Article, en: ContentFile | None) -> StatusRow:
    title = shorten(zh.title, TITLE_WIDTH)
    segment_count = len(segments_of(zh))
    if en is None:
        return StatusRow(slug, title, "no", missing=segment_count)
    if en.article is None:
        return StatusRow(slug, title, "error")
    pairing = pair_segments(zh, en.article)
    states = [pair.state for pair in pairing.pairs]
    missing = len(pairing.untranslated) if pairing.aligned else max(0, segment_count - len(states))
    return StatusRow(slug, title, "yes", states.count("draft"), states.count("reviewed"), states.count("stale"),
                     missing)


def status_rows(files: list[ContentFile], source: str, target: str) -> list[StatusRow]:
    """One row per Chinese article (sorted by slug); a Chinese file that does not load shows as such."""
    english = {file.name: file for file in files if file.lang == target}
    rows = []
    for zh in sorted((file for file in files if file.lang == source), key=lambda file: file.name):
        if zh.article is None:
            rows.append(StatusRow(zh.name, "(does not load: run check)", "?"))
        else:
            rows.append(_row(zh.name, zh.article, english.get(zh.name)))
    return rows


def status_table(rows: list[StatusRow], target: str) -> list[str]:
    header = ["slug", "title", target, "draft", "reviewed", "stale", "missing"]
    total = StatusRow(
        "total", plural(len(rows), "article"), str(sum(row.english == "yes" for row in rows)),
        *(sum(getattr(row, name) for row in rows) for name in ("draft", "reviewed", "stale", "missing")),
    )
    return format_table([header, *(row.cells() for row in rows), total.cells()], numeric=range(3, 7))


def segment_listing(en: ContentFile, pairing: Pairing) -> list[str]:
    """English segments numbered as `approve --segment N` takes them."""
    rows = [["#", "state", "line", "kind", "English"]]
    for pair in pairing.pairs:
        state = pair.state + ("*" if pair.has_suggestion else "")
        text = shorten(pair.en.text, TEXT_WIDTH)
        rows.append([str(pair.number), state, str(segment_line(en, pair.en)), pair.en.kind.replace("_", " "), text])
    return [en.path, *("  " + line for line in format_table(rows, numeric=(0, 2)))]


def _segment_listings(files: list[ContentFile], source: str, target: str) -> list[str]:
    by_name = {(file.lang, file.name): file for file in files}
    lines: list[str] = []
    any_suggestion = False
    for en in (file for file in files if file.lang == target):
        zh = by_name.get((source, en.name))
        if en.article is not None and zh is not None and zh.article is not None:
            pairing = pair_segments(zh.article, en.article)
            any_suggestion |= any(pair.has_suggestion for pair in pairing.pairs)
            lines += ["", *segment_listing(en, pairing)]
    if any_suggestion:
        lines += ["", "* a suggestion comment is beside this paragraph"]
    return lines


def run_status(settings: Settings, slugs: Sequence[str] = (), *, segments: bool = False) -> int:
    """Print the status table (and, with segments=True, each English file's numbered segments)."""
    files = load_content(settings)
    if slugs:
        known = {file.name for file in files}
        unknown = sorted(set(slugs) - known)
        if unknown:
            raise InputError(f"status: no article {unknown[0]!r} in {settings.content_dir}/")
        files = [file for file in files if file.name in set(slugs)]
    for number, target in enumerate(settings.target_languages):
        if number:
            print()
        print("\n".join(status_table(status_rows(files, settings.source_language, target), target)))
        if segments:
            print("\n".join(_segment_listings(files, settings.source_language, target)))
    return 0
