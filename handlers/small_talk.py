"""Thanks and ok: a short friendly word back, never "I did not understand"."""

from __future__ import annotations

from dialog.context import Context
from dialog.router import Router
from tracker.words import near_phrase, whole_phrase

router = Router()


@router.understand
async def acknowledged(ctx: Context) -> bool:
    """A whole message of thanks, ok or yes gets a friendly word; stores nothing. A question
    that waits for an answer gets these words first, so they never reach here then."""
    if ctx.message.kind != "text":
        return False
    text = ctx.message.text
    said = whole_phrase("small_talk", text) or near_phrase("small_talk", text)
    if said is None and whole_phrase("answers", text) == "yes":
        said = "ok"  # a yes with nothing asked, such as after the optional mood question
    if said is None:
        return False
    ctx.reply(ctx.t(f"small_talk.{said}"))
    return True
