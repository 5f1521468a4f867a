"""te: privacy."""

TEXTS: dict[str, str] = {}
