"""Search for the served site: one Pagefind bundle per language, `<lang root>/pagefind/`.

`pagefind_command(lang_root, lang) -> argv` is pure; `write_pagefind_indexes(site_dir)` runs Pagefind's
extended build (PyPI `pagefind[extended]`, whose binary segments Chinese) once per language.

Why Pagefind: Material's lunr index holds every page's full text and is downloaded whole before the
first result (14 MB for the Chinese half of 1,000 articles). Pagefind splits its index into chunks
and each page's text into a fragment: a query fetches the runtime (~150 KB), the chunks holding its
words and one fragment per shown result. It cuts Chinese into short words at build time and cuts the
query the same way in the browser, so 老龄化 finds 人口老龄化 and 新质生产力 finds the glossary term.

Only pages marked `data-pagefind-body` are indexed: the article pages in their own language
(overrides/main.html, `search_body` in page.meta); home pages, side-by-side pages and Chinese pages
standing in for a missing English one are not. Each language is its own bundle, so an English page
searches English pages only. The file:// copy keeps Material's lunr search (search_index.py):
browsers do not load module workers and WebAssembly from file://.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import paths

BUNDLE = "pagefind"
PAGEFIND_LANGUAGE = {"zh": "zh", "en": "en"}
# Pagefind's ready-made interfaces, which this site does not use (Material's search box drives
# pagefind.js through overrides/assets/pagefind-worker.js); they would only add weight.
# What Material's search leaves out too. The paragraph marks (.seg-mark) sit in markdown="1" blocks,
# and their data-search-exclude does not survive into the built page.
EXCLUDE = "[data-search-exclude], .seg-mark"
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def pagefind_command(executable: Path, lang_root: Path, lang: str) -> list[str]:
    """Index the language's own folder only (`*.html` does not descend into en/ or read/)."""
    return [str(executable), "--site", str(lang_root), "--glob", "*.html", "--output-subdir", BUNDLE,
            "--force-language", PAGEFIND_LANGUAGE[lang], "--exclude-selectors", EXCLUDE]


def pagefind_executable() -> Path:
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise PluginError("search: pagefind_bin_extended is not installed (pip install 'pagefind[extended]==1.5.2')") from None
    return get_executable()


def write_pagefind_indexes(site_dir: Path) -> None:
    executable = pagefind_executable()
    for lang in paths.LANGUAGES:
        lang_root = site_dir / paths.prefix(lang)
        shutil.rmtree(lang_root / BUNDLE, ignore_errors=True)
        result = subprocess.run(pagefind_command(executable, lang_root, lang), capture_output=True, text=True, check=False)
        if result.returncode != 0:
            last = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()][-1:] or ["no output"]
            raise PluginError(f"search: pagefind failed on {lang_root} (exit {result.returncode}): {last[0]}")
        for name in UNUSED:
            (lang_root / BUNDLE / name).unlink(missing_ok=True)
