"""Markdown with YAML front matter in and out: `dump_article(Article) -> str`,
`load_article(str, path) -> Article`, `locate(str) -> Locations` (the line of each key, record and
block, for messages that point at a line), plus the only file writes of the package.

File layout (the contract every stage relies on):

    ---
    <front matter, keys in the fixed order of FRONT_MATTER_KEYS>
    ---

    ## A heading

    One paragraph per line, **bold lead-in** kept as Markdown.
    <!-- suggestion: an engine's new proposal beside a stale English paragraph -->
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .model import SEGMENT_STATUSES, Article, Block, SegmentRecord, Source, Translation

FRONT_MATTER_KEYS = (
    "article_id", "slug", "lang", "title", "authors", "author_note", "description",
    "characters", "reading_minutes", "source", "translation",
)
REQUIRED_KEYS = ("article_id", "slug", "lang", "title", "authors", "author_note")
# libyaml's safe loader when PyYAML was built with it: three times faster on a thousand files.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_UMASK = os.umask(0)
os.umask(_UMASK)
_FRONT_MATTER = re.compile(r"---\n(.*?\n)?---\n", re.S)
SUGGESTION = re.compile(r"^<!-- suggestion: (?P<text>.*) -->$", re.S)

# Characters that would start Markdown or HTML constructs inside a line of text.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|~])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def normalise(text: str) -> str:
    """Accept a byte order mark and CRLF line endings; everything else sees plain LF text."""
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def escape_inline(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text (never as HTML or markup)."""
    text = text.replace("&", "&amp;")
    text = _INLINE_SPECIAL.sub(lambda m: "&lt;" if m[1] == "<" else "&gt;" if m[1] == ">" else "\\" + m[1], text)
    return _LINE_START_SPECIAL.sub(lambda m: m[1] + "\\" + m[2], text)


def unescape_inline(markdown: str) -> str:
    """Markdown inline text -> plain text (drops bold markers and escapes); for counting and search."""
    text = markdown.replace("**", "")
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class _Dumper(yaml.SafeDumper):
    """Safe YAML with segment records on one line each, so a status change is a one-line diff."""


class _FlowMap(dict):
    pass


_Dumper.add_representer(
    _FlowMap, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)
)


def _front_matter(article: Article) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for key in FRONT_MATTER_KEYS:
        value = getattr(article, key)
        if value is None or value == "" and key == "description":
            continue
        if key == "source":
            value = {k: v for k, v in asdict(value).items() if v is not None}
        elif key == "translation":
            value = {"engine": value.engine, "segments": [_FlowMap(asdict(s)) for s in value.segments]}
        meta[key] = value
    return meta


def dump_article(article: Article) -> str:
    """Article -> file text. Deterministic: the same article always gives the same bytes."""
    meta = yaml.dump(
        _front_matter(article), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
        default_flow_style=False,
    )
    parts = []
    for block in article.body:
        parts.append(f"## {block.text}" if block.kind == "heading" else block.text)
        if block.suggestion is not None:
            parts[-1] += "\n<!-- suggestion: " + block.suggestion.replace("-->", "--&gt;") + " -->"
    return f"---\n{meta}---\n\n" + "\n\n".join(parts) + "\n"


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """File text -> (front matter mapping, body text, line number where the body starts)."""
    text = normalise(text)
    match = _FRONT_MATTER.match(text)
    if not match:
        raise InputError(f"{path}: no YAML front matter (the file must start with a '---' line)")
    try:
        meta = yaml.load(match[1] or "", Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f":{where.line + 2}" if where else ""
        raise InputError(f"{path}{line}: front matter is not valid YAML ({getattr(error, 'problem', error)})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter must be a mapping of keys to values")
    return meta, text[match.end():], text[: match.end()].count("\n") + 1


def parse_body(body: str, lang: str, path: str) -> list[Block]:
    """Body text -> blocks. A paragraph wrapped over several lines is joined back into one; a
    suggestion comment belongs to the block it follows."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", body.strip()):
        lines = [line.strip() for line in chunk.strip().split("\n") if line.strip()]
        if not lines:
            continue
        cut = next((i for i, line in enumerate(lines) if line.startswith("<!-- suggestion: ")), len(lines))
        suggestion = None
        if cut < len(lines):
            match = SUGGESTION.match("\n".join(lines[cut:]))
            if not match:
                raise InputError(f"{path}: a suggestion comment must end with ' -->'")
            suggestion = match["text"].replace("--&gt;", "-->")
        if cut == 0:
            if not blocks:
                raise InputError(f"{path}: a suggestion comment stands before any paragraph")
            blocks[-1] = Block(blocks[-1].kind, blocks[-1].text, suggestion)
            continue
        blocks.append(_block(lines[:cut], lang, suggestion))
    return blocks


def _block(lines: list[str], lang: str, suggestion: str | None) -> Block:
    joined = (" " if lang != "zh" else "").join(lines)
    if joined.startswith("## "):
        return Block("heading", joined[3:].strip(), suggestion)
    return Block("paragraph", joined, suggestion)


def load_article(text: str, path: str) -> Article:
    """File text -> Article, validating the front matter schema. Errors name the file."""
    meta, body, _ = split_front_matter(text, path)
    unknown = sorted(set(meta) - set(FRONT_MATTER_KEYS))
    if unknown:
        raise InputError(f"{path}: unknown front matter key '{unknown[0]}' (allowed: {', '.join(FRONT_MATTER_KEYS)})")
    for key in REQUIRED_KEYS:
        if key not in meta:
            raise InputError(f"{path}: front matter key '{key}' is missing")
    for key in ("article_id", "slug", "lang", "title", "author_note", "description"):
        if key in meta and not isinstance(meta[key], str):
            raise InputError(f"{path}: front matter key '{key}': expected a string, got {meta[key]!r}")
    if not isinstance(meta["authors"], list) or not all(isinstance(a, str) for a in meta["authors"]):
        raise InputError(f"{path}: front matter key 'authors': expected a list of strings, got {meta['authors']!r}")
    for key in ("characters", "reading_minutes"):
        if key in meta and not isinstance(meta[key], int):
            raise InputError(f"{path}: front matter key '{key}': expected a whole number, got {meta[key]!r}")
    return Article(
        article_id=meta["article_id"], slug=meta["slug"], lang=meta["lang"], title=meta["title"],
        authors=list(meta["authors"]), author_note=meta["author_note"],
        body=parse_body(body, meta["lang"], path), description=meta.get("description", ""),
        characters=meta.get("characters", 0), reading_minutes=meta.get("reading_minutes", 0),
        source=_load_source(meta.get("source"), path), translation=_load_translation(meta.get("translation"), path),
    )


def _load_source(raw: Any, path: str) -> Source | None:
    if raw is None:
        return None
    allowed = {f.name for f in fields(Source)}
    if not isinstance(raw, dict) or set(raw) - allowed or not {"seed", "article", "lines"} <= set(raw):
        raise InputError(f"{path}: front matter key 'source': expected a mapping with seed, article, lines "
                         f"and optionally {', '.join(sorted(allowed - {'seed', 'article', 'lines'}))}")
    return Source(**{k: (v if k == "article" else str(v)) for k, v in raw.items()})


def _load_translation(raw: Any, path: str) -> Translation | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("engine"), str) or not isinstance(raw.get("segments", []), list):
        raise InputError(f"{path}: front matter key 'translation': expected engine (string) and segments (list)")
    records = []
    for number, item in enumerate(raw.get("segments", []), 1):
        if not isinstance(item, dict) or set(item) - {"zh", "en", "status", "by"} or not {"zh", "en"} <= set(item):
            raise InputError(f"{path}: translation segment {number}: expected {{zh, en, status, by}}, got {item!r}")
        if item.get("status", "draft") not in SEGMENT_STATUSES:
            raise InputError(f"{path}: translation segment {number}: status must be one of "
                             f"{', '.join(SEGMENT_STATUSES)}, got {item.get('status')!r}")
        records.append(SegmentRecord(**{k: str(v) for k, v in item.items()}))
    return Translation(engine=raw["engine"], segments=records)


@dataclass(frozen=True)
class Locations:
    """1-based line numbers in one file. Missing keys are absent; lists follow file order."""

    keys: dict[str, int] = field(default_factory=dict)
    records: list[int] = field(default_factory=list)  # translation.segments items
    blocks: list[int] = field(default_factory=list)  # body blocks, as markdown_io.parse_body cuts them

    def key(self, name: str) -> int:
        return self.keys.get(name, 1)


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
        root = yaml.compose(front_matter, Loader=_SAFE_LOADER)
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


def read_article(path: Path) -> Article:
    return read_article_and_text(path)[0]


def read_article_and_text(path: Path) -> tuple[Article, str]:
    """The article and the file text it came from (for line numbers)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not valid UTF-8 (byte {error.start})") from None
    return load_article(text, str(path)), text


def write_text_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); content files are ordinary files in a repository.
        os.chmod(temp_name, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_UMASK)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_files_atomic(files: dict[Path, str]) -> list[Path]:
    """Write several files, each atomically; returns the paths whose bytes changed.

    Unchanged files are not touched, so their modification times (and MkDocs' live reload) stay put.
    """
    changed = []
    for path, text in sorted(files.items()):
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        write_text_atomic(path, text)
        changed.append(path)
    return changed
