"""The data export as a readable UTF-8 text report, in the user's language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from dialog.context import Context
from tracker.money import format_inr
from tracker.my_data import Account, ChildRecords, Export, Member, NoteRecord
from tracker.phones import mask_phone
from tracker.session_store import SessionRow

RULE = "=" * 40


def export_filename(ctx: Context) -> str:
    return f"therapy-tracker-data-{_local(ctx, ctx.now):%Y-%m-%d}.txt"


def render_export(ctx: Context, export: Export) -> bytes:
    """The whole report; a byte-order mark so phone and desktop viewers pick UTF-8."""
    lines = [
        ctx.t("export.title"),
        ctx.t("export.made", when=_when(ctx, ctx.now), timezone=ctx.user.timezone),
    ]
    lines += _account(ctx, export.account)
    lines += _heading(ctx.t("export.h_families"))
    lines += [
        ctx.t(
            "export.membership",
            name=m.child_name,
            role=ctx.t(f"role.{m.role}"),
            status=ctx.t(f"export.status_{m.status}"),
        )
        for m in export.memberships
    ] or [ctx.t("export.none")]
    for child in export.children:
        lines += _child(ctx, child)
    lines += _heading(ctx.t("export.h_events"))
    lines += [
        ctx.t("export.event", when=_when(ctx, e.created_at), kind=e.kind) for e in export.events
    ] or [ctx.t("export.none")]
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
    days = " ".join(ctx.weekday_name(day - 1) for day in account.reminder_days)
    reminders = "export.reminders_on" if account.reminders_enabled else "export.reminders_off"
    return [
        *_heading(ctx.t("export.h_account")),
        ctx.t("export.phone", phone=account.phone or "-"),
        ctx.t("export.language", code=account.language),
        ctx.t("export.timezone", timezone=account.timezone),
        ctx.t(f"export.consent_{account.consent}", since=since),
        ctx.t(reminders, time=f"{account.reminder_hour:02d}:00", days=days),
        ctx.t("export.joined", when=_when(ctx, account.created_at)),
    ]


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
    lines += [_note(ctx, n, members) for n in child.notes] or [ctx.t("export.none")]
    return lines


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
        parts.append(ctx.t("export.mood", mood=session.mood))
    parts.append(ctx.t("export.by", who=_who(ctx, members.get(session.logged_by))))
    return " – ".join(parts)


def _note(ctx: Context, note: NoteRecord, members: dict[int | None, Member]) -> str:
    who = _who(ctx, members.get(note.author_id))
    return ctx.t("export.note", when=_when(ctx, note.created_at), who=who, body=note.body)
