"""Every user-facing string, per language; handlers only name keys."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from importlib import import_module

from babel import Locale

from dialog.texts.merge import Entry, merge

LANGUAGES = ("en", "hi", "te")
LANGUAGE_NAMES = {"en": "English", "hi": "हिंदी", "te": "తెలుగు"}
# The CLDR locale whose plural rules, names and number formats each language uses.
LOCALES = {"en": "en_IN", "hi": "hi_IN", "te": "te_IN"}
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
    "words",
    "pdf",
    "jobs",
    "payments",
    "pro_extras",
    "caregiver",
    "web",
)
CATALOGS: dict[str, dict[str, Entry]] = {
    language: merge(*(import_module(f"dialog.texts.{language}.{feature}") for feature in FEATURES))
    for language in LANGUAGES
}


@cache
def locale(language: str) -> Locale:
    """The CLDR locale for one of our languages (English for any other)."""
    return Locale.parse(LOCALES.get(language, LOCALES["en"]))


@lru_cache(maxsize=4096)  # babel evaluates the CLDR rule afresh on every call
def plural_category(language: str, count: int) -> str:
    """CLDR's plural category of `count` in `language`: "one", "other", …"""
    return str(locale(language).plural_form(count))


def plural_categories(language: str) -> frozenset[str]:
    """The plural forms a catalog entry with a count must give in `language`."""
    return frozenset(locale(language).plural_form.tags) | {"other"}


def t(language: str, key: str, **values: object) -> str:
    """The text for `key` in `language` (English when a language lacks it), filled in.

    An entry given as plural forms ({"one": …, "other": …}) is chosen by `count`, following
    the language's CLDR plural rule (Hindi's "one" covers 0 and 1; English's only 1)."""
    catalog = CATALOGS.get(language, {})
    if not catalog.get(key):
        language, catalog = "en", CATALOGS["en"]
    entry = catalog[key]
    template = entry if isinstance(entry, str) else _form(language, key, entry, values)
    return template.format(**values) if values else template


def _form(language: str, key: str, forms: Mapping[str, str], values: dict[str, object]) -> str:
    count = values.get("count")
    if not isinstance(count, int):
        msg = f"{key} has plural forms, so it needs an integer count (got {count!r})"
        raise TypeError(msg)
    return forms.get(plural_category(language, count)) or forms["other"]
