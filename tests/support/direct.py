"""Handler tests without the pipeline: one message straight through the router, in one
transaction as that user, on the real database. Replies come back as values."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from dialog.context import Context, Links
from dialog.message import Inbound
from dialog.replies import Outgoing, Reply
from dialog.router import Router
from sql.cipher import Cipher
from sql.db import SYSTEM, Database, as_user
from tracker.users import select_user

BUSINESS_NUMBER = "direct-number"


class Direct:
    """Say or tap as a phone; get back the replies the handlers queued for that phone."""

    def __init__(
        self, database: Database, cipher: Cipher, router: Router, clock: Callable[[], datetime]
    ) -> None:
        self._database, self._cipher, self._router = database, cipher, router
        self.clock = clock  # a test may move time on
        self.links = Links("https://tt.test/privacy")  # a test may set up the web pages

    async def say(self, phone: str, text: str) -> list[Reply]:
        return await self.dispatch(phone, kind="text", text=text)

    async def tap(self, phone: str, reply_id: str, title: str = "") -> list[Reply]:
        return await self.dispatch(phone, kind="interactive", text=title, reply_id=reply_id)

    async def dispatch(
        self, phone: str, *, kind: str, text: str = "", reply_id: str | None = None
    ) -> list[Reply]:
        """Replies to `phone` only; messages to other members are in `last_outgoing`."""
        now = self.clock()
        async with self._database.transaction(SYSTEM) as conn:
            user_id = await conn.fetchval("SELECT tt.resolve_user($1, '', $2)", phone, now)
        message = Inbound(
            wamid=f"wamid.direct-{uuid.uuid4().hex}",
            phone=phone,
            bsuid="",
            phone_number_id=BUSINESS_NUMBER,
            kind=kind,
            text=text,
            reply_id=reply_id,
            sent_at=now,
        )
        async with self._database.transaction(as_user(user_id)) as conn:
            user = await select_user(conn, user_id)
            ctx = Context(conn, self._cipher, user, message, now, self.links)
            await self._router.dispatch(ctx)
        self.last_outgoing: list[Outgoing] = ctx.outgoing
        return [
            o.reply for o in ctx.outgoing if o.user_id == user_id and isinstance(o.reply, Reply)
        ]
