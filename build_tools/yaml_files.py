"""Small YAML files an editor writes (settings, glossary, sidecars): `read_yaml_mapping`, safe loader only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import UserError


def read_yaml_mapping(path: Path, name: str, error: type[UserError], what: str) -> dict[str, Any]:
    """The file's top-level mapping ({} for an empty file). `name` is how messages call the file,
    `what` what the mapping should hold; problems raise `error` as one line."""
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as problem:
        raise error(f"{name}: not valid YAML ({getattr(problem, 'problem', problem)})") from None
    if not isinstance(raw, dict):
        raise error(f"{name}: expected a mapping of {what}, got {type(raw).__name__}")
    return raw
