"""Hindi and Telugu replies name commands by their own words where those words exist."""

import re

import pytest

from dialog.commands import normalize, parse_command
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


def _texts(entry: object) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, dict):
        return [text for text in entry.values() if isinstance(text, str)]
    return []


@pytest.mark.parametrize("language", ["hi", "te"])
def test_every_reply_names_a_command_by_its_own_word(language):
    """A starred command in any Hindi or Telugu reply is typed with that language's word
    ("*सेटअप*", not "*setup*"), whatever follows it ("*रिमाइंडर 7pm*")."""
    native = {name for name, said in LANGUAGES[language]["commands"].items() if said}
    english = {name: set(said) for name, said in LANGUAGES["en"]["commands"].items()}
    found = []
    for key, entry in CATALOGS[language].items():
        for text in _texts(entry):
            # help's last line shows that English words work too
            shown = text.rsplit("\n", 1)[0] if key == "help" else text
            for word in STARRED.findall(shown):
                command = parse_command(word)
                if command is None or command.name not in native:
                    continue
                said = normalize(word)
                head = said[: len(said) - len(command.args)].strip() if command.args else said
                if command.args_first:
                    head = said[len(command.args) :].strip()
                if head in english[command.name] or ENGLISH.fullmatch(head):
                    found.append(f"{key}: *{word}*")
    assert not found, f"{language} replies name English commands: {found}"
