"""Reading what a family types around a log: the day, the count, the reason, the mood."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from dialog.commands import Command, without_end_punctuation
from tracker.dates import parse_day
from tracker.errors import InvalidDate
from tracker.kinds import MOODS, Mood
from tracker.text import ascii_digits
from tracker.words import words as vocabulary

MAX_DAY_WORDS = 3  # "day before yesterday", "12 feb 2026"
_COMMAND_TOKEN = re.compile(r"[^\s_]+")  # how dialog.commands.normalize splits words
_WORD = re.compile(r"\S+")

# Typed answers to the mood question, in every language we speak (tracker.words).
MOOD_WORDS: dict[str, tuple[str, ...]] = vocabulary("moods")


@dataclass(frozen=True, slots=True)
class FoundDay:
    day: date | None
    rest: str  # the words around the day, as typed


def command_tail(text: str, command: Command) -> str:
    """The part of the original message that a command's casefolded `args` were read from."""
    if not command.args:
        return ""
    tokens = list(_COMMAND_TOKEN.finditer(text))
    count = len(command.args.split())
    if command.args_first:
        return text[: tokens[count - 1].end()] if count <= len(tokens) else ""
    first = len(tokens) - count
    return (
        without_end_punctuation(text[tokens[first].start() :]) if 0 <= first < len(tokens) else ""
    )


def find_day(text: str, today: date, *, leading_only: bool = False) -> FoundDay:
    """The first run of 1-3 words that reads as a day; an impossible date is refused."""
    text = ascii_digits(text)
    words = list(_WORD.finditer(text))
    starts = range(min(1, len(words))) if leading_only else range(len(words))
    for start in starts:
        for size in range(min(MAX_DAY_WORDS, len(words) - start), 0, -1):
            first, last = words[start].start(), words[start + size - 1].end()
            day = _read_day(text[first:last], today)
            if day is not None:
                rest = f"{text[:first].rstrip()} {text[last:].lstrip()}".strip()
                return FoundDay(day, rest)
    return FoundDay(None, text.strip())


def _read_day(words: str, today: date) -> date | None:
    try:
        return parse_day(words, today)
    except InvalidDate as e:
        if e.code == "impossible":
            raise
        return None


def mood_word(text: str) -> Mood | None:
    """The mood a typed answer names, if it names one."""
    said = " ".join(unicodedata.normalize("NFC", text).casefold().strip(" .!").split())
    return next((mood for mood in MOODS if said in MOOD_WORDS[mood]), None)
