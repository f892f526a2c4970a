"""`approve`: mark English segments reviewed, refusing those whose Chinese moved on or that carry a suggestion."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.errors import InputError
from build_tools.markdown_io import read_article
from build_tools.model import Article, Block
from build_tools.review.approve import run_approve
from build_tools.segments import text_hash
from build_tools.settings import Settings
from content_pairs import SILVER_EN_TEXTS, SILVER_ZH, english_of, write_articles

ZH, EN_TEXTS = SILVER_ZH, SILVER_EN_TEXTS
EN_PATH = "content/en/silver-economy.md"


def english(statuses: list[str], by: str = "google") -> Article:
    return english_of(ZH, EN_TEXTS, statuses, by=by)


write = write_articles


def statuses(root: Path) -> list[tuple[str, str, str]]:
    records = read_article(root / EN_PATH).translation.segments
    return [(record.status, record.en, record.by) for record in records]


def test_approve_all_marks_every_segment_reviewed_and_keeps_by(tmp_path, capsys):
    write(tmp_path, ZH, english(["draft", "reviewed", "draft", "stale", "draft"]))
    assert run_approve(Settings(root=tmp_path), "silver-economy") == 0
    assert statuses(tmp_path) == [("reviewed", text_hash(text), "google") for text in EN_TEXTS]
    assert capsys.readouterr().out == f"{EN_PATH}: approved segments 1, 3, 4, 5; 0 refused; 1 already reviewed\n"
    before = (tmp_path / EN_PATH).read_bytes()
    assert run_approve(Settings(root=tmp_path), "silver-economy") == 0
    assert (tmp_path / EN_PATH).read_bytes() == before
    assert capsys.readouterr().out == f"{EN_PATH}: approved no segment; 0 refused; 5 already reviewed\n"


def test_approve_records_the_hash_of_english_edited_by_hand(tmp_path, capsys):
    edited = english(["draft"] * 5)
    edited.body[1] = Block("paragraph", "The silver economy is a young industry.")
    write(tmp_path, ZH, edited)
    assert run_approve(Settings(root=tmp_path), "silver-economy", segments=[3]) == 0
    assert statuses(tmp_path)[2] == ("reviewed", text_hash("The silver economy is a young industry."), "google")
    assert [status for status, _, _ in statuses(tmp_path)] == ["draft", "draft", "reviewed", "draft", "draft"]


def test_refuses_segments_whose_chinese_changed_or_that_carry_a_suggestion(tmp_path, capsys):
    en = english(["draft"] * 5)
    en.body[2] = Block("paragraph", "The second paragraph.", suggestion="The 2nd paragraph.")
    write(tmp_path, en, replace(ZH, title="发展银发经济利当前惠长远"))
    assert run_approve(Settings(root=tmp_path), "silver-economy") == 1
    out, err = capsys.readouterr()
    assert err == (
        f"error: {EN_PATH}: segment 1: the Chinese changed since this English was written; run translate, "
        "then review again\n"
        f"error: {EN_PATH}: segment 4: a suggestion comment is still beside it; adopt or drop it and delete the "
        "comment\n"
    )
    assert out == f"{EN_PATH}: approved segments 2, 3, 5; 2 refused; 0 already reviewed\n"
    assert [status for status, _, _ in statuses(tmp_path)] == ["draft", "reviewed", "reviewed", "draft", "reviewed"]


def test_unknown_segment_number_is_an_error_and_nothing_is_written(tmp_path):
    write(tmp_path, ZH, english(["draft"] * 5))
    before = (tmp_path / EN_PATH).read_bytes()
    with pytest.raises(InputError, match=rf"^{EN_PATH}: segment 6: no such segment \(the article has 5; "
                                         r"see 'status --segments'\)$"):
        run_approve(Settings(root=tmp_path), "silver-economy", segments=[2, 6])
    assert (tmp_path / EN_PATH).read_bytes() == before


def test_missing_english_file_is_an_error(tmp_path):
    write(tmp_path, ZH)
    with pytest.raises(InputError, match=r"content/en/silver-economy.md: file not found$"):
        run_approve(Settings(root=tmp_path), "silver-economy")
