"""Chinese personal names -> Hanyu Pinyin, the way English-language Chinese media print them:
`romanize_name("刘泉红") -> "Liu Quanhong"`, family name first, given name as one capitalized word.

pypinyin reads characters as common words, which is wrong for a family name in two ways: a few
surnames are read differently from the same character elsewhere (单 is Shan, not dan; 曾 is Zeng),
and a compound surname (欧阳, 司马) must stay one word. `SURNAME_READINGS` covers both; it lists
only names pypinyin gets wrong, so anything not listed falls back to pypinyin's reading.
Given names are read by pypinyin character by character with its phrase dictionary; a heteronym in
a given name (长, 乐) can still come out wrong — fix it with a glossary entry for the whole name.
"""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

# Compound surnames (always one word) and single-character surnames pypinyin misreads.
SURNAME_READINGS: dict[str, str] = {
    "欧阳": "ouyang", "司马": "sima", "诸葛": "zhuge", "上官": "shangguan", "东方": "dongfang",
    "皇甫": "huangfu", "令狐": "linghu", "慕容": "murong", "司徒": "situ", "夏侯": "xiahou",
    "公孙": "gongsun", "长孙": "zhangsun", "尉迟": "yuchi", "万俟": "moqi", "宇文": "yuwen",
    "轩辕": "xuanyuan", "端木": "duanmu", "独孤": "dugu", "南宫": "nangong", "闻人": "wenren",
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou",
    "乐": "yue", "缪": "miao", "翟": "zhai", "盖": "ge", "覃": "qin", "秘": "bi", "种": "chong",
    "繁": "po", "黑": "he", "员": "yun", "召": "shao", "藏": "zang",
}
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Pinyin spelling rule: a syllable starting with a, o or e after another syllable is set off by
# an apostrophe (Xi'an is two syllables, Xian is one).
_VOWEL_START = re.compile(r"^[aoe]")


def _join_syllables(syllables: list[str]) -> str:
    word = ""
    for syllable in syllables:
        word += ("'" if word and _VOWEL_START.match(syllable) else "") + syllable
    return word.capitalize()


def _split_surname(name: str) -> tuple[str, str]:
    """(surname reading, given name characters); two-character surnames are tried first."""
    for length in (2, 1):
        surname = name[:length]
        if surname in SURNAME_READINGS and len(name) > length:
            return SURNAME_READINGS[surname], name[length:]
    return lazy_pinyin(name[0], style=Style.NORMAL, v_to_u=True)[0], name[1:]


def _romanize_word(word: str) -> str:
    """A Han-only word without surname logic (one part of a name written with a middle dot)."""
    return _join_syllables(lazy_pinyin(word, style=Style.NORMAL, v_to_u=True))


def romanize_name(name: str) -> str:
    """One author's name in Latin letters. Names already in Latin letters are kept as written;
    transliterated names with a middle dot (阿依古丽·买买提) keep their parts in order."""
    name = name.strip()
    if not _HAN.search(name):
        return name
    if "·" in name or "•" in name:
        return " ".join(_romanize_word(part) for part in re.split(r"[·•]", name) if part)
    compact = "".join(name.split())
    if len(compact) == 1:
        return _romanize_word(compact)
    surname, given = _split_surname(compact)
    given_syllables = lazy_pinyin(given, style=Style.NORMAL, v_to_u=True)
    return f"{surname.capitalize()} {_join_syllables(given_syllables)}"


def romanize_authors(authors: list[str], glossary: dict[str, str]) -> list[str]:
    """Every author in Latin letters; a name listed in the glossary is spelled as the glossary says
    (the way to fix a misread heteronym or to use a person's own spelling)."""
    return [glossary.get(author.strip()) or romanize_name(author) for author in authors]
