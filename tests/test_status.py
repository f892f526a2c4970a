"""`status`: one aligned row per article with draft / reviewed / stale / missing counts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.errors import InputError
from build_tools.model import Article, Block
from build_tools.review.status import run_status
from build_tools.settings import Settings
from content_pairs import english_of, write_articles

ZH = Article(
    article_id="000_5a518f614c3346c7-3", slug="silver-economy", lang="zh", title="发展银发经济利当前惠长远",
    authors=["林林"], author_note="作者单位：国家发展改革委",
    body=[Block("heading", "一、背景"), Block("paragraph", "**人口老龄化**带来银发经济。"), Block("paragraph", "第二段。")],
)
EN_TEXTS = ["Developing the silver economy", "I. Background", "**Population ageing** brings a silver economy.",
            "The second paragraph.", "The author works at the NDRC."]


def english(zh: Article, statuses: list[str], suggestion: str | None = None) -> Article:
    return english_of(zh, EN_TEXTS, statuses, suggestion=suggestion)


write = write_articles


def status(root: Path, capsys: pytest.CaptureFixture[str], *slugs: str, segments: bool = False) -> str:
    assert run_status(Settings(root=root), slugs, segments=segments) == 0
    return capsys.readouterr().out


def test_table_counts_states_and_missing_english_with_aligned_columns(tmp_path, capsys):
    zh_edited = replace(ZH, body=[*ZH.body[:2], Block("paragraph", "第二段改了。"), Block("paragraph", "新的一段。")])
    write(tmp_path, english(ZH, ["reviewed", "reviewed", "draft", "reviewed", "draft"]))
    write(tmp_path, zh_edited)  # paragraph 2 edited in place (stale), one paragraph added (missing)
    write(tmp_path, replace(ZH, slug="not-yet", title="尚未翻译", body=ZH.body[:1]))
    assert status(tmp_path, capsys) == (
        "slug            title                     en   draft  reviewed  stale  missing\n"
        "not-yet         尚未翻译                  no       0         0      0        3\n"
        "silver-economy  发展银发经济利当前惠长远  yes      2         2      1        1\n"
        "total           2 articles                1        2         2      1        4\n"
    )


def test_long_titles_are_cut_to_the_column(tmp_path, capsys):
    write(tmp_path, replace(ZH, title="前瞻布局未来产业发展新质生产力统筹推进科技创新和产业创新"))
    assert "前瞻布局未来产业发展新质生产…  no" in status(tmp_path, capsys)


def test_segments_are_numbered_for_approve_with_their_lines(tmp_path, capsys):
    write(tmp_path, ZH, english(ZH, ["reviewed", "draft", "draft", "stale", "reviewed"], suggestion="The 2nd paragraph."))
    lines = status(tmp_path, capsys, "silver-economy", segments=True).splitlines()
    en = (tmp_path / "content/en/silver-economy.md").read_text(encoding="utf-8").splitlines()
    title_line = next(number for number, line in enumerate(en, 1) if line.startswith("title:"))
    assert lines[4:] == [
        "content/en/silver-economy.md",
        "  #  state     line  kind         English",
        f"  1  reviewed     {title_line}  title        Developing the silver economy",
        f"  2  draft       {len(en) - 5}  heading      I. Background",
        f"  3  draft       {len(en) - 3}  paragraph    **Population ageing** brings a silver economy.",
        f"  4  stale*      {len(en) - 1}  paragraph    The second paragraph.",
        f"  5  reviewed     {title_line + 3}  author note  The author works at the NDRC.",
        "",
        "* a suggestion comment is beside this paragraph",
    ]


def test_unknown_slug_is_an_error(tmp_path):
    write(tmp_path, ZH)
    with pytest.raises(InputError, match=r"^status: no article 'nope' in content/$"):
        run_status(Settings(root=tmp_path), ["nope"])
