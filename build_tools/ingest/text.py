"""Character-level repair of PDF-extracted Chinese text. Pure functions, str -> str.

Spacing convention (applied everywhere): no space between two CJK characters, between CJK and CJK
punctuation, or between CJK and digits/Latin ("2023年", "占GDP的比重"), which is how the printed
page sets them; one space between two Latin words or numbers ("GDP per capita", "3 000").
"""

from __future__ import annotations

import re
import unicodedata

SENTENCE_END = "。！？…"
CLOSERS = "”’」』）》〉】)\"'"
OPENERS = "“‘「『（《〈【"
CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·％"
_SENTENCE_END_AT_LINE_END = re.compile(f"[{SENTENCE_END}][{re.escape(CLOSERS)}]*$")


def is_wide(char: str) -> bool:
    """CJK ideographs, kana, full-width forms and CJK punctuation."""
    return unicodedata.east_asian_width(char) in "WF"


def normalize_spacing(text: str) -> str:
    """Remove the spaces justification and extraction inserted; keep those between Latin words."""
    text = re.sub(r"[ \t\u3000\u00a0]+", " ", text.strip())

    def keep_or_drop(match: re.Match[str]) -> str:
        return "" if is_wide(match[1]) or is_wide(match[2]) else " "

    text = re.sub(r"(?<=(\S)) (?=(\S))", keep_or_drop, text)
    return text


def display_width(text: str) -> float:
    """Width of a printed line in em: ideographs 1, CJK punctuation 0.5 (compressed at line ends and
    in runs), Latin letters and digits 0.5. Spaces are extraction artifacts and count 0."""
    width = 0.0
    for char in text:
        if char.isspace():
            continue
        if char in CJK_PUNCTUATION or not is_wide(char):
            width += 0.5
        else:
            width += 1.0
    return width


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END_AT_LINE_END.search(text))


def first_sentence_end(text: str) -> int | None:
    """Index just past the first sentence-final mark outside quotation marks (closers included)."""
    depth = 0
    for index, char in enumerate(text):
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
        elif char in SENTENCE_END and depth == 0:
            end = index + 1
            while end < len(text) and text[end] in CLOSERS + SENTENCE_END:
                end += 1
            return end
    return None


def undouble(text: str) -> str:
    """Bold type is extracted twice: "统筹推进统筹推进" -> "统筹推进". Text that is not an exact
    repetition of its first half is returned unchanged."""
    compact = text.replace(" ", "")
    half = len(compact) // 2
    if len(compact) >= 2 and len(compact) % 2 == 0 and compact[:half] == compact[half:]:
        return compact[:half]
    return text


def join_wrapped(first: str, second: str) -> str:
    """Join two hard-wrapped fragments: no space, except between two Latin words."""
    if first and second and _is_latin_letter(first[-1]) and _is_latin_letter(second[0]):
        return f"{first} {second}"
    return first + second


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def cjk_count(text: str) -> int:
    return sum(1 for char in text if is_wide(char) and char not in CJK_PUNCTUATION)
