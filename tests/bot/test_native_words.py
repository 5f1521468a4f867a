"""Hindi and Telugu replies name commands by their own words where those words exist."""

import re

import pytest

from dialog.commands import parse_command
from dialog.texts import CATALOGS
from tracker.words import LANGUAGES

STARRED = re.compile(r"\*([^*\n]+)\*")
ENGLISH = re.compile(r"[a-z ]+", re.IGNORECASE)
# Replies where a Hindi or Telugu reader is told which words to type.
KEYS = (
    "help",
    "welcome",
    "fallback",
    "flow.gave_up",
    "choice.invalid",
    "media.image",
    "media.sticker",
    "media.location",
    "media.other",
    "guess.declined",
)


@pytest.mark.parametrize("language", ["hi", "te"])
def test_help_and_hints_use_the_native_command_words(language):
    native = {name for name, said in LANGUAGES[language]["commands"].items() if said}
    for key in KEYS:
        text = CATALOGS[language][key]
        assert isinstance(text, str)
        if key == "help":  # its last line shows that English words work too
            text = text.rsplit("\n", 1)[0]
        for word in STARRED.findall(text):
            command = parse_command(word)
            english = ENGLISH.fullmatch(word) is not None
            assert not (english and command and command.name in native), (
                f"{language} {key}: *{word}* has a {language} word"
            )
