"""Why a session was missed, sorted into a few categories by whole words in any of our languages."""

from __future__ import annotations

from tracker.words import find_phrase, tokens

CATEGORIES = ("health", "travel", "therapist", "school", "family", "transport", "other")
UNSPECIFIED = "unspecified"


def categorize(reason: str) -> str:
    """The category of a missed-session reason; the earliest matching phrase in it decides."""
    if not tokens(reason):
        return UNSPECIFIED
    return find_phrase("reasons", reason) or "other"
