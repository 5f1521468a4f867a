"""Bulk logging: many attended or missed days typed as one command, and what each day becomes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.dates import parse_day, split_range
from tracker.errors import InvalidBulk, InvalidDate
from tracker.kinds import Status
from tracker.words import words

MAX_RANGE_DAYS = 62

_STATUS: dict[str, Status] = {"bulk_attended": "attended", "bulk_missed": "missed"}
# A word of the command, as typed: "attended_dates" or "attended dates", "कई दिन हुआ".
_HEADS = sorted(
    ((said, name) for name in _STATUS for said in words("commands")[name]),
    key=lambda entry: -len(entry[0]),
)
# Anything shaped like a date is read as one, so a typo is refused instead of becoming a reason.
_BROKEN_DATE = re.compile(r"\d{4}-|\d+[-/.]\d+[-/.]\d+")
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


def parse_bulk(text: str, today: date) -> BulkRequest:
    """Read `attended_dates D1, D2`, `attended_range A..B`, a `missed_*` form with a reason, or
    the Hindi and Telugu words ("कई दिन हुआ 2/11, 4/11"), whose list or range shows in the days.
    Each day is what the one date reader reads ("2026-02-02", "2/11", "3 nov")."""
    status, shape, rest = _command(text)
    if shape == "":
        shape = "range" if _starts_a_range(rest, today) else "dates"
    read = _read_range if shape == "range" else _read_list
    days, reason = read(rest, today)
    if status == "attended" and reason:
        raise InvalidBulk("trailing_text", text=reason)
    return BulkRequest(status, days, reason)


def _command(text: str) -> tuple[Status, str, str]:
    """The status, the shape the command names ("dates", "range", or "" when the days show it)
    and the rest of the text as typed."""
    typed = unicodedata.normalize("NFC", text).strip()
    folded = " ".join(typed.casefold().replace("_", " ").split())
    for said, name in _HEADS:
        if folded == said or folded.startswith(said + " "):
            rest = typed.replace("_", " ", 1).split(maxsplit=len(said.split()))
            shape = next((s for s in ("dates", "range") if said.endswith(s)), "")
            tail = rest[len(said.split())] if len(rest) > len(said.split()) else ""
            return _STATUS[name], shape, tail
    raise InvalidBulk("unknown_command")


def _starts_a_range(rest: str, today: date) -> bool:
    """ "2/11 - 6/11 …" or "2 nov to 6 nov …": a whole day, then the word for "to"."""
    parts = split_range(rest, most=1)
    if len(parts) != 2:
        return False
    try:
        parse_day(parts[0], today)
    except InvalidDate:
        return False
    return True


def _read_list(rest: str, today: date) -> tuple[tuple[date, ...], str]:
    items = [item.strip() for item in rest.split(",")]
    days: list[date] = []
    reason = ""
    for number, item in enumerate(items):
        if not item and number < len(items) - 1:
            continue
        day, reason = _day_then_reason(item, today)
        if day is None:
            reason = ", ".join(items[number:]).strip()
            break
        days.append(day)
        if reason:
            reason = ", ".join([reason, *items[number + 1 :]]).strip(" ,")
            break
    if not days:
        raise InvalidBulk("missing_dates")
    return tuple(dict.fromkeys(days)), _reason(reason)


def _read_range(rest: str, today: date) -> tuple[tuple[date, ...], str]:
    parts = split_range(rest, most=1)
    if len(parts) != 2:
        raise InvalidBulk("bad_range")
    start, tail = _day_then_reason(parts[0], today)
    end, reason = _day_then_reason(parts[1], today)
    if start is None or end is None or tail:
        raise InvalidBulk("bad_range")
    if start > end:
        raise InvalidBulk("range_reversed", start=start, end=end)
    length = (end - start).days + 1
    if length > MAX_RANGE_DAYS:
        raise InvalidBulk("range_too_long", days=length, limit=MAX_RANGE_DAYS)
    return tuple(start + timedelta(days=n) for n in range(length)), _reason(reason)


def _day_then_reason(item: str, today: date) -> tuple[date | None, str]:
    """The longest start of `item` that reads as a day, and what follows it; no day when none
    does. A start that names an impossible day ("31 feb") is refused, not skipped."""
    said = item.split()
    for size in range(len(said), 0, -1):
        head = " ".join(said[:size])
        try:
            return parse_day(head, today), " ".join(said[size:])
        except InvalidDate as e:
            if e.code == "impossible":
                raise InvalidBulk("impossible_date", item=head) from e
    return None, item


def _reason(tail: str) -> str:
    reason = tail.strip(" \t\n,;:-")
    if _BROKEN_DATE.match(reason):
        raise InvalidBulk(_DATE_CODES["unreadable"], item=reason.split()[0])
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
