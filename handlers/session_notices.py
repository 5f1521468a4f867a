"""What the rest of the family hears when entries are logged over, set aside or brought back.

A member whose own entries a replace set aside (or an undo brought back) hears about theirs,
with how many sessions; everyone else hears the plain line. Batched like every family update
(handlers/family_notices.py)."""

from __future__ import annotations

from datetime import date

from dialog.context import Context
from dialog.family import Family
from handlers.family_notices import Notice, Phrase, notify_each
from handlers.log_views import clip
from tracker.kinds import Status
from tracker.members import Person
from tracker.session_store import SessionRow
from tracker.undo_store import Undone


def _sessions_by_author(rows: list[SessionRow]) -> dict[int, int]:
    """How many sessions each member (still named) had logged among `rows`."""
    totals: dict[int, int] = {}
    for row in rows:
        if row.logged_by is not None:
            totals[row.logged_by] = totals.get(row.logged_by, 0) + row.count
    return totals


def _days_by_author(rows: list[SessionRow]) -> dict[int, tuple[date, ...]]:
    days: dict[int, set[date]] = {}
    for row in rows:
        if row.logged_by is not None:
            days.setdefault(row.logged_by, set()).add(row.day)
    return {author: tuple(sorted(found)) for author, found in days.items()}


def _entry_phrase(status: Status, count: int, reason: str) -> Phrase:
    """A new entry as others read it: "Attended (2 sessions)" or "Missed (fever)"."""
    if status == "missed" and reason:
        return Phrase("notify.what_missed", {"reason": clip(reason)})
    sessions = Phrase("log.count", {"count": count})
    return Phrase("log.entry", {"status": Phrase(f"log.status.{status}"), "sessions": sessions})


async def notify_logged(
    ctx: Context,
    family: Family,
    *,
    status: Status,
    day: date,
    count: int,
    reason: str,
    replaced: list[SessionRow],
) -> None:
    """Tell the family about a new entry; whoever logged an entry it replaced hears that theirs
    was replaced, and with what."""
    yours = _sessions_by_author(replaced)
    plain = Notice(f"notify.{status}", {"count": count, "day": day})
    what = _entry_phrase(status, count, reason)

    def notice_for(person: Person) -> Notice:
        if person.user_id not in yours:
            return plain
        return Notice(
            "notify.replaced_yours", {"count": yours[person.user_id], "day": day, "what": what}
        )

    await notify_each(ctx, family.child, notice_for)


async def notify_undone(ctx: Context, family: Family, undone: Undone) -> None:
    """Tell the family an entry or days off were undone; whoever logged an entry that comes
    back hears that theirs is back."""
    yours, days = _sessions_by_author(undone.restored), _days_by_author(undone.restored)
    removed = undone.removed
    if undone.restored or removed is None:
        plain = Notice("notify.undone_replace", {"day": tuple(sorted(_days_of(undone)))})
    else:
        plain = Notice(
            f"notify.undone_{removed.status}", {"count": removed.count, "day": removed.day}
        )

    def notice_for(person: Person) -> Notice:
        if person.user_id not in yours:
            return plain
        values = {"count": yours[person.user_id], "day": days[person.user_id]}
        return Notice("notify.restored_yours", values)

    await notify_each(ctx, family.child, notice_for)


def _days_of(undone: Undone) -> set[date]:
    """Every day an undo changed: the removed entry's, the days off and the entries back."""
    found = {row.day for row in undone.restored} | set(undone.days_off)
    return found | ({undone.removed.day} if undone.removed else set())


async def notify_holiday_replaced(ctx: Context, family: Family, replaced: list[SessionRow]) -> None:
    """Tell whoever logged a session a holiday replaced that theirs was set aside."""
    counts, days = _sessions_by_author(replaced), _days_by_author(replaced)
    what = Phrase("notify.what_holiday")

    def notice_for(person: Person) -> Notice | None:
        if person.user_id not in counts:
            return None
        values = {"count": counts[person.user_id], "day": days[person.user_id], "what": what}
        return Notice("notify.replaced_yours", values)

    await notify_each(ctx, family.child, notice_for)
