"""One seed page: `parse_page(text, path) -> list[ParsedArticle]`, pure.

Steps, in order:
  1. normalize line endings and spacing, line by line (text.normalize_spacing);
  2. split the page into its header block and one body per author note (layout.split_page);
  3. recover each body's headings, paragraphs and lead-ins (paragraphs.parse_blocks);
  4. match every body to its own title and byline (matching.match_headers).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Line, split_page
from .matching import match_headers
from .paragraphs import ParsedBlock, parse_blocks
from .text import join_wrapped, normalize_spacing


@dataclass
class ParsedArticle:
    number: int  # 1-based position of the body on the page
    title: str
    authors: list[str]
    author_note: str
    blocks: list[ParsedBlock]
    first_line: int
    last_line: int
    header_entry: int  # 1-based position of its title/byline pair in the header block
    warnings: list[str] = field(default_factory=list)


def seed_lines(text: str) -> list[Line]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [Line(number, normalize_spacing(raw), raw) for number, raw in enumerate(text.split("\n"), 1)]


def parse_page(text: str, path: str, fixed_headers: dict[int, int] | None = None) -> list[ParsedArticle]:
    """`fixed_headers` (body index -> header entry index) are matches an editor set in the sidecar."""
    layout = split_page(seed_lines(text), path)
    bodies = [_plain(region.lines) for region in layout.bodies]
    order = match_headers(
        [entry.title for entry in layout.header], [len(entry.authors) for entry in layout.header],
        bodies, [region.note for region in layout.bodies], fixed_headers,
    )
    articles = []
    for number, (region, entry_index) in enumerate(zip(layout.bodies, order), 1):
        entry = layout.header[entry_index]
        articles.append(ParsedArticle(
            number=number, title=entry.title, authors=list(entry.authors), author_note=region.note,
            blocks=parse_blocks(region.lines), first_line=region.lines[0].number,
            last_line=region.note_last_line, header_entry=entry_index + 1,
        ))
    return articles


def _plain(lines: tuple[Line, ...]) -> str:
    text = ""
    for line in lines:
        text = join_wrapped(text, line.text)
    return text
