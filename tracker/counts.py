"""How many sessions one log covers: read from a phrase, then bounded."""

from __future__ import annotations

import re

from tracker.errors import InvalidCount
from tracker.text import ascii_digits
from tracker.words import words

MIN_SESSIONS_PER_DAY = 1
MAX_SESSIONS_PER_DAY = 5

_NUMBER_WORDS = {word: int(n) for n, said in words("numbers").items() for word in said}


def _any(said: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(said, key=len, reverse=True))


# A word ends where no letter or combining mark follows (\b misreads Indic vowel signs).
_WORD_END = r"(?![^\W\d_]|[\u0900-\u097f\u0c00-\u0c7f])"
_NUMBER = rf"(?P<count>\d+|(?:{_any(list(_NUMBER_WORDS))}){_WORD_END})"
# A number glued to "/" or "-" is part of a date ("attended 12/02"), not a count.
_END = r"(?![\d/.:-])"
_PHRASES = tuple(
    re.compile(phrase)
    for phrase in (
        rf"(?<![\w/.:-]){_NUMBER}{_END}\s*x?\s*(?:{_any(words('counts')['after'])}){_WORD_END}",
        rf"(?<!\w)(?:{_any(words('counts')['before'])})\s+{_NUMBER}{_END}",
        rf"^{_NUMBER}$",
    )
)


def parse_count(text: str) -> int | None:
    """The session count in phrases like "attended 2", "2 sessions today", "2 सत्र" or "౨"."""
    said = " ".join(ascii_digits(text).casefold().split())
    for phrase in _PHRASES:
        match = phrase.search(said)
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
