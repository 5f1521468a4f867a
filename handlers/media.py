"""Media and other non-text messages get a polite reply saying what the bot can do today."""

from __future__ import annotations

from dialog.context import Context
from dialog.router import Router

router = Router()

KNOWN_KINDS = frozenset(
    {"image", "audio", "video", "document", "sticker", "location", "contacts", "reaction"}
)


async def reply_to_media(ctx: Context) -> None:
    """Acknowledge the media kindly; stores nothing beyond the inbound log."""
    kind = ctx.message.kind if ctx.message.kind in KNOWN_KINDS else "other"
    text = ctx.t(f"media.{kind}")
    if text:  # a reaction needs no answer
        ctx.reply(text)


router.media = reply_to_media
