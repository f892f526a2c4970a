"""Command line: `python -m build_tools COMMAND`. Parses arguments, then calls one function per command.

A UserError (bad input, settings, engine failure) prints one line and exits 2 (1 for findings);
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import UserError
from .settings import ENGINE_NAMES, load_settings

EPILOG = "Run 'python -m build_tools COMMAND --help' for a command's options. Settings: settings.yml."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m build_tools", description="Bilingual publishing toolchain: ingest, translate, check, review.",
        epilog=EPILOG,
    )
    parser.add_argument("--settings", type=Path, default=Path("settings.yml"), help="settings file (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="turn raw seed pages into content/zh/<slug>.md",
                                 description="Parse raw PDF-extracted newspaper pages into one Chinese Markdown "
                                             "file per article. Nothing is written unless every seed parses.")
    ingest.add_argument("seeds", nargs="*", type=Path, metavar="SEED", help="seed text files (default: seeds/*.txt)")
    ingest.add_argument("--out", type=Path, metavar="CONTENT_DIR", help="content folder (default: content/)")
    ingest.add_argument("--encoding", default="utf-8", help="encoding of the seed files, e.g. gb18030 (default: utf-8)")
    ingest.add_argument("--force", action="store_true", help="re-parse even seeds whose hash has not changed")

    translate = commands.add_parser("translate", help="draft content/en/<slug>.md by machine translation",
                                    description="Translate new or changed Chinese segments; never overwrite an "
                                                "editor's English (it is marked stale, with the new suggestion beside it).")
    translate.add_argument("slugs", nargs="*", metavar="SLUG", help="articles to translate (default: all)")
    translate.add_argument("--engine", choices=ENGINE_NAMES, help="translation engine (default: settings.yml)")
    translate.add_argument("--base-url", help="LibreTranslate server URL, for --engine libre")
    translate.add_argument("--offline", action="store_true", help="use only the translation memory; never touch the network")

    check = commands.add_parser("check", help="validate every content file; print path:line: message",
                                description="Front matter, zh/en pairing, structure alignment, statuses, glossary, "
                                            "leftover Chinese. Errors exit 1; warnings too with --strict.")
    check.add_argument("--strict", action="store_true", help="treat warnings (stale, unreviewed) as errors")

    status = commands.add_parser("status", help="table of articles with draft / reviewed / stale / missing counts")
    status.add_argument("slugs", nargs="*", metavar="SLUG", help="only these articles (default: all)")
    status.add_argument("--segments", action="store_true", help="list each English segment, numbered for 'approve --segment N'")

    review = commands.add_parser("review", help="side-by-side Markdown report of segments changed since a git ref")
    review.add_argument("--base", default="origin/main", help="git ref to compare with (default: %(default)s)")
    review.add_argument("--output", type=Path, help="write the report here instead of standard output")

    approve = commands.add_parser("approve", help="mark an article's (or some segments') English as reviewed")
    approve.add_argument("slug", metavar="SLUG")
    approve.add_argument("--segment", type=int, action="append", metavar="N",
                         help="only segment N (as numbered by 'status --segments'); repeatable")
    return parser


def _run(args: argparse.Namespace) -> int:
    settings = load_settings(args.settings)
    if args.command == "ingest":
        from .ingest import run_ingest
        return run_ingest(settings, args.seeds, args.out, args.encoding, force=args.force)
    if args.command == "translate":
        from .translate import run_translate
        return run_translate(settings, args.slugs, engine=args.engine, base_url=args.base_url, offline=args.offline)
    if args.command == "check":
        from .review.checks import run_check
        return run_check(settings, strict=args.strict)
    if args.command == "status":
        from .review.status import run_status
        return run_status(settings, args.slugs, segments=args.segments)
    if args.command == "review":
        from .review.report import run_review
        return run_review(settings, base=args.base, output=args.output)
    if args.command == "approve":
        from .review.approve import run_approve
        return run_approve(settings, args.slug, segments=args.segment)
    raise AssertionError(args.command)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
