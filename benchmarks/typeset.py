"""Set Chinese text in a narrow newspaper column the way a PDF extractor later returns it. Pure.

Widths follow the printed page: an ideograph is 1 em; CJK punctuation is compressed to 0.5 em;
digits, Latin letters and signs are 0.5 em each. Lines are filled greedily up to the column width.
Closing punctuation never starts a line (it hangs at the end of the previous one) and opening
punctuation never ends one, so printed lines differ by about half an em, as in the seed.

Artifacts of extraction are separate functions so the generator can apply them line by line:
`space_runs` (spaces around digits and Latin words: "2023 年", "占 GDP 的") and `justify`
(the spaces a justified line leaves between characters: "本 、创 新 平 台").
"""

from __future__ import annotations

import re
import unicodedata

CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·％"
NO_LINE_START = "，。、；：？！”’）》〉】」』…%"
NO_LINE_END = "“‘（《〈【「『"
_UNITS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%]*|.", re.S)
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%]*")


def units(text: str) -> list[str]:
    """Unbreakable pieces: one ideograph or punctuation mark, or a whole number or Latin word."""
    return _UNITS.findall(text)


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def unit_width(unit: str) -> float:
    if len(unit) > 1 or not is_wide(unit) or unit in CJK_PUNCTUATION:
        return 0.5 * len(unit)
    return 1.0


def text_width(text: str) -> float:
    return sum(unit_width(unit) for unit in units(text) if not unit.isspace())


def wrap(text: str, widths: list[float]) -> list[str]:
    """Break `text` into lines; line i may be `widths[i]` em wide (the last width repeats)."""
    lines: list[list[str]] = [[]]
    used = 0.0
    for unit in units(text):
        limit = widths[min(len(lines) - 1, len(widths) - 1)]
        if lines[-1] and used + unit_width(unit) > limit and unit not in NO_LINE_START:
            carried = _carry_openers(lines[-1])
            lines.append(carried)
            used = sum(unit_width(u) for u in carried)
        lines[-1].append(unit)
        used += unit_width(unit)
    return ["".join(line) for line in lines if line]


def _carry_openers(line: list[str]) -> list[str]:
    """An opening quote or bracket left at the end of a full line moves down with its word."""
    carried: list[str] = []
    while len(line) > 1 and line[-1] in NO_LINE_END:
        carried.insert(0, line.pop())
    return carried


def space_runs(line: str) -> str:
    """Spaces the extractor puts around numbers and Latin words inside Chinese text."""
    def spaced(match: re.Match[str]) -> str:
        run = match[0]
        before = " " if match.start() > 0 and line[match.start() - 1] not in CJK_PUNCTUATION else ""
        after_char = line[match.end()] if match.end() < len(line) else ""
        after = " " if after_char and after_char not in CJK_PUNCTUATION and not run.endswith("%") else ""
        return before + run + after
    return _LATIN_RUN.sub(spaced, line)


def justify(line: str, spaced_units: int | None = None) -> str:
    """Inter-character spaces of a justified line, as extracted: a space after every unit except
    after punctuation ("本 、创 新"); only the first `spaced_units` units when the extractor
    stopped spacing part-way through the line."""
    pieces = [unit for unit in units(line.replace(" ", ""))]
    limit = len(pieces) if spaced_units is None else min(spaced_units, len(pieces))
    out = ""
    for index, unit in enumerate(pieces):
        out += unit
        if index < limit and index < len(pieces) - 1 and unit not in CJK_PUNCTUATION:
            out += " "
    return out
