"""Days off: today, the next 3 or 7 days, or a typed range; logged sessions are asked about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dialog import ids
from dialog.commands import Command
from dialog.context import Context, Unexpected
from dialog.conversation import Flow
from dialog.family import Family
from dialog.ids import ChoiceId
from dialog.replies import Button, Row
from dialog.router import Answer, Router
from handlers.menu import show_menu
from handlers.session_notices import notify_holiday_replaced
from tracker.dates import parse_day, split_range
from tracker.errors import InvalidDate
from tracker.holiday_store import insert_holidays
from tracker.session_store import select_sessions, supersede_sessions_on

router = Router()


@dataclass(frozen=True, slots=True)
class HolidayData:
    days: list[str]  # ISO dates waiting for the answer to "replace or skip?"
    all_logged: bool = False  # then only "replace" does something


HOLIDAY = Flow("holiday", ("range", "confirm"), HolidayData)
SPANS = {"today": 1, "next3": 3, "next7": 7}
CONFLICT_ANSWERS = ("replace", "skip")
MAX_DAYS = 62
# Days off may be planned up to half a year ahead.
LOOKAHEAD = timedelta(days=185)


@router.command("holiday", needs="holidays")
async def pick_holiday(ctx: Context, family: Family, command: Command) -> None:
    """Mark the typed day or range ("holiday 25 dec"); with none, offer today, the next 3 days,
    the next 7 days or a custom range."""
    if command.args:
        await mark_typed(ctx, family, command.args)
        return
    rows = [
        Row(ids.encode("holiday", key), ctx.t(f"row.holiday.{key}")) for key in (*SPANS, "range")
    ]
    ctx.reply_rows(ctx.t("holiday.pick"), rows, ctx.t("holiday.button"))


@router.choice("holiday", "today", needs="holidays")
@router.choice("holiday", "next3", needs="holidays")
@router.choice("holiday", "next7", needs="holidays")
async def chose_span(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Mark a span starting today, asking first when sessions are logged in it."""
    days = [family.today + timedelta(days=i) for i in range(SPANS[choice.action])]
    await mark_or_confirm(ctx, family, days)


@router.choice("holiday", "range")
async def ask_range(ctx: Context, _: ChoiceId) -> None:
    """Ask for the first and last day off."""
    await ctx.enter_step(HOLIDAY, "range", HolidayData(days=[]))
    await prompt_range(ctx, HolidayData(days=[]))


async def prompt_range(ctx: Context, _: HolidayData) -> None:
    ctx.reply(ctx.t("holiday.ask_range"))


@router.step(HOLIDAY, "range", ask=prompt_range, needs="holidays")
async def got_range(ctx: Context, family: Family, answer: Answer[HolidayData]) -> None:
    """Read "24/12 - 28/12" style ranges (or one day) and mark them."""
    await mark_or_confirm(ctx, family, typed_days(ctx, family, answer.text))


async def mark_typed(ctx: Context, family: Family, text: str) -> None:
    """Days typed after the command: marked like a typed range, or one line saying why not
    and the range question left open for the days typed again."""
    try:
        days = typed_days(ctx, family, text)
    except Unexpected as e:
        # The reply shows how to type the days: what is typed next, as shown, is read.
        await ctx.enter_step(HOLIDAY, "range", HolidayData(days=[]))
        ctx.reply(str(e))
        return
    await mark_or_confirm(ctx, family, days)


def typed_days(ctx: Context, family: Family, text: str) -> list[date]:
    first, last = read_range(ctx, text, family)
    if first < family.child.tracking_since:
        raise Unexpected(
            ctx.t("holiday.before_start", day=ctx.day_label(family.child.tracking_since))
        )
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def read_range(ctx: Context, text: str, family: Family) -> tuple[date, date]:
    parts = split_range(text)
    if not 1 <= len(parts) <= 2:
        raise Unexpected(ctx.t("holiday.bad_range"))
    allowed = (family.child.tracking_since, family.today + LOOKAHEAD)
    try:
        days = [parse_day(part, family.today, allowed) for part in parts]
    except InvalidDate as e:
        raise Unexpected(ctx.t("holiday.bad_range")) from e
    first, last = days[0], days[-1]
    if last < first or (last - first).days >= MAX_DAYS:
        raise Unexpected(ctx.t("holiday.bad_range"))
    return first, last


async def mark_or_confirm(ctx: Context, family: Family, days: list[date]) -> None:
    """Mark at once, or ask first when a session is logged on any of the days."""
    rows = await select_sessions(ctx.conn, ctx.cipher, family.child.id, days[0], days[-1])
    logged = sorted({row.day for row in rows})
    if not logged:
        await mark(ctx, family, days)
        return
    # Keeping the sessions is offered only when it leaves some day to mark.
    data = HolidayData([d.isoformat() for d in days], all_logged=len(logged) == len(days))
    await ctx.enter_step(HOLIDAY, "confirm", data)
    listed = ", ".join(ctx.day_label(d) for d in logged)
    if data.all_logged:
        text = ctx.t("holiday.conflict_all", days=listed)
    else:
        text = ctx.t("holiday.conflict", days=listed)
    ctx.reply(
        text,
        buttons=(
            *conflict_buttons(ctx, data),
            Button(ids.command("cancel"), ctx.t("btn.holiday_cancel")),
        ),
    )


def conflict_buttons(ctx: Context, data: HolidayData) -> tuple[Button, ...]:
    answers = ("replace",) if data.all_logged else CONFLICT_ANSWERS
    return tuple(
        Button(ids.encode("holiday", answer), ctx.t(f"btn.holiday_{answer}")) for answer in answers
    )


async def prompt_confirm(ctx: Context, data: HolidayData) -> None:
    if data.all_logged:
        ctx.reply(
            ctx.t("holiday.confirm_replace_again"),
            buttons=(
                *conflict_buttons(ctx, data),
                Button(ids.command("cancel"), ctx.t("btn.holiday_cancel")),
            ),
        )
        return
    ctx.reply(ctx.t("holiday.confirm_again"), buttons=conflict_buttons(ctx, data))


@router.step(HOLIDAY, "confirm", ask=prompt_confirm, needs="holidays")
async def resolve_conflict(ctx: Context, family: Family, answer: Answer[HolidayData]) -> None:
    """Replace the logged sessions with holidays (setting them aside, not deleting them), or
    keep them and mark only the free days."""
    choice = answer.choice
    if choice is None or choice.namespace != "holiday" or choice.action not in CONFLICT_ANSWERS:
        raise Unexpected
    days = [date.fromisoformat(d) for d in answer.data.days]
    rows = await select_sessions(ctx.conn, ctx.cipher, family.child.id, days[0], days[-1])
    logged = {row.day for row in rows}
    if choice.action == "replace":
        replaced = [
            row
            for day in sorted(logged)
            for row in await supersede_sessions_on(
                ctx.conn, ctx.cipher, family.child.id, day, by=None
            )
        ]
        await notify_holiday_replaced(ctx, family, replaced)
    else:
        days = [d for d in days if d not in logged]
    await mark(ctx, family, days)


@router.choice("holiday", "replace")
@router.choice("holiday", "skip")
async def stale_answer(ctx: Context, _: ChoiceId) -> None:
    """A replace/skip tap after the question was closed: nothing to apply."""
    ctx.reply(ctx.t("holiday.expired"))


async def mark(ctx: Context, family: Family, days: list[date]) -> None:
    await ctx.end_flow()
    if not days:
        show_menu(ctx, ctx.t("holiday.nothing"))
        return
    added = await insert_holidays(ctx.conn, family.child.id, days, ctx.user.id)
    span = (
        ctx.day_label(days[0])
        if len(days) == 1
        else ctx.t("holiday.span", first=ctx.day_label(days[0]), last=ctx.day_label(days[-1]))
    )
    lines = [ctx.t("holiday.marked", count=len(days), name=family.child.name, span=span)]
    if added < len(days):
        lines.append(ctx.t("holiday.already", count=len(days) - added))
    show_menu(ctx, "\n".join(lines))
