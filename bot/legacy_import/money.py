"""Plans, payments, Pro and referrals. The original kept plans and Pro per phone; here they
belong to a family, so each goes to the family its owner or parent pays for."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from bot.legacy_import.plan import EPOCH, Family, FamilyKey, MonthPlan, Payment, Pro, Referral
from bot.legacy_import.report import Report, masked
from bot.legacy_import.rows import Placer, month_tag
from bot.legacy_import.source import LegacyConfig, LegacyPayment, LegacyReferral, LegacyUser
from payments.plans import PARENT_BASIC, plan_for
from tracker.plans import MAX_COST_RUPEES, MAX_SESSIONS

PAYMENT_ID = re.compile(r"^pay_[A-Za-z0-9]{1,60}$")
# Pro with no end was only ever set by hand in the original's database.
LIFETIME = timedelta(days=3650)
PAYING_ROLES = ("owner", "parent")


def place_plans(configs: list[LegacyConfig], placer: Placer) -> None:
    """Each family's plan per month: of the plans its owners and parents typed for one month,
    an owner's (then the latest) is the family's; another that differs is reported."""
    chosen: dict[tuple[FamilyKey, date], LegacyConfig] = {}
    families: dict[FamilyKey, Family] = {}
    for row in sorted(configs, key=lambda c: (c.created_at or EPOCH, c.id)):
        month = month_tag(row.month)
        if month is None:
            placer.report.skip("plan", row.id, "bad_month", repr(row.month))
            continue
        family = placer.family("plan", row.id, None, row.user_phone, paying=True)
        if family is None:
            continue
        families[family.key] = family
        held = chosen.get((family.key, month))
        chosen[family.key, month] = row if held is None else _prefer(family, held, row, placer)
    for (key, month), row in chosen.items():
        _add_plan(families[key], row, month, placer)


def _prefer(family: Family, held: LegacyConfig, new: LegacyConfig, placer: Placer) -> LegacyConfig:
    """An owner's plan over a parent's; between equals the later one (`new`)."""
    roles = {m.phone: PAYING_ROLES.index(m.role) for m in family.members if m.role in PAYING_ROLES}

    def rank(row: LegacyConfig) -> int:
        return roles.get(placer.phone(row.user_phone) or "", len(PAYING_ROLES))

    keep, drop = (held, new) if rank(held) < rank(new) else (new, held)
    detail = f"{drop.month}: kept #{keep.id}"
    if _values(keep) == _values(drop):
        placer.report.note("plan", drop.id, "same_plan_twice", detail)
    else:
        placer.report.skip(
            "plan", drop.id, "plan_conflict", f"{detail} ({_values(keep)} over {_values(drop)})"
        )
    return keep


def _values(row: LegacyConfig) -> str:
    return f"{row.paid_sessions} paid, ₹{row.cost_per_session}, {row.carry_forward or 0} carried"


def _add_plan(family: Family, row: LegacyConfig, month: date, placer: Placer) -> None:
    carried = row.carry_forward or 0
    seen = family.seen(month)
    seen.paid, seen.carried = row.paid_sessions, carried
    seen.set_by = placer.phone(row.user_phone)
    seen.cost_paise = row.cost_per_session * 100
    within = (
        1 <= row.paid_sessions <= MAX_SESSIONS
        and 0 <= carried <= MAX_SESSIONS
        and 0 <= row.cost_per_session <= MAX_COST_RUPEES
    )
    set_by = placer.phone(row.user_phone)
    if not within or set_by is None:
        placer.report.skip("plan", row.id, "plan_out_of_bounds", f"{row.month}: {_values(row)}")
        return
    cost = row.cost_per_session * 100
    family.plans.append(MonthPlan(row.id, month, row.paid_sessions, cost, carried, set_by))


def place_payments(rows: list[LegacyPayment], placer: Placer) -> None:
    seen: set[str] = set()
    for row in rows:
        family = placer.family("payment", row.id, None, row.user_phone, paying=True)
        if family is None:
            continue
        payer = placer.phone(row.user_phone)
        if not PAYMENT_ID.match(row.payment_id or "") or payer is None:
            placer.report.skip("payment", row.id, "no_payment_id", "its days are in the Pro state")
            continue
        payment_id = str(row.payment_id)
        if payment_id in seen:
            placer.report.skip("payment", row.id, "same_payment_twice", payment_id)
            continue
        seen.add(payment_id)
        plan = plan_for(row.plan_code)
        if plan is None:
            placer.report.note("payment", row.id, "plan_not_in_catalog", repr(row.plan_code))
        family.payments.append(
            Payment(
                legacy_id=row.id,
                payment_id=payment_id,
                plan_code=plan.code if plan else None,
                amount_paise=row.amount_paise or 0,
                currency=row.currency or "INR",
                days=row.plan_days,
                payer=payer,
                paid_at=row.paid_at or row.created_at,
            )
        )


def place_pro(
    families: dict[FamilyKey, Family],
    users: list[LegacyUser],
    spellings: dict[str, str],
    now: datetime,
    report: Report,
) -> None:
    """A family has Pro until the latest active Pro of its owners and parents, on the best
    plan its payments name (Parent Basic when none does: it unlocks what the original's Pro
    did, the PDF report and its monthly push)."""
    ends: dict[str, datetime] = {}
    for user in users:
        phone = spellings.get(user.phone)
        if not user.is_pro or phone is None:
            continue
        if user.pro_expires_at is None:
            report.note("user", user.id, "lifetime_pro", f"{masked(phone)}: carried as 10 years")
        end = user.pro_expires_at or now + LIFETIME
        if end > now and end > ends.get(phone, now):
            ends[phone] = end
    for family in families.values():
        payers = [m.phone for m in family.members if m.role in PAYING_ROLES and m.phone in ends]
        if payers:
            family.pro = Pro(_best_plan(family), max(ends[p] for p in payers))


def _best_plan(family: Family) -> str:
    bought = [plan_for(p.plan_code) for p in family.payments]
    ranked = sorted((p for p in bought if p), key=lambda p: p.rank)
    return ranked[-1].code if ranked else PARENT_BASIC.code


def place_referrals(rows: list[LegacyReferral], placer: Placer, report: Report) -> list[Referral]:
    """Who referred whom, as history: the original already gave both sides their days, so
    the Pro state carries them. Its weak rules (§16.5) are refused here as they are now."""
    referrals: list[Referral] = []
    pairs: set[tuple[FamilyKey, FamilyKey]] = set()
    for row in sorted(rows, key=lambda r: (r.created_at or EPOCH, r.id)):
        referee = placer.family("referral", row.id, None, row.referred_phone, paying=True)
        referrer = placer.family("referral", row.id, None, row.referrer_phone, paying=True)
        redeemed_by = placer.phone(row.referred_phone)
        if referee is None or referrer is None or redeemed_by is None:
            continue
        reason = (
            "same_family"
            if referee.key == referrer.key
            else "family_already_referred"
            if referee.key in {p[0] for p in pairs}
            else "mutual"
            if (referrer.key, referee.key) in pairs
            else None
        )
        if reason:
            report.skip("referral", row.id, reason, masked(redeemed_by))
            continue
        pairs.add((referee.key, referrer.key))
        referrals.append(Referral(row.id, referee.key, referrer.key, redeemed_by, row.created_at))
    return referrals
