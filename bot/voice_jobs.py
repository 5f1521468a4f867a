"""The voice-note job: fetch the recording from Meta while its id is valid, keep it encrypted
for a bounded number of days, transcribe it, and hand the text back to the worker as a
message of its own, so it is handled exactly once, in order, like anything the user typed."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx

from bot.background import QueueDrainer
from bot.config import Settings
from bot.outbox import enqueue
from bot.runtime import Runtime
from bot.transcribe import (
    Audio,
    GroqTranscriber,
    MediaFetcher,
    RemoteError,
    SarvamTranscriber,
    Transcriber,
    transcribe_any,
)
from dialog.replies import Outgoing, Reply
from dialog.texts import t
from sql.cipher import Cipher
from sql.db import SYSTEM, Database
from tracker.notes import transcript_wamid

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
ASK_AFTER_ATTEMPTS = 3  # then the user is asked to type it while retries go on
MAX_DELAY_SECONDS = 6 * 3600
WEBHOOK_URL_LIFETIME = timedelta(minutes=5)

CLAIM = """
WITH candidate AS (
    SELECT id FROM tt.voice_notes
    WHERE next_attempt_at <= now() AND attempts < $3
      AND (claimed_until IS NULL OR claimed_until < now())
      AND (audio_state = 'pending'
           OR ($2 AND audio_state = 'held' AND status IN ('pending', 'untranscribed')))
    ORDER BY next_attempt_at, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
UPDATE tt.voice_notes v
SET attempts = v.attempts + 1, claim_token = $1, claimed_until = now() + interval '3 minutes'
FROM candidate WHERE v.id = candidate.id
RETURNING v.id, v.user_id, v.inbound_id, v.phone_number_id, v.media_id, v.mime_type,
          v.audio_state, v.audio, v.attempts, v.asked_at, v.flow, v.created_at,
          (SELECT payload FROM tt.inbound_messages WHERE id = v.inbound_id) AS envelope,
          (SELECT language FROM tt.users WHERE id = v.user_id) AS language
"""
KEEP_AUDIO = """
UPDATE tt.voice_notes
SET audio = $3, mime_type = $4, audio_state = 'held',
    audio_keep_until = now() + make_interval(days => $5)
WHERE id = $1 AND claim_token = $2
"""
MARK_TRANSCRIBED = """
UPDATE tt.voice_notes
SET status = 'transcribed', transcript = $3, transcribed_at = now(), last_error = NULL,
    claim_token = NULL, claimed_until = NULL
WHERE id = $1 AND claim_token = $2
RETURNING user_id
"""
INSERT_TRANSCRIPT = """
INSERT INTO tt.inbound_messages (wamid, user_id, phone_number_id, kind, payload, sent_at)
VALUES ($1, $2, $3, 'transcript', $4, now())
ON CONFLICT (wamid) DO NOTHING
"""
RETRY_LATER = """
UPDATE tt.voice_notes
SET status = CASE WHEN $3 THEN 'untranscribed' ELSE status END,
    audio_state = CASE WHEN $4 THEN 'unavailable' ELSE audio_state END,
    attempts = CASE WHEN $8 THEN $7 ELSE attempts END,
    asked_at = CASE WHEN $3 THEN coalesce(asked_at, now()) ELSE asked_at END,
    next_attempt_at = now() + make_interval(secs => $5), last_error = $6,
    claim_token = NULL, claimed_until = NULL
WHERE id = $1 AND claim_token = $2
"""
FORGET_EXPIRED_AUDIO = """
UPDATE tt.voice_notes SET audio = NULL, audio_state = 'deleted'
WHERE audio_state = 'held' AND audio_keep_until <= now()
"""


def voice_job(rt: Runtime, client: httpx.AsyncClient | None) -> VoiceJob:
    """Build the job from settings; the app starts it beside the worker and sender."""
    settings, http = rt.settings, client or httpx.AsyncClient()
    fetcher = MediaFetcher(
        http, settings.whatsapp_api_base, settings.whatsapp_api_version, settings.whatsapp_token
    )
    return VoiceJob(
        rt.db,
        rt.cipher,
        fetcher,
        transcribers(settings, http),
        default_phone_number_id=settings.whatsapp_phone_number_id,
        retention_days=settings.voice_retention_days,
        retry_base_seconds=settings.worker_retry_base_seconds,
        wake_worker=rt.worker.wake,
        wake_sender=rt.sender.wake,
        sweep_seconds=settings.sweep_interval_seconds,
        on_stop=http.aclose,
    )


def transcribers(settings: Settings, client: httpx.AsyncClient) -> list[Transcriber]:
    """The configured speech-to-text services, in the order they are tried."""
    found: list[Transcriber] = []
    if settings.groq_api_key:
        found.append(GroqTranscriber(client, settings.groq_api_base, settings.groq_api_key))
    if settings.sarvam_api_key:
        found.append(SarvamTranscriber(client, settings.sarvam_api_base, settings.sarvam_api_key))
    return found


class VoiceJob(QueueDrainer):
    """Claims one due voice note at a time (SKIP LOCKED, with a lease) across processes."""

    def __init__(
        self,
        db: Database,
        cipher: Cipher,
        fetcher: MediaFetcher,
        services: list[Transcriber],
        *,
        default_phone_number_id: str,
        retention_days: int,
        retry_base_seconds: float,
        wake_worker: Callable[[], None],
        wake_sender: Callable[[], None],
        sweep_seconds: float,
        on_stop: Callable[[], Any] | None = None,
    ) -> None:
        self._db, self._cipher, self._fetcher, self._services = db, cipher, fetcher, services
        self._default_number, self._retention = default_phone_number_id, retention_days
        self._retry_base, self._on_stop = retry_base_seconds, on_stop
        self._wake_worker, self._wake_sender = wake_worker, wake_sender
        super().__init__(concurrency=2, sweep_seconds=sweep_seconds)

    async def stop(self) -> None:
        await super().stop()
        if self._on_stop:
            await self._on_stop()

    async def step(self) -> bool:
        """Work on the next due voice note; when none is due, delete audio past retention."""
        token = uuid.uuid4()
        async with self._db.transaction(SYSTEM) as conn:
            row = await conn.fetchrow(CLAIM, token, bool(self._services), MAX_ATTEMPTS)
            if row is None:
                await conn.execute(FORGET_EXPIRED_AUDIO)
                return False
        await self._work(dict(row), token)
        return True

    async def _work(self, row: dict[str, Any], token: uuid.UUID) -> None:
        audio = await self._audio(row, token)
        if audio is None:
            return
        if not self._services:
            await self._failed(row, token, RemoteError("no_service", permanent=True))
            return
        try:
            text = await transcribe_any(self._services, audio)
        except RemoteError as e:
            await self._failed(row, token, e)
            return
        await self._deliver(row, token, text)

    async def _audio(self, row: dict[str, Any], token: uuid.UUID) -> Audio | None:
        """The held recording, or a fresh download kept encrypted until its retention ends."""
        if row["audio_state"] == "held":
            return Audio(self._cipher.decrypt(row["audio"]), row["mime_type"] or "")
        message = (self._cipher.decrypt_json(row["envelope"]) if row["envelope"] else {}).get(
            "message", {}
        )
        media = message.get("audio") if isinstance(message.get("audio"), dict) else {}
        fresh = datetime.now(UTC) - row["created_at"] < WEBHOOK_URL_LIFETIME
        try:
            audio = await self._fetcher.fetch(
                row["media_id"],
                media.get("url") if fresh else None,
                str(media.get("mime_type") or ""),
            )
        except RemoteError as e:
            await self._failed(row, token, e, fetching=True)
            return None
        async with self._db.transaction(SYSTEM) as conn:
            await conn.execute(
                KEEP_AUDIO,
                row["id"],
                token,
                self._cipher.encrypt(audio.content),
                audio.mime_type[:128],
                self._retention,
            )
        return audio

    async def _deliver(self, row: dict[str, Any], token: uuid.UUID, text: str) -> None:
        """Store the transcript and queue it as the user's next message, in one transaction."""
        async with self._db.transaction(SYSTEM) as conn:
            if (
                await conn.fetchval(
                    MARK_TRANSCRIBED, row["id"], token, self._cipher.encrypt_text(text)
                )
                is None
            ):
                return  # the lease ran out and another process owns this voice note now
            envelope = self._cipher.encrypt_json(self._envelope(row, text))
            await conn.execute(
                INSERT_TRANSCRIPT,
                transcript_wamid(row["id"]),
                row["user_id"],
                self._number(row),
                envelope,
            )
        log.info("voice note transcribed", extra={"voice_note_id": row["id"]})
        self._wake_worker()

    def _envelope(self, row: dict[str, Any], text: str) -> dict[str, Any]:
        """A text message shaped like Meta's, so every handler reads it as typed text."""
        message = {
            "id": transcript_wamid(row["id"]),
            "type": "text",
            "text": {"body": text},
            "timestamp": str(int(datetime.now(UTC).timestamp())),
        }
        return {
            "message": message,
            "contact": {},
            "metadata": {"phone_number_id": self._number(row)},
        }

    def _number(self, row: dict[str, Any]) -> str:
        return row["phone_number_id"] or self._default_number

    async def _failed(
        self, row: dict[str, Any], token: uuid.UUID, error: RemoteError, *, fetching: bool = False
    ) -> None:
        """Retry with backoff; after a few tries, or for good, ask the user to type it once."""
        final = error.permanent or row["attempts"] >= MAX_ATTEMPTS
        ask = final or row["attempts"] >= ASK_AFTER_ATTEMPTS or not self._services
        # with no service configured the recording waits for one, so its tries are not used up
        exhausted = final and (fetching or bool(self._services))
        delay = min(self._retry_base * 4 ** (row["attempts"] - 1), MAX_DELAY_SECONDS)
        async with self._db.transaction(SYSTEM) as conn:
            await conn.execute(
                RETRY_LATER,
                row["id"],
                token,
                ask,
                fetching and final,
                delay,
                error.code[:200],
                MAX_ATTEMPTS,
                exhausted,
            )
            if ask and row["asked_at"] is None:
                await self._ask_to_type(conn, row, fetching=fetching and final)
        log.warning(
            "voice note not transcribed",
            extra={"voice_note_id": row["id"], "attempt": row["attempts"], "error": error.code},
        )
        if not final:
            self.wake_later(delay)

    async def _ask_to_type(
        self, conn: asyncpg.Connection, row: dict[str, Any], *, fetching: bool
    ) -> None:
        language = row["language"] or "en"
        reason = (
            "voice.unavailable"
            if fetching
            else ("voice.failed" if self._services else "voice.no_service")
        )
        then = "voice.type_answer" if row["flow"] else "voice.type_note"
        reply = Reply(text=f"{t(language, reason)}\n{t(language, then)}")
        await enqueue(
            conn,
            self._cipher,
            [Outgoing(user_id=row["user_id"], reply=reply)],
            inbound_id=row["inbound_id"],
            phone_number_id=self._number(row),
        )
        self._wake_sender()
