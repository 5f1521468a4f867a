"""A scripted conversation through the real path (signed webhook, inbound log, worker, outbox,
sender, Graph stub) on an injected clock, written down as Markdown as it goes.

A step types a line or taps a choice by its title, as a parent does: the title is found among
the buttons and list rows last shown to that phone, never by its id, so a scenario survives
changes to how replies are built."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.graph_client import choices
from dialog.texts import CATALOGS, t
from dialog.texts.dates import day_label
from tests.conftest import Bot
from tests.support import payloads

KOLKATA = ZoneInfo("Asia/Kolkata")
# Anything that differs from run to run, and what it reads as in the transcript.
VOLATILE = ((re.compile(r"wamid\.[A-Za-z0-9_.=-]+"), "wamid.…"),)


@dataclass
class Clock:
    """The app's clock: a fixed moment that the scenario moves on."""

    moment: datetime = field(default_factory=lambda: datetime(2026, 11, 1, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.moment

    def set_local(self, day: str, time: str) -> None:
        """Kolkata wall time, as `2026-11-15` and `20:30`."""
        local = datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=KOLKATA)
        self.moment = local.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Person:
    phone: str
    name: str


@dataclass
class Transcript:
    """Drives the bot for a few people and writes what each of them sees."""

    bot: Bot
    clock: Clock
    language: str
    lines: list[str] = field(default_factory=list)
    shown: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)

    def heading(self, text: str) -> None:
        self.lines += [f"## {text}", ""]

    def day(self, day: str, time: str = "20:00") -> None:
        """Move the clock to `time` on `day` (Kolkata) and start a section for it."""
        self.clock.set_local(day, time)
        local = self.clock().astimezone(KOLKATA)
        # The day as replies show it (with a full month name), then the year
        shown = f"{day_label(self.language, local.date())} {local.year}"
        self.lines += [f"### {shown}, {local:%H:%M}", ""]

    def later(self, minutes: int) -> None:
        self.clock.moment += timedelta(minutes=minutes)

    async def say(self, who: Person, text: str) -> None:
        await self._send(who, payloads.text(who.phone, text, **self._stamp()), text)

    async def say_or(self, who: Person, text: str, fallback: str) -> None:
        """Type a sentence; confirm it when the bot asks whether to log what it read, or type
        `fallback` when it did not understand (the transcript shows where reading falls short)."""
        await self.say(who, text)
        if await self.tap(who, "btn.said_yes", optional=True):
            return
        if self.misread(who):
            await self.say(who, fallback)

    def misread(self, who: Person, key: str = "fallback") -> bool:
        """The last answer to `who` says the bot could not read it (catalog `key`, compared up
        to its first placeholder)."""
        entry = CATALOGS[self.language].get(key) or CATALOGS["en"].get(key) or ""
        said = (entry if isinstance(entry, str) else entry["other"]).split("{")[0]
        answers = self.bot.graph.texts_to(who.phone)[-2:]
        return bool(said) and any(said in answer for answer in answers)

    async def tap(self, who: Person, key: str, *, optional: bool = False, **values: object) -> bool:
        """Tap the choice titled as catalog `key` reads in this language (or a literal title
        when no such key exists); False when it is not on screen and `optional`."""
        title = self._title(key, **values)
        on_screen = self.shown.get(who.phone, [])
        found = [c for c in on_screen if _same(c[1], title)] or [
            c for c in on_screen if c[1].casefold().startswith(title.casefold())
        ]
        if not found:
            if optional:
                return False
            offered = [c[1] for c in self.shown.get(who.phone, [])]
            msg = f"{who.name} has no choice titled {title!r} on screen; offered: {offered}"
            raise AssertionError(msg)
        reply_id, shown_title, kind = found[-1]
        build = payloads.button_reply if kind == "button_reply" else payloads.list_reply
        message = build(who.phone, reply_id, shown_title, **self._stamp())
        await self._send(who, message, f"[{shown_title}]")
        return True

    def day_title(self, day: date) -> str:
        """How a day row is titled in this language (this year's days show no year)."""
        return day_label(self.language, day, with_year=day.year != self.clock().year)

    async def deliver_family_updates(self) -> None:
        """Batched family updates fall due (as if their wait had passed) and are sent."""
        await self.bot.db.execute(
            "UPDATE tt.pending_notices SET queued_at = queued_at - interval '1 day' "
            "WHERE status = 'pending'"
        )
        await self.bot.flush_notices()

    def receive(self, who: Person) -> None:
        """Write what reached `who` without them typing (family updates, invites)."""
        if len(self.bot.graph.to(who.phone)) > self.seen.get(who.phone, 0):
            self.lines += [f"_→ {who.name}_", ""]
            self._write_new(who)

    def markdown(self, title: str) -> str:
        body = "\n".join(self.lines).rstrip()
        return f"# {title}\n\n{body}\n"

    def _title(self, key: str, **values: object) -> str:
        try:
            return t(self.language, key, **values)
        except KeyError:
            return key

    def _stamp(self) -> dict[str, Any]:
        return {"timestamp": int(self.clock().timestamp())}

    async def _send(self, who: Person, message: dict[str, Any], shown: str) -> None:
        self._write_new(who, quiet=True)  # anything earlier is not an answer to this line
        await self.bot.db.execute("DELETE FROM tt.send_pacing")  # so nothing waits on pacing
        contact = payloads.contact(who.phone, who.name)
        response = await self.bot.post(payloads.webhook([message], contacts=[contact]))
        assert response.status_code == 200
        await self.bot.settle()
        self.lines += [f"**{who.name}:** {shown}", ""]
        self._write_new(who)

    def _write_new(self, who: Person, *, quiet: bool = False) -> None:
        sent = self.bot.graph.to(who.phone)
        new, self.seen[who.phone] = sent[self.seen.get(who.phone, 0) :], len(sent)
        if not new:
            return
        self.shown[who.phone] = []
        for body in new:
            self.shown[who.phone] += [(i, title, _kind(body)) for i, title in choices(body)]
            if not quiet:
                self.lines += [*_fenced(_readable(body)), ""]


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _kind(body: dict[str, Any]) -> str:
    interactive = body.get("interactive") or {}
    return "button_reply" if interactive.get("type") == "button" else "list_reply"


def _readable(body: dict[str, Any]) -> str:
    """What the phone shows: the text, then its buttons or list rows in brackets."""
    kind = body["type"]
    if kind == "text":
        text = body["text"]["body"]
    elif kind == "interactive":
        text = body["interactive"]["body"]["text"]
        text += "\n" + " ".join(f"[{choice}]" for choice in _titles(body["interactive"]))
    elif kind == "template":
        template = body["template"]
        values = [
            p.get("text", "")
            for part in template.get("components", [])
            for p in part.get("parameters", [])
        ]
        text = f"(template {template['name']}: {' | '.join(values)})"
    else:
        text = f"({kind})"
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def _titles(interactive: dict[str, Any]) -> list[str]:
    """Button titles, or list rows with their description after a dash."""
    action = interactive.get("action") or {}
    if interactive.get("type") == "button":
        return [b["reply"]["title"] for b in action.get("buttons", [])]
    rows = [row for section in action.get("sections", []) for row in section.get("rows", [])]
    return [" – ".join(filter(None, (row["title"], row.get("description")))) for row in rows]


def _fenced(text: str) -> list[str]:
    fence = "````" if "```" in text else "```"
    return [f"{fence}text", *text.splitlines(), fence]
