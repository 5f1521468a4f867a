"""Thanks and ok: a short friendly word back, never "I did not understand"."""

from __future__ import annotations

from dialog.context import Context
from dialog.router import Router
from tracker.words import whole_phrase

router = Router()


@router.understand
async def acknowledged(ctx: Context) -> bool:
    """A whole message of thanks or ok gets a friendly word; stores nothing. A question that
    waits for an answer gets these words first, so they never reach here then."""
    if ctx.message.kind != "text":
        return False
    said = whole_phrase("small_talk", ctx.message.text)
    if said is None:
        return False
    ctx.reply(ctx.t(f"small_talk.{said}"))
    return True
