"""Voice messages: recorded as pending voice notes without leaving the transaction; their
transcripts come back as messages that answer the step they were sent for, or become notes."""

from __future__ import annotations

from dialog import conversation, ids
from dialog.context import Context
from dialog.conversation import State
from dialog.family import current_family
from dialog.replies import Button
from dialog.router import Router
from handlers.family_notices import notify_family
from tracker.children import Child, select_children, select_current_child
from tracker.notes import (
    MAX_NOTE_CHARS,
    VoiceNote,
    insert_free_note,
    insert_voice_note,
    select_voice_note,
    shorten,
    transcript_voice_id,
)
from tracker.permissions import allowed

router = Router()
ECHO_CHARS = 300


@router.gate
async def voice_gate(ctx: Context) -> bool:
    """Runs before the active step, so a voice message is never taken as an empty answer."""
    if ctx.message.kind == "audio" and ctx.message.media_id:
        return await receive_voice(ctx, ctx.message.media_id)
    voice_id = transcript_voice_id(ctx.message.wamid)
    if voice_id is not None:
        return await place_transcript(ctx, voice_id)
    return False


async def receive_voice(ctx: Context, media_id: str) -> bool:
    """Store a pending voice note with the step it answers; the job fetches and transcribes it."""
    state = await live_state(ctx)
    child = await select_current_child(ctx.conn, ctx.user.id)
    if state is None and child is None:
        return False  # nothing to keep it for yet: the media reply asks them to type
    # a voice note answering a step needs no permission of its own; a free one becomes a note
    if state is None and await current_family(ctx, "notes") is None:
        return True
    await insert_voice_note(
        ctx.conn,
        user_id=ctx.user.id,
        child_id=child.id if child else None,
        wamid=ctx.message.wamid,
        media_id=media_id,
        flow=state.flow if state else None,
        step=state.step if state else None,
    )
    ctx.reply(ctx.t("voice.received"))
    return True


async def live_state(ctx: Context) -> State | None:
    state = await conversation.load(ctx.conn, ctx.cipher, ctx.user.id)
    return state if state and state.expires_at and state.expires_at > ctx.now else None


async def place_transcript(ctx: Context, voice_id: int) -> bool:
    """Let the transcript answer the step it was sent for; otherwise keep it as a note."""
    voice = await select_voice_note(ctx.conn, voice_id)
    state = await live_state(ctx)
    if voice and state and (state.flow, state.step) == (voice.flow, voice.step):
        return False
    await save_transcript_note(ctx, voice)
    return True


async def save_transcript_note(ctx: Context, voice: VoiceNote | None) -> None:
    """A transcript with no question waiting becomes a free note for the voice note's child."""
    child = await voice_child(ctx, voice)
    if child is None:
        return
    text = ctx.message.text[:MAX_NOTE_CHARS]  # a long recording is kept up to a note's limit
    await insert_free_note(
        ctx.conn,
        ctx.cipher,
        child_id=child.id,
        author_id=ctx.user.id,
        text=text,
        voice_note_id=voice.id if voice else None,
    )
    await notify_family(ctx, child, "notify.note")
    ctx.reply(
        ctx.t("voice.saved_note", name=child.name, text=shorten(text, ECHO_CHARS)),
        buttons=(Button(ids.command("notes"), ctx.t("btn.note_list")),),
    )


async def voice_child(ctx: Context, voice: VoiceNote | None) -> Child | None:
    """The child that was current when the voice note came, if the user may still add notes."""
    children = {child.id: child for child in await select_children(ctx.conn)}
    child = children.get(voice.child_id) if voice and voice.child_id else None
    if child is None or not allowed(child.role, "notes"):
        family = await current_family(ctx, "notes")
        return family.child if family else None
    return child
