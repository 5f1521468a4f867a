"""Setting up the family: the child's name, more children, and each month's plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

from dialog import ids
from dialog.commands import Command
from dialog.context import Context, Unexpected
from dialog.conversation import Flow
from dialog.family import Family, current_family
from dialog.ids import ChoiceId
from dialog.replies import Button, Row
from dialog.router import Answer, Router
from handlers.menu import show_menu
from handlers.plan_view import show_plan
from handlers.pro_gate import pro_allows
from handlers.reports import beyond_lines
from tracker.children import (
    clean_name,
    insert_child,
    select_children,
    select_current_child,
    update_current_child,
    update_tracking_since,
)
from tracker.dates import local_today, parse_day_this_month, parse_iso_day
from tracker.errors import InvalidDate, InvalidPlan
from tracker.money import MonthFigures, format_inr
from tracker.plan_store import Plan, select_latest_plan_before, select_plan, upsert_plan
from tracker.plans import PRESETS, PlanInput, parse_plan
from tracker.report_store import load_month

router = Router()
Mode = Literal["fresh", "mid"]  # a month from its start, or one already under way


@dataclass(frozen=True, slots=True)
class SetupData:
    mode: Mode = "fresh"  # how the plan step reads typed numbers
    start: str = ""  # ISO day this month's package began; empty for mid-month

    @property
    def start_day(self) -> date | None:
        return date.fromisoformat(self.start) if self.start else None


SETUP = Flow("setup", ("child_name", "start", "plan"), SetupData)
PRESETS_BY_KEY = {preset.key: preset for preset in PRESETS}
MAX_CHILD_ROWS = 9  # one list row stays free for "add a child"


def month_name(ctx: Context, month: date) -> str:
    return ctx.month_label(month)


@router.command("setup")
async def setup_typed(ctx: Context, _: Command) -> None:
    """Ask for the child's name when there is none; otherwise offer the month's plan modes."""
    await start_setup(ctx)


@router.choice("setup", "start")
async def setup_tapped(ctx: Context, _: ChoiceId) -> None:
    """The setup button of replies that need a child: the same as typing setup."""
    await start_setup(ctx)


async def start_setup(ctx: Context) -> None:
    """The month's plan as it stands when there is one; otherwise set one up."""
    # no child yet needs no permission: the user becomes the new child's owner
    if not await select_children(ctx.conn):
        await ask_child_name(ctx)
        return
    family = await current_family(ctx, "setup")
    if family is None:
        return
    month = family.today.replace(day=1)
    if (plan := await select_plan(ctx.conn, family.child.id, month)) is not None:
        month_log = await load_month(ctx.conn, ctx.cipher, family.child.id, month)
        if month_log.figures is not None:
            show_plan(ctx, family, plan, month_log.figures)
            return
    if not await offer_rollover(ctx, family):
        await ask_start(ctx, family)


@router.choice("setup", "keep", needs="setup")
async def keep_plan(ctx: Context, family: Family, _: ChoiceId) -> None:
    """Leave the month's plan as it is; shows the menu."""
    show_menu(ctx, ctx.t("setup.kept", name=family.child.name))


@router.choice("setup", "change", needs="setup")
async def change_plan(ctx: Context, family: Family, _: ChoiceId) -> None:
    """Set the month's plan up again, starting from when the package began."""
    await ask_start(ctx, family)


@router.command("add_child")
async def add_child_typed(ctx: Context, _: Command) -> None:
    """Ask for a child's name (kept exactly as typed)."""
    await ask_child_name(ctx)


@router.choice("child", "add")
async def add_child_tapped(ctx: Context, _: ChoiceId) -> None:
    """The "add a child" row of the children list: ask for the name."""
    await ask_child_name(ctx)


async def ask_child_name(ctx: Context) -> None:
    if not await may_add_child(ctx):
        return
    await ctx.enter_step(SETUP, "child_name", SetupData())
    await prompt_child_name(ctx, SetupData())


async def prompt_child_name(ctx: Context, _: SetupData) -> None:
    ctx.reply(ctx.t("child.ask_name"))


async def may_add_child(ctx: Context) -> bool:
    """A parent's first child is free; another needs Pro in a family they already keep
    (a therapist's clients do not count)."""
    own = [c.id for c in await select_children(ctx.conn) if c.role in ("owner", "parent")]
    return not own or await pro_allows(ctx, own, "extra_children")


@router.step(SETUP, "child_name", ask=prompt_child_name, free_text=True)
async def got_child_name(ctx: Context, answer: Answer[SetupData]) -> None:
    """Create the child with this user as owner, then offer the plan modes."""
    name = clean_name(answer.text)
    if name is None:
        raise Unexpected(ctx.t("child.bad_name"))
    if not await may_add_child(ctx):
        await ctx.end_flow()
        return
    before = await select_current_child(ctx.conn, ctx.user.id)
    today = local_today(ctx.now, ctx.user.timezone)
    child_id = await insert_child(ctx.conn, name, ctx.user.timezone, today)
    await ctx.end_flow()
    if before is None:
        ctx.reply(ctx.t("child.added", name=name))
    else:  # the new child becomes the one worked on: say so, and how to go back
        ctx.reply(ctx.t("child.added_current", name=name, previous=before.name))
    family = await current_family(ctx, "setup")
    if family and family.child.id == child_id:
        await ask_start(ctx, family)


async def ask_start(ctx: Context, family: Family) -> None:
    """Ask when this month's package began: the 1st, today, a typed day, or only a number.
    On the 1st there is nothing before today to ask about."""
    if family.today.day == 1:
        await ask_package(ctx, SetupData(mode="fresh", start=family.today.isoformat()))
        return
    await ctx.enter_step(SETUP, "start", SetupData())
    await prompt_start(ctx, SetupData())


async def prompt_start(ctx: Context, _: SetupData) -> None:
    family = await current_family(ctx, "setup")
    if family is None:
        return
    first = family.today.replace(day=1)
    ctx.reply(
        ctx.t(
            "setup.ask_start",
            month=month_name(ctx, first),
            name=family.child.name,
            first=ctx.day_label(first),
            today=ctx.day_label(family.today),
            **ctx.date_examples(family.today),
        ),
        buttons=tuple(
            Button(ids.encode("setup", action), ctx.t(f"btn.setup_{action}"))
            for action in ("fresh", "today", "mid")
        ),
    )


@router.step(SETUP, "start", ask=prompt_start, typed=True, needs="setup")
async def got_start(ctx: Context, family: Family, answer: Answer[SetupData]) -> None:
    """A typed day this month up to today: the package began then; ask for the package."""
    today = family.today
    try:
        day = parse_day_this_month(answer.text, today)
    except InvalidDate as e:
        first = ctx.day_label(today.replace(day=1))
        text = ctx.t(
            "setup.bad_start",
            first=first,
            today=ctx.day_label(today),
            **ctx.date_examples(today),
        )
        raise Unexpected(text) from e
    await ask_package(ctx, SetupData(mode="fresh", start=day.isoformat()))


async def offer_rollover(ctx: Context, family: Family) -> bool:
    """A month without a plan is offered the last plan with its carry-forward worked out."""
    month = family.today.replace(day=1)
    if await select_plan(ctx.conn, family.child.id, month):
        return False
    previous = await select_latest_plan_before(ctx.conn, family.child.id, month)
    if previous is None:
        return False
    carry = await carry_forward(ctx, family.child.id, previous)
    ctx.reply(
        ctx.t(
            "setup.rollover",
            month=month_name(ctx, month),
            name=family.child.name,
            previous=month_name(ctx, previous.month),
            paid=ctx.t("log.count", count=previous.sessions_paid),
            cost=format_inr(previous.cost_paise),
            count=carry,
        ),
        buttons=(
            Button(ids.encode("setup", "same"), ctx.t("btn.setup_same")),
            Button(ids.encode("setup", "change"), ctx.t("btn.setup_change")),
        ),
    )
    return True


async def carry_forward(ctx: Context, child_id: int, plan: Plan) -> int:
    """Paid sessions of `plan`'s month that were not used: they move to the next month."""
    figures = (await load_month(ctx.conn, ctx.cipher, child_id, plan.month)).figures
    return figures.carry_forward if figures else 0


@router.choice("setup", "same", needs="setup")
async def reuse_last_plan(ctx: Context, family: Family, _: ChoiceId) -> None:
    """Store last month's plan for this month with the carry-forward; shows the menu."""
    month = family.today.replace(day=1)
    previous = await select_latest_plan_before(ctx.conn, family.child.id, month)
    if previous is None:
        await ask_start(ctx, family)
        return
    carry = min(await carry_forward(ctx, family.child.id, previous), 62)
    plan = PlanInput(previous.sessions_paid, previous.cost_paise // 100, carry)
    await save_plan(ctx, family, plan, month)


@router.choice("setup", "fresh", needs="setup")
@router.choice("setup", "today", needs="setup")
@router.choice("setup", "mid", needs="setup")
async def chose_start(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """The package began on the 1st or today (presets or typed numbers next), or only the
    number of sessions used is known (typed numbers next)."""
    if choice.action == "mid":
        await ask_package(ctx, SetupData(mode="mid"))
        return
    start = family.today if choice.action == "today" else family.today.replace(day=1)
    await ask_package(ctx, SetupData(mode="fresh", start=start.isoformat()))


async def ask_package(ctx: Context, data: SetupData) -> None:
    await ctx.enter_step(SETUP, "plan", data)
    await prompt_plan(ctx, data)


async def prompt_plan(ctx: Context, data: SetupData) -> None:
    if data.mode == "mid":
        ctx.reply(ctx.t("setup.ask_mid"))
        return
    rows = [
        Row(
            ids.encode("setup", "preset", f"{p.key}:{data.start}" if data.start else p.key),
            p.label,
            ctx.t(
                "setup.preset_desc",
                total=format_inr(p.plan.sessions_paid * p.plan.cost_paise),
            ),
        )
        for p in PRESETS
    ]
    other = ids.encode("setup", "other", data.start or None)
    rows.append(Row(other, ctx.t("setup.other_row"), ctx.t("setup.other_desc")))
    ctx.reply_rows(ctx.t("setup.ask_fresh"), rows, ctx.t("setup.presets_button"))


def _optional_day(arg: str) -> date | None:
    return parse_iso_day(arg) if arg else None


def _preset_arg(arg: str) -> tuple[str, date | None]:
    """`16x800` or `16x800:2026-12-03`: the preset and the day the package began."""
    key, _, start = arg.partition(":")
    if key not in PRESETS_BY_KEY:
        raise ValueError(arg)
    return key, _optional_day(start)


def _start_or_first(family: Family, start: date | None) -> date:
    """A tap from before the start question existed began the package on the 1st."""
    return start or family.today.replace(day=1)


@router.choice("setup", "preset", _preset_arg, needs="setup")
async def chose_preset(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Store a preset package as this month's plan."""
    key, start = cast("tuple[str, date | None]", choice.value)
    await save_plan(ctx, family, PRESETS_BY_KEY[key].plan, _start_or_first(family, start))


@router.choice("setup", "other", _optional_day, needs="setup")
async def ask_other_amount(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Wait for typed numbers for a fresh start."""
    start = _start_or_first(family, choice.value)
    await ctx.enter_step(SETUP, "plan", SetupData(mode="fresh", start=start.isoformat()))
    ctx.reply(ctx.t("setup.ask_fresh"))


@router.step(SETUP, "plan", ask=prompt_plan, typed=True, needs="setup")
async def got_plan(ctx: Context, family: Family, answer: Answer[SetupData]) -> None:
    """Read typed numbers (fresh or mid-month) and store the plan; refuses out-of-bounds input."""
    try:
        plan = parse_plan(answer.text, mid_month=answer.data.mode == "mid")
    except InvalidPlan as e:
        raise Unexpected(ctx.t(f"plan.error.{e.code}")) from e
    start = None if answer.data.mode == "mid" else _start_or_first(family, answer.data.start_day)
    await save_plan(ctx, family, plan, start)


async def save_plan(ctx: Context, family: Family, plan: PlanInput, start: date | None) -> None:
    """Upsert the month's plan, open logging from the day the package began, confirm with what
    is used and left, counted as every report counts it."""
    month = family.today.replace(day=1)
    stored = Plan(month, plan.sessions_paid, plan.cost_paise, plan.carried, plan.used_before, start)
    replaced = await upsert_plan(ctx.conn, family.child.id, stored, ctx.user.id)
    # the first day that could not be logged before and now can
    opened = start if start is not None and start < family.child.tracking_since else None
    if opened is not None:
        await update_tracking_since(ctx.conn, family.child.id, opened)
    await ctx.end_flow()
    figures = (await load_month(ctx.conn, ctx.cipher, family.child.id, month)).figures
    lines = [
        ctx.t(
            "setup.saved",
            name=family.child.name,
            month=month_name(ctx, month),
            paid=plan.sessions_paid,
            carried=plan.carried,
            count=plan.total,
            cost=format_inr(plan.cost_paise),
        )
    ]
    if figures is not None:  # always: the plan was just stored
        lines += used_lines(ctx, figures)
    if opened is not None:
        lines.append(ctx.t("setup.saved_start", day=ctx.day_label(opened)))
    if replaced:
        lines.append(ctx.t("setup.replaced", month=month_name(ctx, month)))
    show_menu(ctx, "\n".join(lines))


def used_lines(ctx: Context, figures: MonthFigures) -> list[str]:
    """What of the package is already used and what is left; nothing for an untouched one."""
    if not figures.attended:
        return []
    used = [
        ctx.t("setup.saved_used", used=figures.used_before) if figures.used_before else "",
        ctx.t("setup.saved_logged", count=figures.logged) if figures.logged else "",
        ctx.t("setup.saved_left", left=figures.left),
    ]
    return [" ".join(filter(None, used)), *beyond_lines(ctx, figures)]


@router.command("children", needs="view")
async def children_typed(ctx: Context, family: Family, _: Command) -> None:
    """Show the family's children to switch between, plus a row to add one."""
    await list_children(ctx, family)


@router.choice("child", "list", needs="view")
async def children_tapped(ctx: Context, family: Family, _: ChoiceId) -> None:
    """The children list, from a button: the same as typing children."""
    await list_children(ctx, family)


async def list_children(ctx: Context, family: Family) -> None:
    children = await select_children(ctx.conn)
    rows = [
        Row(ids.encode("child", "switch", c.id), c.name[:24]) for c in children[:MAX_CHILD_ROWS]
    ]
    rows.append(Row(ids.encode("child", "add"), ctx.t("child.add_row")))
    ctx.reply_rows(ctx.t("child.pick", name=family.child.name), rows, ctx.t("child.pick_button"))


@router.choice("child", "switch", int)
async def switch_child(ctx: Context, choice: ChoiceId) -> None:
    """Make the chosen child the one this user works on."""
    chosen = next((c for c in await select_children(ctx.conn) if c.id == choice.value), None)
    if chosen is None:
        ctx.reply(ctx.t("child.unknown"))
        return
    await update_current_child(ctx.conn, ctx.user.id, chosen.id)
    show_menu(ctx, ctx.t("child.switched", name=chosen.name))
