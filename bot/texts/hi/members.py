"""hi: members."""

TEXTS: dict[str, str] = {}
