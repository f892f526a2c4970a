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
