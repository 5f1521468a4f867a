"""What a handler gets: the message, the acting user, the open transaction, and a way to reply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import asyncpg

from dialog import conversation
from dialog.commands import Command
from dialog.conversation import D, Flow, State
from dialog.ids import ChoiceId
from dialog.message import Inbound
from dialog.replies import Button, LinkButton, Outgoing, Reply, Row, Section, Template
from dialog.texts import t
from dialog.texts.dates import day_label, day_month, month_label, weekday_name
from dialog.window import window_open
from sql.cipher import Cipher
from tracker.dates import example_day
from tracker.users import User


class Unexpected(Exception):
    """Raised by a step handler when the message is not an answer to its question."""


@dataclass(frozen=True, slots=True)
class Links:
    """What replies link to: the privacy page, the bot's own number, the invite template, the
    calendar pages."""

    privacy_url: str
    bot_number: str = ""  # the bot's public WhatsApp number (digits), for wa.me links
    invite_template: str = ""  # approved template for invites outside the 24-hour window
    invite_template_lang: str = "en"
    payments: bool = False  # Razorpay keys are set: Pro can be bought
    # (user_id, child_id, link_version, edit) -> a signed link to the child's month; None: no
    # web pages
    calendar_url: Callable[[int, int, int, bool], str] | None = None


@dataclass(slots=True)
class Context:
    """`command` and `choice` are what the message parsed as, if anything; handlers registered
    for a command, a choice or a step receive theirs as typed arguments instead."""

    conn: asyncpg.Connection
    cipher: Cipher
    user: User
    message: Inbound
    now: datetime
    links: Links
    command: Command | None = None
    choice: ChoiceId | None = None
    refused_choice: bool = False  # a tapped or typed id that failed validation
    outgoing: list[Outgoing] = field(default_factory=list)
    # a link request or a recheck for the payments loop, woken only after such a commit
    payments_queued: bool = False

    def t(self, key: str, **values: object) -> str:
        """The catalog text for `key`; a key with plural forms is chosen by `count=`."""
        return t(self.user.language, key, **values)

    def day_label(self, day: date) -> str:
        """A short day such as "Mon 12 Feb" in the user's language, with its year when that
        is not this year's."""
        return day_label(self.user.language, day, with_year=day.year != self.now.year)

    def date_examples(self, today: date) -> dict[str, str]:
        """How to type an earlier day of this month, for a reply's examples: `example` "3 Nov",
        `numeric` "3/11" and `day_number` "3", all read back by the date reader."""
        day = example_day(today)
        return {
            "example": day_month(self.user.language, day),
            "numeric": f"{day.day}/{day.month}",
            "day_number": str(day.day),
        }

    def month_label(self, month: date) -> str:
        """A month and its year, such as "December 2026", in the user's language."""
        return month_label(self.user.language, month)

    def weekday_name(self, weekday: int, *, wide: bool = False) -> str:
        """Monday is 0: "Mon", or "Monday" when `wide`, in the user's language."""
        return weekday_name(self.user.language, weekday, wide=wide)

    def reply(
        self,
        text: str,
        *,
        buttons: tuple[Button, ...] = (),
        sections: tuple[Section, ...] = (),
        list_button: str = "",
    ) -> None:
        reply = Reply(text=text, buttons=buttons, sections=sections, list_button=list_button)
        self.outgoing.append(Outgoing(user_id=self.user.id, reply=reply))

    def reply_link(self, text: str, link: LinkButton) -> None:
        """A text with one button that opens a web page, such as a payment link."""
        self.outgoing.append(Outgoing(user_id=self.user.id, reply=Reply(text=text, link=link)))

    def reply_rows(self, text: str, rows: list[Row], list_button: str) -> None:
        self.reply(text, sections=(Section("", tuple(rows)),), list_button=list_button)

    def send(self, item: Outgoing) -> None:
        """Queue a prepared message, such as a document with a follow-up."""
        self.outgoing.append(item)

    def notify(
        self, user_id: int, message: Reply | Template, fallback: Template | None = None
    ) -> None:
        """A message to another member on the acting user's behalf, so it names them (it is
        dropped if they erase their data before it leaves); `fallback` is sent instead once
        the reader's window closed."""
        self.outgoing.append(
            Outgoing(user_id=user_id, reply=message, fallback=fallback, about=(self.user.id,))
        )

    def window_open(self, last_inbound_at: datetime | None) -> bool:
        """Whether a free-form message can still reach someone who last wrote then."""
        return window_open(last_inbound_at, self.now)

    async def enter_step(self, flow: Flow[D], step: str, data: D) -> None:
        """Start or move on in a flow; `data` replaces what the flow remembered."""
        state = State(flow.name, step, conversation.dump(data))
        await conversation.save(self.conn, self.cipher, self.user.id, state, self.now, flow.timeout)

    async def in_flow(self) -> bool:
        state = await conversation.load(self.conn, self.cipher, self.user.id)
        return state is not None and state.expires_at is not None and state.expires_at > self.now

    async def end_flow(self) -> None:
        await conversation.clear(self.conn, self.user.id)
