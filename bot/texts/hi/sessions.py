"""hi: sessions."""

TEXTS: dict[str, str] = {}
