"""te: members."""

TEXTS: dict[str, str] = {}
