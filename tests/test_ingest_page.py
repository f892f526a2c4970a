"""Ingest parsing on small pages of our own making: layouts the seed shows and ones it does not."""

from __future__ import annotations

import pytest

from build_tools.errors import InputError
from build_tools.ingest.page import parse_page
from page_builder import Para, Story, build_page

GREEN = Story(
    title="推动城市绿色转型",
    authors=["王小明"],
    note="作者系某大学城市规划学院教授",
    blocks=[
        Para("城市是现代经济活动的主要载体，也是能源消耗和碳排放的集中地区。推动城市绿色转型，既关系当前发展质量，也关系长远竞争能力。"),
        "绿色转型的重要意义",
        Para("近年来，我国城市绿色发展取得积极进展，2023 年城市建成区绿化覆盖率达到 42.7%，公共交通出行比例持续提升。与此同时，城市绿色转型仍面临不少约束，需要统筹推进。"),
        Para("转型提升城市竞争力。绿色低碳产业正在成为城市新的增长点，GDP 增长与排放脱钩的城市越来越多。", lead="转型提升城市竞争力。"),
        Para("转型改善居民生活质量。更多公园绿地和更清洁的空气，让居民的获得感不断增强，城市也更加宜居。", lead="转型改善居民生活质量。", lead_break=True),
        "绿色转型的实现路径",
        Para("完善规划引领，优化城市空间布局，推动形成紧凑集约的城市形态，把生态保护要求落实到每一个环节之中。"),
    ],
)
RIVER = Story(
    title="加强流域综合治理",
    authors=["李红", "赵刚"],
    note="作者分别系某研究院研究员、副研究员",
    blocks=[
        Para("流域是水资源的天然单元，流域治理需要上下游、左右岸协同推进。加强流域综合治理，是保障水安全的重要举措。"),
        Para("一是强化水资源刚性约束。坚持以水定城、以水定地、以水定人、以水定产，把水资源作为最大的刚性约束。", lead="一是强化水资源刚性约束。"),
        Para("二是推进水生态保护修复。统筹山水林田湖草沙系统治理，提升流域生态系统的质量和稳定性。", lead="二是推进水生态保护修复。"),
        Para("三是完善流域治理体制。健全流域统筹协调机制，推动形成共建共治共享的治理格局，流域治理的效率不断提高。", lead="三是完善流域治理体制。"),
    ],
    width=15,
    vertical_byline=False,
)
FARM = Story(
    title="走好乡村振兴之路",
    authors=["欧阳明"],
    note="作者系某农业大学经济管理学院院长",
    blocks=[
        Para("乡村振兴是一项长期任务，需要保持历史耐心。要坚持农业农村优先发展，推动乡村产业、人才、文化、生态、组织全面振兴。"),
        Para("发展乡村特色产业是关键。要立足资源禀赋，培育一批特色鲜明的乡村产业，让农民更多分享产业增值收益。", lead="发展乡村特色产业是关键。"),
        Para("培育乡村人才是基础。要吸引各类人才返乡创业，提高农民科技文化素质，为乡村振兴提供人才支撑。", lead="培育乡村人才是基础。"),
    ],
    width=26,
    vertical_byline=True,
    doubled_title=True,
)


def expected_paragraphs(story: Story) -> list[str]:
    return [
        block.text.replace("2023 年", "2023年").replace(" 42.7%", "42.7%").replace("GDP 增长", "GDP增长")
        for block in story.blocks if isinstance(block, Para)
    ]


def parsed_paragraphs(article) -> list[str]:
    return [block.text for block in article.blocks if block.kind == "paragraph"]


@pytest.mark.parametrize("header_order", [[0, 1, 2], [2, 0, 1], [1, 2, 0]])
def test_each_body_gets_its_own_title_and_byline_whatever_the_header_order(header_order):
    page = build_page([GREEN, RIVER, FARM], header_order=header_order)
    articles = parse_page(page, "page.txt")
    assert [(a.title, a.authors, a.author_note) for a in articles] == [
        ("推动城市绿色转型", ["王小明"], "作者系某大学城市规划学院教授"),
        ("加强流域综合治理", ["李红", "赵刚"], "作者分别系某研究院研究员、副研究员"),
        ("走好乡村振兴之路", ["欧阳明"], "作者系某农业大学经济管理学院院长"),
    ]


def test_three_character_vertical_name_and_doubled_title_are_undone():
    article = parse_page(build_page([FARM]), "page.txt")[0]
    assert article.title == "走好乡村振兴之路"
    assert article.authors == ["欧阳明"]


@pytest.mark.parametrize("blank_mode", [True, False])
@pytest.mark.parametrize("justify_every", [0, 3])
def test_paragraphs_come_back_exactly_as_printed(blank_mode, justify_every):
    articles = parse_page(build_page([GREEN, RIVER, FARM], blank_mode=blank_mode, justify_every=justify_every), "p.txt")
    for article, story in zip(articles, [GREEN, RIVER, FARM], strict=True):
        assert parsed_paragraphs(article) == expected_paragraphs(story)


def test_headings_are_found_between_paragraphs():
    article = parse_page(build_page([GREEN]), "page.txt")[0]
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["绿色转型的重要意义", "绿色转型的实现路径"]
    assert [b.kind for b in article.blocks][:3] == ["paragraph", "heading", "paragraph"]


def test_column_width_may_change_inside_an_article():
    story = Story(GREEN.title, GREEN.authors, GREEN.note, GREEN.blocks, width=14, widths_after={4: 27})
    article = parse_page(build_page([story], blank_mode=False), "page.txt")[0]
    assert parsed_paragraphs(article) == expected_paragraphs(GREEN)


def test_lead_in_on_a_line_of_its_own_is_bold_and_joined_to_its_paragraph():
    article = parse_page(build_page([GREEN]), "page.txt")[0]
    paragraph = next(b for b in article.blocks if b.text.startswith("转型改善"))
    assert paragraph.text[: paragraph.lead_length] == "转型改善居民生活质量。"
    assert paragraph.text == expected_paragraphs(GREEN)[3]


def test_lead_in_spanning_two_lines_is_bold_whole():
    lead = "另一方面，发挥市场配置资源的决定性作用，突出规模优势。"
    story = Story("论市场作用", ["张三"], "作者系某研究院研究员", [
        Para("市场是资源配置的有效方式，要充分发挥市场在资源配置中的决定性作用，更好发挥政府作用。"),
        Para(lead + "加快形成统一开放、竞争有序的市场体系，让各类经营主体公平竞争。", lead=lead, lead_break=True),
    ], width=19)
    page = build_page([story])
    assert lead not in page.splitlines()  # the lead-in really is wrapped over two lines
    paragraph = parse_page(page, "page.txt")[0].blocks[1]
    assert paragraph.text[: paragraph.lead_length] == lead


def test_a_run_of_short_opening_sentences_is_a_run_of_lead_ins():
    article = parse_page(build_page([RIVER], blank_mode=False), "page.txt")[0]
    leads = [b.text[: b.lead_length] for b in article.blocks]
    assert leads == ["", "一是强化水资源刚性约束。", "二是推进水生态保护修复。", "三是完善流域治理体制。"]


def test_author_note_may_span_lines_and_blank_lines():
    page = build_page([GREEN]).replace("（作者系某大学城市规划学院教授）", "（作者系某大学\n\n城市规划学院\n教授）")
    assert parse_page(page, "page.txt")[0].author_note == "作者系某大学城市规划学院教授"


def test_source_line_range_covers_body_and_note():
    page = build_page([GREEN, RIVER])
    first, second = parse_page(page, "page.txt")
    lines = page.split("\n")
    assert lines[first.first_line - 1].startswith("城市是现代经济活动")
    assert lines[first.last_line - 1].endswith("）")
    assert lines[second.first_line - 1].startswith("流域是水资源")


def test_note_that_never_closes_is_an_error_naming_its_line():
    page = build_page([GREEN]).replace("学院教授）", "学院教授")
    note_line = next(i for i, line in enumerate(page.split("\n"), 1) if line.startswith("（作者"))
    with pytest.raises(InputError, match=rf"^page.txt:{note_line}: author note opened here never closes \(no ）\)$"):
        parse_page(page, "page.txt")


def test_page_without_any_article_is_an_error():
    with pytest.raises(InputError, match=r"^page.txt: no article found"):
        parse_page("只有一行文字，没有作者说明。\n", "page.txt")


def test_text_after_the_last_note_is_an_error():
    page = build_page([GREEN]) + "\n多出来的一行字。\n"
    with pytest.raises(InputError, match=r"text after the last author note belongs to no article"):
        parse_page(page, "page.txt")


def test_crlf_and_byte_order_mark_are_accepted():
    page = build_page([GREEN, RIVER])
    windows = "\ufeff" + page.replace("\n", "\r\n")
    assert [parsed_paragraphs(a) for a in parse_page(windows, "p.txt")] == \
        [parsed_paragraphs(a) for a in parse_page(page, "p.txt")]


def test_a_full_line_cut_short_by_a_long_number_does_not_start_a_paragraph():
    # Column of 10 em. Line 3 ends a sentence; line 4 is 2 em short, but only because the next
    # line's number (3 em) could not be broken: it continues the paragraph.
    page = "\n\n".join([
        "测试标题", "张三",
        "经济发展推动建设", "科技创新产业体系国家", "市场能力质量人才资。", "国家市场能力质量",
        "202301号文件规定的环", "境政策已经落实到位。",
        "人才资源环境政策", "科技创新产业体系国家", "市场能力质量人才资。",
        "（作者系某研究院研究员）",
    ]) + "\n"
    paragraphs = parsed_paragraphs(parse_page(page, "page.txt")[0])
    assert paragraphs == [
        "经济发展推动建设科技创新产业体系国家市场能力质量人才资。国家市场能力质量202301号文件规定的环境政策已经落实到位。",
        "人才资源环境政策科技创新产业体系国家市场能力质量人才资。",
    ]


def test_a_bold_lead_in_right_where_the_column_widens_starts_a_paragraph():
    # Narrow column (13 em) with blank lines between wrapped lines; the lead-in's two lines end in
    # single newlines (bold type), then the column widens to 20 em. Widths alone are no guide here.
    narrow = ["而且新一代老年人消费能", "力、消费意愿更强，又有高品质", "养老生活的追求，将成为银发",
              "经济发展的重要驱动力。一方", "面，尽快完善相关行业标准和", "规范。顺应老年人消费升级趋",
              "势，找准不同年龄段老年群体", "缺什么、要什么，有针对性地创", "新产品和服务供给，才能满足",
              "多样化养老服务需求。"]
    wide = ["我国人口老龄化程度持续加深，同时老年人的", "美好生活需要进一步升级。同时还需要根据人",
            "口老龄化发展趋势，制订银发经济发展的阶段", "性目标。"]
    page = "\n\n".join(["测试标题", "张三", *narrow]) + "\n\n发展银发经济是满足老年\n人美好生活需要的现实要求。\n" + \
        "\n\n".join([*wide, "（作者系某研究院研究员）"]) + "\n"
    blocks = parse_page(page, "page.txt")[0].blocks
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]
    assert blocks[1].text[: blocks[1].lead_length] == "发展银发经济是满足老年人美好生活需要的现实要求。"


def test_a_heading_after_a_paragraph_ending_near_the_column_edge():
    page = "\n\n".join([
        "测试标题", "张三",
        "针对未来产业孵化培育长周期、高风险、战略性特征，", "未来产业比其他产业更需要有耐心的资金支持。区别于",
        "传统生产力依托的人口资源禀赋优势，未来产业高度依", "赖于数据资源投入。",
        "认识新质生产力本质特征",
        "前瞻布局未来产业是重塑国际竞争新优势的必答题，", "是打造经济增长新引擎、培育产业体系新支柱的抢答题，",
        "是发展新质生产力的重中之重。加快形成新质生产力关", "键在于完成从科技成果到产业转化的跃升。",
        "（作者系某研究院研究员）",
    ]) + "\n"
    blocks = parse_page(page, "page.txt")[0].blocks
    assert [(b.kind, b.text[:6]) for b in blocks] == [
        ("paragraph", "针对未来产业"), ("heading", "认识新质生产"), ("paragraph", "前瞻布局未来")]
