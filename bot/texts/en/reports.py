"""en: reports."""

TEXTS: dict[str, str] = {}
