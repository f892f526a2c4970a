"""The merge (pure): new Chinese + old English + translations -> new English; never loses an edit."""

from __future__ import annotations

from dataclasses import replace

import pytest

from build_tools.errors import InputError
from build_tools.markdown_io import dump_article, load_article
from build_tools.model import Article, Block, SegmentRecord, Source, Translation
from build_tools.segments import text_hash
from build_tools.translate.merge import (
    check_old_english, english_counts, english_description, merge_article, needed_segments, source_for_engine,
    tidy_english,
)

ZH = Article(
    article_id="000_abc-1", slug="silver", lang="zh", title="发展银发经济", authors=["林林"],
    author_note="作者系研究员", description="第一段。", characters=20, reading_minutes=1,
    body=[Block("heading", "背景"), Block("paragraph", "**银发经济很重要。**第一段。"),
          Block("paragraph", "第二段。")],
    source=Source(seed="000_abc.txt", article=1, lines="1-9"),
)
# What the (fake) engine answers for each Chinese segment.
MT = {
    "发展银发经济": "Developing the silver economy", "背景": "Background",
    "**银发经济很重要。**第一段。": "**The silver economy matters.** First paragraph.",
    "第二段。": "Second paragraph.", "作者系研究员": "The author is a researcher",
}
GLOSSARY = {"银发经济": "silver economy"}


def cold() -> Article:
    return merge_article(ZH, None, MT, engine="libre", glossary=GLOSSARY).article


def with_body(article: Article, index: int, text: str) -> Article:
    body = list(article.body)
    body[index] = Block(body[index].kind, text, body[index].suggestion)
    return replace(article, body=body)


def with_record(article: Article, number: int, **changes: str) -> Article:
    records = list(article.translation.segments)
    records[number - 1] = replace(records[number - 1], **changes)
    return replace(article, translation=Translation(article.translation.engine, records))


def actions(result) -> list[tuple[int, str]]:
    return [(event.number, event.action) for event in result.events]


def test_cold_merge_drafts_every_segment_in_the_chinese_structure():
    en = cold()
    assert (en.lang, en.slug, en.article_id, en.source) == ("en", ZH.slug, ZH.article_id, ZH.source)
    assert en.title == "Developing the silver economy" and en.author_note == "The author is a researcher"
    assert [b.kind for b in en.body] == ["heading", "paragraph", "paragraph"]
    assert en.body[1].text == "**The silver economy matters.** First paragraph."
    assert en.authors == ["Lin Lin"]
    assert en.translation.engine == "libre"
    assert en.translation.segments[2] == SegmentRecord(
        text_hash(ZH.body[1].text), text_hash(en.body[1].text), "draft", "libre")
    assert all(r.status == "draft" and r.by == "libre" for r in en.translation.segments)


def test_cold_merge_derives_description_and_english_reading_time():
    en = cold()
    assert en.description == "The silver economy matters."
    # "Background" + "The silver economy matters. First paragraph." + "Second paragraph." = 9 words
    assert en.reading_minutes == 1
    assert en.characters == len("Background" "Thesilvereconomymatters.Firstparagraph." "Secondparagraph.")


def test_rerun_with_nothing_changed_keeps_the_file_byte_identical():
    en = cold()
    again = merge_article(ZH, en, {}, engine="libre", glossary=GLOSSARY)
    assert dump_article(again.article) == dump_article(en)
    assert {action for _, action in actions(again)} == {"kept"}


def test_editor_edit_under_unchanged_chinese_is_kept_and_adopted():
    edited = with_body(cold(), 2, "Second paragraph, *improved* by an editor.")
    result = merge_article(ZH, edited, {}, engine="libre", glossary=GLOSSARY)
    assert result.article.body[2].text == "Second paragraph, *improved* by an editor."
    assert result.article.translation.segments[3] == SegmentRecord(
        text_hash(ZH.body[2].text), text_hash("Second paragraph, *improved* by an editor."), "draft", "editor")
    assert (4, "adopted") in actions(result)


def test_changed_chinese_under_untouched_machine_draft_is_redrafted():
    zh2 = with_body(ZH, 2, "第二段改了。")
    assert [s.text for s in needed_segments(zh2, cold(), GLOSSARY)] == ["第二段改了。"]
    changed = {"第二段改了。": "Second paragraph, changed."}
    result = merge_article(zh2, cold(), changed, engine="libre", glossary={})
    assert result.article.body[2] == Block("paragraph", "Second paragraph, changed.")
    assert result.article.translation.segments[3] == SegmentRecord(
        text_hash("第二段改了。"), text_hash("Second paragraph, changed."), "draft", "libre")
    assert (4, "redrafted") in actions(result)


@pytest.mark.parametrize("status, by, expected_by", [
    ("reviewed", "libre", "libre"), ("draft", "manual", "manual"), ("draft", "editor", "editor"),
])
def test_changed_chinese_under_reviewed_or_human_english_goes_stale_with_suggestion(status, by, expected_by):
    old = with_record(cold(), 4, status=status, by=by)
    zh2 = with_body(ZH, 2, "第二段改了。")
    result = merge_article(zh2, old, {"第二段改了。": "Second paragraph, changed."}, engine="libre", glossary={})
    assert result.article.body[2] == Block("paragraph", "Second paragraph.", "Second paragraph, changed.")
    assert result.article.translation.segments[3] == SegmentRecord(
        text_hash("第二段改了。"), text_hash("Second paragraph."), "stale", expected_by)
    assert "<!-- suggestion: Second paragraph, changed. -->" in dump_article(result.article)


def test_edited_machine_draft_goes_stale_not_overwritten():
    old = with_body(cold(), 2, "My own second paragraph.")
    zh2 = with_body(ZH, 2, "第二段改了。")
    result = merge_article(zh2, old, {"第二段改了。": "Second paragraph, changed."}, engine="libre", glossary={})
    assert result.article.body[2] == Block("paragraph", "My own second paragraph.", "Second paragraph, changed.")
    assert result.article.translation.segments[3].status == "stale"
    assert result.article.translation.segments[3].by == "editor"
    assert result.article.translation.segments[3].en == text_hash("My own second paragraph.")


def test_stale_segment_stays_stale_with_its_suggestion_on_the_next_run():
    zh2 = with_body(ZH, 2, "第二段改了。")
    old = with_record(cold(), 4, status="reviewed")
    stale = merge_article(zh2, old, {"第二段改了。": "Second, changed."}, engine="libre", glossary={}).article
    again = merge_article(zh2, load_article(dump_article(stale), "en.md"), {}, engine="libre", glossary={})
    assert dump_article(again.article) == dump_article(stale)


def test_stale_title_keeps_english_and_reports_the_suggestion():
    old = with_record(cold(), 1, status="reviewed")
    zh2 = replace(ZH, title="大力发展银发经济")
    result = merge_article(zh2, old, {"大力发展银发经济": "Vigorously develop the silver economy"},
                           engine="libre", glossary={})
    assert result.article.title == "Developing the silver economy"
    assert result.article.translation.segments[0].status == "stale"
    assert result.events[0].action == "stale"
    assert result.events[0].suggestion == "Vigorously develop the silver economy"


def test_inserted_and_deleted_paragraphs_keep_the_neighbours_english():
    old = with_record(with_body(cold(), 2, "Edited second."), 3, status="reviewed")
    zh2 = replace(ZH, body=[ZH.body[1], Block("paragraph", "新段落。"), ZH.body[2]])  # heading deleted, one inserted
    result = merge_article(zh2, old, {"新段落。": "A new paragraph."}, engine="libre", glossary={})
    assert [b.text for b in result.article.body] == [
        "**The silver economy matters.** First paragraph.", "A new paragraph.", "Edited second."]
    statuses = [r.status for r in result.article.translation.segments]
    assert statuses == ["draft", "reviewed", "draft", "draft", "draft"]
    assert result.article.translation.segments[3].by == "editor"
    assert sorted(actions(result)) == [(1, "kept"), (2, "dropped"), (2, "kept"), (3, "drafted"), (4, "adopted"),
                                       (5, "kept")]


def test_paragraph_turned_into_heading_keeps_english_and_takes_the_new_kind():
    zh2 = replace(ZH, body=[Block("paragraph", "背景"), *ZH.body[1:]])
    result = merge_article(zh2, cold(), {}, engine="libre", glossary={})
    assert result.article.body[0] == Block("paragraph", "Background")


def test_engine_name_is_kept_when_this_run_drafted_nothing():
    en = cold()
    assert merge_article(ZH, en, {}, engine="google", glossary={}).article.translation.engine == "libre"
    zh2 = with_body(ZH, 2, "第二段改了。")
    redrafted = merge_article(zh2, en, {"第二段改了。": "X."}, engine="google", glossary={}).article
    assert redrafted.translation.engine == "google"


def test_a_new_glossary_term_redrafts_only_untouched_machine_drafts():
    en = cold()
    glossary = {**GLOSSARY, "第二段": "Paragraph Two"}  # added after the drafts were made
    assert [s.text for s in needed_segments(ZH, en, glossary)] == ["第二段。"]
    result = merge_article(ZH, en, {"第二段。": "Paragraph Two."}, engine="libre", glossary=glossary)
    assert result.article.body[2].text == "Paragraph Two." and (4, "redrafted") in actions(result)
    reviewed = with_record(en, 4, status="reviewed")  # a human's English is left to `check`
    assert needed_segments(ZH, reviewed, glossary) == []
    kept = merge_article(ZH, reviewed, {}, engine="libre", glossary=glossary).article
    assert kept.body[2].text == "Second paragraph."
    # The engine ignored the term again: the same draft is kept, nothing loops.
    again = merge_article(ZH, en, {"第二段。": "Second paragraph."}, engine="libre", glossary=glossary)
    assert dump_article(again.article) == dump_article(en)


def test_authors_follow_the_glossary_before_pinyin():
    en = merge_article(ZH, None, MT, engine="libre", glossary={"林林": "Lam Lam"}).article
    assert en.authors == ["Lam Lam"]


def test_check_old_english_names_the_file_and_the_problem():
    en = cold()
    with pytest.raises(InputError, match=r"^content/en/silver.md: translation.segments has 4 records but the "
                                         r"article has 5 segments \(title, 3 body blocks, author note\)$"):
        check_old_english(ZH, replace(en, translation=Translation("libre", en.translation.segments[:4])),
                          "content/en/silver.md")
    with pytest.raises(InputError, match="^content/en/silver.md: no 'translation' block"):
        check_old_english(ZH, replace(en, translation=None), "content/en/silver.md")
    with pytest.raises(InputError, match="^content/en/silver.md: article_id 'x' differs from the Chinese '000_abc-1'$"):
        check_old_english(ZH, replace(en, article_id="x"), "content/en/silver.md")


@pytest.mark.parametrize("zh, engine_output, expected", [
    ("**重要。**正文。", "**Important.** Body.", "**Important.** Body."),
    ("**重要。**正文。", "** Important. ** Body.", "**Important.** Body."),  # spaces inside markers
    ("**重要。**正文。", "Important. Body. More.", "**Important.** Body. More."),  # markers dropped
    ("**重要。**正文。", "**Important. Body.", "**Important.** Body."),  # one marker lost
    ("**重要。**正文。", "At first, **important**. Body.", "**At first, important.** Body."),  # bold moved
    ("**重要**", "Important", "**Important**"),  # the whole paragraph is the lead-in
    ("正文。", "Body\nwrapped  over lines.", "Body wrapped over lines."),
    ("正文。", "Use <b>x</b> & y", "Use &lt;b&gt;x&lt;/b&gt; & y"),
    ("1.正文。", "1. First point.", "\\1. First point."),
    ("正文。", "In the U.S. economy, 3.5 percent grew. Then.", "In the U.S. economy, 3.5 percent grew. Then."),
])
def test_tidy_english_keeps_one_line_and_repairs_the_bold_lead_in(zh, engine_output, expected):
    assert tidy_english(zh, engine_output) == expected


@pytest.mark.parametrize("zh, expected", [
    ("发展银发经济利当前", "发展 silver economy 利当前"),
    ("**银发经济**是", "**silver economy**是"),  # no space inside or against the bold markers
    ("“银发经济”。", "“silver economy”。"),
    ("新质生产力与生产力", "new quality productive forces 与 productive forces"),  # longest term first
])
def test_glossary_terms_are_sent_in_english(zh, expected):
    glossary = {"新质生产力": "new quality productive forces", "银发经济": "silver economy",
                "生产力": "productive forces"}  # longest first, as load_glossary orders them
    assert source_for_engine(zh, glossary) == expected


def test_description_is_the_first_english_sentence_as_plain_text():
    body = [Block("heading", "Intro"), Block("paragraph", "**In the U.S.** the rate is 3.5 \\* 2. Next one.")]
    assert english_description(body) == "In the U.S. the rate is 3.5 * 2."
    assert english_description([Block("paragraph", "word " * 60)]).endswith("…")
    assert len(english_description([Block("paragraph", "word " * 60)])) == 150


def test_reading_minutes_assume_200_words_a_minute():
    assert english_counts([Block("paragraph", "word " * 401)]) == (4 * 401, 3)
    assert english_counts([Block("paragraph", "word")]) == (4, 1)
