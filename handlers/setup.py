"""Setting up the family: the child's name, more children, and each month's plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from dialog import ids
from dialog.commands import Command
from dialog.context import Context, Unexpected
from dialog.conversation import Flow
from dialog.family import Family, current_family
from dialog.ids import ChoiceId
from dialog.replies import Button, Row
from dialog.router import Answer, Router
from handlers.menu import show_menu
from handlers.reports import beyond_lines
from tracker.children import (
    clean_name,
    insert_child,
    select_children,
    update_current_child,
    update_tracking_since,
)
from tracker.dates import local_today
from tracker.errors import InvalidPlan
from tracker.money import MonthFigures, format_inr
from tracker.plan_store import Plan, select_latest_plan_before, select_plan, upsert_plan
from tracker.plans import PRESETS, PlanInput, parse_plan
from tracker.report_store import load_month

router = Router()
Mode = Literal["fresh", "mid"]  # a month from its start, or one already under way


@dataclass(frozen=True, slots=True)
class SetupData:
    mode: Mode = "fresh"  # how the plan step reads typed numbers


SETUP = Flow("setup", ("child_name", "plan"), SetupData)
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
    # no child yet needs no permission: the user becomes the new child's owner
    if not await select_children(ctx.conn):
        await ask_child_name(ctx)
        return
    family = await current_family(ctx, "setup")
    if family and not await offer_rollover(ctx, family):
        offer_modes(ctx, family)


@router.command("add_child")
async def add_child_typed(ctx: Context, _: Command) -> None:
    """Ask for a child's name (kept exactly as typed)."""
    await ask_child_name(ctx)


@router.choice("child", "add")
async def add_child_tapped(ctx: Context, _: ChoiceId) -> None:
    """The "add a child" row of the children list: ask for the name."""
    await ask_child_name(ctx)


async def ask_child_name(ctx: Context) -> None:
    await ctx.enter_step(SETUP, "child_name", SetupData())
    await prompt_child_name(ctx, SetupData())


async def prompt_child_name(ctx: Context, _: SetupData) -> None:
    ctx.reply(ctx.t("child.ask_name"))


@router.step(SETUP, "child_name", ask=prompt_child_name, free_text=True)
async def got_child_name(ctx: Context, answer: Answer[SetupData]) -> None:
    """Create the child with this user as owner, then offer the plan modes."""
    name = clean_name(answer.text)
    if name is None:
        raise Unexpected(ctx.t("child.bad_name"))
    today = local_today(ctx.now, ctx.user.timezone)
    child_id = await insert_child(ctx.conn, name, ctx.user.timezone, today)
    await ctx.end_flow()
    ctx.reply(ctx.t("child.added", name=name))
    family = await current_family(ctx, "setup")
    if family and family.child.id == child_id:
        offer_modes(ctx, family)


def offer_modes(ctx: Context, family: Family) -> None:
    month = family.today.replace(day=1)
    ctx.reply(
        ctx.t("setup.mode", month=month_name(ctx, month), name=family.child.name),
        buttons=(
            Button(ids.encode("setup", "fresh"), ctx.t("btn.setup_fresh")),
            Button(ids.encode("setup", "mid"), ctx.t("btn.setup_mid")),
        ),
    )


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
            Button(ids.encode("setup", "fresh"), ctx.t("btn.setup_change")),
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
        offer_modes(ctx, family)
        return
    carry = min(await carry_forward(ctx, family.child.id, previous), 62)
    plan = PlanInput(previous.sessions_paid, previous.cost_paise // 100, carry)
    await save_plan(ctx, family, plan)


@router.choice("setup", "fresh", needs="setup")
@router.choice("setup", "mid", needs="setup")
async def ask_plan(ctx: Context, _: Family, choice: ChoiceId) -> None:
    """Ask for the package: presets for a fresh start, typed numbers for mid-month."""
    data = SetupData(mode="mid" if choice.action == "mid" else "fresh")
    await ctx.enter_step(SETUP, "plan", data)
    await prompt_plan(ctx, data)


async def prompt_plan(ctx: Context, data: SetupData) -> None:
    if data.mode == "mid":
        ctx.reply(ctx.t("setup.ask_mid"))
        return
    rows = [
        Row(
            ids.encode("setup", "preset", p.key),
            p.label,
            ctx.t(
                "setup.preset_desc",
                count=p.plan.sessions_paid,
                cost=format_inr(p.plan.cost_paise),
            ),
        )
        for p in PRESETS
    ]
    rows.append(
        Row(ids.encode("setup", "other"), ctx.t("setup.other_row"), ctx.t("setup.other_desc"))
    )
    ctx.reply_rows(ctx.t("setup.ask_fresh"), rows, ctx.t("setup.presets_button"))


def _preset_key(arg: str) -> str:
    if arg not in PRESETS_BY_KEY:
        raise ValueError(arg)
    return arg


@router.choice("setup", "preset", _preset_key, needs="setup")
async def chose_preset(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Store a preset package as this month's plan."""
    await save_plan(ctx, family, PRESETS_BY_KEY[choice.value].plan)


@router.choice("setup", "other")
async def ask_other_amount(ctx: Context, _: ChoiceId) -> None:
    """Wait for typed numbers for a fresh start."""
    await ctx.enter_step(SETUP, "plan", SetupData(mode="fresh"))
    ctx.reply(ctx.t("setup.ask_fresh"))


@router.step(SETUP, "plan", ask=prompt_plan, typed=True, needs="setup")
async def got_plan(ctx: Context, family: Family, answer: Answer[SetupData]) -> None:
    """Read typed numbers (fresh or mid-month) and store the plan; refuses out-of-bounds input."""
    try:
        plan = parse_plan(answer.text, mid_month=answer.data.mode == "mid")
    except InvalidPlan as e:
        raise Unexpected(ctx.t(f"plan.error.{e.code}")) from e
    await save_plan(ctx, family, plan)


async def save_plan(ctx: Context, family: Family, plan: PlanInput) -> None:
    """Upsert the month's plan, widen the loggable window for a fresh start, confirm with what
    is used and left, counted as every report counts it."""
    month = family.today.replace(day=1)
    stored = Plan(month, plan.sessions_paid, plan.cost_paise, plan.carried, plan.used_before)
    replaced = await upsert_plan(ctx.conn, family.child.id, stored, ctx.user.id)
    if not plan.used_before and family.child.tracking_since > month:
        await update_tracking_since(ctx.conn, family.child.id, month)
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
