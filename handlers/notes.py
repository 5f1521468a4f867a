"""Notes for the current child: a free note kept as typed, the therapist's four-step note
(goal, activity, response, homework), the recent notes, and voice notes (handlers.voice)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dialog import ids
from dialog.commands import Command, normalize
from dialog.context import Context, Unexpected
from dialog.conversation import Flow
from dialog.family import Family
from dialog.replies import Button
from dialog.router import Answer, Ask, Router
from handlers import voice
from handlers.family_notices import notify_family
from tracker.children import Child, select_children
from tracker.notes import (
    MAX_FIELD_CHARS,
    MAX_NOTE_CHARS,
    RECENT_NOTES,
    STRUCTURED_FIELDS,
    Note,
    clean_text,
    count_waiting_voice_notes,
    insert_free_note,
    insert_structured_note,
    select_notes,
    shorten,
    transcript_voice_id,
)
from tracker.permissions import allowed

router = Router()
router.include(voice.router)


@dataclass(frozen=True, slots=True)
class NoteData:
    child_id: int


@dataclass(frozen=True, slots=True)
class TherapistNoteData:
    child_id: int
    answers: list[str]  # the steps answered so far, in order; the last answer saves the note


NOTE = Flow("note", ("text",), NoteData)
THERAPIST_NOTE = Flow("therapist_note", STRUCTURED_FIELDS, TherapistNoteData)
ECHO_CHARS = 90
LIST_CHARS = 80


def typed_answer(ctx: Context, typed: str, limit: int) -> str:
    """The typed (or transcribed) answer as written; a tap or an empty or long text is not."""
    if ctx.message.reply_id:
        raise Unexpected("")
    text = clean_text(typed, limit)
    if text is None and typed.strip():
        raise Unexpected(ctx.t("note.too_long", length=len(typed.strip()), limit=limit))
    if text is None:
        raise Unexpected("")
    return text


async def note_child(ctx: Context, child_id: int) -> Child | None:
    """The child the flow started for, if the user may still write notes for it."""
    child = next((c for c in await select_children(ctx.conn) if c.id == child_id), None)
    if child is None or not allowed(child.role, "notes"):
        await ctx.end_flow()
        ctx.reply(ctx.t("note.child_gone"))
        return None
    return child


def text_after_command(ctx: Context, command: Command) -> str:
    """What followed the command word(s) in `note <text>`, as typed (case and lines kept)."""
    words = normalize(ctx.message.text)
    head = words[: len(words) - len(command.args)].strip()
    raw = ctx.message.text.split()
    size = next((n for n in (1, 2, 3) if normalize(" ".join(raw[:n])) == head), 1)
    parts = ctx.message.text.split(None, size)
    return parts[size] if len(parts) > size else ""


@router.command("note", needs="notes")
async def start_note(ctx: Context, family: Family, command: Command) -> None:
    """Ask for a free note for the current child; `note <text>` saves it at once."""
    data = NoteData(family.child.id)
    typed = text_after_command(ctx, command) if command.args else ""
    if text := clean_text(typed, MAX_NOTE_CHARS):
        await store_note(ctx, data, text)
        return
    await ctx.enter_step(NOTE, "text", data)
    if typed.strip():  # too long: the question stays open for a shorter one
        ctx.reply(ctx.t("note.too_long", length=len(typed.strip()), limit=MAX_NOTE_CHARS))
        return
    await ask_note(ctx, data)


async def ask_note(ctx: Context, data: NoteData) -> None:
    child = await note_child(ctx, data.child_id)
    if child:
        ctx.reply(ctx.t("note.ask", name=child.name))


@router.step(NOTE, "text", ask=ask_note, free_text=True)
async def got_note(ctx: Context, answer: Answer[NoteData]) -> None:
    """Save the note for the flow's child exactly as written, encrypted."""
    await store_note(ctx, answer.data, typed_answer(ctx, answer.text, MAX_NOTE_CHARS))


async def store_note(ctx: Context, data: NoteData, text: str) -> None:
    child = await note_child(ctx, data.child_id)
    if child is None:
        return
    await insert_free_note(
        ctx.conn,
        ctx.cipher,
        child_id=child.id,
        author_id=ctx.user.id,
        text=text,
        voice_note_id=transcript_voice_id(ctx.message.wamid),
    )
    await notify_family(ctx, child, "notify.note")
    await ctx.end_flow()
    ctx.reply(
        ctx.t("note.saved", name=child.name),
        buttons=(
            Button(ids.command("note"), ctx.t("btn.note_another")),
            Button(ids.command("notes"), ctx.t("btn.note_list")),
        ),
    )


@router.command("therapist_note", needs="notes")
async def start_therapist_note(ctx: Context, family: Family, _: Command) -> None:
    """Start the four-step therapist note for the current child; asks for the goal."""
    data = TherapistNoteData(family.child.id, answers=[])
    await ctx.enter_step(THERAPIST_NOTE, STRUCTURED_FIELDS[0], data)
    await ask_field(STRUCTURED_FIELDS[0])(ctx, data)


def ask_field(step: str) -> Ask[TherapistNoteData]:
    """The question of one step: each step asks for its own field."""

    async def ask(ctx: Context, data: TherapistNoteData) -> None:
        child = await note_child(ctx, data.child_id)
        if child:
            ctx.reply(ctx.t(f"note.ask_{step}", name=child.name))

    return ask


@router.step(THERAPIST_NOTE, "goal", ask=ask_field("goal"), free_text=True)
@router.step(THERAPIST_NOTE, "activity", ask=ask_field("activity"), free_text=True)
@router.step(THERAPIST_NOTE, "response", ask=ask_field("response"), free_text=True)
@router.step(THERAPIST_NOTE, "homework", ask=ask_field("homework"), free_text=True)
async def got_field(ctx: Context, answer: Answer[TherapistNoteData]) -> None:
    """Keep this answer in the flow's data and ask the next; the last one saves the note."""
    text = typed_answer(ctx, answer.text, MAX_FIELD_CHARS)
    data = TherapistNoteData(answer.data.child_id, [*answer.data.answers, text])
    if answer.step == STRUCTURED_FIELDS[-1]:
        await save_therapist_note(ctx, data)
        return
    next_step = STRUCTURED_FIELDS[STRUCTURED_FIELDS.index(answer.step) + 1]
    await ctx.enter_step(THERAPIST_NOTE, next_step, data)
    await ask_field(next_step)(ctx, data)


async def save_therapist_note(ctx: Context, data: TherapistNoteData) -> None:
    """Store the four answers as one structured note, encrypted, and echo them back."""
    child = await note_child(ctx, data.child_id)
    if child is None:
        return
    fields = dict(zip(STRUCTURED_FIELDS, data.answers, strict=True))
    await insert_structured_note(
        ctx.conn, ctx.cipher, child_id=child.id, author_id=ctx.user.id, fields=fields
    )
    await notify_family(ctx, child, "notify.note")
    await ctx.end_flow()
    echo = {name: shorten(text, ECHO_CHARS) for name, text in fields.items()}
    ctx.reply(
        ctx.t("note.structured_saved", name=child.name, **echo),
        buttons=(Button(ids.command("notes"), ctx.t("btn.note_list")),),
    )


@router.command("notes", needs="notes")
async def list_notes(ctx: Context, family: Family, _: Command) -> None:
    """Show the current child's newest notes, one short line each; stores nothing."""
    notes = await select_notes(ctx.conn, ctx.cipher, family.child.id, limit=RECENT_NOTES)
    waiting = await count_waiting_voice_notes(ctx.conn, ctx.user.id)
    lines = [note_line(ctx, note, family.child.timezone) for note in notes]
    text = (
        ctx.t("note.list", name=family.child.name, lines="\n".join(lines))
        if notes
        else ctx.t("note.list_empty", name=family.child.name)
    )
    if waiting:
        text += "\n\n" + ctx.t("note.voice_waiting", count=waiting)
    ctx.reply(
        text,
        buttons=(
            Button(ids.command("note"), ctx.t("btn.note_add")),
            Button(ids.command("therapist_note"), ctx.t("btn.note_therapist")),
        ),
    )


def note_line(ctx: Context, note: Note, timezone: str) -> str:
    day = ctx.day_label(note.created_at.astimezone(ZoneInfo(timezone)).date())
    if note.kind == "structured":
        return ctx.t(
            "note.line_structured",
            day=day,
            goal=shorten(note.fields["goal"], 40),
            homework=shorten(note.homework, 40),
        )
    key = "note.line_voice" if note.from_voice else "note.line_free"
    return ctx.t(key, day=day, text=shorten(note.text, LIST_CHARS))
