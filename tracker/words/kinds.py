"""The shape of one language's words: kind → concept → the words that mean it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Kind = Literal[
    "commands",  # a command's name → its words ("summary" → "सारांश")
    "counts",  # "after": a unit after a number ("2 सत्र"); "before": a word before one ("कुल 2")
    "numbers",  # a count as a digit string → its number words
    "moods",  # how a session went
    "reasons",  # why a session was missed, by category
    "answers",  # "yes" and "no" to a question
    "small_talk",  # "thanks" and "ok": acknowledgements that need only a friendly word back
    "sentences",  # phrases that say today's session was "attended" or "missed"
    "timezones",  # an IANA zone → the common names families call it by
    "languages",  # a language code → the language's names
    "themes",  # a calendar page theme (tracker.themes.THEMES) → its names
    "plan",  # what names a typed plan's number (tracker.plans): "sessions" ("16 सत्र"), "each"
    # ("₹800 प्रति सत्र"), "at" (the cost after it), "carried", "carry" (the carried number
    # after it), "used"; "currency" words are dropped ("₹", "रुपये")
]
Vocabulary = Mapping[Kind, Mapping[str, tuple[str, ...]]]
