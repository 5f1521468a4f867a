"""en: settings."""

TEXTS: dict[str, str] = {}
