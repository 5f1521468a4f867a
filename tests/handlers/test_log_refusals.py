"""Days and counts that cannot be logged are refused in one line and store nothing.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

import pytest

from dialog.texts import t
from tests.support.logging_steps import PHONE, family, sessions


@pytest.mark.parametrize("typed", ["log:attended:2099-01-01", "log:count:2099-01-01:1"])
async def test_a_typed_future_id_is_refused_and_nothing_stored(tb, typed):
    await family(tb)
    replies = await tb.say(PHONE, typed)
    assert replies == [
        "Thu 1 Jan 2099 has not come yet for Asha (today is Wed 11 Feb), so I cannot log it."
    ]
    assert await sessions(tb) == []


async def test_a_typed_id_that_fails_validation_is_refused(tb):
    await family(tb)
    replies = await tb.say(PHONE, "log:attended:2025-02-29")
    assert replies == [t("en", "choice.invalid")]
    assert await sessions(tb) == []


@pytest.mark.parametrize(
    "typed", ["attended 29 feb", "missed 2025-02-29 fever", "attended 29/02/2025"]
)
async def test_29_february_in_a_common_year_is_refused(tb, typed):
    await family(tb)
    assert await tb.say(PHONE, typed) == [
        "That date does not exist (29 Feb comes only in leap years). Please check it."
    ]
    assert await sessions(tb) == []


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        ("attended 0", "The number of sessions must be at least 1. Type a number from 1 to 5."),
        (
            "attended 6",
            "The number of sessions can be at most 5 for one day. Type a number from 1 to 5.",
        ),
        (
            "log:count:2026-02-10:6",
            "The number of sessions can be at most 5 for one day. Type a number from 1 to 5.",
        ),
    ],
)
async def test_counts_outside_one_to_five_are_refused(tb, typed, reply):
    await family(tb)
    assert await tb.say(PHONE, typed) == [reply]
    assert await sessions(tb) == []


async def test_a_future_day_is_refused(tb):
    await family(tb)
    assert await tb.say(PHONE, "attended 2026-02-13") == [
        "Fri 13 Feb has not come yet for Asha (today is Wed 11 Feb), so I cannot log it."
    ]
    assert await sessions(tb) == []


async def test_a_day_before_tracking_started_is_refused(tb):
    await family(tb)
    assert await tb.say(PHONE, "missed 2025-12-31 fever") == [
        "Wed 31 Dec 2025 is before Asha's tracking started (Thu 1 Jan), so I cannot log it."
    ]
    assert await tb.tap(PHONE, "log:attended:2025-12-31") == [
        "Wed 31 Dec 2025 is before Asha's tracking started (Thu 1 Jan), so I cannot log it."
    ]
    assert await sessions(tb) == []
