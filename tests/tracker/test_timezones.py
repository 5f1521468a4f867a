"""Zones by the names families call them: countries, abbreviations, cities, in three languages."""

import pytest

from tracker.settings import resolve_timezone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("india", "Asia/Kolkata"),
        ("IST", "Asia/Kolkata"),
        ("India.", "Asia/Kolkata"),
        ("भारत", "Asia/Kolkata"),
        ("ఇండియా", "Asia/Kolkata"),
        ("Dubai", "Asia/Dubai"),
        ("UAE", "Asia/Dubai"),
        ("Singapore", "Asia/Singapore"),
        ("london", "Europe/London"),
        ("UK", "Europe/London"),
        ("EST", "America/New_York"),
        ("New York", "America/New_York"),
        ("PST", "America/Los_Angeles"),
        ("us pacific", "America/Los_Angeles"),
        ("CST", "America/Chicago"),
        ("दुबई", "Asia/Dubai"),
        ("లండన్", "Europe/London"),
        ("europe/paris", "Europe/Paris"),
        ("kathmandu", "Asia/Kathmandu"),
    ],
)
def test_common_names_are_understood(typed, zone):
    assert resolve_timezone(typed) == zone


@pytest.mark.parametrize("typed", ["Atlantis", "", "Mars/Olympus"])
def test_unknown_names_are_not(typed):
    assert resolve_timezone(typed) is None
