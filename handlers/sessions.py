"""Logging sessions: attended and missed from commands, pickers and plain words; replace or add;
the mood after a session; undo; and the backfill wizard for older days."""

from __future__ import annotations

from datetime import date, timedelta

from dialog import ids
from dialog.commands import ALIASES, Command, normalize
from dialog.context import Context
from dialog.family import Family, current_family
from dialog.ids import ChoiceId
from dialog.replies import Button
from dialog.router import Router
from handlers import bulk, log_steps
from handlers.log_entry import Entry, ask_next, check_day, save_entry, show_days
from handlers.log_views import (
    PAGE_DAYS,
    existing_text,
    read_count_arg,
    read_mood_arg,
    read_page_arg,
    read_status,
    refusal,
    send_status_question,
    sessions_text,
    show_day,
)
from handlers.log_words import FoundDay, command_tail, find_day, mood_word
from handlers.month_reset import undo_newest_reset
from handlers.session_notices import notify_undone
from tracker.children import select_current_child
from tracker.counts import parse_count
from tracker.dates import local_today, parse_iso_day
from tracker.errors import InvalidDate
from tracker.kinds import STATUSES, Mood
from tracker.session_store import select_last_logged_by, update_session_mood
from tracker.undo_store import Undone, undo_last_change

router = Router()
router.include(log_steps.router)
router.include(bulk.router)


@router.command("attended", needs="log")
async def attended(ctx: Context, family: Family, command: Command) -> None:
    """Log attended sessions from the typed day and count, or ask for the day with a picker."""
    tail = command_tail(ctx.message.text, command)
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


@router.command("missed", needs="log")
async def missed(ctx: Context, family: Family, command: Command) -> None:
    """Log a missed session from the typed day and reason, or ask for the day, then the reason."""
    tail = command_tail(ctx.message.text, command)
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


@router.command("undo", needs="log")
async def undo(ctx: Context, family: Family, _: Command) -> None:
    """Undo this member's last change for the current child (their newest entry, days off
    they marked over logged sessions, or a month they reset), bring back what it set aside,
    say so, tell the family."""
    if await undo_newest_reset(ctx, family):
        return
    undone = await undo_last_change(ctx.conn, ctx.cipher, family.child.id, ctx.user.id)
    if undone is None:
        ctx.reply(ctx.t("undo.nothing", name=family.child.name))
        return
    ctx.reply("\n".join(_undone_lines(ctx, family, undone)))
    await notify_undone(ctx, family, undone)


def _undone_lines(ctx: Context, family: Family, undone: Undone) -> list[str]:
    name, removed = family.child.name, undone.removed
    if removed is None:
        days = ", ".join(show_day(ctx, day) for day in undone.days_off)
        lines = [ctx.t("undo.days_off", count=len(undone.days_off), name=name, days=days)]
    else:
        status, sessions = ctx.t(f"log.status.{removed.status}"), sessions_text(ctx, removed.count)
        day = show_day(ctx, removed.day)
        lines = [ctx.t("undo.done", name=name, day=day, status=status, sessions=sessions)]
    if undone.restored:
        days = ", ".join(show_day(ctx, day) for day in sorted({r.day for r in undone.restored}))
        lines.append(ctx.t("undo.restored", day=days, existing=existing_text(ctx, undone.restored)))
    return lines


@router.command("backfill", needs="log")
async def backfill(ctx: Context, family: Family, _: Command) -> None:
    """Ask whether to fill in attended or missed days; stores nothing yet."""
    ctx.reply(
        ctx.t("backfill.ask", name=family.child.name),
        buttons=tuple(
            Button(ids.encode("backfill", status), ctx.t(f"btn.log_{status}"))
            for status in STATUSES
        ),
    )


# Each tapped id carries everything it needs, so a late tap still works without a flow.


@router.choice("backfill", "attended", needs="log")
@router.choice("backfill", "missed", needs="log")
async def chose_backfill(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Show the days before the usual picker's for the chosen status, and wait for a day."""
    older = family.today - timedelta(days=PAGE_DAYS)
    start = older if older >= family.child.tracking_since else family.today
    await show_days(ctx, family, read_status(choice.action), start)


@router.choice("log", "page", read_page_arg, needs="log")
async def chose_page(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Show another page of days for the same status, and wait for a day."""
    status, start = choice.value
    await show_days(ctx, family, status, start)


@router.choice("log", "attended", parse_iso_day, needs="log")
@router.choice("log", "missed", parse_iso_day, needs="log")
async def chose_day(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Check the tapped day, then ask the count (attended) or the reason (missed)."""
    if check_day(ctx, family, choice.value):
        await ask_next(ctx, family, read_status(choice.action), choice.value)


@router.choice("log", "attended_one", parse_iso_day, needs="log")
async def chose_attended_from_reminder(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """A reminder's Attended: one session on the reminder's day at once (asking replace or add
    when the day has entries), confirmed with the month's numbers."""
    await save_entry(ctx, family, Entry("attended", choice.value, 1, numbers=True))


@router.choice("log", "count", read_count_arg, needs="log")
async def chose_count(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Log the tapped number of attended sessions on the tapped day (or ask replace/add)."""
    day, count = choice.value
    await save_entry(ctx, family, Entry("attended", day, count))


@router.choice("log", "add")
@router.choice("log", "replace")
@router.choice("log", "keep")
async def stale_answer(ctx: Context, _: ChoiceId) -> None:
    """A replace/add answer after its question closed: stores nothing, says how to log again."""
    ctx.reply(ctx.t("log.stale"))


@router.choice("mood", "set", read_mood_arg, needs="log")
async def chose_mood(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Store the tapped mood on its session."""
    session_id, mood = choice.value
    await save_mood(ctx, family, session_id, mood)


async def save_mood(ctx: Context, family: Family, session_id: int, mood: Mood) -> None:
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


async def _typed_mood(ctx: Context, child_id: int, mood: Mood) -> bool:
    """A mood word rates this member's last entry when it is an unrated attended one."""
    last = await select_last_logged_by(ctx.conn, ctx.cipher, child_id, ctx.user.id)
    if last is None or last.status != "attended" or last.mood:
        return False
    if family := await current_family(ctx, "log"):
        await save_mood(ctx, family, last.id, mood)
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
