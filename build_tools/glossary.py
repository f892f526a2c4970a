"""The glossary (`glossary.yml`): Chinese term -> the English every translation must use.

`load_glossary(path) -> dict[str, str]`, validated once; longest terms first so that a term that
contains another (新质生产力 vs 生产力) is matched before it.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ConfigError
from .yaml_files import read_yaml_mapping


def load_glossary(path: Path) -> dict[str, str]:
    """Read and validate the glossary; a missing file is an empty glossary."""
    if not path.exists():
        return {}
    raw = read_yaml_mapping(path, path.name, ConfigError, "Chinese term to English")
    for term, english in raw.items():
        if not isinstance(term, str) or not term.strip():
            raise ConfigError(f"{path.name}: {term!r}: expected a Chinese term (a non-empty string)")
        if not isinstance(english, str) or not english.strip():
            raise ConfigError(f"{path.name}: {term}: expected the English as a non-empty string, got {english!r}")
    return dict(sorted(raw.items(), key=lambda item: (-len(item[0]), item[0])))


def required_terms(chinese: str, glossary: dict[str, str]) -> list[tuple[str, str]]:
    """(term, required English) for the glossary terms in a Chinese text, longest first; a term
    inside a longer one found there (生产力 in 新质生产力) is not required on its own. What
    `translate` checks its drafts against and `check` reports on."""
    found = []
    for term, english in glossary.items():
        if term in chinese:
            found.append((term, english))
            chinese = chinese.replace(term, "\0")
    return found
