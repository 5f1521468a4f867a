"""Typed words → commands, in every language we speak; a pure function with no I/O."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from tracker.text import ascii_digits
from tracker.words import LANGUAGES, words

ALIASES = words("commands")
LANGUAGE_WORDS = words("languages")
# Only words this long are guessed at, and only commands this long are guessed: "dont" is no
# typo of "done", nor "nope" of "note".
MIN_GUESS_LENGTH = 4
MIN_GUESSED_LENGTH = 5
LONG_WORD = 6  # from here, two edits away is still close enough to ask about
_TRAILING = "".join(chr(c) for c in range(0x10000) if unicodedata.category(chr(c))[0] == "P")


@dataclass(frozen=True, slots=True)
class Command:
    """`args` is the casefolded rest of the message; `args_first` when it came before the verb."""

    name: str
    args: str = ""
    args_first: bool = False


@dataclass(frozen=True, slots=True)
class Guess:
    """A command a near miss probably meant (`word` is the nearest of its words); `certain`
    when only one edit away from it."""

    command: Command
    word: str
    certain: bool


def normalize(text: str) -> str:
    """Casefolded, one space between words, native digits as 0-9, no punctuation at the end
    ("Attended." → "attended"), unless punctuation is all there is ("?")."""
    said = ascii_digits(unicodedata.normalize("NFC", text)).casefold().replace("\ufe0f", "")
    said = " ".join(said.replace("_", " ").split())
    return without_end_punctuation(said) or said


def without_end_punctuation(text: str) -> str:
    """ "yesterday." → "yesterday", "सारांश।" → "सारांश"."""
    return text.rstrip(_TRAILING + " ")


VERB_LAST = frozenset({"attended", "missed", "holiday"})
MAX_LEADING_WORDS = 2
_BY_WORDS = {normalize(word): name for name, words in ALIASES.items() for word in words}


def parse_command(text: str) -> Command | None:
    """Match the whole message first, then its first word with the rest as arguments."""
    words = normalize(text)
    if not words:
        return None
    if words in _BY_WORDS:
        return Command(_BY_WORDS[words])
    if words.startswith(("lang:", "language:")):
        return Command("language", words.partition(":")[2].strip())
    parts = words.split(" ")
    for size in (3, 2, 1):
        head, tail = " ".join(parts[:size]), " ".join(parts[-size:])
        if head in _BY_WORDS and head != words:
            return Command(_BY_WORDS[head], words[len(head) :].strip())
        # Hindi and Telugu put the verb last: "कल हुआ", "నిన్న జరిగింది" (a day, not a sentence)
        if (
            tail in _BY_WORDS
            and tail != words
            and _BY_WORDS[tail] in VERB_LAST
            and len(parts) - size <= MAX_LEADING_WORDS
        ):
            return Command(_BY_WORDS[tail], words[: -len(tail)].strip(), args_first=True)
    return None


def guess_command(text: str) -> Guess | None:
    """The one command whose word the first typed word nearly is ("staus" → status)."""
    words_typed = normalize(text).split(" ")
    first = words_typed[0]
    if len(first) < MIN_GUESS_LENGTH or first in _known_words():
        return None
    limit = 2 if len(first) >= LONG_WORD else 1
    found = extract(first, _guessable(), scorer=OSA.distance, score_cutoff=limit, limit=None)
    nearest: dict[str, tuple[int, str]] = {}
    for word, distance, _ in found:
        name = _BY_WORDS[word]
        nearest[name] = min((distance, word), nearest.get(name, (distance, word)))
    if not nearest:
        return None
    best = min(distance for distance, _ in nearest.values())
    names = [name for name, (distance, _) in nearest.items() if distance == best]
    if len(names) > 1:
        return None
    rest = " ".join(words_typed[1:])
    return Guess(Command(names[0], rest), nearest[names[0]][1], certain=best == 1)


@cache
def _guessable() -> tuple[str, ...]:
    return tuple(w for w in _BY_WORDS if " " not in w and len(w) >= MIN_GUESSED_LENGTH)


@cache
def _known_words() -> frozenset[str]:
    """Every single word the bot reads as something else (a mood, a yes, a number, thanks)."""
    return frozenset(
        normalize(word)
        for vocabulary in LANGUAGES.values()
        for kind, concepts in vocabulary.items()
        if kind != "commands"
        for said in concepts.values()
        for word in said
    )


def language_code(word: str) -> str | None:
    word = normalize(word)
    return next((code for code, words in LANGUAGE_WORDS.items() if word in words), None)
