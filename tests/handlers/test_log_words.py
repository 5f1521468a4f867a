from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from dialog.commands import parse_command
from dialog.texts import LANGUAGES, t
from dialog.texts.dates import day_label
from handlers.log_views import show_day
from handlers.log_words import command_tail, find_day, mood_word
from tracker.errors import InvalidDate

WEDNESDAY = date(2026, 2, 11)


@dataclass
class FakeContext:
    language: str
    now: datetime = datetime(2026, 2, 11, 6, 30, tzinfo=UTC)

    def t(self, key, **values):
        return t(self.language, key, **values)

    def day_label(self, day):
        return day_label(self.language, day, with_year=day.year != self.now.year)


@pytest.mark.parametrize(
    ("text", "args", "tail"),
    [
        ("attended 2", "2", "2"),
        ("Missed Monday Fever 🤒", "monday fever 🤒", "Monday Fever 🤒"),
        (
            "missed   yesterday  Went to  Village",
            "yesterday went to village",
            "yesterday  Went to  Village",
        ),
        ("हो गया कल", "कल", "कल"),
        ("attended", "", ""),
        ("कल हुआ", "कल", "कल"),
        ("Nov 19 Attended", "nov 19", "Nov 19"),
    ],
)
def test_command_tail_keeps_what_was_typed(text, args, tail):
    assert command_tail(text, parse_command(text)) == tail
    assert parse_command(text).args == args


@pytest.mark.parametrize(
    ("text", "day", "rest"),
    [
        ("2 yesterday", date(2026, 2, 10), "2"),
        ("2 sessions today", WEDNESDAY, "2 sessions"),
        ("day before yesterday", date(2026, 2, 9), ""),
        ("12 feb 2025 2", date(2025, 2, 12), "2"),
        ("आज 2", WEDNESDAY, "2"),
        ("ఈ రోజు", WEDNESDAY, ""),
        ("2 sessions", None, "2 sessions"),
    ],
)
def test_find_day_anywhere(text, day, rest):
    found = find_day(text, WEDNESDAY)
    assert (found.day, found.rest) == (day, rest)


def test_find_day_leading_keeps_the_reason_as_typed():
    found = find_day("Monday Fever, too much SUN", WEDNESDAY, leading_only=True)
    assert (found.day, found.rest) == (date(2026, 2, 9), "Fever, too much SUN")
    assert find_day("Fever sun", WEDNESDAY, leading_only=True).day is None


def test_find_day_refuses_an_impossible_date():
    with pytest.raises(InvalidDate, match="impossible"):
        find_day("29 feb", WEDNESDAY)


@pytest.mark.parametrize(
    ("said", "mood"),
    [
        ("Great!", "great"),
        ("okay", "okay"),
        ("ok", None),
        ("अच्छा", "good"),
        ("కష్టంగా", "tough"),
        ("meh", None),
    ],
)
def test_mood_words(said, mood):
    assert mood_word(said) == mood


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_day_fits_a_list_row_title(language):
    ctx = FakeContext(language)
    for back in range(800):
        day = WEDNESDAY - timedelta(days=back)
        assert len(show_day(ctx, day)) <= 24, show_day(ctx, day)


def test_days_read_naturally():
    assert show_day(FakeContext("en"), WEDNESDAY) == "Wed 11 Feb"
    assert show_day(FakeContext("en"), date(2025, 12, 31)) == "Wed 31 Dec 2025"
    assert show_day(FakeContext("hi"), WEDNESDAY) == "बुध 11 फ़रवरी"
    # the number last, so that a Telugu case ending joins it: "ఫిబ్రవరి 11న", not "ఫిబ్రవరిన"
    assert show_day(FakeContext("te"), WEDNESDAY) == "బుధ ఫిబ్రవరి 11"
