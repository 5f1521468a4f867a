"""te: notes."""

TEXTS: dict[str, str] = {}
