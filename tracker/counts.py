"""How many sessions one log covers: read from a phrase, then bounded."""

from __future__ import annotations

import re

from tracker.errors import InvalidCount

MIN_SESSIONS_PER_DAY = 1
MAX_SESSIONS_PER_DAY = 5

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBER = r"(?P<count>\d+|(?:" + "|".join(_NUMBER_WORDS) + r")\b)"
# A number glued to "/" or "-" is part of a date ("attended 12/02"), not a count.
_END = r"(?![\d/.:-])"
_PHRASES = tuple(
    re.compile(phrase)
    for phrase in (
        rf"(?<![\w/.:-]){_NUMBER}{_END}\s*x?\s*(?:sessions?|classes?|done|times?)\b",
        rf"\b(?:attended|done|completed|did|had)\s+{_NUMBER}{_END}",
        rf"^{_NUMBER}$",
    )
)


def parse_count(text: str) -> int | None:
    """The session count in phrases like "attended 2", "2 sessions today" or "2 done"."""
    words = " ".join(text.casefold().split())
    for phrase in _PHRASES:
        match = phrase.search(words)
        if match:
            count = match["count"]
            return _NUMBER_WORDS.get(count) or int(count)
    return None


def check_count(count: int) -> None:
    """Refuse a count outside what one day can hold (1 to 5 sessions)."""
    if count < MIN_SESSIONS_PER_DAY:
        raise InvalidCount("too_few", low=MIN_SESSIONS_PER_DAY, high=MAX_SESSIONS_PER_DAY)
    if count > MAX_SESSIONS_PER_DAY:
        raise InvalidCount("too_many", low=MIN_SESSIONS_PER_DAY, high=MAX_SESSIONS_PER_DAY)
