"""Bilingual publishing toolchain: seed page -> Chinese Markdown -> English drafts -> static site.

Stages, one subpackage each:
    ingest/     raw PDF-extracted page text  -> list[Article] (Chinese)
    translate/  Chinese Article + old English -> English Article (engines, memory, glossary)
    review/     content files -> findings, status tables, PR reports
    site/       MkDocs hooks that render both languages
Shared: model (Article, Block), markdown_io (front matter in/out), segments (hashing, alignment),
settings (the one settings file).
"""

__version__ = "0.1.0"
