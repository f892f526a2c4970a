"""Lays out small newspaper pages with the artifacts of PDF extraction, for ingest tests.

Widths are measured like a typeset column: ideographs 1 em, compressed CJK punctuation, digits and
Latin 0.5 em. A paragraph's first line is indented by 2 em, and the indent is not in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_tools.ingest.text import display_width


@dataclass
class Para:
    text: str
    lead: str = ""  # bold lead-in: text starts with it
    lead_break: bool = False  # extractor ends the bold run's lines with a single newline


@dataclass
class Story:
    title: str
    authors: list[str]
    note: str  # without parentheses
    blocks: list[object]  # Para or str (a heading)
    width: float = 19
    widths_after: dict[int, float] = field(default_factory=dict)  # block index -> new column width
    vertical_byline: bool = False
    doubled_title: bool = False


NO_LINE_START = "，。、；：？！”’）》"


def wrap(text: str, width: float, first_width: float) -> list[str]:
    """Greedy line breaking as a justified column does it: a line never exceeds its width, never
    starts with closing punctuation (the character before it moves down too), never splits a number."""
    lines: list[str] = []
    current: list[str] = []
    limit = first_width
    for token in re.findall(r"[0-9A-Za-z.%]+|.", text):
        if current and display_width("".join(current) + token) > limit:
            carried = [current.pop()] if token in NO_LINE_START and len(current) > 1 else []
            lines.append("".join(current))
            current, limit = carried, width
        current.append(token)
    return lines + (["".join(current)] if current else [])


def justify(line: str) -> str:
    """Justified lines come out with a space between every ideograph; a run of digits or Latin
    stays whole ("由 2012 年 的 324.7 万 人")."""
    return " ".join(re.findall(r"[0-9A-Za-z.%]+|.", line))


def header_lines(story: Story) -> list[str]:
    title = story.title * 2 if story.doubled_title else story.title
    if story.vertical_byline:
        return [title, ""] + [line for name in story.authors for char in name for line in (char * 2, "")]
    return [title, " ".join(name * 2 for name in story.authors), ""]


def paragraph_lines(para: Para, width: float, blank_mode: bool, justify_every: int) -> list[str]:
    """Lines with their separators already in place ('' = blank line)."""
    lines = wrap(para.text, width, width - 2)
    bold_lines = 0
    if para.lead_break and para.lead:
        bold_lines = len(wrap(para.lead, width, width - 2))
    out: list[str] = []
    for index, line in enumerate(lines):
        if justify_every and index % justify_every == 1 and index < len(lines) - 1:
            line = justify(line)
        out.append(line)
        if index < len(lines) - 1 and blank_mode and index + 1 >= bold_lines:
            out.append("")
    return out


def body_lines(story: Story, blank_mode: bool, justify_every: int) -> list[str]:
    out: list[str] = []
    width = story.width
    for index, block in enumerate(story.blocks):
        width = story.widths_after.get(index, width)
        if isinstance(block, str):
            out += [block, ""]
        else:
            out += paragraph_lines(block, width, blank_mode, justify_every) + [""]
    note_lines = wrap(f"（{story.note}）", width, width - 2)
    return out + [line for note_line in note_lines for line in (note_line, "" if blank_mode else None) if line is not None] + [""]


def build_page(stories: list[Story], header_order: list[int] | None = None, blank_mode: bool = True,
               justify_every: int = 0) -> str:
    header_order = header_order or list(range(len(stories)))
    lines: list[str] = []
    for index in header_order:
        lines += header_lines(stories[index])
    lines.append("")
    for story in stories:
        lines += body_lines(story, blank_mode, justify_every)
    return "\n".join(lines) + "\n"
