"""en: notes."""

TEXTS: dict[str, str] = {}
