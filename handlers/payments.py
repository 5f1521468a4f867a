"""Pro for the family: the plans and what each unlocks, the family's state, a payment link
for an owner or parent, and the family's recent payments."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from dialog import ids
from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family, current_family
from dialog.ids import ChoiceId
from dialog.replies import Button, LinkButton
from dialog.router import Router
from payments.events import PAYMENT_ID
from payments.links import request_link
from payments.plans import PLANS, Plan
from payments.pro import select_pro
from payments.status import ask_recheck, payment_state, recent_payments
from tracker.money import format_inr

router = Router()
BUYERS = ("owner", "parent")
RECENT_PAYMENTS = 5


def _plan_arg(code: str) -> Plan:
    plan = PLANS.get(code)
    if plan is None:
        raise ValueError(code)
    return plan


@router.command("go_pro")
async def show_plans(ctx: Context, _: Command) -> None:
    """The family's Pro state, the plans with what each unlocks, and a button per plan for
    an owner or parent once payments are set up."""
    family = await current_family(ctx, "view")
    if family is None:
        return
    lines = [ctx.t("pro.title", child=family.child.name), await _state_line(ctx, family), ""]
    lines += [_plan_line(ctx, plan) for plan in PLANS.values()]
    buttons: tuple[Button, ...] = ()
    if not ctx.links.payments:
        lines += ["", ctx.t("pro.not_set_up")]
    elif family.child.role not in BUYERS:
        lines += ["", ctx.t("pro.therapist", child=family.child.name)]
    else:
        lines += ["", ctx.t("pro.pick")]
        buttons = tuple(_buy_button(ctx, plan) for plan in PLANS.values())
    ctx.reply("\n".join(lines), buttons=buttons)


def _plan_line(ctx: Context, plan: Plan) -> str:
    features = ", ".join(ctx.t(f"pro.feature.{feature}") for feature in plan.unlocks)
    return ctx.t(
        "pro.plan_line",
        count=plan.days,
        plan=ctx.t(f"pro.plan.{plan.code}"),
        amount=format_inr(plan.amount_paise),
        features=features,
    )


def _buy_button(ctx: Context, plan: Plan) -> Button:
    title = ctx.t("btn.pro_buy", plan=ctx.t(f"pro.plan.{plan.code}"), amount=_amount(plan))
    return Button(ids.encode("pro", "buy", plan.code), title)


def _amount(plan: Plan) -> str:
    return format_inr(plan.amount_paise)


async def _state_line(ctx: Context, family: Family) -> str:
    state = await select_pro(ctx.conn, family.child.id)
    if not state.active(ctx.now) or state.expires_at is None:
        return ctx.t("pro.state_free")
    plan = ctx.t(f"pro.plan.{state.plan_code}")
    return ctx.t("pro.state_active", plan=plan, date=_local_day(ctx, family, state.expires_at))


def _local_day(ctx: Context, family: Family, moment: datetime) -> str:
    return ctx.day_label(moment.astimezone(ZoneInfo(family.child.timezone)).date())


@router.choice("pro", "buy", _plan_arg)
async def buy(ctx: Context, choice: ChoiceId) -> None:
    """A link for this plan: an open one is sent again, otherwise the link job makes one."""
    plan: Plan = choice.value
    family = await current_family(ctx, "view")
    if family is None:
        return
    if not ctx.links.payments:
        ctx.reply(ctx.t("pro.not_set_up"))
        return
    if family.child.role not in BUYERS:
        ctx.reply(ctx.t("pro.therapist", child=family.child.name))
        return
    link, _ = await request_link(
        ctx.conn, family.child.id, plan, ctx.now, ctx.message.phone_number_id
    )
    if link.short_url is None:
        ctx.reply(ctx.t("pro.link_coming"))
        return
    text = ctx.t(
        "pro.link_ready",
        count=plan.days,
        plan=ctx.t(f"pro.plan.{plan.code}"),
        amount=_amount(plan),
        child=family.child.name,
    )
    ctx.reply_link(text, LinkButton(ctx.t("btn.pro_pay", amount=_amount(plan)), link.short_url))


@router.command("payment_status")
async def payment_status(ctx: Context, _: Command) -> None:
    """The family's plan and expiry, then its latest payments."""
    family = await current_family(ctx, "view")
    if family is None:
        return
    payments = await recent_payments(ctx.conn, family.child.id, RECENT_PAYMENTS)
    lines = [ctx.t("pay.status_title", child=family.child.name), await _state_line(ctx, family)]
    lines.append("")
    lines += [
        ctx.t(
            "pay.line",
            date=_local_day(ctx, family, payment.created_at),
            amount=format_inr(payment.amount_paise),
            state=ctx.t(f"pay.state.{payment.state}"),
        )
        for payment in payments
    ] or [ctx.t("pay.none")]
    ctx.reply("\n".join(lines))


@router.command("reconcile_payment")
async def reconcile_payment(ctx: Context, _: Command) -> None:
    """Look up one of the family's own payments by id, and ask the reconciliation job to
    check the family's open links now; another family's payment is never looked at."""
    family = await current_family(ctx, "view")
    if family is None:
        return
    if family.child.role not in BUYERS:
        ctx.reply(ctx.t("pro.therapist", child=family.child.name))
        return
    typed = ctx.message.text.split()[-1] if ctx.message.text.split() else ""
    if not PAYMENT_ID.fullmatch(typed):  # Razorpay's ids are case-sensitive: read as typed
        ctx.reply(ctx.t("pay.reconcile_usage"))
        return
    if not await ask_recheck(ctx.conn, family.child.id):
        ctx.reply(ctx.t("pay.reconcile_limited"))
        return
    state = await payment_state(ctx.conn, family.child.id, typed)
    if state is None:
        ctx.reply(ctx.t("pay.reconcile_checking", child=family.child.name))
        return
    found = ctx.t("pay.reconcile_found", state=ctx.t(f"pay.state.{state}"))
    ctx.reply(f"{found}\n{await _state_line(ctx, family)}")
