"""What logging shows: readable days, the paged day picker, counts, moods and the saved lines."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from dialog import ids
from dialog.context import Context
from dialog.family import Family
from dialog.replies import Button, Row
from tracker.counts import MAX_SESSIONS_PER_DAY, MIN_SESSIONS_PER_DAY
from tracker.dates import parse_iso_day
from tracker.errors import TrackerError
from tracker.kinds import MOODS, STATUSES, Mood, Status
from tracker.session_store import SessionRow

PAGE_DAYS = 8  # 8 days + "Newer" + "Older" = 10 rows, WhatsApp's most
ECHO_LIMIT = 200  # typed text echoed back is shortened so a reply stays within Meta's limits
MAX_ID_DIGITS = 18  # fits a bigint: a longer typed id is refused here, not by the database


def show_day(ctx: Context, day: date) -> str:
    """A short day in the user's language, like "Mon 12 Feb" (the year only when not this one)."""
    return ctx.day_label(day)


def clip(text: str) -> str:
    return text if len(text) <= ECHO_LIMIT else f"{text[: ECHO_LIMIT - 1]}…"


def sessions_text(ctx: Context, count: int) -> str:
    return ctx.t("log.count", count=count)


def refusal(ctx: Context, family: Family, error: TrackerError, day: date | None = None) -> str:
    """One line saying why a day or count cannot be logged."""
    return ctx.t(
        f"log.error.{error.code}",
        name=family.child.name,
        day=show_day(ctx, day) if day else "",
        today=show_day(ctx, family.today),
        earliest=show_day(ctx, family.child.tracking_since),
        low=MIN_SESSIONS_PER_DAY,
        high=MAX_SESSIONS_PER_DAY,
        **ctx.date_examples(family.today),
    )


def send_day_picker(ctx: Context, family: Family, status: Status, start: date) -> None:
    """A list of up to 8 days from `start` back, with rows to page newer and older."""
    examples = ctx.date_examples(family.today)
    text = ctx.t(f"log.pick_{status}", name=family.child.name, **examples)
    ctx.reply_rows(text, day_rows(ctx, family, status, start), ctx.t("btn.log_pick_day"))


def day_rows(ctx: Context, family: Family, status: Status, start: date) -> list[Row]:
    since = family.child.tracking_since
    days = [start - timedelta(days=back) for back in range(PAGE_DAYS)]
    rows = [_day_row(ctx, family, status, day) for day in days if day >= since]
    if start < family.today:
        newer = min(family.today, start + timedelta(days=PAGE_DAYS))
        rows.insert(0, _page_row(ctx, status, newer, "newer"))
    older = start - timedelta(days=PAGE_DAYS)
    if older >= since:
        rows.append(_page_row(ctx, status, older, "older"))
    return rows


def _day_row(ctx: Context, family: Family, status: Status, day: date) -> Row:
    ago = (family.today - day).days
    note = {0: ctx.t("log.today_desc"), 1: ctx.t("log.yesterday_desc")}.get(ago, "")
    return Row(ids.encode("log", status, day.isoformat()), show_day(ctx, day), note)


def _page_row(
    ctx: Context, status: Status, start: date, direction: Literal["newer", "older"]
) -> Row:
    return Row(
        ids.encode("log", "page", f"{status}:{start.isoformat()}"),
        ctx.t(f"row.log_{direction}"),
        ctx.t(f"log.{direction}_desc", day=show_day(ctx, start)),
    )


def send_count_picker(ctx: Context, family: Family, day: date) -> None:
    rows = [
        Row(ids.encode("log", "count", f"{day.isoformat()}:{count}"), sessions_text(ctx, count))
        for count in range(MIN_SESSIONS_PER_DAY, MAX_SESSIONS_PER_DAY + 1)
    ]
    text = ctx.t("log.ask_count", name=family.child.name, day=show_day(ctx, day))
    ctx.reply_rows(text, rows, ctx.t("btn.log_count"))


def send_reason_question(ctx: Context, family: Family, day: date) -> None:
    ctx.reply(ctx.t("log.ask_reason", name=family.child.name, day=show_day(ctx, day)))


def send_status_question(ctx: Context, family: Family, day: date) -> None:
    """Attended or missed on a day the user typed on its own."""
    ctx.reply(
        ctx.t("log.which_status", name=family.child.name, day=show_day(ctx, day)),
        buttons=(
            Button(ids.encode("log", "attended", day.isoformat()), ctx.t("btn.log_attended")),
            Button(ids.encode("log", "missed", day.isoformat()), ctx.t("btn.log_missed")),
        ),
    )


def send_replace_question(
    ctx: Context, family: Family, status: Status, day: date, existing: list[SessionRow]
) -> None:
    """Replace the day's entries or keep them; add another only when the status is the same."""
    same = can_add(status, existing)
    values = {
        "name": family.child.name,
        "day": show_day(ctx, day),
        "existing": existing_text(ctx, existing),
        "new": ctx.t(f"log.status.{status}"),
    }
    buttons: tuple[Button, ...] = (
        (Button(ids.encode("log", "add"), ctx.t("btn.log_add")),) if same else ()
    )
    buttons += (
        Button(ids.encode("log", "replace"), ctx.t("btn.log_replace")),
        Button(ids.encode("log", "keep"), ctx.t("btn.log_keep")),
    )
    ctx.reply(ctx.t("log.ask_same" if same else "log.ask_other", **values), buttons=buttons)


def can_add(status: Status, existing: list[SessionRow]) -> bool:
    """Another entry may join a day only when everything there has the same status."""
    return all(row.status == status for row in existing)


def existing_text(ctx: Context, rows: list[SessionRow]) -> str:
    """What a day already holds, like "Attended (2 sessions)"."""
    totals: dict[Status, int] = {}
    for row in rows:
        totals[row.status] = totals.get(row.status, 0) + row.count
    return ", ".join(
        ctx.t("log.entry", status=ctx.t(f"log.status.{status}"), sessions=sessions_text(ctx, count))
        for status, count in totals.items()
    )


def send_mood_picker(ctx: Context, family: Family, session_id: int) -> None:
    rows = [
        Row(ids.encode("mood", "set", f"{session_id}:{mood}"), ctx.t(f"row.log_mood_{mood}"))
        for mood in MOODS
    ]
    ctx.reply_rows(ctx.t("mood.ask", name=family.child.name), rows, ctx.t("btn.log_mood"))


# The arguments of the ids above, read beside where they are built.


def read_status(word: str) -> Status:
    """The status an id names; ValueError for any other word."""
    status = next((status for status in STATUSES if status == word), None)
    if status is None:
        raise ValueError(word)
    return status


def read_page_arg(arg: str) -> tuple[Status, date]:
    status, _, day = arg.partition(":")
    return read_status(status), parse_iso_day(day)


def read_count_arg(arg: str) -> tuple[date, int]:
    day, _, count = arg.partition(":")
    if not count.isdigit():
        raise ValueError(count)
    return parse_iso_day(day), int(count)


def read_mood_arg(arg: str) -> tuple[int, Mood]:
    session, _, word = arg.partition(":")
    mood = next((mood for mood in MOODS if mood == word), None)
    if not (session.isdigit() and len(session) <= MAX_ID_DIGITS) or mood is None:
        raise ValueError(arg)
    return int(session), mood
