"""en: privacy."""

TEXTS: dict[str, str] = {}
