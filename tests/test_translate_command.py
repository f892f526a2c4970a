"""`translate` end to end, against the local fake LibreTranslate server: what is requested, what is
written, and that an editor's English survives every rerun."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.__main__ import main
from build_tools.markdown_io import dump_article, read_article
from build_tools.model import Article, Block, Source
from build_tools.translate.memory import load_memory
from build_tools.translate.merge import source_for_engine
from build_tools.translate.names import romanize_name
from tests.support.fake_translation_server import FakeTranslationServer

GLOSSARY = {"银发经济": "silver economy"}
SILVER = Article(
    article_id="000_abc-1", slug="silver", lang="zh", title="发展银发经济利当前惠长远", authors=["刘泉红", "欧阳修"],
    author_note="作者系研究员", description="银发经济是总和。", characters=60, reading_minutes=1,
    body=[Block("heading", "一、背景"), Block("paragraph", "**银发经济是重要举措。**我国人口老龄化程度持续加深。"),
          Block("paragraph", "第二段讲供给侧。"), Block("paragraph", "第三段讲需求侧。")],
    source=Source(seed="000_abc.txt", article=1, lines="1-20"),
)
FUTURE = Article(
    article_id="000_abc-2", slug="future", lang="zh", title="前瞻布局未来产业", authors=["胡拥军"],
    author_note="作者单位：国家信息中心", description="未来产业。", characters=30, reading_minutes=1,
    body=[Block("paragraph", "未来产业是引领。"), Block("paragraph", "科技创新是主引擎。")],
    source=Source(seed="000_abc.txt", article=2, lines="21-40"),
)
SETTINGS = """\
translate:
  engine: libre
  timeout_seconds: 5
  retries: 0
  backoff_seconds: 0
  concurrency: 1
"""


@pytest.fixture
def server():
    with FakeTranslationServer() as running:
        yield running


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A small repository: settings, glossary, two Chinese articles; the CLI runs inside it."""
    (tmp_path / "settings.yml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "glossary.yml").write_text("银发经济: silver economy\n", encoding="utf-8")
    for article in (SILVER, FUTURE):
        write_zh(tmp_path, article)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LIBRE_API_KEY", "test-key")
    return tmp_path


def write_zh(root: Path, article: Article) -> None:
    path = root / "content" / "zh" / f"{article.slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_article(article), encoding="utf-8")


def translate(server: FakeTranslationServer | None, *args: str) -> int:
    url = ["--base-url", server.url] if server else []
    return main(["translate", "--engine", "libre", *url, *args])


def requested_segments(server: FakeTranslationServer, since: int = 0) -> list[str]:
    """Every segment text the server was asked for (a request may carry several, a blank line apart)."""
    return [part for text in server.texts[since:] for part in text.split("\n\n")]


def sent(zh_text: str) -> str:
    return source_for_engine(zh_text, GLOSSARY)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def edit_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_cold_run_drafts_every_article_and_a_warm_rerun_makes_no_request(project, server, capsys):
    assert translate(server) == 0
    en = read_article(project / "content/en/silver.md")
    assert (en.slug, en.article_id, en.lang, en.source) == ("silver", "000_abc-1", "en", SILVER.source)
    assert [b.kind for b in en.body] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert en.body[1].text.startswith("**") and "silver economy" in en.body[1].text  # bold and glossary kept
    assert [r.status for r in en.translation.segments] == ["draft"] * 6
    assert sorted(requested_segments(server)) == sorted(
        sent(s) for a in (SILVER, FUTURE) for s in [a.title, *(b.text for b in a.body), a.author_note])
    first = snapshot(project)

    assert translate(server) == 0  # (6) determinism: nothing changed -> byte-identical tree
    assert snapshot(project) == first
    for path in (project / "content/en").iterdir():
        path.unlink()
    count = len(server.requests)
    assert translate(server) == 0  # (2) warm memory: every English rebuilt with zero requests
    assert len(server.requests) == count
    assert snapshot(project) == first
    assert "content/en/silver.md: 6 kept" in capsys.readouterr().out.splitlines()


def test_editor_edit_survives_and_only_the_changed_chinese_is_requested(project, server, capsys):
    assert translate(server) == 0
    en_path = project / "content/en/silver.md"
    en = read_article(en_path)
    # An editor rewrites paragraph 3 (segment 4) and approves paragraph 4 (segment 5) ...
    edited = "Paragraph two, rewritten by an editor: supply side."
    edit_line(en_path, en.body[2].text, edited)
    record = en.translation.segments[4]
    edit_line(en_path, f"zh: {record.zh}, en: {record.en}, status: draft",
              f"zh: {record.zh}, en: {record.en}, status: reviewed")
    # ... then the UNRELATED Chinese paragraph 4 changes.
    write_zh(project, replace(SILVER, body=[*SILVER.body[:3], Block("paragraph", "第三段改为讲消费需求。")]))
    before = len(server.requests)

    assert translate(server) == 0
    assert requested_segments(server, before) == ["第三段改为讲消费需求。"]
    text = en_path.read_text(encoding="utf-8")
    assert f"\n\n{edited}\n\n" in text  # byte for byte
    new = read_article(en_path)
    assert new.translation.segments[3].by == "editor" and new.translation.segments[3].status == "draft"
    # The approved English of the changed Chinese is kept, marked stale, with the suggestion beside it.
    assert new.translation.segments[4].status == "stale"
    assert new.body[3].text == en.body[3].text
    assert new.body[3].suggestion and new.body[3].suggestion != en.body[3].text
    assert f"{en.body[3].text}\n<!-- suggestion: {new.body[3].suggestion} -->" in text
    out = capsys.readouterr().out
    assert "content/en/silver.md: segment 5 (paragraph) is stale (Chinese changed, English kept); " \
           "the suggestion is beside it" in out
    assert "content/en/silver.md: segment 4 (paragraph) was edited by hand: kept, now marked by: editor" in out
    _check_strict_names_the_stale_line(text, capsys)


def _check_strict_names_the_stale_line(en_text: str, capsys) -> None:
    """`check --strict` (built by the review stage) fails and points at the stale paragraph's line."""
    capsys.readouterr()
    assert main(["check", "--strict"]) == 1
    out = capsys.readouterr().out
    lines = en_text.split("\n")
    stale_paragraph = next(number for number, line in enumerate(lines, 1) if lines[number].startswith("<!-- sugg"))
    assert any(line.startswith(f"content/en/silver.md:{stale_paragraph}: ") and "stale" in line
               for line in out.splitlines()), out


def test_failure_halfway_writes_no_half_file_and_the_rerun_requests_only_the_rest(project, server, capsys):
    server.fail_on("科技创新", 500)  # FUTURE's last paragraph: the engine keeps failing on it
    assert translate(server) == 2
    err = capsys.readouterr().err
    assert not (project / "content/en/future.md").exists()  # nothing half written
    assert (project / "content/en/silver.md").exists()  # the article that fully succeeded is written
    assert f"content/zh/future.md:{zh_line(project, 'future', '科技创新是主引擎。')}: segment 3 (paragraph): " in err
    assert "translate: 1 article(s) not written" in err
    memory = load_memory(project / "translation_memory/libre.jsonl")
    assert sent("科技创新是主引擎。") not in memory
    assert sent(FUTURE.title) in memory and sent("未来产业是引领。") in memory  # what arrived was kept

    with FakeTranslationServer() as healthy:
        assert translate(healthy) == 0
    assert requested_segments(healthy) == ["科技创新是主引擎。"]
    assert read_article(project / "content/en/future.md").body[1].text


def test_a_glossary_term_added_later_redrafts_the_untouched_drafts_that_lack_it(project, server):
    assert translate(server) == 0
    (project / "glossary.yml").write_text("银发经济: silver economy\n供给侧: supply side\n", encoding="utf-8")
    before = len(server.requests)
    assert translate(server) == 0
    assert requested_segments(server, before) == ["第二段讲 supply side。"]  # the memory key is the text sent
    assert "supply side" in read_article(project / "content/en/silver.md").body[2].text


def zh_line(root: Path, slug: str, text: str) -> int:
    lines = (root / "content/zh" / f"{slug}.md").read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if line.endswith(text))


def test_offline_without_memory_names_every_segment_and_changes_nothing(project, server, capsys, monkeypatch):
    assert translate(server, "silver") == 0
    write_zh(project, replace(SILVER, title="大力发展银发经济"))
    before, requests = snapshot(project), len(server.requests)
    capsys.readouterr()

    monkeypatch.setattr("build_tools.translate._engine_translate", pytest.fail)  # never reaches the engine
    assert main(["translate", "--offline"]) == 2
    err = capsys.readouterr().err.splitlines()

    def expected(slug: str, line_ends_with: str, segment: str) -> str:
        return (f"error: content/zh/{slug}.md:{zh_line(project, slug, line_ends_with)}: {segment}: "
                f"not in translation_memory/libre.jsonl (--offline uses the translation memory only)")
    assert err[:5] == [
        expected("future", "title: 前瞻布局未来产业", "segment 1 (title)"),
        expected("future", "未来产业是引领。", "segment 2 (paragraph)"),
        expected("future", "科技创新是主引擎。", "segment 3 (paragraph)"),
        expected("future", "author_note: 作者单位：国家信息中心", "segment 4 (author note)"),
        expected("silver", "title: 大力发展银发经济", "segment 1 (title)"),
    ]
    assert err[5].startswith("translate: 2 article(s) not written because the segments above have no translation")
    assert snapshot(project) == before  # the English and the memory are byte-identical
    assert len(server.requests) == requests


def test_offline_with_warm_memory_needs_no_network(project, server, capsys):
    assert translate(server) == 0
    for path in (project / "content/en").iterdir():
        path.unlink()
    requests = len(server.requests)
    assert main(["translate", "--offline", "--base-url", "http://127.0.0.1:9/"]) == 0
    assert len(server.requests) == requests and len(list((project / "content/en").iterdir())) == 2


def test_manual_engine_uses_the_team_s_translations(project, capsys):
    lines = [{"source": text, "en": english} for text, english in [
        ("前瞻布局未来产业", "Planning ahead for future industries"), ("未来产业是引领。", "Future industries lead."),
        ("科技创新是主引擎。", "Innovation is the main engine."), ("作者单位：国家信息中心", "The author works at the SIC")]]
    memory = project / "translation_memory/manual.jsonl"
    memory.parent.mkdir()
    memory.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    assert main(["translate", "--engine", "manual", "future"]) == 0
    en = read_article(project / "content/en/future.md")
    assert en.title == "Planning ahead for future industries" and en.author_note == "The author works at the SIC"
    assert {(r.status, r.by) for r in en.translation.segments} == {("draft", "manual")}
    assert main(["translate", "--engine", "manual", "silver"]) == 2
    assert "segment 1 (title): no manual translation in translation_memory/manual.jsonl" in capsys.readouterr().err


def test_unknown_slug_is_named_and_other_articles_still_translate(project, server, capsys):
    assert translate(server, "nope", "future") == 2
    assert "error: content/zh/nope.md: file not found" in capsys.readouterr().err
    assert (project / "content/en/future.md").exists()


def test_authors_are_romanized_family_name_first(project, server):
    assert translate(server, "silver") == 0
    assert read_article(project / "content/en/silver.md").authors == ["Liu Quanhong", "Ouyang Xiu"]


@pytest.mark.parametrize("name, latin", [
    ("刘泉红", "Liu Quanhong"), ("胡拥军", "Hu Yongjun"), ("林林", "Lin Lin"), ("欧阳修", "Ouyang Xiu"),
    ("司马光", "Sima Guang"), ("诸葛亮", "Zhuge Liang"), ("单田芳", "Shan Tianfang"), ("曾国藩", "Zeng Guofan"),
    ("张建安", "Zhang Jian'an"), ("吕方", "Lü Fang"), ("阿依古丽·买买提", "Ayiguli Maimaiti"), ("Li Na", "Li Na"),
])
def test_romanize_name(name, latin):
    assert romanize_name(name) == latin


def test_a_run_killed_halfway_keeps_what_arrived_and_the_rerun_requests_only_the_rest(project, server, monkeypatch):
    from build_tools.translate.memory import MemoryFile
    real_add, arrived = MemoryFile.add, []

    def add_then_die(self, source, english):
        real_add(self, source, english)
        arrived.append(source)
        if len(arrived) == 3:
            raise KeyboardInterrupt  # Ctrl-C (or a crash) in the middle of the run
    monkeypatch.setattr(MemoryFile, "add", add_then_die)
    assert translate(server) == 130
    assert not (project / "content/en").exists()  # no English written, let alone half of one
    assert set(load_memory(project / "translation_memory/libre.jsonl")) == set(arrived)

    monkeypatch.setattr(MemoryFile, "add", real_add)
    before = len(server.requests)
    assert translate(server) == 0
    every = [sent(s) for a in (FUTURE, SILVER) for s in [a.title, *(b.text for b in a.body), a.author_note]]
    assert sorted(requested_segments(server, before)) == sorted(s for s in every if s not in arrived)
