"""The first message from a new user: their language, what the bot does, how data is used."""

from __future__ import annotations

from dialog.context import Context
from dialog.router import Router
from handlers import invites
from handlers.language import language_rows
from handlers.members import invites_only, passes_invite_gate
from handlers.menu import main_menu
from tracker.users import mark_welcomed, update_language

router = Router()

SCRIPTS = {"hi": (0x0900, 0x097F), "te": (0x0C00, 0x0C7F)}  # Devanagari, Telugu


def language_of_script(text: str) -> str | None:
    """Hindi or Telugu when the message is written in that script."""
    for code, (low, high) in SCRIPTS.items():
        if any(low <= ord(ch) <= high for ch in text):
            return code
    return None


async def welcome(ctx: Context) -> bool:
    """Greet a new user in the language they wrote in, with the privacy notice, a language
    picker and the menu; records that they were welcomed. Someone invited sees their invite
    first and no setup menu; True when that answered their message."""
    await mark_welcomed(ctx.conn, ctx.user)
    detected = language_of_script(ctx.message.text)
    if detected:
        await update_language(ctx.conn, ctx.user, detected)
    waiting = await invites_only(ctx)
    answered = bool(waiting) and not passes_invite_gate(ctx)
    if answered:
        invites.remind_invites(ctx, waiting)
    ctx.reply_rows(
        ctx.t("welcome", privacy_url=ctx.links.privacy_url),
        language_rows(),
        ctx.t("language.button"),
    )
    if not waiting:
        await main_menu(ctx)
    return answered


router.welcome = welcome
