"""`python -m bot chat`: a terminal conversation through the real, signed webhook path.

What the terminal shows comes from the outbox rows of this chat's phone once they have left
(so two chats, or a chat beside `serve`, each see only their own messages, paced as WhatsApp
paces them), and every choice on screen since the last line typed gets a number to tap."""

from __future__ import annotations

import asyncio
import base64
import json
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import asyncpg
import httpx

from bot.app import create_app, resolve_dsn
from bot.config import Settings
from bot.graph_client import Media, SendResult, choices, render
from bot.signature import sign
from sql.cipher import Cipher

WEBHOOK_PATH = "/webhooks/whatsapp"
# Replies normally leave within a second; paced ones wait about 6 s each, retries longer.
MAX_WAIT_SECONDS, POLL_SECONDS, WAITING_MARK_SECONDS = 90.0, 0.05, 0.4
BANNER = (
    "Chatting with Therapy Tracker as {name} ({phone}). Type a message; a bare number taps "
    "that choice on screen (\\2 sends the text 2); /quit or Ctrl-D leaves."
)
# Default WhatsApp names, picked by a number's last digit: phones that differ there differ here.
NAMES = (
    "Priya",
    "Rahul",
    "Anita",
    "Vikram",
    "Meena",
    "Arjun",
    "Kavya",
    "Suresh",
    "Lakshmi",
    "Imran",
)
LAST_SHOWN = """
SELECT coalesce(max(o.id), 0) FROM tt.outbox o JOIN tt.users u ON u.id = o.user_id
WHERE u.phone = $1 AND o.status <> 'pending'
"""
NEW_ROWS = """
SELECT o.id, o.status, o.body, o.error_code FROM tt.outbox o JOIN tt.users u ON u.id = o.user_id
WHERE u.phone = $1 AND o.id > $2 ORDER BY o.id
"""
DRAINED = """
SELECT NOT EXISTS (SELECT 1 FROM tt.inbound_messages WHERE wamid = $2 AND status = 'pending')
   AND NOT EXISTS (SELECT 1 FROM tt.outbox o JOIN tt.users u ON u.id = o.user_id
                   WHERE u.phone = $1 AND o.status = 'pending')
"""

Message = dict[str, Any]
Post = Callable[[bytes, dict[str, str]], Awaitable[int]]


def default_name(phone: str) -> str:
    """A distinct first name per phone, so family notices in two chats tell people apart."""
    digits = [ch for ch in phone if ch.isdigit()] or ["0"]
    return NAMES[int(digits[-1])]


class ChatTransport:
    """The in-process sender's way out: every message is accepted; the terminal of the phone
    it is for shows it from the outbox (see OutboxReader)."""

    async def send(self, phone_number_id: str, body: Message) -> SendResult:
        return SendResult("sent", wamid=f"wamid.chat-out-{uuid.uuid4().hex}")

    async def upload(self, phone_number_id: str, media: Media) -> SendResult:
        return SendResult("sent", media_id=f"chat-media.{uuid.uuid4().hex}")

    async def close(self) -> None:
        return None


@dataclass(frozen=True, slots=True)
class Choice:
    reply_id: str
    title: str
    kind: str  # button_reply or list_reply


@dataclass(slots=True)
class Screen:
    """What this terminal prints: messages as they leave, choices numbered on from 1 since the
    last line typed, documents saved under `files`."""

    files: Path
    out: TextIO = field(default_factory=lambda: sys.stdout)
    choices: list[Choice] = field(default_factory=list)

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def show(self, status: str, body: dict[str, Any], error: str | None) -> None:
        message = body["message"]
        if status == "failed":
            self.say(f"bot> (not delivered: {error or 'failed'})")
        elif message.get("type") == "document" and body.get("media"):
            self.say(f"bot> {self._save(message, body['media'])}")
        else:
            self.say(f"bot> {self._numbered(message)}")

    def _numbered(self, message: Message) -> str:
        if message.get("type") != "interactive" or message["interactive"]["type"] == "cta_url":
            return render(message)
        kind = "button_reply" if message["interactive"]["type"] == "button" else "list_reply"
        lines = [message["interactive"]["body"]["text"]]
        for reply_id, title in choices(message):
            self.choices.append(Choice(reply_id, title, kind))
            lines.append(f"  {len(self.choices)}. {title}")
        return "\n".join(lines)

    def _save(self, message: Message, media: dict[str, str]) -> str:
        self.files.mkdir(parents=True, exist_ok=True)
        path = self.files / f"{uuid.uuid4().hex[:8]}-{Path(media['filename']).name}"
        path.write_bytes(base64.b64decode(media["content"]))
        caption = message["document"].get("caption", "")
        return f"📄 {caption}\n(document saved to {path})".lstrip()

    def typed(self, line: str) -> Message:
        """The message a typed line sends: a tap when it is the number of a choice on screen."""
        number = int(line) if line.isdigit() else 0
        chosen = self.choices[number - 1] if 1 <= number <= len(self.choices) else None
        self.choices = []
        if chosen is None:
            return {"type": "text", "text": {"body": line.removeprefix("\\")}}
        self.say(f"(tapped {chosen.title})")
        reply = {"type": chosen.kind, chosen.kind: {"id": chosen.reply_id, "title": chosen.title}}
        return {"type": "interactive", "interactive": reply}


class OutboxReader:
    """This phone's outbox rows, shown in order once each has left (sent or failed)."""

    def __init__(self, conn: asyncpg.Connection, cipher: Cipher, phone: str) -> None:
        self._conn, self._cipher, self._phone = conn, cipher, phone
        self._last_id = 0
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        self._last_id = await self._conn.fetchval(LAST_SHOWN, self._phone)

    async def show_new(self, screen: Screen) -> int:
        """Print what left since last time, stopping at the first row still waiting."""
        shown = 0
        async with self._lock:
            for row in await self._conn.fetch(NEW_ROWS, self._phone, self._last_id):
                if row["status"] == "pending":
                    break
                screen.show(
                    row["status"], self._cipher.decrypt_json(row["body"]), row["error_code"]
                )
                self._last_id, shown = row["id"], shown + 1
        return shown

    async def drained(self, wamid: str) -> bool:
        """The message is handled and nothing for this phone is still waiting to leave."""
        async with self._lock:
            return bool(await self._conn.fetchval(DRAINED, self._phone, wamid))


async def chat(
    settings: Settings, *, phone: str, url: str, name: str = "", out: TextIO | None = None
) -> int:
    """Talk to the bot until EOF or /quit; replies are shown with numbered choices."""
    name = name or default_name(phone)
    connect = _remote(settings, url) if url else _in_process(settings)
    async with connect as post, _reader(settings, phone) as reader:
        screen = Screen(settings.data_dir / "chat-files", out or sys.stdout)
        screen.say(BANNER.format(name=name, phone=phone))
        watcher = asyncio.create_task(_watch(reader, screen))
        try:
            await _converse(settings, phone, name, post, reader, screen)
        finally:
            watcher.cancel()
    return 0


async def _converse(
    settings: Settings, phone: str, name: str, post: Post, reader: OutboxReader, screen: Screen
) -> None:
    while True:
        try:
            line = (await asyncio.to_thread(input, "you> ")).strip()
        except EOFError:
            line = "/quit"
        if line == "/quit":
            return
        if not line:
            continue
        message = {**_envelope(phone), **screen.typed(line)}
        status = await post(*_signed(settings, phone, name, message))
        if status != 200:
            screen.say(f"(the webhook answered {status})")
            continue
        await _drain(reader, screen, message["id"])


async def _drain(reader: OutboxReader, screen: Screen, wamid: str) -> None:
    """Show replies until the message is handled and every reply has left; "…" while waiting."""
    started = last_shown = time.monotonic()
    waiting_marked = False
    while not await reader.drained(wamid):
        if await reader.show_new(screen):
            last_shown, waiting_marked = time.monotonic(), False
        elif not waiting_marked and time.monotonic() - last_shown > WAITING_MARK_SECONDS:
            screen.say("…")
            waiting_marked = True
        if time.monotonic() - started > MAX_WAIT_SECONDS:
            screen.say("(still waiting; the rest will show when it is sent)")
            return
        await asyncio.sleep(POLL_SECONDS)
    await reader.show_new(screen)


async def _watch(reader: OutboxReader, screen: Screen) -> None:
    """Messages that arrive while nobody types, such as a family update from another chat."""
    while True:
        await asyncio.sleep(1.0)
        await reader.show_new(screen)


def _envelope(phone: str) -> Message:
    return {"from": phone, "id": f"wamid.chat-{uuid.uuid4()}", "timestamp": str(int(time.time()))}


def _signed(
    settings: Settings, phone: str, name: str, message: Message
) -> tuple[bytes, dict[str, str]]:
    """A Meta-shaped webhook carrying one message, and headers signed with the app secret."""
    number = settings.whatsapp_phone_number_id or "chat-number"
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": number, "phone_number_id": number},
        "contacts": [{"profile": {"name": name}, "wa_id": phone}],
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
async def _reader(settings: Settings, phone: str) -> AsyncIterator[OutboxReader]:
    conn = await asyncpg.connect(await resolve_dsn(settings))
    try:
        reader = OutboxReader(conn, settings.cipher(), phone)
        await reader.start()
        yield reader
    finally:
        await conn.close()


@asynccontextmanager
async def _in_process(settings: Settings) -> AsyncIterator[Post]:
    async with create_app(settings, transport=ChatTransport()).test_app() as test_app:
        client = test_app.test_client()

        async def post(body: bytes, headers: dict[str, str]) -> int:
            return (await client.post(WEBHOOK_PATH, data=body, headers=headers)).status_code

        yield post


@asynccontextmanager
async def _remote(settings: Settings, url: str) -> AsyncIterator[Post]:
    async with httpx.AsyncClient(base_url=url.rstrip("/"), timeout=10.0) as client:

        async def post(body: bytes, headers: dict[str, str]) -> int:
            return (await client.post(WEBHOOK_PATH, content=body, headers=headers)).status_code

        yield post
