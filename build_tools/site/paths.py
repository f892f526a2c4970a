"""Where each generated or article page lives in the built site, and relative links between them.

The site uses `use_directory_urls: false` (the file:// copy has no index lookup), so every page is a
`.html` file: Chinese at the root, English under `en/`, the side-by-side view under `read/`.
"""

from __future__ import annotations

import posixpath

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")
HTML_LANG = {"zh": "zh-Hans", "en": "en"}


def prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def article_path(lang: str, slug: str) -> str:
    return f"{prefix(lang)}{slug}.html"


def home_path(lang: str) -> str:
    return f"{prefix(lang)}index.html"


def reader_path(slug: str) -> str:
    return f"read/{slug}.html"


def feed_path(lang: str) -> str:
    return f"{prefix(lang)}feed.xml"


def link(from_path: str, to_path: str) -> str:
    """Relative URL from one built page to another (both given relative to the site root)."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
