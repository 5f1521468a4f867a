"""The voice-note job: fetch the recording from Meta while its id is valid, keep it encrypted
for a bounded number of days, transcribe it, and hand the text back to the worker as a
message of its own, so it is handled exactly once, in order, like anything the user typed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import asyncpg
import httpx

from bot.background import (
    DATABASE_GONE,
    DETERMINISTIC,
    STOP_DEADLINE_SECONDS,
    ClaimLost,
    QueueDrainer,
)
from bot.config import Settings
from bot.outbox import enqueue
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
from sql.queue import Claim, Queue
from tracker.notes import transcript_wamid

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
ASK_AFTER_ATTEMPTS = 3  # then the user is asked to type it while retries go on
MAX_DELAY_SECONDS = 6 * 3600
WEBHOOK_URL_LIFETIME = timedelta(minutes=5)
REMOTE_STEP_SECONDS = 60.0  # a download or a transcription is cut off here, inside the lease
T = TypeVar("T")

# Due notes in the order they fell due, not one person at a time: each becomes an inbound
# message of its own, which the worker then takes in order. $3 caps the attempts; $4 says
# whether a speech service is configured to retry what is held.
VOICE_NOTES = Queue(
    "tt.voice_notes",
    waiting="attempts < $3 AND (audio_state = 'pending' "
    "OR ($4 AND audio_state = 'held' AND status IN ('pending', 'untranscribed')))",
    lease=timedelta(seconds=2 * REMOTE_STEP_SECONDS),  # renewed before each remote step
    returning="q.user_id, q.inbound_id, q.phone_number_id, q.media_id, q.mime_type, "
    "q.audio_state, q.audio, q.asked_at, q.flow, q.created_at, u.language, "
    "(SELECT payload FROM tt.inbound_messages WHERE id = q.inbound_id) AS envelope",
    per_person=False,
    order_by="q.next_attempt_at, q.id",
)
KEEP_AUDIO = """
UPDATE tt.voice_notes
SET audio = $3, mime_type = $4, audio_state = 'held',
    audio_keep_until = now() + make_interval(days => $5)
WHERE id = $1 AND claim_token = $2
"""
TRANSCRIBED = "status = 'transcribed', transcript = $3, transcribed_at = now(), last_error = NULL"
INSERT_TRANSCRIPT = """
INSERT INTO tt.inbound_messages (wamid, user_id, phone_number_id, kind, payload, sent_at)
VALUES ($1, $2, $3, 'transcript', $4, now())
ON CONFLICT (wamid) DO NOTHING
"""
# $3 the user is asked to type it, $4 the recording cannot be had, $5 seconds until the next
# try, $6 the error, $8 no tries are left (attempts set to the cap $7, so no claim finds it)
NOT_TRANSCRIBED = """
status = CASE WHEN $3 THEN 'untranscribed' ELSE status END,
audio_state = CASE WHEN $4 THEN 'unavailable' ELSE audio_state END,
attempts = CASE WHEN $8 THEN $7 ELSE attempts END,
asked_at = CASE WHEN $3 THEN coalesce(asked_at, now()) ELSE asked_at END,
next_attempt_at = now() + make_interval(secs => $5), last_error = $6
"""
FORGET_EXPIRED_AUDIO = """
UPDATE tt.voice_notes SET audio = NULL, audio_state = 'deleted'
WHERE audio_state = 'held' AND audio_keep_until <= now()
"""


def voice_job(
    settings: Settings,
    db: Database,
    cipher: Cipher,
    client: httpx.AsyncClient | None,
    *,
    wake_worker: Callable[[], None],
    wake_sender: Callable[[], None],
) -> VoiceJob:
    """Build the job from settings; the app starts it beside the worker and sender."""
    http = client or httpx.AsyncClient()
    fetcher = MediaFetcher(
        http, settings.whatsapp_api_base, settings.whatsapp_api_version, settings.whatsapp_token
    )
    return VoiceJob(
        db,
        cipher,
        fetcher,
        transcribers(settings, http),
        default_phone_number_id=settings.whatsapp_phone_number_id,
        retention_days=settings.voice_retention_days,
        retry_base_seconds=settings.worker_retry_base_seconds,
        wake_worker=wake_worker,
        wake_sender=wake_sender,
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

    concurrency = 2

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
        self._cipher, self._fetcher, self._services = cipher, fetcher, services
        self._default_number, self._retention = default_phone_number_id, retention_days
        self._retry_base, self._on_stop = retry_base_seconds, on_stop
        self._wake_worker, self._wake_sender = wake_worker, wake_sender
        super().__init__(db, sweep_seconds=sweep_seconds)

    async def stop(self, deadline: float = STOP_DEADLINE_SECONDS) -> None:
        await super().stop(deadline)
        if self._on_stop:
            await self._on_stop()

    async def step(self) -> bool:
        """Work on the next due voice note; when none is due, delete audio past retention."""
        async with self.claiming(VOICE_NOTES, MAX_ATTEMPTS, bool(self._services)) as (conn, claim):
            if claim is None:
                await conn.execute(FORGET_EXPIRED_AUDIO)
                return False
        async with self.holding(VOICE_NOTES, claim):
            try:
                await self._work(claim)
            except ClaimLost:
                log.info("voice note taken over by another job", extra={"voice_note_id": claim.id})
            except DATABASE_GONE:
                raise  # not the note's fault: `holding` gives it back once the database answers
            except Exception as e:
                # the error boundary: our own failure is retried like a remote one, then the
                # person is asked once to type it; what cannot change is not retried
                log.exception("voice note failed", extra={"voice_note_id": claim.id})
                error = RemoteError(type(e).__name__, permanent=isinstance(e, DETERMINISTIC))
                await self._failed(claim, error)
        return True

    async def _work(self, claim: Claim) -> None:
        audio = await self._audio(claim)
        if audio is None:
            return
        if not self._services:
            await self._failed(claim, RemoteError("no_service", permanent=True))
            return
        try:
            text = await self._remote(claim, lambda: transcribe_any(self._services, audio))
        except RemoteError as e:
            await self._failed(claim, e)
            return
        await self._deliver(claim, text)

    async def _remote(self, claim: Claim, call: Callable[[], Awaitable[T]]) -> T:
        """A slow remote step: renew the lease first, and cut it off well inside it."""
        async with self._db.transaction(SYSTEM) as conn:
            if not await VOICE_NOTES.extend(conn, claim):
                raise ClaimLost
        try:
            async with asyncio.timeout(REMOTE_STEP_SECONDS):
                return await call()
        except TimeoutError as e:
            raise RemoteError("timeout") from e

    async def _audio(self, claim: Claim) -> Audio | None:
        """The held recording, or a fresh download kept encrypted until its retention ends."""
        row = claim.row
        if row["audio_state"] == "held":
            return Audio(self._cipher.decrypt(row["audio"]), row["mime_type"] or "")
        message = (self._cipher.decrypt_json(row["envelope"]) if row["envelope"] else {}).get(
            "message", {}
        )
        media = message.get("audio") if isinstance(message.get("audio"), dict) else {}
        fresh = datetime.now(UTC) - row["created_at"] < WEBHOOK_URL_LIFETIME
        try:
            audio = await self._remote(
                claim,
                lambda: self._fetcher.fetch(
                    row["media_id"],
                    media.get("url") if fresh else None,
                    str(media.get("mime_type") or ""),
                ),
            )
        except RemoteError as e:
            await self._failed(claim, e, fetching=True)
            return None
        async with self._db.transaction(SYSTEM) as conn:
            await conn.execute(
                KEEP_AUDIO,
                claim.id,
                claim.token,
                self._cipher.encrypt(audio.content),
                audio.mime_type[:128],
                self._retention,
            )
        return audio

    async def _deliver(self, claim: Claim, text: str) -> None:
        """Store the transcript and queue it as the user's next message, in one transaction."""
        transcript = self._cipher.encrypt_text(text)
        async with self._db.transaction(SYSTEM) as conn:
            if not await VOICE_NOTES.finish(conn, claim, TRANSCRIBED, transcript):
                return  # the lease ran out and another process owns this voice note now
            await conn.execute(
                INSERT_TRANSCRIPT,
                transcript_wamid(claim.id),
                claim.row["user_id"],
                self._number(claim),
                self._cipher.encrypt_json(self._envelope(claim, text)),
            )
        log.info("voice note transcribed", extra={"voice_note_id": claim.id})
        self._wake_worker()

    def _envelope(self, claim: Claim, text: str) -> dict[str, Any]:
        """A text message shaped like Meta's, so every handler reads it as typed text."""
        message = {
            "id": transcript_wamid(claim.id),
            "type": "text",
            "text": {"body": text},
            "timestamp": str(int(datetime.now(UTC).timestamp())),
        }
        return {
            "message": message,
            "contact": {},
            "metadata": {"phone_number_id": self._number(claim)},
        }

    def _number(self, claim: Claim) -> str:
        number: str = claim.row["phone_number_id"] or self._default_number
        return number

    async def _failed(self, claim: Claim, error: RemoteError, *, fetching: bool = False) -> None:
        """Retry with backoff; after a few tries, or for good, ask the user to type it once."""
        final = error.permanent or claim.attempts >= MAX_ATTEMPTS
        ask = final or claim.attempts >= ASK_AFTER_ATTEMPTS or not self._services
        # with no service configured the recording waits for one, so its tries are not used up
        exhausted = final and (fetching or bool(self._services))
        delay = min(self._retry_base * 4 ** (claim.attempts - 1), MAX_DELAY_SECONDS)
        async with self._db.transaction(SYSTEM) as conn:
            if not await VOICE_NOTES.finish(
                conn,
                claim,
                NOT_TRANSCRIBED,
                ask,
                fetching and final,
                delay,
                error.code[:200],
                MAX_ATTEMPTS,
                exhausted,
            ):
                return  # the lease ran out and another process owns this voice note now
            if ask and claim.row["asked_at"] is None:
                await self._ask_to_type(conn, claim, fetching=fetching and final)
        log.warning(
            "voice note not transcribed",
            extra={"voice_note_id": claim.id, "attempt": claim.attempts, "error": error.code},
        )
        if not final:
            self.wake_later(delay)

    async def _ask_to_type(self, conn: asyncpg.Connection, claim: Claim, *, fetching: bool) -> None:
        row = claim.row
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
            phone_number_id=self._number(claim),
        )
        self._wake_sender()
