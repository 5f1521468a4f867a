"""The data export as a readable UTF-8 text report, in the user's language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from dialog.context import Context
from dialog.texts import LANGUAGE_NAMES
from handlers.settings import days_label
from payments.export import FamilyPayments, PaymentRecord
from tracker.money import format_inr
from tracker.my_data import Account, ChildRecords, Event, Export, Member, Membership
from tracker.notes import STRUCTURED_FIELDS, Note
from tracker.phones import display_phone, mask_phone
from tracker.session_store import SessionRow

RULE = "=" * 40
FIELD_INDENT = "    "
# Activity-log kinds with words in the catalogs (export.event.<kind>); others show as stored.
EVENTS = frozenset(
    {
        "opt_out",
        "opt_in",
        "language_changed",
        "timezone_changed",
        "reminders_on",
        "reminders_off",
        "reminder_hour",
        "reminder_days",
        "invite_created",
        "invite_accepted",
        "invite_rejected",
        "invite_cancelled",
        "member_left",
        "member_removed",
        "role_request_accepted",
        "role_request_declined",
    }
)
ROLES = ("owner", "parent", "therapist")


def export_filename(ctx: Context) -> str:
    return f"therapy-tracker-data-{_local(ctx, ctx.now):%Y-%m-%d}.txt"


def render_export(ctx: Context, export: Export, payments: Mapping[int, FamilyPayments]) -> bytes:
    """The whole report; a byte-order mark so phone and desktop viewers pick UTF-8."""
    lines = [
        ctx.t("export.title"),
        ctx.t("export.made", when=_when(ctx, ctx.now), timezone=ctx.user.timezone),
    ]
    lines += _account(ctx, export.account)
    lines += _heading(ctx.t("export.h_families"))
    lines += [_membership(ctx, m) for m in export.memberships] or [ctx.t("export.none")]
    for child in export.children:
        lines += _child(ctx, child)
        if child.id in payments:
            lines += _payments(ctx, payments[child.id])
    names = {m.child_id: m.child_name for m in export.memberships}
    lines += _heading(ctx.t("export.h_events"))
    lines += [_event(ctx, e, names) for e in export.events] or [ctx.t("export.none")]
    lines += ["", ctx.t("export.footer")]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def _local(ctx: Context, moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo(ctx.user.timezone))


def _when(ctx: Context, moment: datetime) -> str:
    return f"{_local(ctx, moment):%Y-%m-%d %H:%M}"


def _heading(title: str) -> list[str]:
    return ["", RULE, title, RULE]


def _account(ctx: Context, account: Account) -> list[str]:
    since = _when(ctx, account.consent_changed_at or account.created_at)
    reminders = "export.reminders_on" if account.reminders_enabled else "export.reminders_off"
    return [
        *_heading(ctx.t("export.h_account")),
        ctx.t("export.phone", phone=display_phone(account.phone)),
        ctx.t("export.language", language_name=_language_name(account.language)),
        ctx.t("export.timezone", timezone=account.timezone),
        ctx.t(f"export.consent_{account.consent}", since=since),
        ctx.t(
            reminders,
            time=f"{account.reminder_hour:02d}:00",
            days=days_label(ctx, account.reminder_days),
        ),
        ctx.t("export.joined", when=_when(ctx, account.created_at)),
    ]


def _language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def _membership(ctx: Context, membership: Membership) -> str:
    role = ctx.t(f"role.{membership.role}")
    return ctx.t(f"export.membership_{membership.status}", name=membership.child_name, role=role)


def _child(ctx: Context, child: ChildRecords) -> list[str]:
    members: dict[int | None, Member] = {m.user_id: m for m in child.members}
    lines = [
        *_heading(ctx.t("export.h_child", name=child.name)),
        ctx.t("export.child_info", timezone=child.timezone, day=child.tracking_since.isoformat()),
        "",
        ctx.t("export.h_members"),
    ]
    lines += [
        ctx.t("export.member", role=ctx.t(f"role.{m.role}"), who=_number(ctx, m))
        for m in child.members
    ]
    lines += ["", ctx.t("export.h_plans")]
    lines += [
        ctx.t(
            "export.plan",
            month=f"{p.month:%Y-%m}",
            count=p.sessions_paid,
            cost=format_inr(p.cost_paise),
            carried=p.carried,
            used=p.used_before,
        )
        for p in child.plans
    ] or [ctx.t("export.none")]
    lines += ["", ctx.t("export.h_sessions")]
    lines += [_session(ctx, s, members) for s in child.sessions] or [ctx.t("export.none")]
    lines += ["", ctx.t("export.h_holidays")]
    lines += [f"• {day.isoformat()}" for day in child.holidays] or [ctx.t("export.none")]
    lines += ["", ctx.t("export.h_notes")]
    for note in child.notes:
        lines += _note(ctx, note, members)
    return lines if child.notes else [*lines, ctx.t("export.none")]


def _payments(ctx: Context, family: FamilyPayments) -> list[str]:
    """The family's Pro and every payment, with Razorpay's payment id to quote."""
    pro = family.pro
    if pro.expires_at is None:
        lines = ["", ctx.t("export.pro_never")]
    else:
        plan = ctx.t(f"pro.plan.{pro.plan_code}")
        state = "export.pro_until" if pro.active(ctx.now) else "export.pro_ended"
        lines = ["", ctx.t(state, plan=plan, when=_when(ctx, pro.expires_at))]
    lines += ["", ctx.t("export.h_payments")]
    lines += [_payment(ctx, p) for p in family.payments] or [ctx.t("export.none")]
    return lines


def _payment(ctx: Context, payment: PaymentRecord) -> str:
    line = ctx.t(
        "export.payment",
        when=_when(ctx, payment.created_at),
        amount=format_inr(payment.amount_paise),
        state=ctx.t(f"pay.state.{payment.state}"),
        payment_id=payment.payment_id,
    )
    if payment.refunded_paise:
        line += " – " + ctx.t("export.refunded", amount=format_inr(payment.refunded_paise))
    return line


def _number(ctx: Context, member: Member) -> str:
    """Other members' numbers are masked: the export is the user's data, not theirs."""
    return ctx.t("export.you") if member.user_id == ctx.user.id else mask_phone(member.phone)


def _who(ctx: Context, member: Member | None) -> str:
    if member is None:
        return ctx.t("export.former_member")
    if member.user_id == ctx.user.id:
        return ctx.t("export.you")
    return f"{ctx.t(f'role.{member.role}')} {mask_phone(member.phone)}"


def _session(ctx: Context, session: SessionRow, members: dict[int | None, Member]) -> str:
    parts = [
        ctx.t(f"export.session_{session.status}", day=session.day.isoformat(), count=session.count)
    ]
    if session.reason:
        parts.append(ctx.t("export.reason", reason=session.reason))
    if session.mood:
        parts.append(ctx.t("export.mood", mood=ctx.t(f"mood.name.{session.mood}")))
    parts.append(ctx.t("export.by", who=_who(ctx, members.get(session.logged_by))))
    return " – ".join(parts)


def _note(ctx: Context, note: Note, members: dict[int | None, Member]) -> list[str]:
    """A free note on one line; a therapist's note with each answer on its own labelled line."""
    when, who = _when(ctx, note.created_at), _who(ctx, members.get(note.author_id))
    if note.kind != "structured":
        key = "export.note_voice" if note.from_voice else "export.note"
        return [ctx.t(key, when=when, who=who, body=note.text)]
    return [ctx.t("export.note_structured", when=when, who=who)] + [
        FIELD_INDENT + ctx.t(f"export.field_{name}", text=note.fields.get(name, ""))
        for name in STRUCTURED_FIELDS
    ]


def _event(ctx: Context, event: Event, names: dict[int, str]) -> str:
    """One line of the activity log in words; a kind this version does not know, as stored."""
    what = event.kind
    if event.kind in EVENTS:
        what = ctx.t(f"export.event.{event.kind}", **_event_values(ctx, event, names))
    return ctx.t("export.event", when=_when(ctx, event.created_at), what=what)


def _event_values(ctx: Context, event: Event, names: dict[int, str]) -> dict[str, str]:
    details = event.details
    name = names.get(event.child_id) if event.child_id else None
    values = {
        "family": ctx.t("export.family_of", name=name) if name else ctx.t("export.a_family"),
        "language_name": _language_name(str(details.get("language", ""))),
        "timezone": str(details.get("timezone", "")),
        "time": f"{int(details.get('hour', 0)):02d}:00",
        "days": days_label(ctx, tuple(details.get("days") or ())),
    }
    for field, detail in (("role", "role"), ("from_role", "from"), ("to_role", "to")):
        role = details.get(detail)
        values[field] = ctx.t(f"role.{role}") if role in ROLES else ""
    return values
