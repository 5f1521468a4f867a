"""Every user-facing string, per language; handlers only name keys."""

from __future__ import annotations

from bot.texts import en, hi, te

LANGUAGES = ("en", "hi", "te")
CATALOGS: dict[str, dict[str, str]] = {"en": en.TEXTS, "hi": hi.TEXTS, "te": te.TEXTS}


def t(language: str, key: str, **values: object) -> str:
    """The text for `key` in `language` (English when a language lacks it), filled in."""
    catalog = CATALOGS.get(language, en.TEXTS)
    template = catalog.get(key) or en.TEXTS[key]
    return template.format(**values) if values else template
