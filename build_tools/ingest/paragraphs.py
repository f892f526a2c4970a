"""A body region's hard-wrapped lines -> headings and paragraphs with their bold lead-ins.

`parse_blocks(lines) -> list[ParsedBlock]`. Evidence used, all local so that column widths may
differ between articles and change inside one:
- a paragraph starts after a line that ends a sentence, on a line that is at least one em shorter
  than the full lines around it (the first-line indent, which the extractor dropped), or after a
  blank line where wrapped lines are otherwise not separated by blank lines;
- a heading is a short line without clause punctuation, standing between two paragraph starts;
- a bold lead-in is a paragraph's first sentence when the extractor ended its line(s) with a single
  newline where the column otherwise has blank lines, or when two or more neighbouring paragraphs
  of a section open with a short sentence (a run of lead-ins, like 一是… 二是… 三是…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .layout import Line
from .text import display_width, ends_sentence, first_sentence_end, join_wrapped

NEIGHBOURS = 4  # lines on each side that show the column's full width
INDENT_EM = 1.25  # a first line is at least this much shorter than the column
MAX_INDENT_EM = 4.5  # ...but not much more: a far shorter line is a last line, or a full line of
                     # a narrower column next to a wider one
CLEAR_INDENT_EM = 1.5  # ...and clearly so when indentation alone must show a heading's end
LEAD_IN_MAX_CHARS = 26
_CLAUSE_PUNCTUATION = re.compile(r"[，、；：]")
_TRAILING_PUNCTUATION = re.compile(r"[，。、；：？！”’）》]$")
_FIRST_TOKEN = re.compile(r"[0-9A-Za-z.%]+|.")
_HEADING_FORBIDDEN = re.compile(r"[，。；：？！,;:?!]")  # headings are phrases, not clauses


@dataclass(frozen=True)
class ParsedBlock:
    kind: str  # "heading" or "paragraph"
    text: str  # plain text; for a paragraph with a lead-in, the lead-in is text[:lead_length]
    lead_length: int = 0
    first_line: int = 0
    last_line: int = 0


@dataclass(frozen=True)
class _Row:
    """One text line with what its neighbourhood says about it."""

    line: Line
    width: float  # printed width, without a last punctuation mark that may hang past the edge
    column: float  # the full width of the column around this line, measured the same way
    next_token: float  # width of the next line's first unbreakable token (a character or a number)
    blank_before: bool  # a blank line separates it from the previous text line
    blanks_usual: bool  # in this stretch, wrapped lines are usually separated by blank lines
    blank_marks_paragraphs: bool = False  # elsewhere in the body, blank lines stand between paragraphs only
    single_newline_follows: bool = False  # no blank line after it where blank lines are usual: bold type


def parse_blocks(lines: tuple[Line, ...]) -> list[ParsedBlock]:
    rows = _rows(lines)
    blocks = [_block(is_heading, group) for is_heading, group in _group_rows(rows)]
    return _mark_lead_in_runs(blocks)


def _rows(lines: tuple[Line, ...]) -> list[_Row]:
    text_lines = [line for line in lines if line.text]
    # Every line between two consecutive text lines is blank.
    blank_before = [False] + [cur.number - prev.number > 1 for prev, cur in zip(text_lines, text_lines[1:])]
    measures = [display_width(_TRAILING_PUNCTUATION.sub("", line.text)) for line in text_lines]
    following = [display_width(_FIRST_TOKEN.match(line.text)[0]) for line in text_lines[1:]] + [0.0]
    rows = []
    for index, line in enumerate(text_lines):
        window = range(max(0, index - NEIGHBOURS), min(len(text_lines), index + NEIGHBOURS + 1))
        column = max(measures[j] for j in window)
        gaps = [blank_before[j] for j in window if j != index and j > 0]
        rows.append(_Row(line, measures[index], column, following[index], blank_before[index],
                         sum(gaps) * 2 > len(gaps)))
    marks = any(row.blank_before and not row.blanks_usual for row in rows)
    bold = [row.blanks_usual and not after.blank_before for row, after in zip(rows, rows[1:])] + [False]
    return [replace(row, blank_marks_paragraphs=marks, single_newline_follows=b) for row, b in zip(rows, bold)]


def _is_indented(row: _Row) -> bool:
    """The first line of a paragraph: about two em short of the column's full lines. If the next
    line's first word (a long number, say) would not have fitted either, the line may be a full
    one that could not take it: then only a bold run ending here confirms a paragraph start."""
    if not INDENT_EM <= row.column - row.width <= MAX_INDENT_EM:
        return False
    return row.width + row.next_token <= row.column or row.single_newline_follows


def _is_short(row: _Row) -> bool:
    return row.column - row.width >= INDENT_EM


def _may_start_paragraph(previous: _Row, row: _Row) -> bool:
    if not ends_sentence(previous.line.text):
        return False
    if row.single_newline_follows:  # a bold run opening right after a sentence: a lead-in
        return True
    if row.blanks_usual or not row.blank_marks_paragraphs:
        return _is_indented(row)
    return row.blank_before


def _starts_paragraph(rows: list[_Row], index: int) -> bool:
    """A short line that itself ends a sentence, followed by another start (or nothing), is the
    last line of a paragraph rather than a paragraph of one line: layout cannot tell them apart,
    and last lines are far more common."""
    row = rows[index]
    if not _may_start_paragraph(rows[index - 1], row):
        return False
    if row.blank_before and row.blank_marks_paragraphs and not row.blanks_usual:
        return True
    one_line = ends_sentence(row.line.text) and (
        index + 1 == len(rows) or _may_start_paragraph(row, rows[index + 1]))
    return not one_line


def _is_heading(rows: list[_Row], index: int) -> bool:
    row = rows[index]
    if _HEADING_FORBIDDEN.search(row.line.text) or index + 1 >= len(rows) or not _is_short(row):
        return False
    if row.single_newline_follows:  # the first line of a bold lead-in, not a heading of its own
        return False
    after_break = index == 0 or ends_sentence(rows[index - 1].line.text)
    return after_break and _clearly_starts_paragraph(rows[index + 1])


def _clearly_starts_paragraph(row: _Row) -> bool:
    """Where blank lines separate paragraphs only, a blank line; else a clear first-line indent."""
    if not row.blanks_usual and row.blank_marks_paragraphs:
        return row.blank_before
    return row.column - row.width >= (INDENT_EM if row.blanks_usual else CLEAR_INDENT_EM)


def _group_rows(rows: list[_Row]) -> list[tuple[bool, list[_Row]]]:
    """Rows -> (is_heading, rows) per block; a heading is a block of one row."""
    groups: list[tuple[bool, list[_Row]]] = []
    headings = {i for i in range(len(rows)) if _is_heading(rows, i)}
    for index, row in enumerate(rows):
        if not groups or index in headings or index - 1 in headings or _starts_paragraph(rows, index):
            groups.append((index in headings, [row]))
        else:
            groups[-1][1].append(row)
    return groups


def _block(is_heading: bool, group: list[_Row]) -> ParsedBlock:
    text = ""
    for row in group:
        text = join_wrapped(text, row.line.text)
    first, last = group[0].line.number, group[-1].line.number
    if is_heading:
        return ParsedBlock("heading", text, 0, first, last)
    return ParsedBlock("paragraph", text, _signalled_lead_in(group, text), first, last)


def _signalled_lead_in(group: list[_Row], text: str) -> int:
    """The extractor ends a bold run with a single newline where the column has blank lines."""
    if len(group) < 2 or group[1].blank_before or not group[1].blanks_usual:
        return 0
    end = first_sentence_end(text)
    return end if end and end < len(text) else 0


def _lead_candidate(block: ParsedBlock) -> str | None:
    """The opening sentence if it is short enough to be a lead-in, else None."""
    if block.kind != "paragraph":
        return None
    end = first_sentence_end(block.text)
    if not end or end >= len(block.text) or end - 1 > LEAD_IN_MAX_CHARS:
        return None
    return block.text[:end]


def _mark_lead_in_runs(blocks: list[ParsedBlock]) -> list[ParsedBlock]:
    """Within a section, two or more neighbouring paragraphs opening with a short sentence are a
    run of lead-ins; a sentence with inner commas joins a run only beside one sharing its opening."""
    candidates = [_lead_candidate(block) for block in blocks]
    accepted = [bool(block.lead_length) or (c is not None and not _CLAUSE_PUNCTUATION.search(c))
                for block, c in zip(blocks, candidates)]
    for index, candidate in enumerate(candidates):
        if candidate and not accepted[index]:
            accepted[index] = any(_shared_opening(candidate, candidates[j])
                                  for j in (index - 1, index + 1) if 0 <= j < len(blocks) and candidates[j])
    result = []
    for index, block in enumerate(blocks):
        in_run = accepted[index] and any(0 <= j < len(blocks) and accepted[j] for j in (index - 1, index + 1))
        if in_run and not block.lead_length and candidates[index] is not None:
            block = ParsedBlock(block.kind, block.text, len(candidates[index]), block.first_line, block.last_line)
        result.append(block)
    return result


def _shared_opening(first: str, second: str) -> bool:
    return len(first) >= 2 and len(second) >= 2 and first[:2] == second[:2]
