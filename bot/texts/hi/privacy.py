"""hi: privacy."""

TEXTS: dict[str, str] = {}
