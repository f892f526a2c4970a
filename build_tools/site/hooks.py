"""MkDocs hooks (mkdocs.yml `hooks:`): thin adapters from MkDocs events to build_tools.site.

static-i18n builds the site once per language (Chinese first, then English inside its own
on_post_build); these hooks run in every one of those builds. Events marked priority -200 run after
static-i18n's (-100), i.e. on files and navigation it has already made language-specific, and, for
on_post_build, after it has written the combined search index.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads this file by path; make the repository importable without an installed package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from build_tools.site import generated  # noqa: E402

_build = generated.BuildState()


def on_config(config):
    _build.reset(Path(config.config_file_path).parent, Path(config.docs_dir))
    return config


@event_priority(-200)
def on_files(files: Files, config) -> Files:
    lang = generated.current_language(config)
    for file in _build.generated_files(lang):
        virtual = File.generated(config, file.src_uri, content=file.markdown)
        generated.mark_i18n(virtual, lang, file.alternates)
        files.append(virtual)
    return files


@event_priority(-200)
def on_nav(nav, config, files):
    return generated.home_only(nav)


def on_page_markdown(markdown: str, page, config, files) -> str:
    return _build.page_markdown(page, generated.current_language(config)) or markdown


@event_priority(-200)
def on_post_build(config) -> None:
    if not generated.i18n_busy(config):
        _build.finish(Path(config.site_dir), config.site_url or "")
