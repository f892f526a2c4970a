"""Ingest: raw seed pages -> `content/zh/<slug>.md`, one file per article.

`run_ingest` is the edge: it reads seeds and sidecars, keeps each article's slug stable across runs,
and writes only when every seed parsed (all or nothing, each file replaced atomically). The parsing
itself is pure: see page.parse_page.
"""

from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..markdown_io import dump_article, read_article, write_files_atomic
from ..model import Article
from ..settings import Settings
from .assemble import to_article
from .page import parse_page
from .seed_file import read_seed_text
from .sidecar import Sidecar, apply_corrections, fixed_headers, load_sidecar, sidecar_path
from .slugs import slug_from_title, unique_slug

PARSER_VERSION = "3"  # bump when parsing changes, so unchanged seeds are parsed again


@dataclass
class _Existing:
    path: Path
    article: Article


def run_ingest(settings: Settings, seeds: list[Path], out: Path | None, encoding: str, *, force: bool = False) -> int:
    started = time.perf_counter()
    seeds = seeds or sorted(settings.path(settings.seeds_dir).glob("*.txt"))
    if not seeds:
        raise InputError(f"{settings.seeds_dir}/: no seed files (*.txt) to ingest")
    zh_dir = (out or settings.path(settings.content_dir)) / "zh"
    existing = _existing_articles(zh_dir)
    outputs: dict[Path, str] = {}
    removals: list[Path] = []
    errors: list[str] = []
    unchanged = 0
    for seed in seeds:
        try:
            articles = _plan_seed(seed, encoding, existing, outputs, force)
        except InputError as error:
            errors.append(str(error))
            continue
        if articles is None:
            unchanged += 1
            continue
        for article in articles:
            outputs[zh_dir / f"{article.slug}.md"] = dump_article(article)
            old = existing.get(article.article_id)
            if old and old.path.name != f"{article.slug}.md":
                removals.append(old.path)
    if errors:
        for message in errors:
            print(f"error: {message}", file=sys.stderr)
        print(f"ingest: nothing written ({len(errors)} of {len(seeds)} seeds failed)", file=sys.stderr)
        return 2
    changed = write_files_atomic(outputs)
    for path in removals:
        path.unlink(missing_ok=True)
    print(f"ingest: {len(seeds)} seeds ({unchanged} unchanged), {len(outputs)} articles, "
          f"{len(changed)} files written to {zh_dir} in {time.perf_counter() - started:.2f} s")
    return 0


def _existing_articles(zh_dir: Path) -> dict[str, _Existing]:
    """article_id -> current file; unreadable files are skipped (ingest regenerates zh anyway)."""
    found = {}
    for path in sorted(zh_dir.glob("*.md")):
        try:
            article = read_article(path)
        except InputError:
            continue
        found[article.article_id] = _Existing(path, article)
    return found


def seed_digest(seed_bytes: bytes, sidecar: Sidecar) -> str:
    digest = hashlib.sha256(seed_bytes + b"\0" + sidecar.raw_text.encode() + b"\0" + PARSER_VERSION.encode())
    return digest.hexdigest()[:16]


def _plan_seed(seed: Path, encoding: str, existing: dict[str, _Existing], outputs: dict[Path, str],
               force: bool) -> list[Article] | None:
    """The articles of one seed, or None when its digest says nothing changed since the last run."""
    text = read_seed_text(seed, encoding)
    sidecar = load_sidecar(sidecar_path(seed))
    digest = seed_digest(seed.read_bytes(), sidecar)
    previous = [e for e in existing.values() if e.article.source and e.article.source.seed == seed.name]
    if not force and previous and all(e.article.source.digest == digest for e in previous):  # type: ignore[union-attr]
        return None
    requested = {n - 1: c.header - 1 for n, c in sidecar.articles.items() if c.header is not None}
    parsed = parse_page(text, str(seed), requested)
    fixed_headers(sidecar, len(parsed), sidecar_path(seed))
    taken = {e.article.slug for e in existing.values() if e.article.source is None
             or e.article.source.seed != seed.name} | {path.stem for path in outputs}
    articles = []
    for item in parsed:
        correction = sidecar.articles.get(item.number)
        if correction:
            item = apply_corrections(item, correction, sidecar_path(seed))
        article_id = f"{seed.stem}-{item.number}"
        slug = _slug_for(article_id, item.title, correction.slug if correction else None, existing, taken)
        taken.add(slug)
        articles.append(to_article(item, article_id=article_id, slug=slug, seed_name=seed.name,
                                   facts=sidecar.facts, digest=digest))
    return articles


def _slug_for(article_id: str, title: str, requested: str | None, existing: dict[str, _Existing],
              taken: set[str]) -> str:
    """An editor's slug wins; else the slug the article already has (even if its title was
    corrected since); else a new one from the title."""
    if requested:
        if requested in taken:
            raise InputError(f"slug '{requested}' requested for {article_id} is already used by another article")
        return requested
    if article_id in existing:
        return existing[article_id].article.slug
    return unique_slug(slug_from_title(title), taken)
