"""Role changes and ownership handover: asked by a manager, applied only when the member agrees."""

from __future__ import annotations

from dialog import ids
from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family, current_family
from dialog.ids import ChoiceId
from dialog.replies import Button, Reply, Row
from dialog.router import Router
from dialog.texts import t
from handlers.family_notices import Phrase, actor_label, notify_family, queue_notice, reachable
from tracker.children import Child, select_children
from tracker.members import (
    Member,
    RoleAnswer,
    select_members,
    select_role_requests,
    update_role_answer,
    update_role_proposal,
)
from tracker.permissions import Role
from tracker.phones import display_phone

router = Router()
OTHER_ROLE: dict[str, Role] = {"parent": "therapist", "therapist": "parent"}
MAX_ROWS = 10
MAX_REQUESTS_SHOWN = 3


@router.command("role")
async def change_role(ctx: Context, _: Command) -> None:
    """Show requests made to this user; otherwise list members whose role they may change."""
    if await show_role_requests(ctx):
        return
    # checked here, not with needs=: anyone may see the requests made to them
    family = await current_family(ctx, "members_manage")
    if family is None:
        return
    members = [
        m
        for m in await select_members(ctx.conn, family.child.id)
        if m.status == "active" and m.role in OTHER_ROLE and m.user_id != ctx.user.id
    ]
    if not members:
        ctx.reply(ctx.t("member.no_role_candidates", name=family.child.name))
        return
    rows = [
        Row(
            ids.encode("member", "propose", m.user_id),
            display_phone(m.phone)[:24],
            ctx.t(
                "member.role_row_desc",
                old=ctx.t(f"role.{m.role}"),
                new=ctx.t(f"role.{OTHER_ROLE[m.role]}"),
            ),
        )
        for m in members[:MAX_ROWS]
    ]
    ctx.reply_rows(
        ctx.t("member.pick_role_change", name=family.child.name), rows, ctx.t("btn.member_pick")
    )


@router.command("transfer", needs="transfer")
async def pick_new_owner(ctx: Context, family: Family, _: Command) -> None:
    """List the active members who could take over as owner; stores nothing."""
    members = [
        m
        for m in await select_members(ctx.conn, family.child.id)
        if m.status == "active" and m.role != "owner"
    ]
    if not members:
        ctx.reply(ctx.t("member.no_owner_candidates", name=family.child.name))
        return
    rows = [
        Row(
            ids.encode("member", "transfer", m.user_id),
            display_phone(m.phone)[:24],
            ctx.t(f"role.{m.role}"),
        )
        for m in members[:MAX_ROWS]
    ]
    ctx.reply_rows(
        ctx.t("member.pick_owner", name=family.child.name), rows, ctx.t("btn.member_pick")
    )


@router.choice("member", "propose", int, needs="members_manage")
async def propose_role(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Store a request to switch the member between parent and therapist, and ask them."""
    member = await _target(ctx, family, choice.value)
    if member and member.role in OTHER_ROLE:
        await propose(ctx, family, member, OTHER_ROLE[member.role])


@router.choice("member", "transfer", int, needs="transfer")
async def propose_owner(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Store a request to hand ownership to the member, and ask them."""
    member = await _target(ctx, family, choice.value)
    if member and member.role != "owner":
        await propose(ctx, family, member, "owner")


async def _target(ctx: Context, family: Family, user_id: int) -> Member | None:
    """The tapped member if they are still active in this family (and not the user)."""
    member = next(
        (
            m
            for m in await select_members(ctx.conn, family.child.id)
            if m.user_id == user_id and m.status == "active" and m.user_id != ctx.user.id
        ),
        None,
    )
    if member is None:
        ctx.reply(ctx.t("member.unknown"))
    return member


async def propose(ctx: Context, family: Family, member: Member, role: Role) -> None:
    """Record the request; message the member if their window is open, and say which."""
    if not await update_role_proposal(ctx.conn, family.child.id, member.user_id, role):
        ctx.reply(ctx.t("member.unknown"))
        return
    person = member.person
    if reachable(ctx, person):
        ctx.notify(
            person.user_id,
            request_message(
                person.language,
                family.child.id,
                family.child.name,
                actor_label(ctx),
                member.role,
                role,
            ),
        )
    key = "member.asked_sent" if reachable(ctx, person) else "member.asked_later"
    ctx.reply(
        ctx.t(
            key,
            phone=display_phone(member.phone),
            role=ctx.t(f"role.{role}"),
            name=family.child.name,
        )
    )


def request_message(
    language: str, child_id: int, child_name: str, by: str, old: str, new: str
) -> Reply:
    """The request in the member's language, with Agree and Decline buttons."""
    key = "member.request_owner" if new == "owner" else "member.request_role"
    text = t(
        language,
        key,
        by=by,
        name=child_name,
        old=t(language, f"role.{old}"),
        new=t(language, f"role.{new}"),
    )
    return Reply(
        text=text,
        buttons=(
            Button(ids.encode("member", "role_yes", child_id), t(language, "btn.member_agree")),
            Button(ids.encode("member", "role_no", child_id), t(language, "btn.member_decline")),
        ),
    )


async def show_role_requests(ctx: Context) -> bool:
    """Show this user's open role requests with their buttons; False when there are none."""
    requests = await select_role_requests(ctx.conn)
    for request in requests[:MAX_REQUESTS_SHOWN]:
        reply = request_message(
            ctx.user.language,
            request.child_id,
            request.child_name,
            display_phone(request.proposer_phone),
            request.role,
            request.proposed_role,
        )
        ctx.reply(reply.text, buttons=reply.buttons)
    return bool(requests)


@router.choice("member", "role_yes", int)
@router.choice("member", "role_no", int)
async def answer_role_request(ctx: Context, choice: ChoiceId) -> None:
    """Apply (or drop) the role request for this child; the family hears about a change."""
    agreed = choice.action == "role_yes"
    answer = await update_role_answer(ctx.conn, choice.value, agreed)
    if answer is None:
        ctx.reply(ctx.t("member.no_request"))
    elif answer.outcome == "last_owner":
        ctx.reply(ctx.t("member.last_owner_role"))
    elif agreed:
        child = await _child(ctx, choice.value)
        await notify_family(
            ctx, child, "notify.role_changed", role=Phrase(f"role.{answer.new_role}")
        )
        ctx.reply(ctx.t("member.role_now", name=child.name, role=ctx.t(f"role.{answer.new_role}")))
    else:
        await declined(ctx, await _child(ctx, choice.value), answer)


async def declined(ctx: Context, child: Child, answer: RoleAnswer) -> None:
    """Tell the member who asked (if still in the family) and confirm the role stays."""
    proposer = next(
        (
            m.person
            for m in await select_members(ctx.conn, child.id)
            if m.user_id == answer.proposer_id and m.status == "active"
        ),
        None,
    )
    if proposer:
        await queue_notice(
            ctx, proposer, child, "notify.role_declined", role=Phrase(f"role.{answer.new_role}")
        )
    ctx.reply(ctx.t("member.role_kept", name=child.name, role=ctx.t(f"role.{answer.old_role}")))


async def _child(ctx: Context, child_id: int) -> Child:
    # the answer function already refused anyone who is not an active member of this child
    return next(c for c in await select_children(ctx.conn) if c.id == child_id)
