"""te: settings."""

TEXTS: dict[str, str] = {}
