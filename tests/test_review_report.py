"""`review`: a Markdown report of English and Chinese segments changed since a git ref."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.errors import InputError
from build_tools.model import Article, Block
from build_tools.review.report import cell, run_review
from build_tools.settings import Settings
from content_pairs import SILVER_EN_TEXTS, SILVER_ZH, english_of, write_articles

ZH, EN_TEXTS = SILVER_ZH, SILVER_EN_TEXTS


def english(zh: Article, texts: list[str] = EN_TEXTS, statuses: list[str] | None = None) -> Article:
    return english_of(zh, texts, statuses or ["draft"] * len(texts))


write = write_articles


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose last commit holds one Chinese article and its draft English."""
    git(tmp_path, "init", "-q")
    write(tmp_path, ZH, english(ZH))
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def review(root: Path, base: str = "HEAD") -> str:
    output = root / "review.md"
    assert run_review(Settings(root=root), base=base, output=output) == 0
    return output.read_text(encoding="utf-8")


def test_cells_escape_pipes_and_line_breaks():
    assert cell("a | b\\|c\nd") == "a \\| b\\|c<br>d"
    assert cell("") == " "


def test_nothing_changed(repo):
    assert review(repo) == "## Translation review: changes since `HEAD`\n\nNo content changed since `HEAD`.\n"


def test_english_edits_and_approvals_side_by_side_and_chinese_changed_alone_is_stale(repo):
    texts = [*EN_TEXTS[:3], "The second paragraph, | revised.", EN_TEXTS[4]]
    write(repo, english(ZH, texts, ["reviewed", "draft", "draft", "draft", "draft"]))
    write(repo, replace(ZH, body=[Block("heading", "一、研究背景"), *ZH.body[1:]]))
    assert review(repo) == (
        "## Translation review: changes since `HEAD`\n"
        "\n"
        "English: 1 file changed, 2 segments to review. "
        "Chinese: 1 segment changed, English not updated (now stale).\n"
        "\n"
        "### `content/en/silver-economy.md`: Developing the silver economy\n"
        "\n"
        "| # | Chinese | English before | English now | Status |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 发展银发经济 | Developing the silver economy | Developing the silver economy | draft → reviewed |\n"
        "| 4 | 第二段。 | The second paragraph. | The second paragraph, \\| revised. | draft |\n"
        "\n"
        "### Chinese changed, English not updated (now stale)\n"
        "\n"
        "#### `content/zh/silver-economy.md` → `content/en/silver-economy.md`\n"
        "\n"
        "| # | Chinese before | Chinese now | English (unchanged) | Status |\n"
        "|---|---|---|---|---|\n"
        "| 2 | 一、背景 | 一、研究背景 | I. Background | stale |\n"
    )


def test_chinese_changed_with_its_english_is_reported_once(repo):
    write(repo, replace(ZH, body=[*ZH.body[:2], Block("paragraph", "第二段改了。")]))
    write(repo, english(replace(ZH, body=[*ZH.body[:2], Block("paragraph", "第二段改了。")]),
                        [*EN_TEXTS[:3], "The second paragraph, changed.", EN_TEXTS[4]]))
    report = review(repo)
    assert "| 4 | 第二段改了。 | The second paragraph. | The second paragraph, changed. | draft |\n" in report
    assert "Chinese: 0 segments changed" in report and "### Chinese changed" not in report


def test_new_untracked_files_are_reviewed_whole_and_notes_list_untranslated_chinese(repo):
    other = replace(ZH, slug="other", article_id="x-2", body=[ZH.body[0]], author_note="")
    write(repo, other, replace(ZH, slug="untranslated", article_id="x-3"))
    write(repo, english(other, ["Other", "I. Background", ""]))
    report = review(repo)
    assert report.endswith(
        "### `content/en/other.md`: Other (new file)\n"
        "\n"
        "| # | Chinese | English before | English now | Status |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 发展银发经济 |   | Other | draft |\n"
        "| 2 | 一、背景 |   | I. Background | draft |\n"
        "| 3 |   |   |   | draft |\n"
        "\n"
        "### Other changes\n"
        "\n"
        "- `content/zh/other.md`: new Chinese article.\n"
        "- `content/zh/untranslated.md`: new Chinese article; no English yet.\n"
    )


def test_deleted_english_file(repo):
    (repo / "content/en/silver-economy.md").unlink()
    assert "### `content/en/silver-economy.md`\n\nDeleted.\n" in review(repo)


def test_unknown_ref_is_one_line_error(repo):
    with pytest.raises(InputError, match=r"^review: git ref 'origin/nope' not found \(fetch it first, e.g. 'git fetch origin'\)$"):
        review(repo, base="origin/nope")


def test_approving_english_does_not_hide_that_its_chinese_changed(repo):
    write(repo, english(ZH, statuses=["draft", "draft", "reviewed", "draft", "draft"]))
    write(repo, replace(ZH, body=[ZH.body[0], Block("paragraph", "银发经济是新兴产业。"), ZH.body[2]]))
    report = review(repo)
    assert ("| 3 | 银发经济是新兴产业。 | The silver economy is a new industry. | The silver economy is a new industry. "
            "| draft → stale |\n") in report
    assert report.endswith("| 3 | 银发经济是新产业。 | 银发经济是新兴产业。 | The silver economy is a new industry. | stale |\n")
