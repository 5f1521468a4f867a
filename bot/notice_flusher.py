"""Sends each person's queued family notices as one message once the oldest has waited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import asyncpg

from bot.background import QueueDrainer
from bot.graph_messages import MAX_TEXT
from bot.outbox import enqueue
from dialog.replies import Outgoing, Reply
from dialog.texts import t
from dialog.window import window_open
from sql.cipher import Cipher
from sql.db import SYSTEM, Database
from tracker.notice_store import delete_due_notices, select_recipient

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
        sweep_seconds: float = 5.0,
    ) -> None:
        self._db, self._cipher, self._default_number = db, cipher, default_phone_number_id
        self._batch, self._on_flushed, self._clock = batch_seconds, on_flushed, clock
        super().__init__(concurrency=1, sweep_seconds=sweep_seconds)

    async def step(self) -> bool:
        """Flush one person's due notices; False when nobody's are due."""
        async with self._db.transaction(SYSTEM) as conn:
            rows = await delete_due_notices(conn, self._batch)
            if not rows:
                return False
            await self._send(conn, rows)
        self._on_flushed()
        return True

    async def _send(self, conn: asyncpg.Connection, rows: list[asyncpg.Record]) -> None:
        found = await select_recipient(conn, rows[0]["user_id"])
        if found is None:
            return
        person, number = found
        # Consent or the window may have changed since the lines were queued: drop them then.
        if person.consent != "opted_in" or not window_open(person.last_inbound_at, self._clock()):
            return
        decrypt = self._cipher.decrypt_text
        lines = [decrypt(row["line"]) for row in rows]
        anonymous = [decrypt(row["anonymous_line"] or row["line"]) for row in rows]
        about = tuple(sorted({row["about_user_id"] for row in rows} - {None}))
        message = Outgoing(
            user_id=person.user_id,
            reply=Reply(text=merge_lines(person.language, lines)),
            about=about,
            anonymous=Reply(text=merge_lines(person.language, anonymous)) if about else None,
        )
        await enqueue(conn, self._cipher, [message], phone_number_id=number or self._default_number)
