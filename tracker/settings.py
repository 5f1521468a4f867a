"""A user's own settings: timezone and reminder preferences, read from typed text and stored."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

import asyncpg

from sql.db import fetch_one
from tracker.users import record_event
from tracker.words import words

# Offered first in the picker (nine, so "type another" still fits a 10-row list).
COMMON_ZONES = (
    "Asia/Kolkata",
    "Asia/Dubai",
    "Asia/Singapore",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Australia/Sydney",
)
# Four periods of six hours each, so every hour of the day is one list of six rows away.
PERIODS: dict[str, range] = {
    "night": range(0, 6),
    "morning": range(6, 12),
    "afternoon": range(12, 18),
    "evening": range(18, 24),
}
ALL_DAYS = (1, 2, 3, 4, 5, 6, 7)  # ISO weekdays: 1 = Monday … 7 = Sunday
LOW_PACKAGE_MOST = 62  # the schema's bound on a package-low threshold (sessions left)
DAY_WORDS: dict[str, tuple[int, ...]] = {
    "daily": ALL_DAYS,
    "everyday": ALL_DAYS,
    "every day": ALL_DAYS,
    "all": ALL_DAYS,
    "weekdays": (1, 2, 3, 4, 5),
    "weekends": (6, 7),
    "weekend": (6, 7),
}
ENGLISH_DAYS = {
    name: number
    for number, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ),
        start=1,
    )
    for name in names
}
_HOUR = re.compile(r"(?P<hour>\d{1,2})(?::(?P<minute>00))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)?")
_RANGE_DASH = re.compile(r"\s*[-–]\s*")
_DAY_SPLIT = re.compile(r"\s*(?:,|\band\b|&|/|\s)\s*")


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    enabled: bool
    hour: int
    days: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DigestSettings:
    enabled: bool
    day: int  # ISO weekday
    hour: int


@cache
def _zones_by_key() -> tuple[dict[str, str], dict[str, str | None]]:
    """Every IANA name by its folded form, and by its city (None when a city is ambiguous)."""
    full: dict[str, str] = {}
    cities: dict[str, str | None] = {}
    for zone in available_timezones():
        full[zone.casefold()] = zone
        city = zone.rsplit("/", 1)[-1].casefold()
        cities[city] = None if city in cities and cities[city] != zone else zone
    return full, cities


@cache
def _zones_by_name() -> dict[str, str]:
    """The zone each common name means ("india", "IST", "दुबई"), keyed like typed names."""
    return {_key(name): zone for zone, names in words("timezones").items() for name in names}


def _key(text: str) -> str:
    said = unicodedata.normalize("NFC", text).strip().rstrip(".!?,;")
    return "_".join(said.split()).casefold()


def resolve_timezone(text: str) -> str | None:
    """The IANA zone a typed name means ("europe/london", "New York", "IST", "भारत"), or None.
    A common name comes first: "EST" is New York's clock, not the fixed zone of that name."""
    key = _key(text)
    if not key:
        return None
    full, cities = _zones_by_key()
    return _zones_by_name().get(key) or full.get(key) or cities.get(key)


def utc_offset(zone: str, now: datetime) -> str:
    """The zone's offset from UTC at `now`, such as UTC+05:30."""
    offset = now.astimezone(ZoneInfo(zone)).utcoffset() or timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def parse_hour(text: str) -> int | None:
    """An hour of the day from "19", "19:00", "7pm" or "7 am"; None when it is not one."""
    match = _HOUR.fullmatch(text.strip().casefold())
    if match is None:
        return None
    hour, half = int(match["hour"]), (match["half"] or "").replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        return hour % 12 + (12 if half == "pm" else 0)
    return hour if hour <= 23 else None


def parse_weekdays(text: str, names: Mapping[str, int] | None = None) -> tuple[int, ...] | None:
    """ISO weekdays from "mon,wed,fri", "mon-fri", "weekdays" or the user's own day names."""
    words = _RANGE_DASH.sub("-", " ".join(text.casefold().split()))
    if words in DAY_WORDS:
        return DAY_WORDS[words]
    own = {name.casefold(): day for name, day in (names or {}).items()}
    days: set[int] = set()
    for part in filter(None, _DAY_SPLIT.split(words)):
        first, _, last = part.partition("-")
        start, end = _day_number(first, own), _day_number(last or first, own)
        if start is None or end is None:
            return None
        days.update(
            range(start, end + 1) if start <= end else (*range(start, 8), *range(1, end + 1))
        )
    return tuple(sorted(days)) or None


def _day_number(word: str, own: Mapping[str, int]) -> int | None:
    """An English day name, or one starting with the user's own short name ("सोमवार")."""
    if word in ENGLISH_DAYS:
        return ENGLISH_DAYS[word]
    return next((day for name, day in own.items() if word.startswith(name)), None)


async def select_reminder_settings(conn: asyncpg.Connection, user_id: int) -> ReminderSettings:
    row = await fetch_one(
        conn,
        "SELECT reminders_enabled, reminder_hour, reminder_days FROM tt.users WHERE id = $1",
        user_id,
    )
    return ReminderSettings(
        row["reminders_enabled"], row["reminder_hour"], tuple(row["reminder_days"])
    )


async def update_reminders_enabled(conn: asyncpg.Connection, user_id: int, on: bool) -> None:
    await conn.execute("UPDATE tt.users SET reminders_enabled = $2 WHERE id = $1", user_id, on)
    await record_event(conn, user_id, "reminders_on" if on else "reminders_off")


async def update_reminder_hour(conn: asyncpg.Connection, user_id: int, hour: int) -> None:
    await conn.execute("UPDATE tt.users SET reminder_hour = $2 WHERE id = $1", user_id, hour)
    await record_event(conn, user_id, "reminder_hour", hour=hour)


async def update_reminder_days(
    conn: asyncpg.Connection, user_id: int, days: tuple[int, ...]
) -> None:
    chosen = sorted(set(days))
    await conn.execute("UPDATE tt.users SET reminder_days = $2 WHERE id = $1", user_id, chosen)
    await record_event(conn, user_id, "reminder_days", days=chosen)


async def select_digest(conn: asyncpg.Connection, user_id: int) -> DigestSettings:
    row = await fetch_one(
        conn, "SELECT digest_enabled, digest_day, digest_hour FROM tt.users WHERE id = $1", user_id
    )
    return DigestSettings(row["digest_enabled"], row["digest_day"], row["digest_hour"])


async def update_digest(
    conn: asyncpg.Connection, user_id: int, *, enabled: bool, day: int | None = None
) -> None:
    await conn.execute(
        "UPDATE tt.users SET digest_enabled = $2, digest_day = coalesce($3, digest_day) "
        "WHERE id = $1",
        user_id,
        enabled,
        day,
    )
    await record_event(conn, user_id, "digest_on" if enabled else "digest_off", day=day)


async def update_digest_hour(conn: asyncpg.Connection, user_id: int, hour: int) -> None:
    await conn.execute("UPDATE tt.users SET digest_hour = $2 WHERE id = $1", user_id, hour)
    await record_event(conn, user_id, "digest_hour", hour=hour)


async def select_low_package_at(conn: asyncpg.Connection, child_id: int) -> int:
    """Sessions left at which the package-low job nudges the family to renew."""
    at: int = await conn.fetchval("SELECT low_package_at FROM tt.children WHERE id = $1", child_id)
    return at


async def update_low_package_at(
    conn: asyncpg.Connection, child_id: int, at: int, *, by: int
) -> None:
    await conn.execute("UPDATE tt.children SET low_package_at = $2 WHERE id = $1", child_id, at)
    await record_event(conn, by, "low_package_at", child_id=child_id, at=at)


async def update_user_timezone(conn: asyncpg.Connection, user_id: int, zone: str) -> None:
    await conn.execute("UPDATE tt.users SET timezone = $2 WHERE id = $1", user_id, zone)
    await record_event(conn, user_id, "timezone_changed", timezone=zone)


async def update_child_timezone(conn: asyncpg.Connection, child_id: int, zone: str) -> None:
    await conn.execute("UPDATE tt.children SET timezone = $2 WHERE id = $1", child_id, zone)


async def select_monthly_report(conn: asyncpg.Connection, user_id: int) -> bool:
    """Whether the member keeps the monthly PDF push on (the monthly-report job reads it)."""
    on: bool = await conn.fetchval("SELECT monthly_report FROM tt.users WHERE id = $1", user_id)
    return on


async def update_monthly_report(conn: asyncpg.Connection, user_id: int, *, on: bool) -> None:
    await conn.execute("UPDATE tt.users SET monthly_report = $2 WHERE id = $1", user_id, on)
    await record_event(conn, user_id, "monthly_report_on" if on else "monthly_report_off")
