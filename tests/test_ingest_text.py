"""Character-level repair: spacing convention, doubled bold text, sentence ends."""

from hypothesis import assume, given, settings, strategies as st

from build_tools.ingest.page import parse_page
from build_tools.ingest.text import display_width, first_sentence_end, normalize_spacing, undouble
from page_builder import Para, Story, build_page


def test_justification_spaces_between_ideographs_and_punctuation_are_removed():
    assert normalize_spacing("本 、创 新 平 台 等 科 技 创 新 条 件 不 断 改 善 ，") == "本、创新平台等科技创新条件不断改善，"


def test_no_space_between_cjk_and_digits_or_latin():
    assert normalize_spacing("2021 年，高收入国家研发支出占 GDP 的比重") == "2021年，高收入国家研发支出占GDP的比重"
    assert normalize_spacing("提升到 2.54% 。目") == "提升到2.54%。目"


def test_spaces_between_latin_words_and_numbers_are_kept_single():
    assert normalize_spacing("the  GDP per capita was 3 000 yuan") == "the GDP per capita was 3 000 yuan"


def test_bold_text_extracted_twice_is_undone_once():
    assert undouble("统筹推进科技创新统筹推进科技创新") == "统筹推进科技创新"
    assert undouble("林林") == "林"
    assert undouble("科技创新") == "科技创新"


def test_first_sentence_ends_outside_quotation_marks():
    text = "新质生产力具有“高质量发展”特征。随着未来产业涌现。"
    assert text[: first_sentence_end(text)] == "新质生产力具有“高质量发展”特征。"
    quoted = "他说：“要发展。”然后离开。"
    assert quoted[: first_sentence_end(quoted)] == "他说：“要发展。”然后离开。"


CJK = st.sampled_from(list("经济发展科技创新产业体系推动建设现代化国家市场能力质量人才资源环境政策"))
CLAUSE = st.lists(CJK, min_size=3, max_size=14).map("".join)
# Up to two digits (one em): a justified column absorbs wider numbers in its spacing, our test
# layout (which does not justify) would leave a visibly short full line instead.
NUMBER = st.integers(min_value=1, max_value=99).map(str)


@st.composite
def paragraphs(draw):
    """A paragraph of a few sentences, some clauses carrying a number: ends with 。"""
    sentences = []
    for _ in range(draw(st.integers(2, 6))):
        clauses = draw(st.lists(CLAUSE, min_size=1, max_size=4))
        if draw(st.booleans()):
            clauses[0] = clauses[0][:2] + draw(NUMBER) + "年" + clauses[0][2:]
        sentences.append("，".join(clauses) + "。")
    return "".join(sentences)


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(paragraphs(), min_size=2, max_size=4),
    width=st.integers(min_value=10, max_value=30),
    blank_mode=st.booleans(),
    justify_every=st.sampled_from([0, 2, 3]),
)
def test_wrapped_justified_paragraphs_parse_back_unchanged(texts, width, blank_mode, justify_every):
    # A paragraph must fill at least two lines, or nothing on the page shows the column's width.
    assume(all(display_width(text) > 2 * width for text in texts))
    story = Story("随机生成的标题", ["张三"], "作者系某研究院研究员", [Para(text) for text in texts], width=width)
    page = build_page([story], blank_mode=blank_mode, justify_every=justify_every)
    article = parse_page(page, "page.txt")[0]
    assert [block.text for block in article.blocks] == texts
