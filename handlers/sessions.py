"""Logging sessions: attended and missed from commands, pickers and plain words; replace or add;
the mood after a session; undo; and the backfill wizard for older days."""

from __future__ import annotations

from datetime import date, timedelta

from dialog import ids
from dialog.commands import ALIASES, normalize
from dialog.context import Context
from dialog.family import current_family
from dialog.replies import Button
from dialog.router import Router
from handlers import bulk, log_steps
from handlers.log_entry import Entry, ask_next, check_day, save_entry, show_days
from handlers.log_views import (
    PAGE_DAYS,
    refusal,
    send_status_question,
    sessions_text,
    show_day,
)
from handlers.log_words import MOODS, FoundDay, command_tail, find_day, mood_word
from tracker.children import select_current_child
from tracker.counts import parse_count
from tracker.dates import local_today, parse_iso_day
from tracker.errors import InvalidDate
from tracker.session_store import (
    delete_last_logged_by,
    select_last_logged_by,
    update_session_mood,
)

router = Router()
router.include(log_steps.router)
router.include(bulk.router)

STATUSES = ("attended", "missed")
MAX_ID_DIGITS = 18  # fits a bigint: a longer typed id is refused here, not by the database


def _page_arg(arg: str) -> tuple[str, date]:
    status, _, day = arg.partition(":")
    if status not in STATUSES:
        raise ValueError(status)
    return status, parse_iso_day(day)


def _count_arg(arg: str) -> tuple[date, int]:
    day, _, count = arg.partition(":")
    if not count.isdigit():
        raise ValueError(count)
    return parse_iso_day(day), int(count)


def _mood_arg(arg: str) -> tuple[int, str]:
    session, _, mood = arg.partition(":")
    if not (session.isdigit() and len(session) <= MAX_ID_DIGITS) or mood not in MOODS:
        raise ValueError(arg)
    return int(session), mood


@router.command("attended")
async def attended(ctx: Context) -> None:
    """Log attended sessions from the typed day and count, or ask for the day with a picker."""
    family = await current_family(ctx, "log")
    if family is None:
        return
    tail = command_tail(ctx.message.text, ctx.command)
    try:
        found = find_day(tail, family.today)
    except InvalidDate as e:
        ctx.reply(refusal(ctx, family, e))
        return
    count = parse_count(found.rest)
    if found.day is None and count is None:
        await show_days(ctx, family, "attended", family.today)
        return
    await save_entry(
        ctx, family, Entry("attended", found.day or family.today, 1 if count is None else count)
    )


@router.command("missed")
async def missed(ctx: Context) -> None:
    """Log a missed session from the typed day and reason, or ask for the day, then the reason."""
    family = await current_family(ctx, "log")
    if family is None:
        return
    tail = command_tail(ctx.message.text, ctx.command)
    if not tail:
        await show_days(ctx, family, "missed", family.today)
        return
    try:
        found = find_day(tail, family.today, leading_only=True)
    except InvalidDate as e:
        ctx.reply(refusal(ctx, family, e))
        return
    day = found.day or family.today
    if found.rest:
        await save_entry(ctx, family, Entry("missed", day, 1, found.rest))
    elif check_day(ctx, family, day):
        await ask_next(ctx, family, "missed", day)


@router.command("undo")
async def undo(ctx: Context) -> None:
    """Remove the last entry this member logged for the current child and say what it was."""
    family = await current_family(ctx, "log")
    if family is None:
        return
    removed = await delete_last_logged_by(ctx.conn, ctx.cipher, family.child.id, ctx.user.id)
    if removed is None:
        ctx.reply(ctx.t("undo.nothing", name=family.child.name))
        return
    ctx.reply(
        ctx.t(
            "undo.done",
            name=family.child.name,
            day=show_day(ctx, removed.day),
            status=ctx.t(f"log.status.{removed.status}"),
            sessions=sessions_text(ctx, removed.count),
        )
    )


@router.command("backfill")
async def backfill(ctx: Context) -> None:
    """Ask whether to fill in attended or missed days; stores nothing yet."""
    family = await current_family(ctx, "log")
    if family is not None:
        ctx.reply(
            ctx.t("backfill.ask", name=family.child.name),
            buttons=tuple(
                Button(ids.encode("backfill", status), ctx.t(f"btn.log_{status}"))
                for status in STATUSES
            ),
        )


# Each tapped id carries everything it needs, so a late tap still works without a flow.


@router.choice("backfill", "attended")
@router.choice("backfill", "missed")
async def chose_backfill(ctx: Context) -> None:
    """Show the days before the usual picker's for the chosen status, and wait for a day."""
    family = await current_family(ctx, "log")
    if family is None:
        return
    older = family.today - timedelta(days=PAGE_DAYS)
    start = older if older >= family.child.tracking_since else family.today
    await show_days(ctx, family, ctx.choice.action, start)


@router.choice("log", "page", _page_arg)
async def chose_page(ctx: Context) -> None:
    """Show another page of days for the same status, and wait for a day."""
    family = await current_family(ctx, "log")
    if family is not None:
        status, start = ctx.choice.value
        await show_days(ctx, family, status, start)


@router.choice("log", "attended", parse_iso_day)
@router.choice("log", "missed", parse_iso_day)
async def chose_day(ctx: Context) -> None:
    """Check the tapped day, then ask the count (attended) or the reason (missed)."""
    family = await current_family(ctx, "log")
    if family is not None and check_day(ctx, family, ctx.choice.value):
        await ask_next(ctx, family, ctx.choice.action, ctx.choice.value)


@router.choice("log", "count", _count_arg)
async def chose_count(ctx: Context) -> None:
    """Log the tapped number of attended sessions on the tapped day (or ask replace/add)."""
    family = await current_family(ctx, "log")
    if family is not None:
        day, count = ctx.choice.value
        await save_entry(ctx, family, Entry("attended", day, count))


@router.choice("log", "add")
@router.choice("log", "replace")
@router.choice("log", "keep")
async def stale_answer(ctx: Context) -> None:
    """A replace/add answer after its question closed: stores nothing, says how to log again."""
    ctx.reply(ctx.t("log.stale"))


@router.choice("mood", "set", _mood_arg)
async def chose_mood(ctx: Context) -> None:
    """Store the tapped mood on its session."""
    session_id, mood = ctx.choice.value
    await save_mood(ctx, session_id, mood)


async def save_mood(ctx: Context, session_id: int, mood: str) -> None:
    family = await current_family(ctx, "log")
    if family is None:
        return
    day = await update_session_mood(ctx.conn, family.child.id, session_id, mood)
    if day is None:
        ctx.reply(ctx.t("mood.gone"))
        return
    ctx.reply(
        ctx.t(
            "mood.saved",
            name=family.child.name,
            day=show_day(ctx, day),
            mood=ctx.t(f"row.log_mood_{mood}"),
        )
    )


@router.understand
async def understood(ctx: Context) -> bool:
    """Log "2 sessions today"-style words as attended; for a day on its own, ask which it was."""
    text = ctx.message.text
    if ctx.message.kind != "text" or not text:
        return False
    child = await select_current_child(ctx.conn, ctx.user.id)
    if child is None:
        return False
    mood = mood_word(text)
    if mood:
        return await _typed_mood(ctx, child.id, mood)
    return await _day_or_count(ctx, text, local_today(ctx.now, child.timezone))


async def _day_or_count(ctx: Context, text: str, today: date) -> bool:
    try:
        found = find_day(text, today)
    except InvalidDate as e:
        return await _refuse_day(ctx, e)
    if found.day is not None and not found.rest:
        return await _ask_status(ctx, found.day)
    return await _log_count(ctx, found, text)


async def _log_count(ctx: Context, found: FoundDay, text: str) -> bool:
    """A count with an optional day ("2 sessions", "yesterday 2") is an attended log."""
    count = parse_count(found.rest)
    if count is None or (found.day is None and found.rest.isdigit()) or _says_missed(text):
        return False
    family = await current_family(ctx, "log")
    if family is not None:
        await save_entry(ctx, family, Entry("attended", found.day or family.today, count))
    return True


async def _typed_mood(ctx: Context, child_id: int, mood: str) -> bool:
    """A mood word rates this member's last entry when it is an unrated attended one."""
    last = await select_last_logged_by(ctx.conn, ctx.cipher, child_id, ctx.user.id)
    if last is None or last.status != "attended" or last.mood:
        return False
    await save_mood(ctx, last.id, mood)
    return True


async def _refuse_day(ctx: Context, error: InvalidDate) -> bool:
    family = await current_family(ctx, "log")
    if family is not None:
        ctx.reply(refusal(ctx, family, error))
    return True


async def _ask_status(ctx: Context, day: date) -> bool:
    family = await current_family(ctx, "log")
    if family is not None and check_day(ctx, family, day):
        send_status_question(ctx, family, day)
    return True


def _says_missed(text: str) -> bool:
    """A count next to a "missed" word is not an attended log; leave it to the fallback."""
    words = f" {normalize(text)} "
    return any(f" {normalize(alias)} " in words for alias in ALIASES["missed"])
