"""Typed words → commands: punctuation, case, native digits and near misses."""

import pytest

from dialog.commands import Command, guess_command, normalize, parse_command


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Attended.", Command("attended")),
        ("status?", Command("status")),
        ("Hi!", Command("hello")),
        ("?", Command("help")),
        ("सारांश।", Command("summary")),
        ("attended yesterday.", Command("attended", "yesterday")),
    ],
)
def test_trailing_punctuation_and_case_never_matter(typed, expected):
    assert parse_command(typed) == expected


def test_native_digits_read_as_digits():
    assert normalize("२ सत्र") == "2 सत्र"
    assert normalize("౧౨ feb") == "12 feb"


@pytest.mark.parametrize(
    ("typed", "name", "certain"),
    [
        ("attnded", "attended", True),
        ("atended", "attended", True),
        ("misssed", "missed", True),
        ("staus", "status", True),
        ("sumary", "summary", True),
        ("sumarry", "summary", False),
        ("Sumarry!", "summary", False),
        ("settngs", "settings", True),
        ("सरांश", "summary", True),
    ],
)
def test_a_near_miss_of_one_command_is_guessed(typed, name, certain):
    guess = guess_command(typed)
    assert guess is not None
    assert (guess.command.name, guess.certain) == (name, certain)


def test_a_guess_keeps_the_words_after_it():
    guess = guess_command("atended yesterday")
    assert guess is not None and guess.command == Command("attended", "yesterday")


@pytest.mark.parametrize(
    "typed", ["ok", "xyzzy", "sta", "Aarav", "fine", "nope", "dont go", "hope so"]
)
def test_no_guess_for_short_words_or_words_near_no_command(typed):
    assert guess_command(typed) is None
