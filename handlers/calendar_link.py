"""The caregiver web pages from the chat: a link to the current child's month (`calendar`) and
`revoke links`, which stops every link sent for the child so far. The pages live in web/."""

from __future__ import annotations

from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family
from dialog.replies import LinkButton
from dialog.router import Router
from payments.pro import allows as pro_allows
from tracker.link_versions import link_version, revoke_links
from tracker.permissions import allowed

router = Router()


@router.command("calendar", needs="view")
async def send_calendar(ctx: Context, family: Family, _: Command) -> None:
    """A signed link to the child's month as a URL button; stores nothing."""
    make_url = ctx.links.calendar_url
    if make_url is None:
        ctx.reply(ctx.t("calendar.off", name=family.child.name))
        return
    child = family.child
    url = make_url(
        ctx.user.id, child.id, await link_version(ctx.conn, child.id), await _edits(ctx, family)
    )
    text = ctx.t("calendar.link", name=family.child.name)
    if url.startswith("https://"):
        ctx.reply_link(text, LinkButton(ctx.t("btn.calendar_open"), url))
        return
    # The URL button takes https pages only (bot/graph_messages.py): a development server's
    # http link goes in the text, which is sent without a preview.
    ctx.reply(f"{text}\n{url}")


async def _edits(ctx: Context, family: Family) -> bool:
    """An edit link for a member who may log, when the family's plan has edit links; else a
    view link (the page checks both again on every request)."""
    child = family.child
    return allowed(child.role, "log") and await pro_allows(
        ctx.conn, child.id, "caregiver_edit_links", ctx.now
    )


@router.command("revoke_links", needs="revoke_links")
async def revoke(ctx: Context, family: Family, _: Command) -> None:
    """Bump the child's link version, so every calendar link sent before stops working."""
    await revoke_links(ctx.conn, family.child.id)
    ctx.reply(ctx.t("revoke.done", name=family.child.name))
