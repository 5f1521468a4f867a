"""A child's notes (free text, or a therapist's goal/activity/response/homework), encrypted at
rest, and the voice notes waiting to become text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import asyncpg

from sql.cipher import Cipher
from sql.db import fetch_optional, fetch_value
from tracker.text import clean_free_text

MAX_NOTE_CHARS = 2000
MAX_FIELD_CHARS = 500
STRUCTURED_FIELDS = ("goal", "activity", "response", "homework")
RECENT_NOTES = 5
TRANSCRIPT_PREFIX = "transcript."
# Homework is read from the newest structured notes only; older ones are history.
HOMEWORK_NOTES = 20


@dataclass(frozen=True, slots=True)
class Note:
    """`text` is a free note as typed; `fields` holds a structured note's four answers."""

    id: int
    kind: str
    author_id: int | None
    created_at: datetime
    text: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    from_voice: bool = False

    @property
    def homework(self) -> str:
        return self.fields.get("homework", "")


@dataclass(frozen=True, slots=True)
class VoiceNote:
    """A voice message and the flow step that was waiting when it arrived (None when idle)."""

    id: int
    child_id: int | None
    flow: str | None
    step: str | None
    status: str


def clean_text(text: str, limit: int) -> str | None:
    """The text as typed with outer spaces removed; None when empty or longer than `limit`."""
    text = clean_free_text(text).strip()
    return text if 0 < len(text) <= limit else None


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters, for lists and echoes."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


async def insert_free_note(
    conn: asyncpg.Connection,
    cipher: Cipher,
    *,
    child_id: int,
    author_id: int,
    text: str,
    voice_note_id: int | None = None,
) -> int:
    return await fetch_value(
        conn,
        int,
        "INSERT INTO tt.notes (child_id, author_id, kind, body, voice_note_id) "
        "VALUES ($1, $2, 'free', $3, $4) RETURNING id",
        child_id,
        author_id,
        cipher.encrypt_text(text),
        voice_note_id,
    )


async def insert_structured_note(
    conn: asyncpg.Connection,
    cipher: Cipher,
    *,
    child_id: int,
    author_id: int,
    fields: dict[str, str],
) -> int:
    """Store the four answers as one JSON body; a missing answer is stored empty."""
    body = {name: fields.get(name, "") for name in STRUCTURED_FIELDS}
    return await fetch_value(
        conn,
        int,
        "INSERT INTO tt.notes (child_id, author_id, kind, body) VALUES ($1, $2, 'structured', "
        "$3) RETURNING id",
        child_id,
        author_id,
        cipher.encrypt_json(body),
    )


def note_from_record(record: asyncpg.Record, cipher: Cipher) -> Note:
    common = {
        "id": record["id"],
        "kind": record["kind"],
        "author_id": record["author_id"],
        "created_at": record["created_at"],
        "from_voice": record["voice_note_id"] is not None,
    }
    if record["kind"] == "structured":
        return Note(**common, fields=cipher.decrypt_json(record["body"]))
    return Note(**common, text=cipher.decrypt_text(record["body"]))


async def select_notes(
    conn: asyncpg.Connection,
    cipher: Cipher,
    child_id: int,
    since: datetime | None = None,
    limit: int | None = None,
) -> list[Note]:
    """The child's notes written at or after `since` (all when None), newest first."""
    rows = await conn.fetch(
        "SELECT id, kind, author_id, created_at, body, voice_note_id FROM tt.notes "
        "WHERE child_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2) "
        "ORDER BY created_at DESC, id DESC LIMIT $3",
        child_id,
        since,
        limit,
    )
    return [note_from_record(row, cipher) for row in rows]


async def count_notes(
    conn: asyncpg.Connection, child_id: int, since: datetime | None = None
) -> int:
    return await fetch_value(
        conn,
        int,
        "SELECT count(*) FROM tt.notes WHERE child_id = $1 "
        "AND ($2::timestamptz IS NULL OR created_at >= $2)",
        child_id,
        since,
    )


async def latest_homework(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, since: datetime | None = None
) -> str | None:
    """The homework of the newest structured note since `since` that has one, as typed."""
    rows = await conn.fetch(
        "SELECT body FROM tt.notes WHERE child_id = $1 AND kind = 'structured' "
        "AND ($2::timestamptz IS NULL OR created_at >= $2) "
        "ORDER BY created_at DESC, id DESC LIMIT $3",
        child_id,
        since,
        HOMEWORK_NOTES,
    )
    homework = (cipher.decrypt_json(row["body"]).get("homework", "").strip() for row in rows)
    return next((text for text in homework if text), None)


def transcript_wamid(voice_note_id: int) -> str:
    """The id of the message that carries a voice note's transcript back to the worker."""
    return f"{TRANSCRIPT_PREFIX}{voice_note_id}"


def transcript_voice_id(wamid: str) -> int | None:
    """The voice note a transcript message came from; None for any other message."""
    number = wamid.removeprefix(TRANSCRIPT_PREFIX)
    return int(number) if wamid.startswith(TRANSCRIPT_PREFIX) and number.isdigit() else None


async def insert_voice_note(
    conn: asyncpg.Connection,
    *,
    user_id: int,
    child_id: int | None,
    wamid: str,
    media_id: str,
    flow: str | None,
    step: str | None,
) -> int | None:
    """Record a voice message for the background job; None when it was recorded before."""
    return await fetch_optional(
        conn,
        int,
        "INSERT INTO tt.voice_notes (user_id, child_id, inbound_id, phone_number_id, media_id, "
        "flow, step) SELECT $1, $2, m.id, m.phone_number_id, $4, $5, $6 "
        "FROM tt.inbound_messages m WHERE m.wamid = $3 "
        "ON CONFLICT (inbound_id) DO NOTHING RETURNING id",
        user_id,
        child_id,
        wamid,
        media_id,
        flow,
        step,
    )


async def select_voice_note(conn: asyncpg.Connection, voice_note_id: int) -> VoiceNote | None:
    row = await conn.fetchrow(
        "SELECT id, child_id, flow, step, status FROM tt.voice_notes WHERE id = $1", voice_note_id
    )
    return VoiceNote(**dict(row)) if row else None


async def count_waiting_voice_notes(conn: asyncpg.Connection, user_id: int) -> int:
    """Voice notes of this user that are not text yet (pending or untranscribed)."""
    return await fetch_value(
        conn,
        int,
        "SELECT count(*) FROM tt.voice_notes WHERE user_id = $1 AND status <> 'transcribed'",
        user_id,
    )
