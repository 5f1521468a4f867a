"""Typed answers while a logging question waits: the day, the count, the reason, and whether to
replace or add. A tap carries its own answer, so on a tap a step raises Unexpected and the router
closes the question and runs the tap's handler."""

from __future__ import annotations

from datetime import date
from typing import Literal

from dialog.commands import normalize
from dialog.context import Context, Unexpected
from dialog.family import Family
from dialog.router import Answer, Router
from handlers.log_entry import (
    LOG,
    Entry,
    LogData,
    ask_next,
    check_day,
    family_in_flow,
    save_entry,
    write_entry,
)
from handlers.log_views import (
    can_add,
    refusal,
    send_count_picker,
    send_day_picker,
    send_reason_question,
    send_replace_question,
    show_day,
)
from tracker.counts import check_count, parse_count
from tracker.dates import parse_day
from tracker.errors import InvalidDate, TrackerError
from tracker.session_store import select_sessions

router = Router()

ReplaceAnswer = Literal["add", "replace", "keep"]
ANSWERS: tuple[ReplaceAnswer, ...] = ("add", "replace", "keep")


async def ask_day_again(ctx: Context, data: LogData) -> None:
    """Re-send today's page of the day picker; stores nothing."""
    family = await family_in_flow(ctx)
    if family is not None:
        send_day_picker(ctx, family, data.status, family.today)


@router.step(LOG, "date", ask=ask_day_again, typed=True, needs="log")
async def typed_day(ctx: Context, family: Family, answer: Answer[LogData]) -> None:
    """Read a typed day for the waiting status, then ask the count or the reason."""
    try:
        day = parse_day(answer.text, family.today)
    except InvalidDate as e:
        raise Unexpected(refusal(ctx, family, e)) from e
    if check_day(ctx, family, day):
        await ask_next(ctx, family, answer.data.status, day)


async def ask_count_again(ctx: Context, data: LogData) -> None:
    """Re-send the count list for the waiting day; stores nothing."""
    family = await family_in_flow(ctx)
    if family is not None:
        send_count_picker(ctx, family, date.fromisoformat(data.day))


@router.step(LOG, "count", ask=ask_count_again, typed=True, needs="log")
async def typed_count(ctx: Context, family: Family, answer: Answer[LogData]) -> None:
    """Read a typed number of sessions for the waiting day, then log it (or ask replace/add)."""
    count = parse_count(answer.text)
    if count is None:
        raise Unexpected(ctx.t("log.bad_count"))
    try:
        check_count(count)
    except TrackerError as e:
        raise Unexpected(refusal(ctx, family, e)) from e
    day = date.fromisoformat(answer.data.day)
    await save_entry(ctx, family, Entry("attended", day, count))


async def ask_reason_again(ctx: Context, data: LogData) -> None:
    """Ask again for the reason of the waiting missed day; stores nothing."""
    family = await family_in_flow(ctx)
    if family is not None:
        send_reason_question(ctx, family, date.fromisoformat(data.day))


@router.step(LOG, "reason", ask=ask_reason_again, typed=True, free_text=True, needs="log")
async def typed_reason(ctx: Context, family: Family, answer: Answer[LogData]) -> None:
    """Keep the typed reason exactly as written, then log the missed day (or ask replace/add)."""
    if ctx.message.kind != "text" or not answer.text:
        raise Unexpected
    day = date.fromisoformat(answer.data.day)
    await save_entry(ctx, family, Entry("missed", day, 1, answer.text))


async def ask_replace_again(ctx: Context, data: LogData) -> None:
    """Ask again whether to replace, add or keep; stores nothing."""
    family = await family_in_flow(ctx)
    if family is None:
        return
    entry = Entry.from_data(data)
    existing = await select_sessions(ctx.conn, ctx.cipher, family.child.id, entry.day, entry.day)
    send_replace_question(ctx, family, entry.status, entry.day, existing)


@router.step(LOG, "confirm", ask=ask_replace_again, needs="log")
async def answered_replace(ctx: Context, family: Family, answer: Answer[LogData]) -> None:
    """Replace the day's entries with the waiting one, add it beside them, or keep them."""
    entry, said = Entry.from_data(answer.data), _replace_answer(ctx, answer)
    existing = await select_sessions(ctx.conn, ctx.cipher, family.child.id, entry.day, entry.day)
    if said is None or (said == "add" and not can_add(entry.status, existing)):
        raise Unexpected
    if said == "keep":
        await ctx.end_flow()
        ctx.reply(ctx.t("log.kept", day=show_day(ctx, entry.day)))
        return
    await write_entry(ctx, family, entry, replace=said == "replace")


def _replace_answer(ctx: Context, answer: Answer[LogData]) -> ReplaceAnswer | None:
    if answer.choice:
        tapped = (answer.choice.namespace, answer.choice.action)
        return next((said for said in ANSWERS if tapped == ("log", said)), None)
    typed = normalize(answer.text)
    return next(
        (said for said in ANSWERS if typed in (said, normalize(ctx.t(f"btn.log_{said}")))),
        None,
    )
