"""Inviting a parent or therapist by phone, and the invitee's answer (accept or reject)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

from dialog import ids
from dialog.commands import Command
from dialog.context import Context, Unexpected
from dialog.conversation import Flow
from dialog.family import Family
from dialog.ids import ChoiceId
from dialog.replies import Button, Reply, Row, Template
from dialog.router import Answer, Router
from dialog.texts import t
from handlers.family_notices import (
    ChildRef,
    Phrase,
    actor_label,
    notify_family,
    queue_notice,
    reachable,
)
from handlers.menu import show_menu
from handlers.roles import show_role_requests
from tracker.children import Child
from tracker.members import (
    FamilyInvite,
    Invite,
    Person,
    delete_family_invite,
    delete_invite,
    insert_invite,
    select_family_invites,
    select_invites,
    select_known_person,
    update_invite_accepted,
)
from tracker.phones import display_phone, normalise_phone

router = Router()
InviteRole = Literal["parent", "therapist"]
INVITE_ROLES: tuple[InviteRole, ...] = ("parent", "therapist")
InviteAnswer = Literal["accept", "reject"]
ANSWERS: tuple[InviteAnswer, ...] = ("accept", "reject")
Channel = Literal["message", "template", "link"]
JOIN_WORD = "accept"  # the text a wa.me link fills in; an alias of `accept` in every language
MAX_INVITE_ROWS = 10


@dataclass(frozen=True, slots=True)
class InviteData:
    role: InviteRole


INVITE = Flow("invite", ("phone",), InviteData)


def _invite_role(arg: str) -> InviteRole:
    role = next((r for r in INVITE_ROLES if r == arg), None)
    if role is None:
        raise ValueError(arg)
    return role


@router.command("invite", needs="members_manage")
async def offer_invite(ctx: Context, family: Family, _: Command) -> None:
    """Ask whether to invite a parent or a therapist; stores nothing."""
    ctx.reply(
        ctx.t("invite.pick_role", name=family.child.name),
        buttons=tuple(
            Button(ids.encode("invite", "role", role), ctx.t(f"btn.member_{role}"))
            for role in INVITE_ROLES
        ),
    )


@router.choice("invite", "role", _invite_role, needs="members_manage")
async def ask_invite_phone(ctx: Context, _: Family, choice: ChoiceId) -> None:
    """Remember the chosen role and ask for the number."""
    await ask_for_phone(ctx, InviteData(choice.value))


async def ask_for_phone(ctx: Context, data: InviteData) -> None:
    await ctx.enter_step(INVITE, "phone", data)
    await prompt_phone(ctx, data)


async def prompt_phone(ctx: Context, data: InviteData) -> None:
    ctx.reply(ctx.t("invite.ask_phone", role=ctx.t(f"role.{data.role}")))


@router.step(INVITE, "phone", ask=prompt_phone, typed=True, needs="members_manage")
async def got_invite_phone(ctx: Context, family: Family, answer: Answer[InviteData]) -> None:
    """Invite the typed number in the chosen role; a number that does not parse is re-asked."""
    phone = normalise_phone(answer.text)
    if phone is None:
        raise Unexpected(ctx.t("invite.bad_phone"))
    await ctx.end_flow()
    await invite(ctx, family, answer.data.role, phone)


@router.command("add_parent", "add_therapist", needs="members_manage")
async def invite_by_command(ctx: Context, family: Family, command: Command) -> None:
    """`add parent <number>` invites at once; without a number it asks for one."""
    role: InviteRole = "parent" if command.name == "add_parent" else "therapist"
    if not command.args:
        await ask_for_phone(ctx, InviteData(role))
        return
    phone = normalise_phone(command.args)
    if phone is None:
        ctx.reply(ctx.t("invite.bad_phone"))
        return
    await invite(ctx, family, role, phone)


async def invite(ctx: Context, family: Family, role: InviteRole, phone: str) -> None:
    """Store the invite and answer the same whoever owns the number. Only someone already in
    one of the user's families is messaged (what we know of them, the user may see too);
    anyone else sees the invite when they write, or through the link the user forwards."""
    known = await select_known_person(ctx.conn, phone)
    channel = invite_channel(ctx, known)
    result = await insert_invite(ctx.conn, family.child.id, phone, role, channel)
    values = {
        "phone": display_phone(phone),
        "name": family.child.name,
        "role": ctx.t(f"role.{result.role}"),
    }
    if result.outcome not in ("invited", "reinvited"):
        ctx.reply(ctx.t(f"invite.{result.outcome}", **values))
        return
    if known:
        deliver_invite(ctx, family.child, known, result.role, channel)
    if ctx.links.bot_number:
        link = f"https://wa.me/{ctx.links.bot_number}?text={quote(JOIN_WORD)}"
        ctx.reply(ctx.t("invite.sent_url", link=link, **values))
    else:
        ctx.reply(ctx.t("invite.sent", **values))


def invite_channel(ctx: Context, known: Person | None) -> Channel:
    """A message inside their window, else the approved template, else a link to forward;
    someone unknown to the user, or opted out, is never messaged."""
    if known is None or known.consent != "opted_in":
        return "link"
    if reachable(ctx, known):
        return "message"
    return "template" if ctx.links.invite_template else "link"


def deliver_invite(ctx: Context, child: Child, known: Person, role: str, channel: Channel) -> None:
    template = None
    if ctx.links.invite_template:
        template = Template(
            name=ctx.links.invite_template,
            language=ctx.links.invite_template_lang,
            parameters=(child.name, actor_label(ctx)),
        )
    if channel == "message":
        ctx.notify(
            known.user_id, invite_message(ctx, known.language, child, role), fallback=template
        )
    elif channel == "template" and template:
        ctx.notify(known.user_id, template)


def invite_message(ctx: Context, language: str, child: Child, role: str) -> Reply:
    """The invite in the invitee's language, with Accept and Reject buttons."""
    text = t(
        language,
        "invite.received",
        by=actor_label(ctx),
        name=child.name,
        role=t(language, f"role.{role}"),
    )
    return Reply(text=text, buttons=answer_buttons(language, child.id))


def answer_buttons(language: str, child_id: int) -> tuple[Button, ...]:
    return tuple(
        Button(ids.encode("invite", action, child_id), t(language, f"btn.member_{action}"))
        for action in ANSWERS
    )


def remind_invites(ctx: Context, invites: list[Invite], lead: str = "") -> None:
    """One invite: its text with buttons. Several: a list to choose the one to accept.
    `lead` is a line to say first, in the same message."""
    if len(invites) == 1:
        only = invites[0]
        text = ctx.t(
            "invite.reminder",
            name=only.child_name,
            by=display_phone(only.inviter_phone),
            role=ctx.t(f"role.{only.role}"),
        )
        ctx.reply(
            "\n\n".join(filter(None, [lead, text])),
            buttons=answer_buttons(ctx.user.language, only.child_id),
        )
        return
    if lead:
        ctx.reply(lead)
    pick_invite(ctx, invites, "accept")


def pick_invite(ctx: Context, invites: list[Invite], action: InviteAnswer) -> None:
    rows = [
        Row(
            ids.encode("invite", action, i.child_id),
            i.child_name[:24],
            ctx.t(
                "invite.row_desc", role=ctx.t(f"role.{i.role}"), by=display_phone(i.inviter_phone)
            ),
        )
        for i in invites[:MAX_INVITE_ROWS]
    ]
    ctx.reply_rows(
        ctx.t(f"invite.pick_{action}", count=len(invites)), rows, ctx.t("btn.member_invites")
    )


@router.command("accept")
async def accept_by_word(ctx: Context, _: Command) -> None:
    """Accept the only pending invite, or list several to choose from."""
    await answer_by_word(ctx, "accept")


@router.command("reject")
async def reject_by_word(ctx: Context, _: Command) -> None:
    """Decline the only pending invite, or list several to choose from."""
    await answer_by_word(ctx, "reject")


async def answer_by_word(ctx: Context, action: InviteAnswer) -> None:
    invites = await select_invites(ctx.conn)
    if len(invites) == 1:
        await (accept(ctx, invites[0]) if action == "accept" else reject(ctx, invites[0]))
    elif invites:
        pick_invite(ctx, invites, action)
    elif not await show_role_requests(ctx):
        ctx.reply(ctx.t("invite.none"))


@router.choice("invite", "accept", int)
@router.choice("invite", "reject", int)
async def answer_by_tap(ctx: Context, choice: ChoiceId) -> None:
    """Accept or decline the tapped invite, if it is still pending for this user."""
    chosen = next((i for i in await select_invites(ctx.conn) if i.child_id == choice.value), None)
    if chosen is None:
        ctx.reply(ctx.t("invite.gone"))
    elif choice.action == "accept":
        await accept(ctx, chosen)
    else:
        await reject(ctx, chosen)


async def accept(ctx: Context, chosen: Invite) -> None:
    """Join the family in the invited role; the other members hear about it."""
    role = await update_invite_accepted(ctx.conn, chosen.child_id)
    if role is None:
        ctx.reply(ctx.t("invite.gone"))
        return
    child = ChildRef(chosen.child_id, chosen.child_name)
    await notify_family(ctx, child, "notify.joined", role=Phrase(f"role.{role}"))
    show_menu(ctx, ctx.t("invite.accepted", name=child.name, role=ctx.t(f"role.{role}")))


async def reject(ctx: Context, chosen: Invite) -> None:
    """Decline: the invite row goes; the inviter is told (queued while they may still be)."""
    if chosen.inviter:
        child = ChildRef(chosen.child_id, chosen.child_name)
        await queue_notice(
            ctx, chosen.inviter, child, "notify.declined", role=Phrase(f"role.{chosen.role}")
        )
    await delete_invite(ctx.conn, chosen.child_id)
    ctx.reply(ctx.t("invite.rejected", name=chosen.child_name))


def invite_line(ctx: Context, invite: FamilyInvite) -> str:
    """One pending invite in the family list: the number, the role, how it went out."""
    return ctx.t(
        "member.line_pending",
        phone=display_phone(invite.phone),
        role=ctx.t(f"role.{invite.role}"),
        how=ctx.t(f"member.how.{invite.invite_channel or 'none'}"),
    )


def invite_row(ctx: Context, invite: FamilyInvite) -> Row:
    return Row(
        ids.encode("invite", "cancel", invite.id),
        display_phone(invite.phone)[:24],
        ctx.t("member.desc_pending", role=ctx.t(f"role.{invite.role}")),
    )


def confirm_cancel(ctx: Context, family: Family, invite: FamilyInvite) -> None:
    yes = Button(ids.encode("invite", "cancel_yes", invite.id), ctx.t("btn.invite_cancel"))
    confirm_change(ctx, family, "invite.cancel_confirm", invite.phone, invite.role, yes)


def confirm_change(
    ctx: Context, family: Family, key: str, phone: str | None, role: str, yes: Button
) -> None:
    """Ask to confirm a change to someone in the family: `yes` does it, keep does nothing."""
    ctx.reply(
        ctx.t(key, phone=display_phone(phone), role=ctx.t(f"role.{role}"), name=family.child.name),
        buttons=(yes, Button(ids.encode("member", "keep"), ctx.t("btn.member_keep"))),
    )


async def family_invite(ctx: Context, family: Family, invite_id: int) -> FamilyInvite | None:
    """The tapped invite, if it is still pending in this family."""
    pending = await select_family_invites(ctx.conn, family.child.id)
    found = next((i for i in pending if i.id == invite_id), None)
    if found is None:
        ctx.reply(ctx.t("member.unknown"))
    return found


@router.choice("invite", "cancel", int, needs="members_manage")
async def ask_cancel(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Ask to confirm cancelling the tapped invite; stores nothing."""
    if invite := await family_invite(ctx, family, choice.value):
        confirm_cancel(ctx, family, invite)


@router.choice("invite", "cancel_yes", int, needs="members_manage")
async def cancel(ctx: Context, family: Family, choice: ChoiceId) -> None:
    """Cancel the invite: the number can no longer join with it."""
    invite = await family_invite(ctx, family, choice.value)
    if invite and await delete_family_invite(ctx.conn, family.child.id, invite.id):
        ctx.reply(
            ctx.t("invite.cancelled", phone=display_phone(invite.phone), name=family.child.name)
        )
