"""`python -m bot chat`: a terminal conversation through the real, signed webhook path."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bot.app import create_app, resolve_dsn
from bot.config import Settings
from bot.graph_client import Media, SendResult, choices, render
from bot.signature import sign
from sql.cipher import Cipher

WEBHOOK_PATH = "/webhooks/whatsapp"
QUIET_SECONDS, MAX_WAIT_SECONDS, POLL_SECONDS = 0.6, 10.0, 0.05
BANNER = (
    "Chatting with Therapy Tracker as {phone}. Type a message; a bare number taps that "
    "choice of the last menu; /quit or Ctrl-D leaves."
)
LAST_ID = "SELECT coalesce(max(id), 0) FROM tt.outbox"
NEXT_REPLY = """
SELECT o.id, o.body FROM tt.outbox o JOIN tt.users u ON u.id = o.user_id
WHERE u.phone = $1 AND o.id > $2 ORDER BY o.id LIMIT 1
"""

Message = dict[str, Any]
Post = Callable[[bytes, dict[str, str]], Awaitable[int]]
NextReply = Callable[[float], Awaitable[Message | None]]


class QueueTransport:
    """Puts every message the sender would send to Meta on a queue for the terminal; a
    document is saved under `files` so the person chatting can open it."""

    def __init__(self, files: Path) -> None:
        self.queue: asyncio.Queue[Message] = asyncio.Queue()
        self._files = files

    async def send(self, phone_number_id: str, body: Message) -> SendResult:
        self.queue.put_nowait(body)
        return SendResult("sent", wamid=f"wamid.chat-out-{uuid.uuid4().hex}")

    async def upload(self, phone_number_id: str, media: Media) -> SendResult:
        self._files.mkdir(parents=True, exist_ok=True)
        path = self._files / f"{uuid.uuid4().hex[:8]}-{Path(media.filename).name}"
        await asyncio.to_thread(path.write_bytes, media.content)
        print(f"(document saved to {path})")
        return SendResult("sent", media_id=f"chat-media.{path.name}")

    async def close(self) -> None:
        return None

    async def next(self, timeout: float) -> Message | None:
        try:
            return await asyncio.wait_for(self.queue.get(), timeout)
        except TimeoutError:
            return None


class OutboxReader:
    """Replies a running server stored for one phone, read from its outbox in order."""

    def __init__(self, conn: asyncpg.Connection, cipher: Cipher, phone: str, last_id: int) -> None:
        self._conn, self._cipher, self._phone, self._last_id = conn, cipher, phone, last_id

    async def next(self, timeout: float) -> Message | None:
        deadline = time.monotonic() + timeout
        while (row := await self._conn.fetchrow(NEXT_REPLY, self._phone, self._last_id)) is None:
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(POLL_SECONDS)
        self._last_id = row["id"]
        message: Message = self._cipher.decrypt_json(row["body"])["message"]
        return message


async def chat(settings: Settings, *, phone: str, url: str) -> int:
    """Talk to the bot until EOF or /quit; replies are shown with numbered choices."""
    connect = _remote(settings, phone, url) if url else _in_process(settings)
    async with connect as (post, next_reply):
        print(BANNER.format(phone=phone))
        await _converse(settings, phone, post, next_reply)
    return 0


async def _converse(settings: Settings, phone: str, post: Post, next_reply: NextReply) -> None:
    menu: Message | None = None
    while True:
        try:
            line = (await asyncio.to_thread(input, "you> ")).strip()
        except EOFError:
            line = "/quit"
        if line == "/quit":
            return
        if not line:
            continue
        status = await post(*_signed(settings, phone, _message(phone, line, menu)))
        if status != 200:
            print(f"(the webhook answered {status})")
        async for body in _replies(next_reply):
            print(f"bot> {render(body)}")
            menu = body if choices(body) else menu


async def _replies(next_reply: NextReply) -> AsyncIterator[Message]:
    """Replies until none comes for QUIET_SECONDS; the first may take up to MAX_WAIT_SECONDS."""
    deadline, wait = time.monotonic() + MAX_WAIT_SECONDS, MAX_WAIT_SECONDS
    while (body := await next_reply(min(wait, deadline - time.monotonic()))) is not None:
        yield body
        wait = QUIET_SECONDS


def _message(phone: str, line: str, menu: Message | None) -> Message:
    options = choices(menu) if menu else []
    if menu is None or not (line.isdigit() and 1 <= int(line) <= len(options)):
        return _envelope(phone, "text", {"body": line})
    reply_id, title = options[int(line) - 1]
    print(f"(tapped {title})")
    kind = "button_reply" if menu["interactive"]["type"] == "button" else "list_reply"
    return _envelope(phone, "interactive", {"type": kind, kind: {"id": reply_id, "title": title}})


def _envelope(phone: str, kind: str, content: Message) -> Message:
    return {
        "from": phone,
        "id": f"wamid.chat-{uuid.uuid4()}",
        "timestamp": str(int(time.time())),
        "type": kind,
        kind: content,
    }


def _signed(settings: Settings, phone: str, message: Message) -> tuple[bytes, dict[str, str]]:
    """A Meta-shaped webhook carrying one message, and headers signed with the app secret."""
    number = settings.whatsapp_phone_number_id or "chat-number"
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": number, "phone_number_id": number},
        "contacts": [{"profile": {"name": "You"}, "wa_id": phone}],
        "messages": [message],
    }
    payload = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "chat", "changes": [{"field": "messages", "value": value}]}],
    }
    body = json.dumps(payload, ensure_ascii=False).encode()
    return body, {
        "Content-Type": "application/json",
        "X-Hub-Signature-256": sign(body, settings.whatsapp_app_secret),
    }


@asynccontextmanager
async def _in_process(settings: Settings) -> AsyncIterator[tuple[Post, NextReply]]:
    transport = QueueTransport(settings.data_dir / "chat-files")
    async with create_app(settings, transport=transport).test_app() as test_app:
        client = test_app.test_client()

        async def post(body: bytes, headers: dict[str, str]) -> int:
            return (await client.post(WEBHOOK_PATH, data=body, headers=headers)).status_code

        yield post, transport.next


@asynccontextmanager
async def _remote(
    settings: Settings, phone: str, url: str
) -> AsyncIterator[tuple[Post, NextReply]]:
    conn = await asyncpg.connect(await resolve_dsn(settings))
    reader = OutboxReader(conn, settings.cipher(), phone, await conn.fetchval(LAST_ID))
    try:
        async with httpx.AsyncClient(base_url=url.rstrip("/"), timeout=10.0) as client:

            async def post(body: bytes, headers: dict[str, str]) -> int:
                return (await client.post(WEBHOOK_PATH, content=body, headers=headers)).status_code

            yield post, reader.next
    finally:
        await conn.close()
