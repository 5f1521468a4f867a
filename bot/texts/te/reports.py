"""te: reports."""

TEXTS: dict[str, str] = {}
