"""`python -m build_tools ingest` end to end: files in, files out, errors, stability."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.markdown_io import read_article
from page_builder import Para, Story, build_page

ROOT = Path(__file__).resolve().parents[1]
STORY = Story("推动城市绿色转型", ["王小明"], "作者系某大学城市规划学院教授", [
    Para("城市是现代经济活动的主要载体，也是能源消耗和碳排放的集中地区。推动城市绿色转型，既关系当前发展质量。"),
    "绿色转型的重要意义",
    Para("近年来，我国城市绿色发展取得积极进展，公共交通出行比例持续提升。与此同时，城市绿色转型仍面临不少约束。"),
])


def run_ingest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", "ingest", *args], cwd=project,
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "page1.txt").write_text(build_page([STORY]), encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_one_markdown_file_per_article_with_front_matter(project):
    result = run_ingest(project)
    assert result.returncode == 0, result.stderr
    article = read_article(project / "content/zh/tuidong-chengshi-lvse-zhuanxing.md")
    assert (article.title, article.authors, article.lang) == ("推动城市绿色转型", ["王小明"], "zh")
    assert article.article_id == "page1-1"
    assert article.source.seed == "page1.txt" and article.source.lines.startswith("5-")
    assert [b.kind for b in article.body] == ["paragraph", "heading", "paragraph"]
    assert article.description == "城市是现代经济活动的主要载体，也是能源消耗和碳排放的集中地区。"


def test_second_run_is_byte_identical(project):
    run_ingest(project)
    first = snapshot(project / "content")
    result = run_ingest(project, "--force")
    assert result.returncode == 0
    assert snapshot(project / "content") == first


def test_slug_and_article_id_survive_a_corrected_title(project):
    run_ingest(project)
    sidecar = "articles:\n  1:\n    title: 推动城市全面绿色转型\n"
    (project / "seeds" / "page1.yml").write_text(sidecar, encoding="utf-8")
    assert run_ingest(project).returncode == 0
    files = sorted((project / "content/zh").glob("*.md"))
    assert [f.name for f in files] == ["tuidong-chengshi-lvse-zhuanxing.md"]
    assert read_article(files[0]).title == "推动城市全面绿色转型"


def test_sidecar_adds_page_facts_and_never_invents_them(project):
    run_ingest(project)
    plain = read_article(project / "content/zh/tuidong-chengshi-lvse-zhuanxing.md")
    assert (plain.source.publication, plain.source.date, plain.source.page) == (None, None, None)
    (project / "seeds" / "page1.yml").write_text("publication: 某日报\ndate: 2024-03-04\npage: 9\n", encoding="utf-8")
    assert run_ingest(project).returncode == 0
    article = read_article(project / "content/zh/tuidong-chengshi-lvse-zhuanxing.md")
    assert (article.source.publication, article.source.date, article.source.page) == ("某日报", "2024-03-04", "9")


def test_sidecar_can_promote_and_demote_headings(project):
    sidecar = "articles:\n  1:\n    not_headings: [绿色转型的重要意义]\n    headings: [城市是现代经济活动的主要载体，]\n"
    (project / "seeds" / "page1.yml").write_text(sidecar, encoding="utf-8")
    assert run_ingest(project).returncode == 0
    article = read_article(project / "content/zh/tuidong-chengshi-lvse-zhuanxing.md")
    assert [b.kind for b in article.body] == ["heading", "paragraph", "paragraph"]
    assert article.body[2].text.startswith("绿色转型的重要意义近年来")


@pytest.mark.parametrize("sidecar, message", [
    ("articles:\n  1:\n    slug: ../escape\n", "articles.1.slug: expected lowercase ASCII words joined by '-' (no '/', '..' or spaces), got '../escape'"),
    ("articles:\n  1:\n    slug: a/b\n", "articles.1.slug: expected lowercase ASCII words"),
    ("articles:\n  1:\n    titel: x\n", "articles.1.titel: unknown key (allowed: header, title, authors, author_note, slug, headings, not_headings, breaks, joins)"),
    ("date: yesterday\n", "date: expected a date as YYYY-MM-DD, got 'yesterday'"),
    ("articles:\n  7:\n    title: x\n", "articles.7: the page has only 1 articles"),
    ("articles: [1, 2\n", "not valid YAML"),
])
def test_invalid_sidecar_is_a_one_line_error_and_writes_nothing(project, sidecar, message):
    (project / "seeds" / "page1.yml").write_text(sidecar, encoding="utf-8")
    result = run_ingest(project)
    assert result.returncode == 2
    assert f"seeds/page1.yml: {message}" in result.stderr.splitlines()[0]
    assert not (project / "content").exists()


BAD_INPUTS = {
    "missing": (None, "error: seeds/page1.txt: file not found"),
    "empty": (b"", "error: seeds/page1.txt: file is empty"),
    "whitespace": (b" \n\t\n  \n", "error: seeds/page1.txt: file contains only whitespace"),
    "gb18030": (build_page([STORY]).encode("gb18030"),
                "error: seeds/page1.txt: not valid utf-8 (byte 0xcd at offset 0); if the file uses another "
                "encoding, pass --encoding, e.g. --encoding gb18030"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error: seeds/page1.txt: binary file (NUL byte at offset 8), not extracted text"),
    "no article": ("只是一行没有作者说明的文字。\n".encode(), "error: seeds/page1.txt: no article found (no author note like （作者系…） closes any text)"),
    "unclosed note": (build_page([STORY]).replace("教授）", "教授").encode(), "error: seeds/page1.txt:{note}: author note opened here never closes (no ）)"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_error_nonzero_exit_and_content_untouched(project, case):
    run_ingest(project)
    before = snapshot(project / "content")
    data, message = BAD_INPUTS[case]
    seed = project / "seeds" / "page1.txt"
    if data is None:
        seed.unlink()
    else:
        seed.write_bytes(data)
    result = run_ingest(project, "seeds/page1.txt")
    assert result.returncode == 2
    note_line = build_page([STORY]).split("\n").index("（作者系某大学城市规划学院教授）") + 1
    assert result.stderr.splitlines()[0] == message.format(note=note_line)
    assert "Traceback" not in result.stderr
    assert snapshot(project / "content") == before


def test_gb18030_is_read_with_encoding_option(project):
    seed = project / "seeds" / "page1.txt"
    seed.write_bytes(build_page([STORY]).encode("gb18030"))
    result = run_ingest(project, "--encoding", "gb18030")
    assert result.returncode == 0, result.stderr
    assert read_article(project / "content/zh/tuidong-chengshi-lvse-zhuanxing.md").authors == ["王小明"]


def test_one_bad_seed_among_good_ones_writes_nothing(project):
    (project / "seeds" / "page2.txt").write_bytes(b"")
    result = run_ingest(project)
    assert result.returncode == 2
    assert "ingest: nothing written (1 of 2 seeds failed)" in result.stderr
    assert not (project / "content").exists()


def test_markup_in_the_text_is_published_as_text(project):
    hostile = Story("<script>alert(1)</script>: # 标题 *强调* [链接](http://x) ---", ["王小明"], "作者系某大学教授", [
        Para("第一段文字里有<script>alert(1)</script>和[链接](http://x)，还有*星号*与&符号，这些都只是文字。"),
        Para("# 不是标题，也不是列表。这一段用来检查开头的井号会不会被当成标题处理，结果应该是普通文字。"),
    ])
    (project / "seeds" / "page1.txt").write_text(build_page([hostile]), encoding="utf-8")
    assert run_ingest(project).returncode == 0
    path = next((project / "content/zh").glob("*.md"))
    article = read_article(path)
    # Spacing follows the CJK convention (no space between CJK and anything else); the text stays text.
    assert article.title == "<script>alert(1)</script>: #标题*强调* [链接](http://x) ---"
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "\\[链接\\](http://x)" in body and "\\*星号\\*" in body and "&amp;符号" in body
    assert article.body[1].text.startswith("\\#不是标题")


def test_help_documents_the_defaults():
    result = subprocess.run([sys.executable, "-m", "build_tools", "ingest", "--help"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "default: seeds/*.txt" in result.stdout and "gb18030" in result.stdout


def test_shipped_seed_ingests_to_the_committed_content(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    assert run_ingest(tmp_path).returncode == 0
    assert snapshot(tmp_path / "content/zh") == snapshot(ROOT / "content/zh")


def test_sidecar_can_break_and_join_paragraphs(project):
    sidecar = ("articles:\n  1:\n    breaks: [推动城市绿色转型，既关系]\n"
               "    joins: [绿色转型的重要意义]\n    not_headings: [绿色转型的重要意义]\n")
    (project / "seeds" / "page1.yml").write_text(sidecar, encoding="utf-8")
    assert run_ingest(project).returncode == 0
    article = read_article(project / "content/zh/tuidong-chengshi-lvse-zhuanxing.md")
    assert [b.text[:9] for b in article.body] == ["城市是现代经济活动", "推动城市绿色转型，"]
    assert article.body[1].text.endswith("城市绿色转型仍面临不少约束。")


def test_sidecar_break_that_matches_nothing_names_the_key(project):
    (project / "seeds" / "page1.yml").write_text("articles:\n  1:\n    breaks: [不存在的文字]\n", encoding="utf-8")
    result = run_ingest(project)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == ("error: seeds/page1.yml: articles.1.breaks: no paragraph of article 1 "
                                             "contains '不存在的文字' after its start")
