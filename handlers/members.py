"""The family: who is in it, removing and leaving, and the gate that shows pending invites.
Inviting (handlers/invites.py), role changes (handlers/roles.py) and the clinic view
(handlers/clinic.py) are part of this feature and included below."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from dialog import ids
from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family
from dialog.ids import ChoiceId
from dialog.replies import Button, Row
from dialog.router import Router
from handlers import clinic, invites, roles
from handlers.family_notices import Phrase, notify_family, queue_notice
from handlers.menu import main_menu
from tracker.children import Child, select_children
from tracker.members import (
    Invite,
    Member,
    delete_member,
    select_family_invites,
    select_invites,
    select_members,
    select_membership_counts,
)
from tracker.permissions import allowed
from tracker.phones import display_phone, normalise_phone

router = Router()
GATE_COMMANDS = frozenset({"accept", "reject", "consent", "help", "language"})
GATE_CHOICES = frozenset({"invite", "lang"})
MAX_ROWS = 10
DONE = ("removed", "left")


@router.gate
async def pending_invite_gate(ctx: Context) -> bool:
    """Someone only invited (in no family yet) gets their invite back for most messages."""
    if passes_invite_gate(ctx):
        return False
    waiting = await invites_only(ctx)
    if waiting:
        invites.remind_invites(ctx, waiting)
    return bool(waiting)


def passes_invite_gate(ctx: Context) -> bool:
    """Answers to an invite, help, consent and language work before an invite is answered."""
    return bool(
        (ctx.command and ctx.command.name in GATE_COMMANDS)
        or (ctx.choice and ctx.choice.namespace in GATE_CHOICES)
    )


async def invites_only(ctx: Context) -> list[Invite]:
    """The user's pending invites when they are in no family yet; else none."""
    active, pending = await select_membership_counts(ctx.conn)
    return await select_invites(ctx.conn) if pending and not active else []


@router.command("members", needs="members_view")
async def list_members(ctx: Context, family: Family, _: Command) -> None:
    """Show the family with roles and invite states; managers get invite/remove/role buttons."""
    members = await select_members(ctx.conn, family.child.id)
    pending = await select_family_invites(ctx.conn, family.child.id)
    lines = [
        ctx.t("member.list", name=family.child.name),
        *(member_line(ctx, m) for m in members),
        *(invites.invite_line(ctx, i) for i in pending),
        "",
        ctx.t("member.list_hint"),
    ]
    buttons: tuple[Button, ...] = ()
    if allowed(family.child.role, "members_manage"):
        buttons = tuple(
            Button(ids.command(name), ctx.t(f"btn.member_{name}"))
            for name in ("invite", "remove_member", "role")
        )
    ctx.reply("\n".join(lines), buttons=buttons)


def member_line(ctx: Context, member: Member) -> str:
    values = {"phone": display_phone(member.phone), "role": ctx.t(f"role.{member.role}")}
    line = ctx.t("member.line_you" if member.user_id == ctx.user.id else "member.line", **values)
    if member.proposed_role:
        line += " " + ctx.t("member.line_asked", role=ctx.t(f"role.{member.proposed_role}"))
    return line


def may_remove(role: str, member: Member, user_id: int) -> bool:
    """Not oneself (that is leaving), and an owner only by another owner."""
    return member.user_id != user_id and (member.role != "owner" or allowed(role, "remove_owner"))


@router.command("remove_member", needs="members_manage")
async def pick_member_to_remove(ctx: Context, family: Family, command: Command) -> None:
    """List the members and invites this user may remove (or find the typed number)."""
    members = [
        m
        for m in await select_members(ctx.conn, family.child.id)
        if may_remove(family.child.role, m, ctx.user.id)
    ]
    pending = await select_family_invites(ctx.conn, family.child.id)
    typed = normalise_phone(command.args) if command.args else None
    match = next((m for m in members if typed and m.phone == typed), None)
    invite = next((i for i in pending if typed and i.phone == typed), None)
    if match:
        confirm_removal(ctx, family, match)
    elif invite:
        invites.confirm_cancel(ctx, family, invite)
    elif not members and not pending:
        ctx.reply(ctx.t("member.none_to_remove", name=family.child.name))
    else:
        rows = [
            *(
                Row(
                    ids.encode("member", "remove", m.user_id),
                    display_phone(m.phone)[:24],
                    ctx.t(f"role.{m.role}"),
                )
                for m in members
            ),
            *(invites.invite_row(ctx, i) for i in pending),
        ][:MAX_ROWS]
        ctx.reply_rows(
            ctx.t("member.pick_remove", name=family.child.name), rows, ctx.t("btn.member_pick")
        )


@router.choice("member", "remove", int, needs="members_manage")
async def ask_removal(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Ask to confirm removing the tapped member; stores nothing."""
    member = await removable(ctx, family, choice.value)
    if member:
        confirm_removal(ctx, family, member)


def confirm_removal(ctx: Context, family: Family, member: Member) -> None:
    yes = Button(ids.encode("member", "remove_yes", member.user_id), ctx.t("btn.member_remove_yes"))
    invites.confirm_change(ctx, family, "member.remove_confirm", member.phone, member.role, yes)


def keep_button(ctx: Context) -> Button:
    return Button(ids.encode("member", "keep"), ctx.t("btn.member_keep"))


async def removable(ctx: Context, family: Family, user_id: int) -> Member | None:
    """The tapped member, if this user may still remove them from this family."""
    members = await select_members(ctx.conn, family.child.id)
    member = next((m for m in members if m.user_id == user_id), None)
    if member is None or not may_remove(family.child.role, member, ctx.user.id):
        ctx.reply(ctx.t("member.unknown"))
        return None
    return member


@router.choice("member", "remove_yes", int, needs="members_manage")
async def remove(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Remove the member or cancel the invite (never the last owner); the member is told."""
    member = await removable(ctx, family, choice.value)
    if member is None:
        return

    async def tell() -> None:
        if member.status == "active":
            await queue_notice(ctx, member.person, family.child, "notify.removed")

    outcome = await drop(ctx, family.child, member.user_id, tell)
    ctx.reply(ctx.t(f"member.{outcome}", phone=display_phone(member.phone), name=family.child.name))


@router.choice("member", "keep")
async def keep(ctx: Context, _: ChoiceId) -> None:
    """The user changed their mind: nothing is removed."""
    ctx.reply(ctx.t("member.kept"))


@router.command("leave", needs="leave")
async def confirm_leave(ctx: Context, family: Family, _: Command) -> None:
    """Ask to confirm leaving the current child's family; stores nothing."""
    ctx.reply(
        ctx.t("member.leave_confirm", name=family.child.name),
        buttons=(
            Button(ids.encode("member", "leave_yes", family.child.id), ctx.t("btn.member_leave")),
            keep_button(ctx),
        ),
    )


@router.choice("member", "leave_yes", int)
async def leave(ctx: Context, choice: ChoiceId) -> None:
    """Leave the family (the last owner must hand over first); the others hear about it."""
    child = next((c for c in await select_children(ctx.conn) if c.id == choice.value), None)
    if child is None or not allowed(child.role, "leave"):
        ctx.reply(ctx.t("member.unknown"))
        return

    async def tell() -> None:
        await notify_family(ctx, child, "notify.left", role=Phrase(f"role.{child.role}"))

    outcome = await drop(ctx, child, ctx.user.id, tell)
    if outcome == "left":
        await main_menu(ctx, ctx.t("member.left", name=child.name))
    else:
        ctx.reply(ctx.t(f"member.{outcome}", phone="", name=child.name))


async def drop(
    ctx: Context, child: Child, user_id: int, tell: Callable[[], Awaitable[None]]
) -> str:
    """Queue the news, then remove; a refusal (last owner) takes the news back."""
    savepoint = ctx.conn.transaction()
    await savepoint.start()
    await tell()  # while they are still in the family, so RLS lets the notices in
    outcome = await delete_member(ctx.conn, child.id, user_id)
    await (savepoint.commit() if outcome in DONE else savepoint.rollback())
    return outcome


router.include(invites.router)
router.include(roles.router)
router.include(clinic.router)
