"""Telling the rest of the family what a member did, batched, in each reader's language.

Other features call, after they store something for a child:

    await notify_family(ctx, child, "notify.attended", count=2, day=some_date)

`child` is anything with `.id` and `.name` (a `tracker.children.Child`). `key` names a catalog
line; `{name}` (the child) and `{by}` (the acting member) are filled in for you. A `date` value
(or a tuple of dates) becomes the reader's short date label, a `MonthOf(first_day)` the month's
name and year, and a `Phrase("role.parent")` value the reader's words (a Phrase's own values
are localised the same way). When each member is to hear something different, `notify_each`
asks a function for each one's `Notice`.
Every OTHER active member gets the line unless they opted out or their 24-hour window is closed
(nothing is queued for them: free-form cannot reach them and the news would be stale). Lines
wait in tt.pending_notices; bot/notice_flusher.py sends each person one merged message once their
oldest line has waited the batch delay (Settings.notice_batch_seconds). Each line is also kept
with `{by}` as "a family member", which replaces it if the actor erases their data first."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from dialog.context import Context
from dialog.texts import t
from dialog.texts.dates import day_label, month_label
from tracker.members import Person
from tracker.notice_store import insert_notice, select_co_members
from tracker.phones import display_phone

MAX_PROFILE_NAME = 40


class ChildLike(Protocol):
    """Read-only, so frozen dataclasses (`Child`, `ChildRef`) match."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ChildRef:
    """A child known by id and name only, e.g. one the actor is just joining or leaving."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """A catalog key used as a value, rendered in the reader's language (e.g. a role)."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MonthOf:
    """A month used as a value, written as the reader writes months ("November 2026")."""

    first: date


@dataclass(frozen=True, slots=True)
class Notice:
    """One catalog line and its values, as one member is to hear it."""

    key: str
    values: Mapping[str, object]


def actor_label(ctx: Context) -> str:
    """How others see the acting member: their WhatsApp name, if any, and number."""
    phone = display_phone(ctx.user.phone)
    name = " ".join(ctx.message.profile_name.split())[:MAX_PROFILE_NAME]
    return f"{name} ({phone})" if name else phone


def reachable(ctx: Context, person: Person) -> bool:
    """Opted in and inside the window in which a free-form message may be sent."""
    return person.consent == "opted_in" and ctx.window_open(person.last_inbound_at)


def render(language: str, key: str, values: dict[str, object]) -> str:
    return t(language, key, **{name: _localise(language, value) for name, value in values.items()})


def _localise(language: str, value: object) -> object:
    if isinstance(value, Phrase):
        return render(language, value.key, dict(value.values))
    if isinstance(value, MonthOf):
        return month_label(language, value.first)
    if isinstance(value, date):
        return day_label(language, value)
    if isinstance(value, tuple) and all(isinstance(day, date) for day in value):
        return ", ".join(day_label(language, day) for day in value)
    return value


async def queue_notice(
    ctx: Context, person: Person, child: ChildLike, key: str, **values: object
) -> bool:
    """Queue one line for one person if they can be reached now; True when queued."""
    if person.user_id == ctx.user.id or not reachable(ctx, person):
        return False
    values = {"name": child.name, **values}
    line = render(person.language, key, {"by": actor_label(ctx), **values})
    anonymous = render(person.language, key, {"by": t(person.language, "notify.someone"), **values})
    encrypt = ctx.cipher.encrypt_text
    await insert_notice(ctx.conn, person.user_id, child.id, encrypt(line), encrypt(anonymous))
    return True


async def notify_family(ctx: Context, child: ChildLike, key: str, **values: object) -> int:
    """Queue `key` for every other active member who can be reached; returns how many."""
    return await notify_each(ctx, child, lambda _: Notice(key, values))


async def notify_each(
    ctx: Context, child: ChildLike, notice_for: Callable[[Person], Notice | None]
) -> int:
    """Queue for every other active member who can be reached the notice chosen for them
    (nothing when None); returns how many were queued."""
    queued = 0
    for person in await select_co_members(ctx.conn, child.id):
        notice = notice_for(person)
        if notice is not None:
            queued += await queue_notice(ctx, person, child, notice.key, **notice.values)
    return queued
