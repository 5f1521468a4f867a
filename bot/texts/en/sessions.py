"""en: sessions."""

TEXTS: dict[str, str] = {}
