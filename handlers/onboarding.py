"""The first message from a new user: what the bot does, how data is used, the menu."""

from __future__ import annotations

from bot.context import Context
from bot.router import Router
from bot.users import mark_welcomed
from handlers.menu import show_menu

router = Router()


async def welcome(ctx: Context) -> None:
    """Greet a new user with the privacy notice and the menu; records that they were welcomed."""
    await mark_welcomed(ctx.conn, ctx.user)
    ctx.reply(ctx.t("welcome", privacy_url=ctx.privacy_url))
    show_menu(ctx)


router.welcome = welcome
