"""Sends each person's queued family notices as one message once the oldest has waited."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from bot.background import DATABASE_GONE, DETERMINISTIC, QueueDrainer, backoff
from bot.graph_messages import MAX_TEXT
from bot.outbox import enqueue
from dialog.replies import Outgoing, Reply
from dialog.texts import t
from dialog.window import window_open
from sql.cipher import Cipher, CipherError
from sql.db import SYSTEM, Database
from sql.queue import Claim
from tracker.notice_store import (
    NOTICES,
    bury_notices,
    claim_due_notice,
    delete_notices,
    select_batch,
    select_recipient,
)

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
ROOM_FOR_MORE = 200  # keeps the "…and N more" line inside Meta's text limit


def merge_lines(language: str, lines: list[str]) -> str:
    """One line as it is; several under a header, cut before Meta's limit with a count."""
    if len(lines) == 1:
        return lines[0][:MAX_TEXT]
    kept = [t(language, "notify.header")]
    for index, line in enumerate(lines):
        if sum(len(k) + 1 for k in kept) + len(line) > MAX_TEXT - ROOM_FOR_MORE:
            kept.append(t(language, "notify.more", count=len(lines) - index))
            break
        kept.append(line)
    return "\n".join(kept)


@dataclass(frozen=True, slots=True)
class Line:
    """One queued line, the same without the named member, and whom it names."""

    text: str
    anonymous: str
    about: int | None


class NoticeFlusher(QueueDrainer):
    """A background loop that turns due rows of tt.pending_notices into outbox messages."""

    def __init__(
        self,
        db: Database,
        cipher: Cipher,
        *,
        default_phone_number_id: str,
        batch_seconds: float,
        on_flushed: Callable[[], None],
        clock: Callable[[], datetime],
        retry_base_seconds: float = 2.0,
        sweep_seconds: float = 5.0,
    ) -> None:
        self._cipher, self._default_number = cipher, default_phone_number_id
        self._batch, self._on_flushed, self._clock = batch_seconds, on_flushed, clock
        self._retry_base = retry_base_seconds
        super().__init__(db, sweep_seconds=sweep_seconds)

    async def step(self) -> bool:
        """Flush one person's due notices; False when nobody's are due."""
        async with self._db.transaction(SYSTEM) as conn:
            claim = await claim_due_notice(conn, self._batch)
        if claim is None:
            return False
        async with self.holding(NOTICES, claim):
            try:
                await self._flush(claim)
            except DATABASE_GONE:
                raise  # not the notice's fault: `holding` gives it back once the database answers
            except Exception as e:
                log.exception("family notice failed", extra={"notice_id": claim.id})
                await self._after_failure(claim, e)
        self._on_flushed()
        return True

    async def _flush(self, claim: Claim) -> None:
        """Merge the person's waiting lines into one message; an unreadable line is set aside."""
        async with self._db.transaction(SYSTEM) as conn:
            if not await NOTICES.holds(conn, claim):
                return  # the lease ran out and another flusher has this person now
            rows = await select_batch(conn, claim.row["user_id"])
            lines, unreadable = self._read(rows)
            if unreadable:
                await bury_notices(conn, unreadable, "undecryptable")
                log.warning("family notice given up", extra={"reason": "undecryptable"})
            await delete_notices(conn, [r["id"] for r in rows if r["id"] not in unreadable])
            if lines:
                await self._send(conn, claim.row["user_id"], lines)

    def _read(self, rows: list[asyncpg.Record]) -> tuple[list[Line], list[int]]:
        lines: list[Line] = []
        unreadable: list[int] = []
        decrypt = self._cipher.decrypt_text
        for row in rows:
            try:
                text = decrypt(row["line"])
                anonymous = decrypt(row["anonymous_line"]) if row["anonymous_line"] else text
            except (CipherError, UnicodeDecodeError):
                unreadable.append(row["id"])
                continue
            lines.append(Line(text, anonymous, row["about_user_id"]))
        return lines, unreadable

    async def _after_failure(self, claim: Claim, error: Exception) -> None:
        """Retry a few times, then keep the line as dead; what cannot change is not retried."""
        reason = type(error).__name__[:200]
        final = isinstance(error, DETERMINISTIC) or claim.attempts >= MAX_ATTEMPTS
        delay = backoff(self._retry_base, claim.attempts)
        async with self._db.transaction(SYSTEM) as conn:
            if final:
                await NOTICES.give_up(conn, claim, reason)
            else:
                await NOTICES.retry_later(conn, claim, delay, reason)
        if final:
            log.warning("family notice given up", extra={"notice_id": claim.id, "reason": reason})
        else:
            self.wake_later(delay)

    async def _send(self, conn: asyncpg.Connection, user_id: int, lines: list[Line]) -> None:
        found = await select_recipient(conn, user_id)
        if found is None:
            return
        person, number = found
        # Consent or the window may have changed since the lines were queued: drop them then.
        if person.consent != "opted_in" or not window_open(person.last_inbound_at, self._clock()):
            return
        about = tuple(sorted({line.about for line in lines if line.about is not None}))
        message = Outgoing(
            user_id=person.user_id,
            reply=Reply(text=merge_lines(person.language, [line.text for line in lines])),
            about=about,
            anonymous=Reply(text=merge_lines(person.language, [line.anonymous for line in lines]))
            if about
            else None,
        )
        await enqueue(conn, self._cipher, [message], phone_number_id=number or self._default_number)
