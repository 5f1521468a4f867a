"""Every user-facing string, per language; handlers only name keys."""

from __future__ import annotations

from importlib import import_module

from dialog.texts.merge import merge

LANGUAGES = ("en", "hi", "te")
LANGUAGE_NAMES = {"en": "English", "hi": "हिंदी", "te": "తెలుగు"}
# One module per feature in every language folder; a key may be defined in only one of them.
FEATURES = (
    "core",
    "setup",
    "sessions",
    "holidays",
    "reports",
    "members",
    "notes",
    "privacy",
    "settings",
)
CATALOGS: dict[str, dict[str, str]] = {
    language: merge(*(import_module(f"dialog.texts.{language}.{feature}") for feature in FEATURES))
    for language in LANGUAGES
}


def t(language: str, key: str, **values: object) -> str:
    """The text for `key` in `language` (English when a language lacks it), filled in."""
    english = CATALOGS["en"]
    template = CATALOGS.get(language, english).get(key) or english[key]
    return template.format(**values) if values else template
