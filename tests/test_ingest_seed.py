"""The shipped seed page, checked against what is printed on it (read line by line by the team)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.ingest.page import parse_page

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_5a518f614c3346c7.txt"


@pytest.fixture(scope="module")
def articles():
    return parse_page(SEED.read_text(encoding="utf-8"), SEED.name)


def test_bodies_get_their_own_titles_bylines_and_notes(articles):
    assert [(a.title, a.authors, a.author_note) for a in articles] == [
        ("统筹推进科技创新和产业创新", ["刘泉红", "徐建伟"],
         "作者分别系中国宏观经济研究院产业经济与技术经济研究所所长、研究员"),
        ("前瞻布局未来产业发展新质生产力", ["胡拥军"], "作者系国家信息中心未来产业和平台经济研究中心秘书长"),
        ("发展银发经济利当前惠长远", ["林宝"],
         "作者系中国社会科学院习近平新时代中国特色社会主义思想研究中心特约研究员、人口与劳动经济研究所研究员"),
    ]


def test_every_section_heading(articles):
    assert [[b.text for b in a.blocks if b.kind == "heading"] for a in articles] == [
        ["科技创新是高质量发展主引擎", "为现代化产业体系固本培元", "推动创新链产业链耦合发展"],
        ["认识新质生产力本质特征", "前瞻布局未来产业意义重大", "发挥体制机制和市场优势", "聚焦关键环节扎实推进"],
        [],
    ]


def test_paragraphs_start_where_the_printed_paragraphs_start(articles):
    # First line of every paragraph in the seed: after a sentence end, indented by two characters.
    starts = [[b.first_line for b in a.blocks if b.kind == "paragraph"] for a in articles]
    assert starts == [
        [13, 47, 59, 91, 149, 173, 210, 245, 291, 301, 319, 337, 353],
        [374, 390, 402, 416, 434, 452, 476, 502, 528, 548, 558, 583, 616, 628, 654, 684],
        [707, 717, 733, 745, 762, 773, 790],
    ]
    assert sum(map(len, starts)) == 36


def test_paragraph_text_is_exactly_the_printed_text(articles):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for article in articles:
        for block in article.blocks:
            printed = "".join(lines[block.first_line - 1: block.last_line])
            assert block.text == re.sub(r"\s+", "", printed)  # the page has no Latin word pairs


def test_no_space_is_left_between_cjk_characters(articles):
    for article in articles:
        for block in article.blocks:
            assert " " not in block.text


def test_bold_lead_ins(articles):
    leads = [[b.text[: b.lead_length] for b in a.blocks if b.lead_length] for a in articles]
    assert leads == [
        ["传统产业改造提升需要科技创新赋能。", "实现产业自主可控亟待科技创新攻关。", "布局产业新赛道依赖科技创新突破。",
         "全链条部署创新链产业链。", "大力培育创新引领型企业。", "扩大创新产品推广应用。", "优化新兴领域竞争发展生态。"],
        ["新质生产力具有“高质量发展”特征。", "新质生产力具有“大科创驱动”特征。", "新质生产力具有“新产业载体”特征。",
         "新质生产力具有“强比较优势”特征。", "抢占国际竞争制高点的迫切需要。", "打造经济增长新引擎的战略选择。",
         "一方面，发挥有为政府作用，突出新型举国体制优势。", "另一方面，发挥有效市场作用，突出超大规模市场优势。",
         "一是夯实技术策源基础。", "二是梯次布局产业发展。", "三是推动耐心资本投入。"],
        ["发展银发经济是满足老年人美好生活需要的现实要求。", "发展银发经济是积极应对人口老龄化的客观要求。",
         "发展银发经济是实施扩大内需战略的重要举措。", "推动银发经济发展，关键在顶层设计。",
         "推动银发经济发展，重点要从供给侧发力。", "推动银发经济发展，基础在于营造良好市场环境。"],
    ]
