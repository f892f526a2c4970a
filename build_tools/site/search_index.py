"""Search from file://: one lunr index per language, with Chinese sub-words, for Material's own search.

`language_indexes(combined) -> {lang: index}`; `write_language_indexes(site_dir)` is the file edge.

Served over http, the site searches with Pagefind instead (pagefind_index.py): Material still fetches
search/search_index.json when a page loads, so that file is a stub (the config, no documents) and the
full index is only in search_index.js, which Material loads with a <script> tag from file://, where
browsers block what Pagefind needs (module workers, WebAssembly fetches).

Material's search plugin cuts Chinese with `jieba.cut` (precise mode) and joins the words with
U+200B, so a query is found only when it is a whole word or a word's prefix: 老龄化 was not found in
人口老龄化. We keep that text for display and add, per section, the shorter words that
`jieba.cut_for_search` finds inside each long word (人口, 老龄, 老龄化) to the `tags` field, which
Material indexes (boosted like text in mkdocs.yml) but the theme never shows (overrides/assets/site.css
hides result tags). The glossary's terms are added to jieba's dictionary (hooks.on_config) so that
新质生产力 stays one word and its parts (生产力) become sub-words.

static-i18n writes one index for all languages; a reader would download both and see hits in both.
We split it: search/search_index.js for Chinese pages, en/search/search_index.js for English ones
(the English pages point Material's search at en/, see overrides/main.html).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Iterable

from ..markdown_io import write_text_atomic
from . import paths

HAN_WORD = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{3,}$")
TOKEN_SPLIT = re.compile(r"[\s\u200b]+|&[lg]t;|<[^>]*>|[^\w\u200b]+")
SubwordCutter = Callable[[str], Iterable[str]]
# lunr's language plugins only add pipeline steps. With "zh" (static-i18n adds it) the worker stems
# English query words but not the indexed ones, so "economy" found nothing; lunr's English setup with
# the pipeline of mkdocs.yml (stop words only, no stemmer, no trimmer that would cut Chinese) treats
# both sides alike, and the separator there cuts at jieba's U+200B.
LUNR_LANGUAGES = ["en"]


def subwords(segmented: str, cut_for_search: SubwordCutter) -> list[str]:
    """Words found inside the long Chinese words of a segmented text, in order of first appearance."""
    found: dict[str, None] = {}
    for token in TOKEN_SPLIT.split(segmented):
        if not HAN_WORD.match(token):
            continue
        for word in cut_for_search(token):
            if word != token and len(word) >= 2:
                found.setdefault(word, None)
    return list(found)


def with_subwords(doc: dict[str, Any], cut_for_search: SubwordCutter) -> dict[str, Any]:
    words = subwords(doc.get("title", "") + "\u200b" + doc.get("text", ""), cut_for_search)
    if not words:
        return doc
    return {**doc, "tags": [*doc.get("tags", []), "\u200b".join(words)]}


def _language_of(location: str) -> str:
    for lang in paths.LANGUAGES:
        if lang != paths.DEFAULT_LANGUAGE and location.startswith(paths.prefix(lang)):
            return lang
    return paths.DEFAULT_LANGUAGE


def language_indexes(combined: dict[str, Any], cut_for_search: SubwordCutter) -> dict[str, dict[str, Any]]:
    """Material's combined index -> one index per language, locations relative to that language's root."""
    docs: dict[str, list[dict[str, Any]]] = {lang: [] for lang in paths.LANGUAGES}
    for doc in combined["docs"]:
        lang = _language_of(doc["location"])
        location = doc["location"][len(paths.prefix(lang)):]
        docs[lang].append(with_subwords({**doc, "location": location}, cut_for_search))
    return {lang: {"config": {**combined["config"], "lang": LUNR_LANGUAGES}, "docs": docs[lang]} for lang in paths.LANGUAGES}


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def index_files(indexes: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Site-relative path -> text of each index file: the full index as .js for file://, a stub .json
    for http (Material fetches it on every page load; Pagefind answers the queries there)."""
    files = {}
    for lang, index in indexes.items():
        files[f"{paths.prefix(lang)}search/search_index.json"] = _json({"config": index["config"], "docs": []})
        files[f"{paths.prefix(lang)}search/search_index.js"] = f"var __index = {_json(index)}"
    return files


def write_language_indexes(site_dir: Path) -> dict[str, int]:
    """Rewrite the combined index in place as per-language indexes; returns bytes per written file."""
    import functools

    import jieba  # imported here: loading its dictionary takes about half a second

    cut_for_search = functools.lru_cache(maxsize=None)(lambda word: tuple(jieba.cut_for_search(word)))

    combined_path = site_dir / "search" / "search_index.json"
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    sizes = {}
    for relative, data in index_files(language_indexes(combined, cut_for_search)).items():
        write_text_atomic(site_dir / relative, data)
        sizes[relative] = len(data.encode("utf-8"))
    return sizes
