"""en: members."""

TEXTS: dict[str, str] = {}
