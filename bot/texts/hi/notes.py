"""hi: notes."""

TEXTS: dict[str, str] = {}
