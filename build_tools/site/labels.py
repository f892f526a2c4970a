"""Every piece of interface text the hooks write, per language (the theme translates its own)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "home.title": "中英双语文章",
        "home.intro": "报刊文章的中文原文与英文译文，按版面排列。",
        "home.page": "版面 {seed}",
        "home.page_no": "第{page}版",
        "read": "中英对照",
        "english": "English",
        "feed": "订阅（RSS）",
        "reader.title": "中英对照：{title}",
        "reader.zh": "中文原文",
        "reader.en": "English",
        "reader.none": "（尚无英文）",
        "status.reviewed": "译文已审校",
        "status.machine-draft": "机器翻译草稿",
        "status.manual-draft": "人工翻译草稿",
        "status.stale": "译文待更新",
        "status.untranslated": "尚无英文",
    },
    "en": {
        "home.title": "Bilingual Articles",
        "home.intro": "Chinese newspaper articles and their English translations, by printed page.",
        "home.page": "Page {seed}",
        "home.page_no": "page {page}",
        "read": "Side by side",
        "chinese": "中文原文",
        "feed": "Feed (RSS)",
        "status.reviewed": "Reviewed translation",
        "status.machine-draft": "Machine translation draft",
        "status.manual-draft": "Manual translation draft",
        "status.stale": "Translation out of date",
        "status.untranslated": "Not yet translated",
        "banner.reviewed": "An editor has reviewed every part of this translation.",
        "banner.draft": "Not yet reviewed by an editor: {reviewed} of {total} parts reviewed.",
        "banner.stale": "The Chinese original changed after this was translated: {stale} part(s) need updating, "
                        "{missing} part(s) have no English yet.",
        "banner.original": "Chinese original",
        "fallback": "This article has not been translated into English yet. Below is the Chinese original.",
        "segment.missing": "Not yet translated. The Chinese original:",
        "segment.stale": "The Chinese original of this paragraph changed after it was translated.",
    },
}


def label(lang: str, key: str, **values: object) -> str:
    return LABELS[lang][key].format(**values)
