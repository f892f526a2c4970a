"""The one settings file and the glossary: validated once, every problem one line naming the key."""

from __future__ import annotations

import pytest

from build_tools.errors import ConfigError
from build_tools.glossary import load_glossary
from build_tools.settings import load_settings


def test_missing_settings_file_means_defaults(tmp_path):
    settings = load_settings(tmp_path / "settings.yml")
    assert (settings.translate.engine, settings.content_dir, settings.root) == ("google", "content", tmp_path)


def test_shipped_settings_load():
    from pathlib import Path
    settings = load_settings(Path(__file__).resolve().parents[1] / "settings.yml")
    assert settings.translate.timeout_seconds == 20 and settings.target_languages == ("en",)


@pytest.mark.parametrize("text, message", [
    ("translate:\n  engine: babelfish\n",
     "settings.yml: translate.engine: expected one of google, mymemory, deepl, microsoft, libre, manual, got 'babelfish'"),
    ("translate:\n  timeout_seconds: fast\n", "settings.yml: translate.timeout_seconds: expected int or float, got 'fast'"),
    ("translate:\n  timeout_seconds: 0\n", "settings.yml: translate.timeout_seconds: expected a positive number, got 0"),
    ("content_folder: x\n", "settings.yml: content_folder: unknown key (allowed: source_language, target_languages, "
                            "seeds_dir, content_dir, glossary_file, memory_dir, translate)"),
    ("- a\n- b\n", "settings.yml: expected a mapping of settings, got list"),
    ("translate: [\n", "settings.yml: not valid YAML (expected a node, but found the end of the stream)"),
])
def test_bad_settings_name_the_key(tmp_path, text, message):
    path = tmp_path / "settings.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(message.split(" (expected a node")[0])


def test_glossary_longest_terms_first(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("生产力: productive forces\n新质生产力: new quality productive forces\n", encoding="utf-8")
    assert list(load_glossary(path)) == ["新质生产力", "生产力"]


@pytest.mark.parametrize("text, message", [
    ("银发经济: 42\n", "glossary.yml: 银发经济: expected the English as a non-empty string, got 42"),
    ("银发经济: ''\n", "glossary.yml: 银发经济: expected the English as a non-empty string, got ''"),
    ("- 银发经济\n", "glossary.yml: expected a mapping of Chinese term to English, got list"),
])
def test_bad_glossary_names_the_term(tmp_path, text, message):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=f"^{message}$".replace("(", r"\(").replace(")", r"\)")):
        load_glossary(path)


def test_a_term_inside_a_longer_one_is_not_required_on_its_own():
    from build_tools.glossary import required_terms
    glossary = {"新质生产力": "new quality productive forces", "生产力": "productive forces", "银发经济": "silver economy"}
    assert required_terms("发展新质生产力和生产力", glossary) == [
        ("新质生产力", "new quality productive forces"), ("生产力", "productive forces")]
    assert required_terms("发展新质生产力", glossary) == [("新质生产力", "new quality productive forces")]
