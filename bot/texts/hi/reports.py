"""hi: reports."""

TEXTS: dict[str, str] = {}
