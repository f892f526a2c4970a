"""`check`: every problem as `path:line: severity: message`, exit 1 on errors (on warnings too with --strict)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.errors import InputError
from build_tools.markdown_io import load_article
from build_tools.model import Article, Block, Source
from build_tools.review.checks import run_check
from build_tools.settings import Settings
from content_pairs import english_of, write_articles

ZH = Article(
    article_id="000_5a518f614c3346c7-3", slug="silver-economy", lang="zh", title="发展银发经济利当前惠长远",
    authors=["林林"], author_note="作者单位：国家发展改革委",
    body=[Block("heading", "一、背景"), Block("paragraph", "**人口老龄化**带来银发经济。"), Block("paragraph", "第二段。")],
    source=Source(seed="000_5a518f614c3346c7", article=3, lines="40-80"),
)
EN_TEXTS = ["Developing the silver economy", "I. Background", "**Population ageing** brings a silver economy.",
            "The second paragraph.", "The author works at the NDRC."]
GLOSSARY = "银发经济: silver economy\n"


def english(zh: Article = ZH, texts: list[str] = EN_TEXTS, statuses: list[str] | None = None) -> Article:
    """The English of `zh`, with records that say it translates zh as it is now."""
    return english_of(zh, texts, statuses or ["reviewed"] * len(texts))


write = write_articles


def check(root: Path, capsys: pytest.CaptureFixture[str], strict: bool = False) -> tuple[int, list[str]]:
    (root / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    code = run_check(Settings(root=root), strict=strict)
    return code, capsys.readouterr().out.splitlines()


def line_of(root: Path, relative: str, startswith: str) -> int:
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(startswith))


def test_a_reviewed_pair_passes_even_strict(tmp_path, capsys):
    write(tmp_path, ZH, english())
    assert check(tmp_path, capsys, strict=True) == (0, ["2 files, 0 errors, 0 warnings"])


def test_draft_segments_are_warnings_with_their_lines_and_fail_only_under_strict(tmp_path, capsys):
    write(tmp_path, ZH, english(statuses=["reviewed", "reviewed", "draft", "reviewed", "draft"]))
    en = "content/en/silver-economy.md"
    expected = [
        f"{en}:{line_of(tmp_path, en, 'author_note:')}: warning: segment 5: unreviewed: draft by google",
        f"{en}:{line_of(tmp_path, en, '**Population')}: warning: segment 3: unreviewed: draft by google",
    ]
    assert check(tmp_path, capsys) == (0, [*expected, "2 files, 0 errors, 2 warnings"])
    strict = [line.replace(": warning: ", ": error: ") for line in expected]
    assert check(tmp_path, capsys, strict=True) == (1, [*strict, "2 files, 2 errors, 0 warnings"])


def test_chinese_edited_after_translation_is_stale_on_the_english_paragraph(tmp_path, capsys):
    write(tmp_path, english())
    edited = replace(ZH, body=[ZH.body[0], Block("paragraph", "**人口老龄化**带来了银发经济。"), ZH.body[2]])
    write(tmp_path, edited)
    en = "content/en/silver-economy.md"
    assert check(tmp_path, capsys) == (0, [
        f"{en}:{line_of(tmp_path, en, '**Population')}: warning: segment 3: "
        "stale: Chinese changed since this English was written",
        "2 files, 0 errors, 1 warning",
    ])


def test_status_stale_is_a_warning(tmp_path, capsys):
    write(tmp_path, ZH, english(statuses=["stale", "reviewed", "reviewed", "reviewed", "reviewed"]))
    en = "content/en/silver-economy.md"
    assert check(tmp_path, capsys)[1][0] == (
        f"{en}:{line_of(tmp_path, en, 'title:')}: warning: segment 1: stale: Chinese changed since this English was written")


def test_chinese_paragraph_added_is_not_translated_yet_on_the_chinese_line(tmp_path, capsys):
    write(tmp_path, english())
    write(tmp_path, replace(ZH, body=[*ZH.body, Block("paragraph", "新增的一段。")]))
    zh = "content/zh/silver-economy.md"
    assert check(tmp_path, capsys) == (0, [
        f"{zh}:{line_of(tmp_path, zh, '新增的一段')}: warning: not translated yet: this paragraph has no English "
        "in content/en/silver-economy.md (run translate)",
        "2 files, 0 errors, 1 warning",
    ])


def test_chinese_without_english_is_not_translated_yet(tmp_path, capsys):
    write(tmp_path, ZH)
    assert check(tmp_path, capsys) == (0, [
        "content/zh/silver-economy.md:1: warning: not translated yet (no content/en/silver-economy.md)",
        "1 file, 0 errors, 1 warning",
    ])


def test_english_without_chinese_and_mismatched_article_id_are_errors(tmp_path, capsys):
    write(tmp_path, english(), replace(english(), slug="orphan"))
    write(tmp_path, replace(ZH, article_id="other-1"))
    en = "content/en/silver-economy.md"
    assert check(tmp_path, capsys) == (1, [
        "content/en/orphan.md:1: error: no Chinese original (content/zh/orphan.md is missing)",
        f"{en}:2: error: article_id '000_5a518f614c3346c7-3' differs from the Chinese original's 'other-1' "
        "(content/zh/silver-economy.md)",
        "3 files, 2 errors, 0 warnings",
    ])


def test_file_name_slug_and_lang_are_checked(tmp_path, capsys):
    write(tmp_path, replace(ZH, slug="Silver Economy", lang="en"), name="silver", folder="zh")
    zh = "content/zh/silver.md"
    assert check(tmp_path, capsys) == (1, [
        f"{zh}:1: warning: not translated yet (no content/en/silver.md)",
        f"{zh}:3: error: file name must be the slug: expected Silver Economy.md",
        f"{zh}:3: error: slug 'Silver Economy': use at most 60 lowercase ASCII letters and digits, words joined by '-'",
        f"{zh}:4: error: lang 'en' does not match the folder zh/",
        "1 file, 3 errors, 1 warning",
    ])


def test_glossary_leftover_chinese_and_empty_english_are_errors(tmp_path, capsys):
    texts = ["Developing the grey-haired economy", "I. Background", "**Population ageing** brings 银发 economy.",
             "The second paragraph.", ""]
    write(tmp_path, ZH, english(texts=texts))
    en = "content/en/silver-economy.md"
    paragraph, note = line_of(tmp_path, en, "**Population"), line_of(tmp_path, en, "author_note:")
    assert check(tmp_path, capsys) == (1, [
        f"{en}:{line_of(tmp_path, en, 'title:')}: error: segment 1: glossary: 银发经济 must be translated as 'silver economy'",
        f"{en}:{note}: error: segment 5: empty English",
        f"{en}:{paragraph}: error: segment 3: glossary: 银发经济 must be translated as 'silver economy'",
        f"{en}:{paragraph}: error: segment 3: leftover Chinese in the English: 银发",
        "2 files, 4 errors, 0 warnings",
    ])


def test_glossary_is_case_insensitive_and_skipped_for_stale_segments(tmp_path, capsys):
    texts = ["Developing the Silver Economy", "I. Background", "**Population ageing** brings an old economy.",
             "The second paragraph.", "The author works at the NDRC."]
    write(tmp_path, english(texts=texts))
    write(tmp_path, replace(ZH, body=[ZH.body[0], Block("paragraph", "**人口老龄化**推动银发经济。"), ZH.body[2]]))
    code, lines = check(tmp_path, capsys)
    assert code == 0 and "glossary" not in "\n".join(lines) and "stale" in lines[0]


def test_structure_must_follow_the_chinese(tmp_path, capsys):
    texts = ["Developing the silver economy", "I. Background", "Population ageing brings a silver economy.",
             "The second paragraph.", "The author works at the NDRC."]
    en_article = english(texts=texts)
    en_article.body[0] = Block("paragraph", "I. Background")
    write(tmp_path, ZH, en_article)
    en = "content/en/silver-economy.md"
    assert check(tmp_path, capsys) == (1, [
        f"{en}:{line_of(tmp_path, en, 'I. Background')}: error: segment 2: structure: a paragraph here, a heading in the Chinese",
        f"{en}:{line_of(tmp_path, en, 'Population')}: error: segment 3: structure: the Chinese opens with a bold "
        "lead-in (**…**), the English does not",
        "2 files, 2 errors, 0 warnings",
    ])


def test_english_paragraph_added_by_hand_breaks_records_and_structure(tmp_path, capsys):
    en_article = english()
    en_article.body.append(Block("paragraph", "An extra paragraph."))
    write(tmp_path, ZH, en_article)
    en = "content/en/silver-economy.md"

    def at(start: str, message: str) -> str:
        return f"{en}:{line_of(tmp_path, en, start)}: {message}"

    assert check(tmp_path, capsys) == (1, [
        at("title:", "warning: segment 1: unreviewed"),
        at("author_note:", "warning: segment 6: unreviewed"),
        at("translation:", "error: translation has 5 segment records, the English has 6 segments "
                           "(title, body blocks, author note)"),
        at("## I.", "error: structure: the English has 4 body blocks, the Chinese has 3"),
        at("## I.", "warning: segment 2: unreviewed"),
        at("**Pop", "warning: segment 3: unreviewed"),
        at("The second", "warning: segment 4: unreviewed"),
        at("An extra", "warning: segment 5: unreviewed"),
        "2 files, 2 errors, 6 warnings",
    ])


BROKEN_YAML = "---\narticle_id: x\nslug: broken\ntitle: [unclosed\n---\n\n正文。\n"


def yaml_error_finding(path: str, text: str) -> str:
    """markdown_io's own message for this file ("path:line: problem"), as a check finding."""
    with pytest.raises(InputError) as error:
        load_article(text, path)
    located, message = str(error.value).split(": ", 1)
    assert located.startswith(f"{path}:") and message.startswith("front matter is not valid YAML")
    return f"{located}: error: {message}"


def test_a_file_that_does_not_load_is_one_error_and_the_others_are_still_checked(tmp_path, capsys):
    write(tmp_path, ZH, english(statuses=["draft", "reviewed", "reviewed", "reviewed", "reviewed"]))
    broken = tmp_path / "content" / "zh" / "broken.md"
    broken.write_text(BROKEN_YAML, encoding="utf-8")
    (tmp_path / "content" / "zh" / "no-front-matter.md").write_text("正文。\n", encoding="utf-8")
    en = "content/en/silver-economy.md"
    assert check(tmp_path, capsys) == (1, [
        f"{en}:{line_of(tmp_path, en, 'title:')}: warning: segment 1: unreviewed: draft by google",
        yaml_error_finding("content/zh/broken.md", BROKEN_YAML),
        "content/zh/no-front-matter.md:1: error: no YAML front matter (the file must start with a '---' line)",
        "4 files, 2 errors, 1 warning",
    ])


def test_missing_translation_block_and_leftover_suggestion(tmp_path, capsys):
    reviewed = english()
    reviewed.body[2] = Block("paragraph", "The second paragraph.", suggestion="The 2nd paragraph.")
    write(tmp_path, ZH, reviewed, replace(english(), slug="bare", translation=None))
    write(tmp_path, replace(ZH, slug="bare"))
    en = "content/en/silver-economy.md"
    code, lines = check(tmp_path, capsys)
    assert lines[0] == "content/en/bare.md:1: error: no translation block: nothing records which Chinese this " \
                       "English translates (run translate)"
    assert lines[-2:] == [
        f"{en}:{line_of(tmp_path, en, 'The second')}: warning: segment 4: unresolved suggestion: keep or adopt it, "
        "then delete the suggestion comment",
        "4 files, 1 error, 6 warnings",
    ]


def test_chinese_paragraph_deleted_leaves_its_english_stale(tmp_path, capsys):
    write(tmp_path, english())
    write(tmp_path, replace(ZH, body=ZH.body[:2]))
    en = "content/en/silver-economy.md"
    assert check(tmp_path, capsys) == (0, [
        f"{en}:{line_of(tmp_path, en, 'The second')}: warning: segment 4: stale: the Chinese of this segment was removed",
        "2 files, 0 errors, 1 warning",
    ])
