"""`review`: a Markdown report, fit for a pull-request comment, of what changed since a git ref.

`render_report(base, changes, current) -> str` is pure: for each English file changed since
`base`, one side-by-side table (Chinese | English before | English now | status) of the segments
whose English, status or suggestion changed; then the Chinese segments changed since `base` whose
English did not change (they are stale now). `run_review` collects the two versions of each
changed content file with git (`git diff --name-status`, `git show REF:path`) and writes the report.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..markdown_io import write_text_atomic
from ..model import Article
from ..segments import align_articles, segments_of, text_hash
from ..settings import Settings
from .checks import plural
from .content import ContentFile, content_languages, parse_content_file, read_content_file
from .pairing import english_segments, pair_segments


@dataclass(frozen=True)
class FileChange:
    """One content file at `base` and now; None where the file does not exist."""

    path: str
    lang: str
    before: ContentFile | None
    after: ContentFile | None

    @property
    def name(self) -> str:
        """The file name without .md: what pairs a Chinese file with its translations."""
        return self.path.rpartition("/")[2].removesuffix(".md")


@dataclass(frozen=True)
class EnglishRow:
    number: str  # English segment number, or "–" for a segment that is gone
    chinese: str
    before: str
    now: str
    status: str
    text_changed: bool  # False when only the status or the suggestion changed

    def cells(self) -> list[str]:
        return [self.number, self.chinese, self.before, self.now, self.status]


def cell(text: str) -> str:
    """Text -> one Markdown table cell: pipes escaped, line breaks as <br>, never empty."""
    text = text.replace("\\|", "|").replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>")
    return text.strip() or " "


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]


def _record_status(article: Article | None, index: int | None) -> str | None:
    """The status an article records for segment `index`, or None when it records none usable."""
    if article is None or index is None or article.translation is None:
        return None
    records = article.translation.segments
    return records[index].status if len(records) == len(segments_of(article)) else None


def _english_now(text: str, suggestion: str | None) -> str:
    return text if suggestion is None else f"{text}\n*suggestion:* {suggestion}"


def english_rows(before: Article | None, after: Article, zh: Article | None) -> list[EnglishRow]:
    """Rows for segments whose English text, recorded status or suggestion changed; then English
    segments that are gone."""
    new = english_segments(after)
    old = english_segments(before) if before else []
    old_of_new = align_articles([text_hash(s.text) for s in old], [text_hash(s.text) for s in new])
    pairing = pair_segments(zh, after) if zh else None
    rows = []
    for index, (segment, old_index) in enumerate(zip(new, old_of_new)):
        previous = old[old_index] if old_index is not None else None
        old_status, new_status = _record_status(before, old_index), _record_status(after, index)
        unchanged = previous and (previous.text, previous.suggestion) == (segment.text, segment.suggestion)
        if unchanged and old_status == new_status:
            continue
        pair = pairing.pairs[index] if pairing else None
        state = pair.state if pair else (new_status or "draft")
        rows.append(EnglishRow(
            str(index + 1), pair.zh.text if pair and pair.zh else "", previous.text if previous else "",
            _english_now(segment.text, segment.suggestion),
            state if old_status in (None, state) else f"{old_status} → {state}",
            previous is None or previous.text != segment.text,
        ))
    kept = {old_index for old_index in old_of_new if old_index is not None}
    rows += [EnglishRow("–", "", segment.text, "*(deleted)*", "", True)
             for index, segment in enumerate(old) if index not in kept]
    return rows


def chinese_rows(before: Article, after: Article, en: Article | None, updated: set[str]) -> list[list[str]]:
    """Rows (#, Chinese before, Chinese now, English, status) for Chinese segments changed since
    base whose English text (segment numbers in `updated` changed) did not change with them: an
    approval alone does not make English follow new Chinese."""
    old, new = segments_of(before), segments_of(after)
    old_hashes, new_hashes = [text_hash(s.text) for s in old], [text_hash(s.text) for s in new]
    old_of_new = align_articles(old_hashes, new_hashes)
    pairing = pair_segments(after, en) if en else None
    english_of = {pair.zh_index: pair for pair in pairing.pairs if pair.zh_index is not None} if pairing else {}
    rows = []
    for index, (segment, old_index) in enumerate(zip(new, old_of_new)):
        if old_index is not None and old_hashes[old_index] == new_hashes[index]:
            continue
        pair = english_of.get(index)
        if pair and str(pair.number) in updated:
            continue
        rows.append([
            str(pair.number) if pair else "–", old[old_index].text if old_index is not None else "",
            segment.text, pair.en.text if pair else "*(no English yet)*", pair.state if pair else "missing",
        ])
    kept = {old_index for old_index in old_of_new if old_index is not None}
    rows += [["–", segment.text, "*(deleted)*", "", ""] for index, segment in enumerate(old) if index not in kept]
    return rows


ENGLISH_HEADER = ["#", "Chinese", "English before", "English now", "Status"]
CHINESE_HEADER = ["#", "Chinese before", "Chinese now", "English (unchanged)", "Status"]


def _english_section(change: FileChange, zh: ContentFile | None) -> tuple[list[str], list[EnglishRow]]:
    """Markdown lines for one changed English file, and its rows."""
    if change.after is None:
        return [f"### `{change.path}`", "", "Deleted.", ""], []
    if change.after.article is None:
        return [f"### `{change.path}`", "", f"Does not load: {change.after.error} (run check).", ""], []
    new_file = " (new file)" if change.before is None else ""
    heading = [f"### `{change.path}`: {change.after.article.title}{new_file}", ""]
    rows = english_rows(change.before.article if change.before else None, change.after.article,
                        zh.article if zh else None)
    if not rows:
        return heading + ["No segment changed (front matter only).", ""], []
    return heading + table(ENGLISH_HEADER, [row.cells() for row in rows]) + [""], rows


def _chinese_section(change: FileChange, english: list[ContentFile | None], updated: dict[str, set[str]],
                     ) -> tuple[list[str], list[str], int]:
    """For one changed Chinese file: tables of Chinese segments whose English did not follow (one
    per translation), notes, and the number of such segments."""
    if change.after is None:
        return [], [f"- `{change.path}`: Chinese article deleted."], 0
    if change.before is None:
        missing = "" if any(en is not None for en in english) else "; no English yet"
        return [], [f"- `{change.path}`: new Chinese article{missing}."], 0
    if change.before.article is None or change.after.article is None:
        return [], [f"- `{change.path}`: does not load (before or now); run check."], 0
    tables, notes, count = [], [], 0
    for en in english:
        if en is None:
            notes.append(f"- `{change.path}`: Chinese changed; no English yet.")
            continue
        rows = chinese_rows(change.before.article, change.after.article, en.article, updated.get(en.path, set()))
        if rows:
            tables += [f"#### `{change.path}` → `{en.path}`", "", *table(CHINESE_HEADER, rows), ""]
            count += len(rows)
    return tables, notes, count


def render_report(base: str, changes: list[FileChange], current: list[ContentFile], source: str,
                  targets: tuple[str, ...]) -> str:
    """The whole report. `changes` are the content files that differ from `base`; `current` is the
    working tree, where each changed file finds its other-language counterpart."""
    by_name = {(file.lang, file.name): file for file in current}
    changes = sorted(changes, key=lambda change: change.path)
    english_lines: list[str] = []
    updated: dict[str, set[str]] = {}
    segment_count = 0
    for change in (change for change in changes if change.lang != source):
        lines, rows = _english_section(change, by_name.get((source, change.name)))
        english_lines += lines
        updated[change.path] = {row.number for row in rows if row.text_changed}
        segment_count += len(rows)
    chinese_tables: list[str] = []
    notes: list[str] = []
    stale_count = 0
    for change in (change for change in changes if change.lang == source):
        english = [by_name.get((lang, change.name)) for lang in targets]
        tables, file_notes, count = _chinese_section(change, english, updated)
        chinese_tables, notes, stale_count = chinese_tables + tables, notes + file_notes, stale_count + count
    return _assemble(base, english_lines, chinese_tables, notes, (len(updated), segment_count, stale_count))


def _assemble(base: str, english: list[str], chinese: list[str], notes: list[str], counts: tuple[int, int, int]) -> str:
    files, segments, stale = counts
    lines = [f"## Translation review: changes since `{base}`", ""]
    if not (english or chinese or notes):
        return "\n".join(lines + [f"No content changed since `{base}`."]) + "\n"
    lines += [f"English: {plural(files, 'file')} changed, {plural(segments, 'segment')} to review. "
              f"Chinese: {plural(stale, 'segment')} changed, English not updated (now stale).", ""]
    if chinese:
        chinese = ["### Chinese changed, English not updated (now stale)", "", *chinese]
    if notes:
        notes = ["### Other changes", "", *notes, ""]
    return "\n".join(lines + english + chinese + notes).rstrip("\n") + "\n"


# --- git, at the edge ---------------------------------------------------------------------------

def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("review: git is not installed") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"]
        raise InputError(f"review: git {args[0]} failed: {message[-1]}")
    return result.stdout


def _show_at(root: Path, base: str, paths: list[str]) -> dict[str, str]:
    """`git show base:path` for many paths in one git process (`cat-file --batch`)."""
    output = _git(root, "cat-file", "--batch", stdin="".join(f"{base}:./{path}\n" for path in paths).encode("utf-8"))
    texts, position = {}, 0
    for path in paths:
        header_end = output.index(b"\n", position)
        header = output[position:header_end].split()
        if header[-1] == b"missing":
            raise InputError(f"review: {path} is not in {base}")
        size = int(header[2])
        texts[path] = output[header_end + 1: header_end + 1 + size].decode("utf-8", "replace")
        position = header_end + 1 + size + 1  # the content is followed by a newline
    return texts


def _changed_paths(root: Path, base: str, folders: list[str]) -> dict[str, str]:
    """Content paths (relative to root) that differ from base -> git status letter A, M or D.
    Files not yet added to git count as added, so the report can be run before committing."""
    diff = _git(root, "diff", "--name-status", "--no-renames", "--relative", "-z", base, "--", *folders)
    fields = diff.decode("utf-8").split("\0")[:-1]
    changed = {path: status[0] for status, path in zip(fields[::2], fields[1::2])}
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *folders)
    changed.update({path: "A" for path in untracked.decode("utf-8").split("\0") if path})
    return changed


def collect_changes(settings: Settings, base: str) -> tuple[list[FileChange], list[ContentFile]]:
    """Both versions of every content file (`content/<lang>/<slug>.md`) changed since base, and
    the working tree's versions of those files and of their other-language counterparts (only
    these are read, so the report's cost follows the size of the change, not of the site)."""
    root = settings.root
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except InputError:
        raise InputError(f"review: git ref {base!r} not found (fetch it first, e.g. 'git fetch origin')") from None
    folders = {f"{settings.content_dir}/{lang}": lang for lang in content_languages(settings)}
    status = {path: letter for path, letter in _changed_paths(root, base, list(folders)).items()
              if path.rpartition("/")[0] in folders and path.endswith(".md")}
    changed = sorted(status)
    before = _show_at(root, base, [path for path in changed if status[path] != "A"])
    names = {path.rpartition("/")[2] for path in changed}
    current = [read_content_file(root, root / folder / name, lang)
               for folder, lang in folders.items() for name in sorted(names) if (root / folder / name).exists()]
    now = {file.path: file for file in current}
    changes = []
    for path in changed:
        lang = folders[path.rpartition("/")[0]]
        old = parse_content_file(path, before[path], lang) if path in before else None
        changes.append(FileChange(path, lang, old, now.get(path)))
    return changes, current


def run_review(settings: Settings, base: str = "origin/main", output: Path | None = None) -> int:
    """Write the report to `output` (atomically) or print it."""
    changes, current = collect_changes(settings, base)
    report = render_report(base, changes, current, settings.source_language, settings.target_languages)
    if output is None:
        sys.stdout.write(report)
    else:
        write_text_atomic(output, report)
    return 0
