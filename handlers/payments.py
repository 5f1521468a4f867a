"""Pro for the family: the plans and what each unlocks, the family's state, a payment link
for an owner or parent, and the family's recent payments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from dialog import ids
from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family, current_family
from dialog.ids import ChoiceId
from dialog.replies import Button, LinkButton
from dialog.router import Router
from payments.code_guesses import guessing_too_often, record_wrong_code
from payments.coupons import clean_code, coupon_discount, discounted
from payments.events import PAYMENT_ID
from payments.links import request_link
from payments.plans import PLANS, Plan
from payments.pro import select_pro
from payments.referrals import REWARD_DAYS, family_code, redeem
from payments.referrals import clean_code as clean_code_typed
from payments.status import ask_recheck, payment_state, recent_payments
from tracker.money import format_inr

router = Router()
BUYERS = ("owner", "parent")
RECENT_PAYMENTS = 5


@dataclass(frozen=True, slots=True)
class Purchase:
    """What a buy button carries: the plan, and a coupon the member applied."""

    plan: Plan
    coupon: str | None = None

    def arg(self) -> str:
        return self.plan.code + (f"~{self.coupon}" if self.coupon else "")


def _purchase_arg(arg: str) -> Purchase:
    code, _, typed_coupon = arg.partition("~")
    plan, coupon = PLANS.get(code), clean_code(typed_coupon) if typed_coupon else None
    if plan is None or (typed_coupon and coupon is None):
        raise ValueError(arg)
    return Purchase(plan, coupon)


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
        buttons = _buy_buttons(ctx)
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


def _buy_buttons(ctx: Context, coupon: str | None = None, percent: int = 0) -> tuple[Button, ...]:
    """One button per plan, priced after the coupon if there is one."""
    buttons = []
    for plan in PLANS.values():
        amount = format_inr(discounted(plan.amount_paise, percent))
        title = ctx.t("btn.pro_buy", plan=ctx.t(f"pro.plan.{plan.code}"), amount=amount)
        buttons.append(Button(ids.encode("pro", "buy", Purchase(plan, coupon).arg()), title))
    return tuple(buttons)


async def _state_line(ctx: Context, family: Family) -> str:
    state = await select_pro(ctx.conn, family.child.id)
    if not state.active(ctx.now) or state.expires_at is None:
        return ctx.t("pro.state_free")
    plan = ctx.t(f"pro.plan.{state.plan_code}")
    return ctx.t("pro.state_active", plan=plan, date=_local_day(ctx, family, state.expires_at))


def _local_day(ctx: Context, family: Family, moment: datetime) -> str:
    return ctx.day_label(moment.astimezone(ZoneInfo(family.child.timezone)).date())


@router.choice("pro", "buy", _purchase_arg)
async def buy(ctx: Context, choice: ChoiceId) -> None:
    """A link for this plan: an open one is sent again, otherwise the link job makes one."""
    purchase: Purchase = choice.value
    plan = purchase.plan
    family = await _buyer_family(ctx)
    if family is None:
        return
    link, _ = await request_link(
        ctx.conn, family.child.id, plan, purchase.coupon, ctx.now, ctx.message.phone_number_id
    )
    if link is None:  # the coupon ran out or expired since it was applied
        ctx.reply(ctx.t("coupon.gone", code=purchase.coupon), buttons=_buy_buttons(ctx))
        return
    if link.short_url is None:
        ctx.payments_queued = True
        ctx.reply(ctx.t("pro.link_coming"))
        return
    amount = format_inr(link.amount_paise)
    text = ctx.t(
        "pro.link_ready",
        count=plan.days,
        plan=ctx.t(f"pro.plan.{plan.code}"),
        amount=amount,
        child=family.child.name,
    )
    ctx.reply_link(text, LinkButton(ctx.t("btn.pro_pay", amount=amount), link.short_url))


async def _buyer_family(ctx: Context, *, paying: bool = True) -> Family | None:
    """The family, when the member may act on its payments (and, when `paying`, payments
    are set up); otherwise say why, kindly."""
    family = await current_family(ctx, "view")
    if family is None:
        return None
    if paying and not ctx.links.payments:
        ctx.reply(ctx.t("pro.not_set_up"))
        return None
    if family.child.role not in BUYERS:
        ctx.reply(ctx.t("pro.therapist", child=family.child.name))
        return None
    return family


@router.command("apply_coupon")
async def apply_coupon(ctx: Context, command: Command) -> None:
    """Check a coupon and offer the plans at its price; it is reserved only with a link."""
    family = await _buyer_family(ctx)
    if family is None:
        return
    code = clean_code(command.args)  # codes are upper case, so the casefolded words do
    if code is None:
        ctx.reply(ctx.t("coupon.usage"))
        return
    if await _guessing_too_often(ctx):
        return
    percent = await coupon_discount(ctx.conn, code)
    if percent is None:
        await record_wrong_code(ctx.conn, ctx.user.id, family.child.id, "coupon")
        ctx.reply(ctx.t("coupon.invalid", code=code))
        return
    ctx.reply(
        ctx.t("coupon.applied", code=code, percent=percent),
        buttons=_buy_buttons(ctx, code, percent),
    )


async def _guessing_too_often(ctx: Context) -> bool:
    """Too many wrong codes in the last hour: say so, and look nothing up."""
    if not await guessing_too_often(ctx.conn, ctx.user.id):
        return False
    ctx.reply(ctx.t("code.limited"))
    return True


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
async def reconcile_payment(ctx: Context, command: Command) -> None:
    """Look up one of the family's own payments by id, and ask the reconciliation job to
    check the family's open links now; another family's payment is never looked at."""
    family = await _buyer_family(ctx, paying=False)
    if family is None:
        return
    typed = ctx.message.text.split()[-1] if command.args else ""
    if not PAYMENT_ID.fullmatch(typed):  # Razorpay's ids are case-sensitive: read as typed
        ctx.reply(ctx.t("pay.reconcile_usage"))
        return
    if not await ask_recheck(ctx.conn, family.child.id):
        ctx.reply(ctx.t("pay.reconcile_limited"))
        return
    ctx.payments_queued = True
    state = await payment_state(ctx.conn, family.child.id, typed)
    if state is None:
        ctx.reply(ctx.t("pay.reconcile_checking", child=family.child.name))
        return
    found = ctx.t("pay.reconcile_found", state=ctx.t(f"pay.state.{state}"))
    ctx.reply(f"{found}\n{await _state_line(ctx, family)}")


@router.command("my_referral")
async def my_referral(ctx: Context, _: Command) -> None:
    """The family's invite code and a link that opens this chat with it typed."""
    family = await current_family(ctx, "view")
    if family is None:
        return
    code = await family_code(ctx.conn, family.child.id)
    lines = [ctx.t("ref.code", code=code, count=REWARD_DAYS)]
    if ctx.links.bot_number:
        lines.append(f"https://wa.me/{ctx.links.bot_number}?text=redeem%20{code}")
    ctx.reply("\n\n".join(lines))


@router.command("redeem")
async def redeem_code(ctx: Context, command: Command) -> None:
    """Another family's code: days for this family at once, if it is new and the rules hold."""
    family = await _buyer_family(ctx, paying=False)
    if family is None:
        return
    code = clean_code_typed(command.args)
    if code is None:
        ctx.reply(ctx.t("ref.usage"))
        return
    if await _guessing_too_often(ctx):
        return
    outcome = await redeem(ctx.conn, family.child.id, code)
    if outcome == "not_found":
        await record_wrong_code(ctx.conn, ctx.user.id, family.child.id, "referral")
    if outcome != "redeemed":
        ctx.reply(ctx.t(f"ref.{outcome}"))
        return
    state = await select_pro(ctx.conn, family.child.id)
    until = _local_day(ctx, family, state.expires_at or ctx.now)
    ctx.reply(ctx.t("ref.redeemed", child=family.child.name, count=REWARD_DAYS, date=until))
