"""Setting up the family: the child's name, more children, and each month's plan."""

from __future__ import annotations

from datetime import date

from dialog.context import Context, Unexpected
from dialog.conversation import Flow
from dialog.family import Family, current_family
from dialog.replies import Button, Row
from dialog.router import Router
from handlers.menu import show_menu
from tracker.children import (
    clean_name,
    insert_child,
    select_children,
    update_current_child,
    update_tracking_since,
)
from tracker.dates import local_today
from tracker.errors import InvalidPlan
from tracker.money import format_inr, month_figures
from tracker.plan_store import Plan, select_latest_plan_before, select_plan, upsert_plan
from tracker.plans import PRESETS, PlanInput, parse_plan
from tracker.session_store import select_sessions

router = Router()
SETUP = Flow("setup", ("child_name", "plan"))
PRESETS_BY_KEY = {preset.key: preset for preset in PRESETS}
MAX_CHILD_ROWS = 9  # one list row stays free for "add a child"


def month_name(ctx: Context, month: date) -> str:
    return f"{ctx.t(f'month.{month.month}')} {month.year}"


@router.command("setup")
@router.choice("setup", "start")
async def start_setup(ctx: Context) -> None:
    """Ask for the child's name when there is none; otherwise offer the month's plan modes."""
    if not await select_children(ctx.conn):
        await ask_child_name(ctx)
        return
    family = await current_family(ctx, "setup")
    if family and not await offer_rollover(ctx, family):
        offer_modes(ctx, family)


@router.command("add_child")
@router.choice("child", "add")
async def ask_child_name(ctx: Context) -> None:
    """Ask for a child's name (kept exactly as typed)."""
    await ctx.start_flow(SETUP, "child_name")
    await prompt_child_name(ctx)


async def prompt_child_name(ctx: Context) -> None:
    ctx.reply(ctx.t("child.ask_name"))


@router.step(SETUP, "child_name", ask=prompt_child_name)
async def got_child_name(ctx: Context) -> None:
    """Create the child with this user as owner, then offer the plan modes."""
    name = clean_name(ctx.message.text)
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
            Button("setup:fresh", ctx.t("btn.setup_fresh")),
            Button("setup:mid", ctx.t("btn.setup_mid")),
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
            paid=previous.sessions_paid,
            cost=format_inr(previous.cost_paise),
            carry=carry,
        ),
        buttons=(
            Button("setup:same", ctx.t("btn.setup_same")),
            Button("setup:fresh", ctx.t("btn.setup_change")),
        ),
    )
    return True


async def carry_forward(ctx: Context, child_id: int, plan: Plan) -> int:
    """Paid sessions of `plan`'s month that were not used: they move to the next month."""
    last_day = _month_end(plan.month)
    rows = await select_sessions(ctx.conn, ctx.cipher, child_id, plan.month, last_day)
    attended = sum(r.count for r in rows if r.status == "attended")
    missed = sum(r.count for r in rows if r.status == "missed")
    return month_figures(
        plan.sessions_paid, plan.carried, plan.cost_paise, attended, missed, plan.used_before
    ).carry_forward


def _month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


@router.choice("setup", "same")
async def reuse_last_plan(ctx: Context) -> None:
    """Store last month's plan for this month with the carry-forward; shows the menu."""
    family = await current_family(ctx, "setup")
    if family is None:
        return
    month = family.today.replace(day=1)
    previous = await select_latest_plan_before(ctx.conn, family.child.id, month)
    if previous is None:
        offer_modes(ctx, family)
        return
    carry = min(await carry_forward(ctx, family.child.id, previous), 62)
    plan = PlanInput(previous.sessions_paid, previous.cost_paise // 100, carry)
    await save_plan(ctx, family, plan)


@router.choice("setup", "fresh")
@router.choice("setup", "mid")
async def ask_plan(ctx: Context) -> None:
    """Ask for the package: presets for a fresh start, typed numbers for mid-month."""
    family = await current_family(ctx, "setup")
    if family is None:
        return
    await ctx.start_flow(SETUP, "plan", mode=ctx.choice.action)
    await prompt_plan(ctx)


async def prompt_plan(ctx: Context) -> None:
    if ctx.state.data.get("mode") == "mid":
        ctx.reply(ctx.t("setup.ask_mid"))
        return
    rows = [
        Row(
            f"setup:preset:{p.key}",
            p.label,
            ctx.t(
                "setup.preset_desc",
                sessions=p.plan.sessions_paid,
                cost=format_inr(p.plan.cost_paise),
            ),
        )
        for p in PRESETS
    ]
    rows.append(Row("setup:other", ctx.t("setup.other_row"), ctx.t("setup.other_desc")))
    ctx.reply_rows(ctx.t("setup.ask_fresh"), rows, ctx.t("setup.presets_button"))


def _preset_key(arg: str) -> str:
    if arg not in PRESETS_BY_KEY:
        raise ValueError(arg)
    return arg


@router.choice("setup", "preset", _preset_key)
async def chose_preset(ctx: Context) -> None:
    """Store a preset package as this month's plan."""
    family = await current_family(ctx, "setup")
    if family:
        await save_plan(ctx, family, PRESETS_BY_KEY[ctx.choice.value].plan)


@router.choice("setup", "other")
async def ask_other_amount(ctx: Context) -> None:
    """Wait for typed numbers for a fresh start."""
    await ctx.start_flow(SETUP, "plan", mode="fresh")
    ctx.reply(ctx.t("setup.ask_fresh"))


@router.step(SETUP, "plan", ask=prompt_plan, typed=True)
async def got_plan(ctx: Context) -> None:
    """Read typed numbers (fresh or mid-month) and store the plan; refuses out-of-bounds input."""
    family = await current_family(ctx, "setup")
    if family is None:
        await ctx.end_flow()
        return
    try:
        plan = parse_plan(ctx.message.text, mid_month=ctx.state.data.get("mode") == "mid")
    except InvalidPlan as e:
        raise Unexpected(ctx.t(f"plan.error.{e.code}")) from e
    await save_plan(ctx, family, plan)


async def save_plan(ctx: Context, family: Family, plan: PlanInput) -> None:
    """Upsert the month's plan, widen the loggable window for a fresh start, confirm."""
    month = family.today.replace(day=1)
    stored = Plan(month, plan.sessions_paid, plan.cost_paise, plan.carried, plan.used_before)
    replaced = await upsert_plan(ctx.conn, family.child.id, stored, ctx.user.id)
    if not plan.used_before and family.child.tracking_since > month:
        await update_tracking_since(ctx.conn, family.child.id, month)
    await ctx.end_flow()
    lines = [
        ctx.t(
            "setup.saved",
            name=family.child.name,
            month=month_name(ctx, month),
            paid=plan.sessions_paid,
            carried=plan.carried,
            total=plan.total,
            cost=format_inr(plan.cost_paise),
        )
    ]
    if plan.used_before:
        lines.append(
            ctx.t("setup.saved_used", used=plan.used_before, left=plan.total - plan.used_before)
        )
    if replaced:
        lines.append(ctx.t("setup.replaced", month=month_name(ctx, month)))
    show_menu(ctx, "\n".join(lines))


@router.command("children")
@router.choice("child", "list")
async def list_children(ctx: Context) -> None:
    """Show the family's children to switch between, plus a row to add one."""
    children = await select_children(ctx.conn)
    family = await current_family(ctx, "view")
    if family is None:
        return
    rows = [Row(f"child:switch:{c.id}", c.name[:24]) for c in children[:MAX_CHILD_ROWS]]
    rows.append(Row("child:add", ctx.t("child.add_row")))
    ctx.reply_rows(ctx.t("child.pick", name=family.child.name), rows, ctx.t("child.pick_button"))


@router.choice("child", "switch", int)
async def switch_child(ctx: Context) -> None:
    """Make the chosen child the one this user works on."""
    chosen = next((c for c in await select_children(ctx.conn) if c.id == ctx.choice.value), None)
    if chosen is None:
        ctx.reply(ctx.t("child.unknown"))
        return
    await update_current_child(ctx.conn, ctx.user.id, chosen.id)
    show_menu(ctx, ctx.t("child.switched", name=chosen.name))
