"""The content tree as the review commands see it: `load_content(settings) -> list[ContentFile]`.

Each file is loaded with `markdown_io.load_article` and located: the line of every front matter
key, of every translation record and of every body block, so that a finding can point at the
line an editor has to change. A file that does not load keeps its error and no article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError
from ..markdown_io import load_article
from ..model import Article
from ..settings import Settings

_FRONT_MATTER = re.compile(r"---\n(.*?\n)?---\n", re.S)
_LOCATED_ERROR = re.compile(r"^:(\d+): ")
# libyaml's loader when PyYAML was built with it: the pure-Python one takes most of a check's time.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Locations:
    """1-based line numbers in one file. Missing keys are absent; lists follow file order."""

    keys: dict[str, int] = field(default_factory=dict)
    records: list[int] = field(default_factory=list)  # translation.segments items
    blocks: list[int] = field(default_factory=list)  # body blocks, as markdown_io.parse_body cuts them

    def key(self, name: str) -> int:
        return self.keys.get(name, 1)


@dataclass(frozen=True)
class ContentFile:
    lang: str  # the folder the file is in
    name: str  # file name without .md: the slug it claims
    path: str  # relative to the repository root, with forward slashes: how findings name it
    text: str
    article: Article | None
    error: str | None = None  # the InputError message without the leading path
    error_line: int = 1
    where: Locations = field(default_factory=Locations)


def normalise(text: str) -> str:
    """The same clean-up markdown_io applies before parsing, so that line numbers agree with it."""
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def locate(text: str) -> Locations:
    """Line numbers of front matter keys, translation records and body blocks (best effort:
    a file that does not parse gets no locations, and its findings point at line 1)."""
    text = normalise(text)
    match = _FRONT_MATTER.match(text)
    if not match:
        return Locations()
    keys, records = _front_matter_lines(match[1] or "")
    body_first_line = text[: match.end()].count("\n") + 1
    return Locations(keys, records, _block_lines(text[match.end():], body_first_line))


def _front_matter_lines(front_matter: str) -> tuple[dict[str, int], list[int]]:
    try:
        root = yaml.compose(front_matter, Loader=_YAML_LOADER)
    except yaml.YAMLError:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        return {}, []
    # Node marks count from 0 inside the front matter, which starts on file line 2.
    keys = {key.value: key.start_mark.line + 2 for key, _ in root.value if isinstance(key, yaml.ScalarNode)}
    records: list[int] = []
    translation = next((value for key, value in root.value if key.value == "translation"), None)
    if isinstance(translation, yaml.MappingNode):
        segments = next((value for key, value in translation.value if key.value == "segments"), None)
        if isinstance(segments, yaml.SequenceNode):
            records = [item.start_mark.line + 2 for item in segments.value]
    return keys, records


def _block_lines(body: str, first_line: int) -> list[int]:
    """A block starts at a non-blank line after a blank one, unless it is a suggestion comment
    (markdown_io attaches those to the block before)."""
    lines: list[int] = []
    previous_blank = True
    for offset, line in enumerate(body.split("\n")):
        blank = not line.strip()
        if previous_blank and not blank and not line.strip().startswith("<!-- suggestion: "):
            lines.append(first_line + offset)
        previous_blank = blank
    return lines


def read_content_file(root: Path, path: Path, lang: str) -> ContentFile:
    relative = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return ContentFile(lang, path.stem, relative, "", None, f"not valid UTF-8 (byte {error.start})")
    return parse_content_file(relative, text, lang)


def parse_content_file(relative: str, text: str, lang: str) -> ContentFile:
    """Text of a content file -> ContentFile; used for the working tree and for `git show` output."""
    where = locate(text)
    name = relative.rsplit("/", 1)[-1].removesuffix(".md")
    try:
        article = load_article(text, relative)
    except InputError as error:
        message = str(error).removeprefix(relative)
        located = _LOCATED_ERROR.match(message)
        line = int(located[1]) if located else 1
        return ContentFile(lang, name, relative, text, None, message[located.end() if located else 2:], line, where)
    return ContentFile(lang, name, relative, text, article, where=where)


def content_languages(settings: Settings) -> tuple[str, ...]:
    return (settings.source_language, *settings.target_languages)


def load_content(settings: Settings) -> list[ContentFile]:
    """Every content/<lang>/*.md of the configured languages, sorted by path."""
    files = []
    for lang in content_languages(settings):
        folder = settings.path(settings.content_dir) / lang
        files += [read_content_file(settings.root, path, lang) for path in sorted(folder.glob("*.md"))]
    return sorted(files, key=lambda file: file.path)
