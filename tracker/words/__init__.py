"""Every word the bot reads, one module per language (en, hi, te), merged here by kind.

Date words (month names, today, yesterday) live with the date reader in tracker.dates."""

from __future__ import annotations

import unicodedata
from functools import cache

from rapidfuzz.distance import OSA

from tracker.words import en, hi, te
from tracker.words.kinds import Kind, Vocabulary

LANGUAGES: dict[str, Vocabulary] = {"en": en.WORDS, "hi": hi.WORDS, "te": te.WORDS}

# Joiners and emoji presentation selectors sit inside words and emoji without changing them;
# skin tones change how an emoji looks, not what it says.
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\ufe0e\ufe0f"))
_INVISIBLE |= dict.fromkeys(range(0x1F3FB, 0x1F400))
# Shorter words are too easily one slip from another word ("ok" → "on").
MIN_NEAR_LENGTH = 4


@cache
def words(kind: Kind) -> dict[str, tuple[str, ...]]:
    """Each concept of `kind` with its words in every language (English first)."""
    merged: dict[str, tuple[str, ...]] = {}
    for vocabulary in LANGUAGES.values():
        for concept, said in vocabulary[kind].items():
            merged[concept] = merged.get(concept, ()) + said
    return merged


def tokens(text: str) -> tuple[str, ...]:
    """Words (letters with their combining marks, digits) and single symbols such as emoji,
    casefolded: "Didn't go 🤒" → ("didn", "t", "go", "🤒")."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_INVISIBLE)
    found: list[str] = []
    word = ""
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LMN":
            word += char
            continue
        if word:
            found.append(word)
            word = ""
        if category == "So":
            found.append(char)
    return (*found, word) if word else tuple(found)


@cache
def phrases(kind: Kind) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each word of `kind` as tokens with its concept, longest first."""
    found = {(tokens(word), concept) for concept, said in words(kind).items() for word in said}
    return tuple(sorted(found, key=lambda entry: (-len(entry[0]), entry)))


def find_phrase(kind: Kind, text: str) -> str | None:
    """The concept of the earliest (then longest) phrase of `kind` said in `text`."""
    said = tokens(text)
    for start in range(len(said)):
        for phrase, concept in phrases(kind):
            if phrase and said[start : start + len(phrase)] == phrase:
                return concept
    return None


def all_phrases(kind: Kind, text: str) -> set[str]:
    """Every concept of `kind` that some phrase in `text` says."""
    said = tokens(text)
    return {
        concept
        for start in range(len(said))
        for phrase, concept in phrases(kind)
        if phrase and said[start : start + len(phrase)] == phrase
    }


def whole_phrase(kind: Kind, text: str) -> str | None:
    """The concept when all of `text` is one word or phrase of `kind` ("Thanks!" → thanks)."""
    said = tokens(text)
    return next((concept for phrase, concept in phrases(kind) if phrase == said and said), None)


def near_phrase(kind: Kind, text: str) -> str | None:
    """The concept when all of `text` is one slip (a letter added, lost, changed or two
    swapped) from words of that concept only: "thnaks" → thanks."""
    said = " ".join(tokens(text))
    if len(said) < MIN_NEAR_LENGTH:
        return None
    near = {
        concept
        for phrase, concept in phrases(kind)
        if OSA.distance(said, " ".join(phrase), score_cutoff=1) <= 1
    }
    return near.pop() if len(near) == 1 else None
