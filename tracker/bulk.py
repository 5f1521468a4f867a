"""Bulk logging: many attended or missed days typed as one command, and what each day becomes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.dates import parse_iso_day
from tracker.errors import InvalidBulk, InvalidDate
from tracker.kinds import Status

MAX_RANGE_DAYS = 62

_COMMAND = re.compile(
    r"(?P<status>attended|missed)[ _](?P<shape>dates|range)(?:\s+(?P<rest>.*))?", re.I | re.S
)
# Anything shaped like a date is read as one, so a typo is refused instead of becoming a reason.
_DATE_LIKE = r"\d+[-/.]\d+[-/.]\d+"
_LIST_ITEM = re.compile(rf"[\s,]*({_DATE_LIKE})(?=[\s,]|$)")
_RANGE = re.compile(rf"({_DATE_LIKE})\s*(?:\.\.|to)\s*({_DATE_LIKE})(?=\s|$)", re.I)
_BROKEN_DATE = re.compile(rf"\d{{4}}-|{_DATE_LIKE}")
_DATE_CODES = {"unreadable": "bad_date", "impossible": "impossible_date"}


@dataclass(frozen=True, slots=True)
class BulkRequest:
    status: Status
    days: tuple[date, ...]
    reason: str = ""


@dataclass(frozen=True, slots=True)
class BulkPlan:
    insert: tuple[date, ...]
    duplicate: tuple[date, ...]
    conflict: tuple[date, ...]
    future: tuple[date, ...]

    @property
    def counts(self) -> dict[str, int]:
        """How many days fall in each outcome, for the summary reply."""
        return {
            "insert": len(self.insert),
            "duplicate": len(self.duplicate),
            "conflict": len(self.conflict),
            "future": len(self.future),
        }


def parse_bulk(text: str) -> BulkRequest:
    """Read `attended_dates D1, D2`, `attended_range A..B`, or a `missed_*` form with a reason."""
    match = _COMMAND.fullmatch(text.strip())
    if match is None:
        raise InvalidBulk("unknown_command")
    status: Status = "attended" if match["status"].casefold() == "attended" else "missed"
    read = _read_range if match["shape"].casefold() == "range" else _read_list
    days, reason = read(match["rest"] or "")
    if status == "attended" and reason:
        raise InvalidBulk("trailing_text", text=reason)
    return BulkRequest(status, days, reason)


def _read_list(rest: str) -> tuple[tuple[date, ...], str]:
    days: list[date] = []
    position = 0
    while match := _LIST_ITEM.match(rest, position):
        days.append(_strict_day(match[1]))
        position = match.end()
    if not days:
        raise InvalidBulk("missing_dates")
    return tuple(dict.fromkeys(days)), _reason(rest[position:])


def _read_range(rest: str) -> tuple[tuple[date, ...], str]:
    match = _RANGE.match(rest)
    if match is None:
        raise InvalidBulk("bad_range")
    start, end = _strict_day(match[1]), _strict_day(match[2])
    if start > end:
        raise InvalidBulk("range_reversed", start=start, end=end)
    length = (end - start).days + 1
    if length > MAX_RANGE_DAYS:
        raise InvalidBulk("range_too_long", days=length, limit=MAX_RANGE_DAYS)
    return tuple(start + timedelta(days=n) for n in range(length)), _reason(rest[match.end() :])


def _strict_day(item: str) -> date:
    try:
        return parse_iso_day(item)
    except InvalidDate as e:
        raise InvalidBulk(_DATE_CODES[e.code], item=item) from e


def _reason(tail: str) -> str:
    reason = tail.strip(" \t\n,;:-")
    if _BROKEN_DATE.match(reason):
        raise InvalidBulk("bad_date", item=reason.split()[0])
    return reason


def plan_bulk(
    days: Iterable[date],
    today: date,
    existing: Mapping[date, str],
    status: Status,
) -> BulkPlan:
    """Sort each day into insert, duplicate (same status logged), conflict (other one) or future."""
    outcomes: dict[str, list[date]] = {"insert": [], "duplicate": [], "conflict": [], "future": []}
    for day in days:
        outcomes[_outcome(day, today, existing.get(day), status)].append(day)
    return BulkPlan(**{outcome: tuple(found) for outcome, found in outcomes.items()})


def _outcome(day: date, today: date, logged: str | None, status: str) -> str:
    if day > today:
        return "future"
    if logged is None:
        return "insert"
    return "duplicate" if logged == status else "conflict"
