"""Synthetic newspaper pages for the benchmark: `generate_pages.py N --out DIR [--seed S]`.

Input: the seed page's three articles, structured once by hand in `seed_articles.json` (their text
is the seed's own, character for character). Output: ceil(N/3) pages of N articles in DIR, laid
out with the artifacts of the seed (`seeds/000_5a518f614c3346c7.txt`):

- a header block of titles and bylines, in another order than the bodies; bold titles doubled
  ("统筹推进统筹推进"), doubled names ("刘泉红刘泉红 徐建伟徐建伟"), or a name set vertically, one
  doubled character per line with blank lines between ("林林", "", "宝宝");
- hard wraps at a per-article column width (13-28 em), sometimes changing inside a paragraph;
- blank lines between all wrapped lines in some columns, only between paragraphs in others;
- a paragraph's first line 2 em shorter (the indent itself is not in the text);
- headings as short lines between paragraphs; bold lead-ins whose fully bold lines end with a
  single newline where the column otherwise has blank lines;
- justification spaces inside some lines ("本 、创 新 平 台"), spaces around digits and Latin;
- an author note in full-width parentheses closing each article, over lines and blank lines.

Every article differs from its seed article: title fragments recombined with the page number, new
author names and affiliations, the article's sentences dealt out anew among its paragraphs
(lead-ins stay), so that translation memory cannot hide the cost of new text. The expected
structure of each page (titles, authors, notes, paragraph and heading counts) goes to
`<page>.json` in the --expected folder (default: DIR/../expected), never beside the pages, so
ingest cannot mistake it for an editor's sidecar. Same N and --seed: byte-identical output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from typeset import justify, space_runs, wrap  # noqa: E402

CORPUS_FILE = Path(__file__).resolve().parent / "seed_articles.json"
ARTICLES_PER_PAGE = 3
MIN_WIDTH, MAX_WIDTH = 13, 28
WIDE = 18  # the seed's widest column; `--without narrow-columns` sets no column narrower
INDENT_EM = 2
START_CHARS = 12  # of each block in the expected JSON, to show where a parse went wrong
SENTENCE_END = "。！？"
OPENERS, CLOSERS = "“‘《（", "”’》）"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红兵玉春晓宏宝泉拥海波宁云峰鹏辉"
AFFILIATIONS = ("中国宏观经济研究院产业经济与技术经济研究所", "国家信息中心未来产业和平台经济研究中心",
                "中国社会科学院人口与劳动经济研究所", "国务院发展研究中心产业经济研究部",
                "中国人民大学应用经济学院", "清华大学公共管理学院")
ROLES = ("所长", "研究员", "副研究员", "秘书长", "教授", "副主任", "特约研究员")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" or "paragraph"
    text: str
    lead: str = ""  # bold lead-in: the paragraph's text starts with it


@dataclass(frozen=True)
class Story:
    title: str
    authors: tuple[str, ...]
    note: str  # without its parentheses
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Layout:
    """How one article is set and extracted."""

    width: int
    new_width: int  # the column width after `change_at`
    change_at: tuple[int, int] | None  # (block, line inside it) where the width changes
    blank_between_lines: bool
    spaced_digits: bool
    justify_rate: float
    lead_break: bool  # fully bold lead-in lines end with a single newline (blank columns only)
    note_blank_lines: bool
    byline_style: str  # plain | doubled | vertical
    doubled_title: bool
    blank_after_title: bool


def load_corpus(path: Path = CORPUS_FILE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["articles"]


def split_sentences(text: str) -> list[str]:
    """Sentences ending in 。！？ outside quotation marks (with their closing marks)."""
    sentences, current, depth = [], "", 0
    for index, char in enumerate(text):
        current += char
        depth += char in OPENERS
        depth -= char in CLOSERS and depth > 0
        following = text[index + 1] if index + 1 < len(text) else ""
        at_end = not following or following not in SENTENCE_END + CLOSERS
        if depth == 0 and at_end and char in SENTENCE_END + CLOSERS and any(c in SENTENCE_END for c in current[-2:]):
            sentences.append(current)
            current = ""
    if current:
        sentences = sentences[:-1] + [sentences[-1] + current] if sentences else [current]
    return sentences


def varied_blocks(blocks: list[dict], rng: random.Random) -> tuple[Block, ...]:
    """The article's paragraphs with their sentences dealt out anew: each paragraph keeps its
    number of sentences and its lead-in sentence; all other sentences of the article are
    shuffled among the paragraphs, so that no two generated articles repeat a paragraph."""
    dealt = [split_sentences(b["text"]) if b["kind"] == "paragraph" else [] for b in blocks]
    pool = [s for block, sentences in zip(blocks, dealt) for s in sentences[1 if block.get("lead") else 0:]]
    rng.shuffle(pool)
    varied = []
    for block, sentences in zip(blocks, dealt):
        if block["kind"] == "heading":
            varied.append(Block("heading", block["text"]))
            continue
        lead = block.get("lead", "")
        assert not lead or sentences[0] == lead, f"lead-in is not the first sentence: {lead}"
        keep = sentences[:1] if lead else []
        taken = [pool.pop() for _ in range(len(sentences) - len(keep))]
        varied.append(Block("paragraph", "".join(keep + taken), lead))
    return tuple(varied)


def person_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if name not in taken:
            taken.add(name)
            return name


def author_note(count: int, rng: random.Random) -> str:
    affiliation = rng.choice(AFFILIATIONS)
    roles = rng.sample(ROLES, count)
    if count == 1:
        return f"作者系{affiliation}{roles[0]}"
    return f"作者分别系{affiliation}{'、'.join(roles)}"


def varied_story(base: dict, page_number: int, rng: random.Random, names_taken: set[str]) -> Story:
    headings = [b["text"] for b in base["blocks"] if b["kind"] == "heading"]
    fragments = rng.sample(base["title_fragments"] + headings[:2], 2)
    title = "".join(fragments) + f"（{page_number}）"
    authors = tuple(person_name(rng, names_taken) for _ in range(rng.choice((1, 1, 2, 2, 3))))
    return Story(title, authors, author_note(len(authors), rng), varied_blocks(base["blocks"], rng))


def choose_layout(story: Story, rng: random.Random) -> Layout:
    """Column widths leave every heading a short line, as on the seed page."""
    longest_heading = max((len(b.text) for b in story.blocks if b.kind == "heading"), default=0)
    narrowest = max(MIN_WIDTH, longest_heading + INDENT_EM)
    width, new_width = rng.randint(narrowest, MAX_WIDTH), rng.randint(narrowest, MAX_WIDTH)
    change_at = None
    if rng.random() < 0.35:
        change_at = (rng.randrange(len(story.blocks)), rng.randrange(4))
    style = "vertical" if len(story.authors) == 1 and rng.random() < 0.3 else rng.choice(("plain", "doubled"))
    return Layout(width=width, new_width=new_width, change_at=change_at,
                  blank_between_lines=rng.random() < 0.6, spaced_digits=rng.random() < 0.6,
                  justify_rate=rng.choice((0.0, 0.05, 0.15)), lead_break=rng.random() < 0.7,
                  note_blank_lines=rng.random() < 0.5, byline_style=style,
                  doubled_title=rng.random() < 0.5, blank_after_title=rng.random() < 0.3)


# Switches for `--without`: each turns one artifact off and leaves every other random choice as it
# was, so that a page with and without the artifact differ in that artifact only.
ARTIFACTS: dict[str, Callable[[Layout], Layout]] = {
    "width-change": lambda layout: replace(layout, change_at=None),
    "justify": lambda layout: replace(layout, justify_rate=0.0),
    "spaced-digits": lambda layout: replace(layout, spaced_digits=False),
    "lead-break": lambda layout: replace(layout, lead_break=False),
    "blank-lines": lambda layout: replace(layout, blank_between_lines=False),
    "narrow-columns": lambda layout: replace(layout, width=max(layout.width, WIDE), new_width=max(layout.new_width, WIDE)),
    "doubled-header": lambda layout: replace(layout, doubled_title=False, byline_style="plain"),
}


def without_artifacts(layout: Layout, without: frozenset[str]) -> Layout:
    for name in sorted(without):
        layout = ARTIFACTS[name](layout)
    return layout


def line_widths(layout: Layout, block_index: int, width: int) -> tuple[list[float], int]:
    """Widths for a paragraph's lines (first one indented) and the column width after it."""
    widths = [width - INDENT_EM] + [width] * 3
    if layout.change_at and layout.change_at[0] == block_index:
        line = layout.change_at[1]
        widths = widths[:line] + [layout.new_width - (INDENT_EM if line == 0 else 0), layout.new_width]
        return widths, layout.new_width
    return widths, width


def extracted_line(line: str, layout: Layout, is_last: bool, rng: random.Random) -> str:
    """One printed line as the extractor returns it: maybe justified, maybe spaced digits."""
    if not is_last and layout.justify_rate and rng.random() < layout.justify_rate:
        partial = rng.random() < 0.25
        return justify(line, rng.randrange(3, len(line)) if partial and len(line) > 4 else None)
    return space_runs(line) if layout.spaced_digits else line


def paragraph_lines(block: Block, widths: list[float], layout: Layout, rng: random.Random) -> list[str]:
    """The paragraph's lines with separators in place ("" = blank line), then one blank line."""
    lines = wrap(block.text, widths)
    out: list[str] = []
    consumed = 0
    for index, line in enumerate(lines):
        consumed += len(line)
        is_last = index == len(lines) - 1
        out.append(extracted_line(line, layout, is_last, rng))
        fully_bold = bool(block.lead) and consumed <= len(block.lead)
        if layout.blank_between_lines and not is_last and not (layout.lead_break and fully_bold):
            out.append("")
    return out + [""]


def body_lines(story: Story, layout: Layout, rng: random.Random) -> list[str]:
    out: list[str] = []
    width = layout.width
    for index, block in enumerate(story.blocks):
        widths, width = line_widths(layout, index, width)
        if block.kind == "heading":
            out += [block.text, ""]
        else:
            out += paragraph_lines(block, widths, layout, rng)
    note = wrap(f"（{story.note}）", [width])
    separator = [""] if layout.note_blank_lines else []
    for index, line in enumerate(note):
        out += [line] + (separator if index < len(note) - 1 else [])
    return out + [""]


def header_lines(story: Story, layout: Layout) -> list[str]:
    lines = [story.title * 2 if layout.doubled_title else story.title]
    lines += [""] if layout.blank_after_title else []
    if layout.byline_style == "vertical":
        return lines + [line for char in story.authors[0] for line in (char * 2, "")]
    names = [name * 2 for name in story.authors] if layout.byline_style == "doubled" else list(story.authors)
    return lines + [" ".join(names), ""]


def header_order(count: int, rng: random.Random) -> list[int]:
    """Body positions in the order their titles appear in the header: never the body order."""
    order = list(range(count))
    while count > 1 and order == list(range(count)):
        rng.shuffle(order)
    return order


def expected_article(number: int, header_entry: int, story: Story) -> dict:
    paragraphs = [b for b in story.blocks if b.kind == "paragraph"]
    return {"number": number, "header_entry": header_entry, "title": story.title,
            "authors": list(story.authors), "author_note": story.note, "paragraphs": len(paragraphs),
            "headings": len(story.blocks) - len(paragraphs), "lead_ins": sum(1 for b in paragraphs if b.lead),
            "block_starts": [f"{'#' if b.kind == 'heading' else '¶'} {b.text[:START_CHARS]}" for b in story.blocks]}


def build_page(corpus: list[dict], page_number: int, article_count: int, seed: int,
               without: frozenset[str] = frozenset()) -> tuple[str, list[dict]]:
    """One page's text and its expected articles (in body order)."""
    rng = random.Random(f"{seed}:{page_number}")
    names_taken: set[str] = set()
    bases = rng.sample(corpus, article_count)
    stories = [varied_story(base, page_number, rng, names_taken) for base in bases]
    layouts = [without_artifacts(choose_layout(story, rng), without) for story in stories]
    order = header_order(article_count, rng)
    lines: list[str] = []
    for body_index in order:
        lines += header_lines(stories[body_index], layouts[body_index])
    for number, (story, layout) in enumerate(zip(stories, layouts), 1):
        lines += body_lines(story, layout, random.Random(f"{seed}:{page_number}:{number}"))
    expected = [expected_article(number, order.index(number - 1) + 1, story)
                for number, story in enumerate(stories, 1)]
    return "\n".join(lines) + "\n", expected


def generate(article_count: int, out_dir: Path, expected_dir: Path, seed: int,
             without: frozenset[str] = frozenset()) -> list[Path]:
    corpus = load_corpus()
    out_dir.mkdir(parents=True, exist_ok=True)
    expected_dir.mkdir(parents=True, exist_ok=True)
    pages = []
    for index in range(math.ceil(article_count / ARTICLES_PER_PAGE)):
        count = min(ARTICLES_PER_PAGE, article_count - index * ARTICLES_PER_PAGE)
        text, expected = build_page(corpus, index + 1, count, seed, without)
        name = f"{index + 1:04d}_{hashlib.sha256(text.encode()).hexdigest()[:16]}"
        (out_dir / f"{name}.txt").write_text(text, encoding="utf-8")
        record = {"page": f"{name}.txt", "articles": expected}
        (expected_dir / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
        pages.append(out_dir / f"{name}.txt")
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write N synthetic articles as raw newspaper pages (3 a page).")
    parser.add_argument("count", type=int, metavar="N", help="number of articles")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the page .txt files")
    parser.add_argument("--expected", type=Path, metavar="DIR", help="folder for the expected-structure JSON "
                                                                    "(default: DIR/../expected)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: %(default)s)")
    parser.add_argument("--without", default="", metavar="ARTIFACT,...",
                        help=f"turn artifacts off, to find which one breaks a parser: {', '.join(ARTIFACTS)}")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    without = frozenset(name for name in args.without.split(",") if name)
    if without - set(ARTIFACTS):
        parser.error(f"--without: unknown artifact {sorted(without - set(ARTIFACTS))[0]!r} "
                     f"(known: {', '.join(ARTIFACTS)})")
    expected_dir = args.expected or args.out.parent / "expected"
    pages = generate(args.count, args.out, expected_dir, args.seed, without)
    print(f"generate_pages: {args.count} articles on {len(pages)} pages in {args.out}, expected in {expected_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
