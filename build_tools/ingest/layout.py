"""Page layout: seed lines -> the header block (titles and bylines) and one body region per article.

`split_page(lines, path) -> PageLayout`. A page is laid out as
    header:  title, byline, title, byline, ...   (in any order relative to the bodies)
    bodies:  text ... （作者系…）  text ... （作者分别系…）  ...
Every article ends with an author note in full-width parentheses, so the number of notes is the
number of articles; the header is read until it has that many title/byline pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from .text import is_wide, join_wrapped, undouble

NOTE_START = re.compile(r"^[（(]\s*作者")
NAME_SEPARATORS = re.compile(r"[\s、]+")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the seed file
    text: str  # text with spacing already normalized; "" for a blank line
    raw: str = ""  # the line as extracted: spaces there still separate names in a byline


@dataclass(frozen=True)
class HeaderEntry:
    title: str
    authors: tuple[str, ...]
    first_line: int
    last_line: int


@dataclass(frozen=True)
class BodyRegion:
    lines: tuple[Line, ...]  # from the first text line to the line before the author note
    note: str  # the author note without its parentheses
    note_first_line: int
    note_last_line: int


@dataclass(frozen=True)
class PageLayout:
    header: tuple[HeaderEntry, ...]
    bodies: tuple[BodyRegion, ...]


def split_page(lines: list[Line], path: str) -> PageLayout:
    notes = _find_notes(lines, path)
    if not notes:
        raise InputError(f"{path}: no article found (no author note like （作者系…） closes any text)")
    header, body_start = _read_header(lines, len(notes), path)
    bodies = []
    start = body_start
    for first, last, note in notes:
        body_lines = tuple(line for line in lines if start <= line.number < first)
        if not any(line.text for line in body_lines):
            raise InputError(f"{path}:{first}: author note closes no article text")
        bodies.append(BodyRegion(_trim_blank(body_lines), note, first, last))
        start = last + 1
    trailing = next((line for line in lines if line.number >= start and line.text), None)
    if trailing:
        raise InputError(f"{path}:{trailing.number}: text after the last author note belongs to no article")
    return PageLayout(tuple(header), tuple(bodies))


def _find_notes(lines: list[Line], path: str) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of each author note; a note may span lines and blank lines."""
    notes = []
    index = 0
    while index < len(lines):
        if not NOTE_START.match(lines[index].text):
            index += 1
            continue
        first = lines[index].number
        text = ""
        while index < len(lines):
            text = join_wrapped(text, lines[index].text)
            if _parenthesis_closed(text):
                break
            index += 1
        else:
            raise InputError(f"{path}:{first}: author note opened here never closes (no ）)")
        notes.append((first, lines[index].number, text[1:-1].strip()))
        index += 1
    return notes


def _parenthesis_closed(text: str) -> bool:
    depth = 0
    for char in text:
        depth += char in "（("
        depth -= char in "）)"
        if depth == 0:
            return True
    return False


def is_name_line(text: str) -> bool:
    """A byline: one to eight personal names (2-4 ideographs each, possibly doubled by bold
    extraction), or a single ideograph of a name set vertically ("林" or "林林")."""
    tokens = [undouble(token) for token in NAME_SEPARATORS.split(text.strip()) if token]
    if not tokens or len(tokens) > 8:
        return False
    if len(tokens) == 1 and len(tokens[0]) == 1:
        return is_wide(tokens[0])
    # A full name has a family name, so it is never one character repeated ("经经经经").
    return all(2 <= len(token) <= 4 and len(set(token)) > 1 and all(is_wide(c) or c == "·" for c in token)
               and _no_punctuation(token) for token in tokens)


def is_vertical_name_part(text: str) -> bool:
    compact = undouble(text.replace(" ", ""))
    return len(compact) == 1 and is_wide(compact)


def _no_punctuation(token: str) -> bool:
    return not re.search(r"[，。、；：？！“”‘’（）《》]", token)


def _read_header(lines: list[Line], wanted: int, path: str) -> tuple[list[HeaderEntry], int]:
    """Read `wanted` title/byline pairs from the top; returns them and the first body line number."""
    entries: list[HeaderEntry] = []
    text_lines = [line for line in lines if line.text]
    index = 0
    while len(entries) < wanted:
        title_lines: list[Line] = []
        while index < len(text_lines) and not (title_lines and is_name_line(text_lines[index].raw)):
            title_lines.append(text_lines[index])
            index += 1
        authors, index = _read_byline(text_lines, index)
        if not title_lines or not authors:
            raise InputError(f"{path}: found {wanted} author notes but only {len(entries)} title/byline pairs "
                             f"in the header block at the top of the page")
        title = "".join(undouble(line.text) for line in title_lines)
        entries.append(HeaderEntry(title, authors, title_lines[0].number, text_lines[index - 1].number))
    return entries, text_lines[index].number if index < len(text_lines) else lines[-1].number + 1


def _read_byline(text_lines: list[Line], index: int) -> tuple[tuple[str, ...], int]:
    """Names on byline lines; consecutive one-character lines are one vertically set name."""
    authors: list[str] = []
    vertical = ""
    while index < len(text_lines) and is_name_line(text_lines[index].raw):
        text = text_lines[index].raw
        if is_vertical_name_part(text):
            vertical += undouble(text.replace(" ", ""))
        else:
            if vertical:
                authors.append(vertical)
                vertical = ""
            authors += [undouble(token) for token in NAME_SEPARATORS.split(text.strip()) if token]
        index += 1
    if vertical:
        authors.append(vertical)
    return tuple(authors), index


def _trim_blank(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    texts = [i for i, line in enumerate(lines) if line.text]
    return lines[texts[0]: texts[-1] + 1] if texts else ()
