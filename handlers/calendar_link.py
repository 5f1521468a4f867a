"""The caregiver web pages from the chat: a link to the current child's month (`calendar`) and
`revoke links`, which stops every link sent for the child so far. The pages live in web/."""

from __future__ import annotations

from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family
from dialog.replies import LinkButton
from dialog.router import Router
from tracker.link_versions import revoke_links

router = Router()


@router.command("calendar", needs="view")
async def send_calendar(ctx: Context, family: Family, _: Command) -> None:
    """A signed link to the child's month as a URL button; stores nothing."""
    make_url = ctx.links.calendar_url
    if make_url is None:
        ctx.reply(ctx.t("calendar.off", name=family.child.name))
        return
    url = make_url(ctx.user.id, family.child.id)
    text = ctx.t("calendar.link", name=family.child.name)
    if url.startswith("https://"):
        ctx.reply_link(text, LinkButton(ctx.t("btn.calendar_open"), url))
        return
    # The URL button takes https pages only (bot/graph_messages.py): a development server's
    # http link goes in the text, which is sent without a preview.
    ctx.reply(f"{text}\n{url}")


@router.command("revoke_links", needs="revoke_links")
async def revoke(ctx: Context, family: Family, _: Command) -> None:
    """Bump the child's link version, so every calendar link sent before stops working."""
    await revoke_links(ctx.conn, family.child.id)
    ctx.reply(ctx.t("revoke.done", name=family.child.name))
