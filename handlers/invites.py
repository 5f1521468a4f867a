"""Inviting a parent or therapist by phone, and the invitee's answer (accept or reject)."""

from __future__ import annotations

from urllib.parse import quote

from dialog.context import Context, Unexpected
from dialog.conversation import Flow
from dialog.family import Family, current_family
from dialog.replies import Button, Reply, Row, Template
from dialog.router import Router
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
    Invite,
    InviteResult,
    delete_invite,
    insert_invite,
    select_invites,
    update_invite_accepted,
    update_invite_channel,
)
from tracker.phones import display_phone, normalise_phone

router = Router()
INVITE = Flow("invite", ("phone",))
INVITE_ROLES = ("parent", "therapist")
JOIN_WORD = "accept"  # the text a wa.me link fills in; an alias of `accept` in every language
MAX_INVITE_ROWS = 10


def _invite_role(arg: str) -> str:
    if arg not in INVITE_ROLES:
        raise ValueError(arg)
    return arg


@router.command("invite")
async def offer_invite(ctx: Context) -> None:
    """Ask whether to invite a parent or a therapist; stores nothing."""
    family = await current_family(ctx, "members_manage")
    if family:
        ctx.reply(
            ctx.t("invite.pick_role", name=family.child.name),
            buttons=(
                Button("invite:role:parent", ctx.t("btn.member_parent")),
                Button("invite:role:therapist", ctx.t("btn.member_therapist")),
            ),
        )


@router.choice("invite", "role", _invite_role)
async def ask_invite_phone(ctx: Context) -> None:
    """Remember the chosen role and ask for the number."""
    if await current_family(ctx, "members_manage"):
        await ctx.start_flow(INVITE, "phone", role=ctx.choice.value)
        await prompt_phone(ctx)


async def prompt_phone(ctx: Context) -> None:
    ctx.reply(ctx.t("invite.ask_phone", role=ctx.t(f"role.{ctx.state.data['role']}")))


@router.step(INVITE, "phone", ask=prompt_phone, typed=True)
async def got_invite_phone(ctx: Context) -> None:
    """Invite the typed number in the chosen role; a number that does not parse is re-asked."""
    phone = normalise_phone(ctx.message.text)
    if phone is None:
        raise Unexpected(ctx.t("invite.bad_phone"))
    role = ctx.state.data["role"]
    await ctx.end_flow()
    family = await current_family(ctx, "members_manage")
    if family:
        await invite(ctx, family, role, phone)


@router.command("add_parent", "add_therapist")
async def invite_by_command(ctx: Context) -> None:
    """`add parent <number>` invites at once; without a number it asks for one."""
    role = "parent" if ctx.command.name == "add_parent" else "therapist"
    family = await current_family(ctx, "members_manage")
    if family is None:
        return
    if not ctx.command.args:
        await ctx.start_flow(INVITE, "phone", role=role)
        await prompt_phone(ctx)
        return
    phone = normalise_phone(ctx.command.args)
    if phone is None:
        ctx.reply(ctx.t("invite.bad_phone"))
        return
    await invite(ctx, family, role, phone)


async def invite(ctx: Context, family: Family, role: str, phone: str) -> None:
    """Store the pending invite, deliver it the best way open to us, and say which way."""
    result = await insert_invite(ctx.conn, family.child.id, phone, role)
    values = {
        "phone": display_phone(phone),
        "name": family.child.name,
        "role": ctx.t(f"role.{result.role}"),
    }
    if result.outcome in ("self", "member", "full"):
        ctx.reply(ctx.t(f"invite.{result.outcome}", **values))
        return
    channel = deliver_invite(ctx, family.child, result)
    await update_invite_channel(ctx.conn, family.child.id, result.invitee.user_id, channel)
    if channel == "link" and ctx.bot_number:
        values["link"] = f"https://wa.me/{ctx.bot_number}?text={quote(JOIN_WORD)}"
        channel = "link_url"
    ctx.reply(ctx.t(f"invite.sent_{channel}", **values))


def deliver_invite(ctx: Context, child: Child, result: InviteResult) -> str:
    """Message inside their window, else the approved template, else nothing (a link to
    forward); someone who opted out is never messaged. Returns the channel used."""
    invitee = result.invitee
    if invitee.consent != "opted_in":
        return "link"
    template = None
    if ctx.invite_template:
        template = Template(
            name=ctx.invite_template,
            language=ctx.invite_template_lang,
            parameters=(child.name, actor_label(ctx)),
        )
    if reachable(invitee):
        ctx.notify(
            invitee.user_id,
            invite_message(ctx, invitee.language, child, result.role),
            fallback=template,
        )
        return "message"
    if template:
        ctx.notify(invitee.user_id, template)
        return "template"
    return "link"


def invite_message(ctx: Context, language: str, child: Child, role: str) -> Reply:
    """The invite in the invitee's language, with Accept and Reject buttons."""
    text = t(
        language,
        "invite.received",
        by=actor_label(ctx),
        name=child.name,
        role=t(language, f"role.{role}"),
    )
    return Reply(
        text=text,
        buttons=(
            Button(f"invite:accept:{child.id}", t(language, "btn.member_accept")),
            Button(f"invite:reject:{child.id}", t(language, "btn.member_reject")),
        ),
    )


def remind_invites(ctx: Context, invites: list[Invite]) -> None:
    """One invite: its text with buttons. Several: a list to choose the one to accept."""
    if len(invites) == 1:
        only = invites[0]
        ctx.reply(
            ctx.t(
                "invite.reminder",
                name=only.child_name,
                by=display_phone(only.inviter_phone),
                role=ctx.t(f"role.{only.role}"),
            ),
            buttons=(
                Button(f"invite:accept:{only.child_id}", ctx.t("btn.member_accept")),
                Button(f"invite:reject:{only.child_id}", ctx.t("btn.member_reject")),
            ),
        )
        return
    pick_invite(ctx, invites, "accept")


def pick_invite(ctx: Context, invites: list[Invite], action: str) -> None:
    rows = [
        Row(
            f"invite:{action}:{i.child_id}",
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
async def accept_by_word(ctx: Context) -> None:
    """Accept the only pending invite, or list several to choose from."""
    await answer_by_word(ctx, "accept")


@router.command("reject")
async def reject_by_word(ctx: Context) -> None:
    """Decline the only pending invite, or list several to choose from."""
    await answer_by_word(ctx, "reject")


async def answer_by_word(ctx: Context, action: str) -> None:
    invites = await select_invites(ctx.conn)
    if len(invites) == 1:
        await (accept(ctx, invites[0]) if action == "accept" else reject(ctx, invites[0]))
    elif invites:
        pick_invite(ctx, invites, action)
    elif not await show_role_requests(ctx):
        ctx.reply(ctx.t("invite.none"))


@router.choice("invite", "accept", int)
@router.choice("invite", "reject", int)
async def answer_by_tap(ctx: Context) -> None:
    """Accept or decline the tapped invite, if it is still pending for this user."""
    chosen = next(
        (i for i in await select_invites(ctx.conn) if i.child_id == ctx.choice.value), None
    )
    if chosen is None:
        ctx.reply(ctx.t("invite.gone"))
    elif ctx.choice.action == "accept":
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
