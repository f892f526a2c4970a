"""The content tree as the review commands see it: `load_content(settings) -> list[ContentFile]`.

Each file is loaded with `markdown_io.load_article` and located with `markdown_io.locate`: the line
of every front matter key, of every translation record and of every body block, so that a finding can point at the
line an editor has to change. A file that does not load keeps its error and no article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..markdown_io import Locations, load_article, locate
from ..model import Article
from ..settings import Settings

_LOCATED_ERROR = re.compile(r"^:(\d+): ")


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
