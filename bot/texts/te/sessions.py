"""te: sessions."""

TEXTS: dict[str, str] = {}
