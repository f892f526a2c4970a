"""The project's one settings file (`settings.yml` at the repository root), validated once at load.

`load_settings(path) -> Settings`. Every problem is reported as `settings.yml: key: expected X, got Y`;
there is no silent fallback to defaults for a value that is present but wrong. Keys of translation
services never live here: they come from the environment variables named in `ENGINE_KEY_VARIABLES`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .yaml_files import read_yaml_mapping

ENGINE_NAMES = ("google", "mymemory", "deepl", "microsoft", "libre", "manual")
ENGINE_KEY_VARIABLES = {
    "deepl": "DEEPL_API_KEY",
    "microsoft": "MICROSOFT_TRANSLATOR_KEY",
    "libre": "LIBRE_API_KEY",
}


@dataclass(frozen=True)
class TranslateSettings:
    engine: str = "google"
    base_url: str | None = None  # LibreTranslate server, e.g. http://translate.internal:5000/
    timeout_seconds: float = 20.0  # per request; deep-translator sets none
    retries: int = 3  # for 429, 5xx and timeouts, with exponential backoff
    backoff_seconds: float = 1.0
    concurrency: int = 2  # requests in flight at once
    deadline_seconds: float = 900.0  # the whole run gives up after this
    max_request_chars: dict[str, int] = field(default_factory=lambda: {
        "google": 4500, "mymemory": 450, "deepl": 4500, "microsoft": 4500, "libre": 4500,
    })


@dataclass(frozen=True)
class Settings:
    root: Path
    source_language: str = "zh"
    target_languages: tuple[str, ...] = ("en",)
    seeds_dir: str = "seeds"
    content_dir: str = "content"
    glossary_file: str = "glossary.yml"
    memory_dir: str = "translation_memory"
    translate: TranslateSettings = field(default_factory=TranslateSettings)

    def path(self, relative: str) -> Path:
        return self.root / relative


_TOP_LEVEL = {
    "source_language": str, "target_languages": list, "seeds_dir": str, "content_dir": str,
    "glossary_file": str, "memory_dir": str, "translate": dict,
}
_TRANSLATE = {
    "engine": str, "base_url": (str, type(None)), "timeout_seconds": (int, float), "retries": int,
    "backoff_seconds": (int, float), "concurrency": int, "deadline_seconds": (int, float),
    "max_request_chars": dict,
}


def _check_types(raw: dict[str, Any], schema: dict[str, Any], prefix: str, path: Path) -> None:
    for key, value in raw.items():
        if key not in schema:
            raise ConfigError(f"{path.name}: {prefix}{key}: unknown key (allowed: {', '.join(schema)})")
        expected = schema[key]
        if not isinstance(value, expected) or isinstance(value, bool):
            names = expected.__name__ if isinstance(expected, type) else " or ".join(t.__name__ for t in expected)
            raise ConfigError(f"{path.name}: {prefix}{key}: expected {names}, got {value!r}")


def _translate_settings(raw: dict[str, Any], path: Path) -> TranslateSettings:
    _check_types(raw, _TRANSLATE, "translate.", path)
    if raw.get("engine", "google") not in ENGINE_NAMES:
        raise ConfigError(f"{path.name}: translate.engine: expected one of {', '.join(ENGINE_NAMES)}, got {raw['engine']!r}")
    for key in ("timeout_seconds", "deadline_seconds", "concurrency"):
        if key in raw and raw[key] <= 0:
            raise ConfigError(f"{path.name}: translate.{key}: expected a positive number, got {raw[key]!r}")
    defaults = TranslateSettings()
    limits = dict(defaults.max_request_chars)
    for engine, limit in raw.get("max_request_chars", {}).items():
        if engine not in limits or not isinstance(limit, int) or limit < 100:
            raise ConfigError(f"{path.name}: translate.max_request_chars.{engine}: expected an engine name "
                              f"with a whole number >= 100, got {limit!r}")
        limits[engine] = limit
    values = {f.name: raw.get(f.name, getattr(defaults, f.name)) for f in fields(TranslateSettings)}
    values["max_request_chars"] = limits
    return TranslateSettings(**values)


def load_settings(path: Path) -> Settings:
    """Read and validate settings.yml; a missing file means all defaults."""
    root = path.parent
    if not path.exists():
        return Settings(root=root)
    raw = read_yaml_mapping(path, path.name, ConfigError, "settings")
    _check_types(raw, _TOP_LEVEL, "", path)
    values: dict[str, Any] = {k: v for k, v in raw.items() if k != "translate"}
    if "target_languages" in values:
        values["target_languages"] = tuple(values["target_languages"])
    return Settings(root=root, translate=_translate_settings(raw.get("translate", {}), path), **values)
