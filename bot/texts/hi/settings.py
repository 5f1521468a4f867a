"""hi: settings."""

TEXTS: dict[str, str] = {}
