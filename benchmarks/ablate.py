"""Which artifact breaks ingest? `python benchmarks/ablate.py [N] [--seed S]`.

Generates the same N articles once with every artifact, then once with each artifact turned off
(generate_pages --without), parses every page with ingest's parser in this process (no files are
written) and prints how many articles come out exactly right (title, authors, author note,
paragraph and heading counts). An artifact whose removal raises the count is one that breaks the
parser; `generate_pages.py N --out DIR --without ...` writes those pages for a closer look.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from generate_pages import ARTICLES_PER_PAGE, ARTIFACTS, build_page, load_corpus  # noqa: E402
from recovery import FIELDS  # noqa: E402

from build_tools.errors import InputError  # noqa: E402
from build_tools.ingest.page import ParsedArticle, parse_page  # noqa: E402


def observed(article: ParsedArticle) -> dict:
    paragraphs = sum(1 for block in article.blocks if block.kind == "paragraph")
    return {"title": article.title, "authors": list(article.authors), "author_note": article.author_note,
            "paragraphs": paragraphs, "headings": len(article.blocks) - paragraphs}


def exact_articles(count: int, seed: int, without: frozenset[str]) -> tuple[int, int]:
    """(articles parsed exactly right, pages the parser rejected) for one variant."""
    corpus, right, rejected = load_corpus(), 0, 0
    for page in range(1, -(-count // ARTICLES_PER_PAGE) + 1):
        on_page = min(ARTICLES_PER_PAGE, count - (page - 1) * ARTICLES_PER_PAGE)
        text, expected = build_page(corpus, page, on_page, seed, without)
        try:
            parsed = parse_page(text, f"page-{page}.txt")
        except InputError:
            rejected += 1
            continue
        for want, got in zip(expected, parsed):
            right += all(observed(got)[name] == want[name] for name in FIELDS)
    return right, rejected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Recovery rate of ingest with each artifact turned off.")
    parser.add_argument("count", type=int, nargs="?", default=300, metavar="N", help="articles (default: 300)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print("| artifacts | exactly right | pages rejected |\n|---|---|---|")
    variants = [("all", frozenset())] + [(f"all but {name}", frozenset([name])) for name in ARTIFACTS]
    variants.append(("none of these", frozenset(ARTIFACTS)))
    for label, without in variants:
        right, rejected = exact_articles(args.count, args.seed, without)
        print(f"| {label} | {right}/{args.count} ({100 * right / args.count:.0f}%) | {rejected} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
