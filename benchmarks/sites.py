"""The two site builds of the benchmark, on the same generated Markdown:

- ours: the repository's mkdocs.yml (Material + static-i18n + our hooks) pointed at the work
  folder's content, built by `python -m build_tools.site.build`;
- baseline: a plain `mkdocs build` with Material, its search plugin and a flat navigation listing
  every article of both languages; no i18n plugin, no hooks.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Callable

import yaml

from measure import Measurement, not_available, site_metrics

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
SITE_STAGE = "site build (ours)"
BASELINE_STAGE = "baseline: mkdocs, flat nav"


def article_slugs(content: Path) -> set[str]:
    return {path.stem for lang in ("zh", "en") for path in (content / lang).glob("*.md")}


def our_config(work: Path) -> Path:
    """mkdocs.yml of the repository with its repository-relative paths made absolute. Text edits,
    because the file uses !ENV and python tags that a safe YAML round trip would lose."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\s*-\s*)(build_tools/\S+\.py)\s*$", lambda m: m[1] + str(ROOT / m[2]), text)
    text = re.sub(r"(?m)^(\s*custom_dir:\s*)(\S+)", lambda m: m[1] + str(ROOT / m[2]), text)
    config = work / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    for extra in (ROOT / "content").iterdir():  # assets the site keeps beside the articles
        if extra.name not in ("zh", "en"):
            target = work / "content" / extra.name
            (shutil.copytree if extra.is_dir() else shutil.copy2)(extra, target)
    return config


def site_stage(context, result, measured: Callable[..., Measurement]) -> None:  # type: ignore[no-untyped-def]
    if not (ROOT / "build_tools" / "site" / "build.py").exists() or not (ROOT / "mkdocs.yml").exists():
        result.stages.append(not_available(SITE_STAGE, "stage not built"))
        return
    if not (context.work / "content" / "zh").is_dir():
        result.stages.append(not_available(SITE_STAGE, "no ingested content"))
        return
    our_config(context.work)
    measurement = measured(context, SITE_STAGE, [
        PYTHON, "-m", "build_tools.site.build", "-f", str(context.work / "mkdocs.yml"),
        "--site-dir", str(context.work / "site"), "--file-dir", str(context.work / "site-file")])
    result.stages.append(measurement)
    if measurement.status == "ok":
        result.site = site_metrics(context.work / "site", article_slugs(context.work / "content"))


def baseline_config(work: Path) -> Path:
    """Copies of content/zh and content/en as docs, and a flat nav with every article."""
    docs = work / "baseline" / "docs"
    nav = []
    for lang in ("zh", "en"):
        source = work / "content" / lang
        if not source.is_dir():
            continue
        shutil.copytree(source, docs / lang)
        nav += [{path.stem: f"{lang}/{path.name}"} for path in sorted(source.glob("*.md"))]
    config = {
        "site_name": "Baseline", "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": ["search"], "nav": nav,
    }
    path = work / "baseline" / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def baseline_stage(context, result, measured: Callable[..., Measurement]) -> None:  # type: ignore[no-untyped-def]
    if not (context.work / "content" / "zh").is_dir():
        result.stages.append(not_available(BASELINE_STAGE, "no ingested content"))
        return
    config = baseline_config(context.work)
    measurement = measured(context, BASELINE_STAGE, [PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config)])
    result.stages.append(measurement)
    if measurement.status == "ok":
        result.baseline = site_metrics(config.parent / "site", article_slugs(context.work / "content"))
