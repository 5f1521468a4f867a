"""What a handler gets: the message, the acting user, the open transaction, and a way to reply."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import asyncpg

from dialog import conversation
from dialog.commands import Command
from dialog.conversation import Flow, State
from dialog.ids import ChoiceId
from dialog.message import Inbound
from dialog.replies import Button, Outgoing, Reply, Row, Section, Template
from dialog.texts import t
from sql.cipher import Cipher
from tracker.users import User


class Unexpected(Exception):
    """Raised by a step handler when the message is not an answer to its question."""


@dataclass(slots=True)
class Context:
    conn: asyncpg.Connection
    cipher: Cipher
    user: User
    message: Inbound
    now: datetime
    privacy_url: str
    command: Command | None = None
    choice: ChoiceId | None = None
    refused_choice: bool = False  # a tapped or typed id that failed validation
    state: State | None = None
    outgoing: list[Outgoing] = field(default_factory=list)
    bot_number: str = ""  # the bot's public WhatsApp number (digits), for wa.me links
    invite_template: str = ""  # approved template for invites outside the 24-hour window
    invite_template_lang: str = "en"

    def t(self, key: str, **values: Any) -> str:
        return t(self.user.language, key, **values)

    def day_label(self, day: date) -> str:
        """A short local date such as "Mon 12 Feb", in the user's language."""
        return self.t(
            "date.short",
            weekday=self.t(f"weekday.{day.weekday()}"),
            day=day.day,
            month=self.t(f"mon.{day.month}"),
        )

    def reply(
        self,
        text: str,
        *,
        buttons: tuple[Button, ...] = (),
        sections: tuple[Section, ...] = (),
        list_button: str = "",
    ) -> None:
        self.outgoing.append(
            Outgoing(
                user_id=self.user.id,
                reply=Reply(text=text, buttons=buttons, sections=sections, list_button=list_button),
            )
        )

    def reply_rows(self, text: str, rows: list[Row], list_button: str) -> None:
        self.reply(text, sections=(Section("", tuple(rows)),), list_button=list_button)

    def notify(self, user_id: int, reply: Reply, fallback: Template | None = None) -> None:
        """A message to another member of the family (sent only inside their window)."""
        self.outgoing.append(Outgoing(user_id=user_id, reply=reply, fallback=fallback))

    async def start_flow(self, flow: Flow, step: str, **data: Any) -> None:
        self.state = State(flow.name, step, data)
        await conversation.save(
            self.conn, self.cipher, self.user.id, self.state, self.now, flow.timeout
        )

    async def advance(self, flow: Flow, step: str, **data: Any) -> None:
        """Move to the next step, keeping earlier answers in the flow's data."""
        previous = self.state.data if self.state else {}
        self.state = State(flow.name, step, {**previous, **data})
        await conversation.save(
            self.conn, self.cipher, self.user.id, self.state, self.now, flow.timeout
        )

    async def end_flow(self) -> None:
        self.state = None
        await conversation.clear(self.conn, self.user.id)
