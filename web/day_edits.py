"""A save on the calendar page: each changed day set to attended (count), missed (reason),
holiday or nothing, through the same tracker code chat logs with, so its rules hold (no
future day, nothing before tracking began, a replace sets entries aside and never deletes)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from dialog.context import Context
from tracker.counts import MAX_SESSIONS_PER_DAY, check_count
from tracker.dates import check_loggable
from tracker.errors import TrackerError
from tracker.holiday_store import delete_holidays, insert_holidays
from tracker.kinds import Status
from tracker.reasons import categorize
from tracker.session_store import insert_session, supersede_sessions_on
from web.access import Member
from web.month_view import DayCell

Action = Literal["attended", "missed", "holiday", "clear"]
MAX_REASON = 200


@dataclass(frozen=True, slots=True)
class DayChange:
    day: date
    action: Action
    count: int = 1
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Refused:
    day: date
    why: str  # "future", "before_start", "holiday_role", "count"


def read_changes(form: Mapping[str, str], days: list[date]) -> list[DayChange]:
    """The days the form changed: `d-<iso day>` is "a<count>", "missed", "holiday" or "clear"
    (empty means unchanged, and is not sent by the page's own script); `r-<iso day>` the
    reason of a miss. Days outside the shown month are ignored."""
    changes = []
    for day in days:
        choice = form.get(f"d-{day.isoformat()}", "").strip()
        reason = " ".join(form.get(f"r-{day.isoformat()}", "").split())[:MAX_REASON]
        change = _change(day, choice, reason)
        if change is not None:
            changes.append(change)
    return changes


def _change(day: date, choice: str, reason: str) -> DayChange | None:
    if choice == "missed":
        return DayChange(day, "missed", reason=reason)
    if choice in ("holiday", "clear"):
        return DayChange(day, "holiday" if choice == "holiday" else "clear")
    if choice.startswith("a") and choice[1:].isdigit():
        return DayChange(day, "attended", count=int(choice[1:]))
    return None


def unchanged(change: DayChange, cell: DayCell) -> bool:
    """The day already reads as the change would leave it: nothing to write or announce."""
    if change.action == "attended":
        return cell.state == "attended" and cell.attended == change.count and not cell.missed
    if change.action == "missed":
        return cell.state == "missed" and cell.reasons == (
            (change.reason,) if change.reason else ()
        )
    if change.action == "holiday":
        return cell.state == "holiday"
    return cell.state == "empty"


def refusal(change: DayChange, member: Member) -> Refused | None:
    """Why this change may not be made, by the same checks chat makes; None when it may."""
    if change.action == "holiday" and not member.can_mark_holidays:
        return Refused(change.day, "holiday_role")
    if change.action == "attended" and change.count > MAX_SESSIONS_PER_DAY:
        return Refused(change.day, "count")
    try:
        if change.action in ("attended", "missed"):
            check_count(change.count)
            check_loggable(change.day, member.today, member.child.tracking_since)
        elif change.day < member.child.tracking_since:
            return Refused(change.day, "before_start")
    except TrackerError as e:
        why = {"tomorrow": "future", "too_few": "count", "too_many": "count"}.get(e.code, e.code)
        return Refused(change.day, why)
    return None


async def apply_change(ctx: Context, member: Member, change: DayChange) -> None:
    """Leave the day as the change says; what it replaces is set aside, as in chat."""
    child_id, day = member.child.id, change.day
    if change.action in ("attended", "missed"):
        status: Status = "attended" if change.action == "attended" else "missed"
        session_id = await insert_session(
            ctx.conn,
            ctx.cipher,
            child_id=child_id,
            day=day,
            status=status,
            count=change.count,
            logged_by=ctx.user.id,
            reason=change.reason,
            reason_category=categorize(change.reason) if status == "missed" else None,
        )
        await supersede_sessions_on(ctx.conn, ctx.cipher, child_id, day, by=session_id)
        await delete_holidays(ctx.conn, child_id, [day])
    elif change.action == "holiday":
        await insert_holidays(ctx.conn, child_id, [day], ctx.user.id)
        await supersede_sessions_on(ctx.conn, ctx.cipher, child_id, day, by=None)
    else:
        await supersede_sessions_on(ctx.conn, ctx.cipher, child_id, day, by=None)
        await delete_holidays(ctx.conn, child_id, [day])
