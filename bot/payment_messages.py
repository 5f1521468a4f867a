"""What members read about payments, each in their own language: the link to pay, and what
a payment, a refund or a referral changed for the family."""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

import asyncpg

from dialog.replies import LinkButton, Outgoing, Reply, Template
from dialog.texts import t
from dialog.texts.dates import day_label
from payments.apply import Granted, Outcome, PaymentFailed, TakenBack
from payments.plans import PLANS
from payments.referrals import ReferralReward
from tracker.money import format_inr

FAMILY = """
SELECT u.id, u.language, c.name, c.timezone FROM tt.memberships m
JOIN tt.users u ON u.id = m.user_id JOIN tt.children c ON c.id = m.child_id
WHERE m.child_id = $1 AND m.status = 'active' ORDER BY u.id
"""


async def link_message(conn: asyncpg.Connection, row: asyncpg.Record, url: str) -> Outgoing:
    """The payment link as a button, for the member who asked (a claimed link request)."""
    language, plan = row["language"], PLANS[row["plan_code"]]
    child = await conn.fetchval("SELECT name FROM tt.children WHERE id = $1", row["child_id"])
    amount = format_inr(row["amount_paise"])
    text = t(
        language,
        "pro.link_ready",
        count=plan.days,
        plan=t(language, f"pro.plan.{plan.code}"),
        amount=amount,
        child=child,
    )
    button = LinkButton(t(language, "btn.pro_pay", amount=amount), url)
    return Outgoing(user_id=row["user_id"], reply=Reply(text=text, link=button))


def link_failed(user_id: int, language: str) -> Outgoing:
    return Outgoing(user_id=user_id, reply=Reply(text=t(language, "pro.link_failed")))


async def outcome_messages(
    conn: asyncpg.Connection, outcomes: list[Outcome], pro_templates: Mapping[str, str]
) -> list[Outgoing]:
    """What each outcome tells whom; "Pro is on" carries the member's language's template
    from `pro_templates`, which the sender uses once their 24-hour window has closed."""
    messages: list[Outgoing] = []
    for outcome in outcomes:
        if isinstance(outcome, PaymentFailed):
            language = await conn.fetchval(
                "SELECT language FROM tt.users WHERE id = $1", outcome.buyer_id
            )
            text = t(language or "en", "pro.payment_failed")
            messages.append(Outgoing(user_id=outcome.buyer_id, reply=Reply(text=text)))
        else:
            messages += await _family_messages(conn, outcome, pro_templates)
    return messages


async def _family_messages(
    conn: asyncpg.Connection,
    outcome: Granted | TakenBack | ReferralReward,
    pro_templates: Mapping[str, str],
) -> list[Outgoing]:
    """One message to every member of the family, with the new expiry in its own timezone."""
    messages = []
    for member in await conn.fetch(FAMILY, outcome.child_id):
        language = member["language"]
        local = outcome.expires_at.astimezone(ZoneInfo(member["timezone"])).date()
        until = day_label(language, local, with_year=True)
        fallback = None
        if isinstance(outcome, Granted):
            plan = t(language, f"pro.plan.{outcome.plan_code}")
            text = t(language, "pro.active_until", child=member["name"], plan=plan, date=until)
            fallback = _template(pro_templates, language, (member["name"], plan, until))
        elif isinstance(outcome, ReferralReward):
            text = t(language, "ref.rewarded", count=outcome.days, date=until)
        else:
            text = t(language, "pro.taken_back", count=outcome.days, date=until)
        reply = Reply(text=text)
        messages.append(Outgoing(user_id=member["id"], reply=reply, fallback=fallback))
    return messages


def _template(
    templates: Mapping[str, str], language: str, parameters: tuple[str, ...]
) -> Template | None:
    name = templates.get(language)
    return Template(name=name, language=language, parameters=parameters) if name else None
