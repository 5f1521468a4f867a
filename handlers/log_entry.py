"""One log entry from question to row: the pickers it opens, the checks, replace-or-add, the
write, the reply and the mood question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dialog.context import Context
from dialog.conversation import Flow
from dialog.family import Family, current_family
from handlers.log_views import (
    clip,
    refusal,
    send_count_picker,
    send_day_picker,
    send_mood_picker,
    send_reason_question,
    send_replace_question,
    sessions_text,
    show_day,
)
from handlers.menu import snapshot_text
from handlers.reports import beyond_lines, beyond_package
from handlers.session_notices import notify_logged
from tracker.counts import check_count
from tracker.dates import check_loggable
from tracker.errors import TrackerError
from tracker.kinds import Status
from tracker.reasons import categorize
from tracker.report_store import load_month
from tracker.session_store import (
    insert_session,
    select_attended_days,
    select_sessions,
    supersede_sessions_on,
)
from tracker.streaks import MILESTONES, milestone_reached, week_streak


@dataclass(frozen=True, slots=True)
class LogData:
    """What a waiting log question remembers: the status, then the day and the entry so far."""

    status: Status
    day: str = ""  # ISO date; empty while the day is still asked
    count: int = 1
    reason: str = ""
    numbers: bool = False  # the confirmation adds the month's numbers (a reminder's tap)


LOG = Flow("log", ("date", "count", "reason", "confirm"), LogData)
STREAK_LOOKBACK = timedelta(weeks=MILESTONES[-1] + 1)


@dataclass(frozen=True, slots=True)
class Entry:
    """What is about to be logged; travels through the flow as LogData."""

    status: Status
    day: date
    count: int = 1
    reason: str = ""
    numbers: bool = False

    def data(self) -> LogData:
        return LogData(self.status, self.day.isoformat(), self.count, self.reason, self.numbers)

    @classmethod
    def from_data(cls, data: LogData) -> Entry:
        day = date.fromisoformat(data.day)
        return cls(data.status, day, data.count, data.reason, data.numbers)


async def family_in_flow(ctx: Context) -> Family | None:
    """The family to re-ask for; leaves the open question when there is none any more."""
    family = await current_family(ctx, "log")
    if family is None:
        await ctx.end_flow()
    return family


async def show_days(ctx: Context, family: Family, status: Status, start: date) -> None:
    """Send a page of the day picker and wait for a tapped or typed day."""
    start = max(min(start, family.today), family.child.tracking_since)
    if not check_day(ctx, family, start):
        return
    await ctx.enter_step(LOG, "date", LogData(status))
    send_day_picker(ctx, family, status, start)


async def ask_next(ctx: Context, family: Family, status: Status, day: date) -> None:
    """After the day: ask the count for attended, the reason for missed."""
    step = "count" if status == "attended" else "reason"
    await ctx.enter_step(LOG, step, LogData(status, day.isoformat()))
    if status == "attended":
        send_count_picker(ctx, family, day)
    else:
        send_reason_question(ctx, family, day)


def check_day(ctx: Context, family: Family, day: date) -> bool:
    """True when the day can be logged; otherwise reply why in one line."""
    try:
        check_loggable(day, family.today, family.child.tracking_since)
    except TrackerError as e:
        ctx.reply(refusal(ctx, family, e, day))
        return False
    return True


async def save_entry(ctx: Context, family: Family, entry: Entry) -> None:
    """Log the entry, or ask whether to replace or add when its day already has entries."""
    try:
        check_count(entry.count)
    except TrackerError as e:
        await ctx.end_flow()
        ctx.reply(refusal(ctx, family, e))
        return
    if not check_day(ctx, family, entry.day):
        await ctx.end_flow()
        return
    existing = await select_sessions(ctx.conn, ctx.cipher, family.child.id, entry.day, entry.day)
    if not existing:
        await write_entry(ctx, family, entry, replace=False)
        return
    await ctx.enter_step(LOG, "confirm", entry.data())
    send_replace_question(ctx, family, entry.status, entry.day, existing)


async def write_entry(ctx: Context, family: Family, entry: Entry, *, replace: bool) -> None:
    """Store the entry (setting aside the day's others when replacing, for undo to bring
    back), confirm it, then ask the mood."""
    milestone = await _milestone(ctx, family, entry) if entry.status == "attended" else None
    session_id = await insert_session(
        ctx.conn,
        ctx.cipher,
        child_id=family.child.id,
        day=entry.day,
        status=entry.status,
        count=entry.count,
        logged_by=ctx.user.id,
        reason=entry.reason,
        reason_category=categorize(entry.reason) if entry.status == "missed" else None,
    )
    replaced = (
        await supersede_sessions_on(ctx.conn, ctx.cipher, family.child.id, entry.day, by=session_id)
        if replace
        else []
    )
    await notify_logged(
        ctx,
        family,
        status=entry.status,
        day=entry.day,
        count=entry.count,
        reason=entry.reason,
        replaced=replaced,
    )
    await ctx.end_flow()
    lines = [ctx.t("log.replaced", day=show_day(ctx, entry.day))] if replace else []
    lines.append(saved_text(ctx, family, entry))
    if entry.status == "attended":
        lines += await _month_lines(ctx, family, entry)
    if milestone:
        lines.append(ctx.t("log.milestone", count=milestone, name=family.child.name))
    ctx.reply("\n".join(lines))
    if entry.status == "attended":
        # Optional, so no open question: a late tap or a typed mood word still finds the session.
        send_mood_picker(ctx, family, session_id)


def saved_text(ctx: Context, family: Family, entry: Entry) -> str:
    day, name = show_day(ctx, entry.day), family.child.name
    sessions = sessions_text(ctx, entry.count)
    if entry.status == "attended":
        return ctx.t("log.attended_saved", name=name, day=day, sessions=sessions)
    category = ctx.t(f"log.category.{categorize(entry.reason)}")
    return ctx.t(
        "log.missed_saved",
        name=name,
        day=day,
        sessions=sessions,
        reason=clip(entry.reason),
        category=category,
    )


async def _month_lines(ctx: Context, family: Family, entry: Entry) -> list[str]:
    """What an attended log adds: the month's numbers when they were asked for, and a line
    once the month has gone past its package."""
    if not entry.numbers:
        return await beyond_package(ctx, family, entry.day)
    figures = (await load_month(ctx.conn, ctx.cipher, family.child.id, entry.day)).figures
    name = family.child.name
    if figures is None:
        return [ctx.t("menu.no_plan", name=name)]
    return [snapshot_text(ctx.t, name, figures), *beyond_lines(ctx, figures)]


async def _milestone(ctx: Context, family: Family, entry: Entry) -> int | None:
    """The week-streak milestone this attended day completes, if any."""
    days = set(
        await select_attended_days(
            ctx.conn, family.child.id, family.today - STREAK_LOOKBACK, family.today
        )
    )
    return milestone_reached(
        week_streak(days, family.today), week_streak(days | {entry.day}, family.today)
    )
