"""Dispatch order for one message: welcome, gates, escapes, the active step, ids, commands,
natural language, media, then the friendly fallback."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from dialog import conversation, ids
from dialog.commands import Command, parse_command
from dialog.context import Context, Unexpected
from dialog.conversation import Flow

log = logging.getLogger(__name__)

Handler = Callable[[Context], Awaitable[None]]
Gate = Callable[[Context], Awaitable[bool]]

ESCAPES = ("cancel", "menu", "help")
ID_LIKE = re.compile(r"[a-z_]+:\S+", re.IGNORECASE)
COMMAND_ID = "cmd:"
GREETINGS = ("hello", "menu")


@dataclass(frozen=True, slots=True)
class StepSpec:
    handler: Handler
    ask: Handler
    typed: bool  # only typed text answers it; a tap goes to its own handler


class Router:
    """Handlers registered by feature modules, run in the one order that DESIGN.md gives."""

    def __init__(self) -> None:
        self.gates: list[Gate] = []
        self.commands: dict[str, Handler] = {}
        self.choices: dict[tuple[str, str], Handler] = {}
        self.flows: dict[str, Flow] = {}
        self.steps: dict[tuple[str, str], StepSpec] = {}
        self.natural: list[Gate] = []
        self.media: Handler | None = None
        self.welcome: Handler | None = None
        self.fallback: Handler | None = None

    def gate(self, fn: Gate) -> Gate:
        self.gates.append(fn)
        return fn

    def command(self, *names: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            for name in names:
                self.commands[name] = fn
            return fn

        return register

    def choice(
        self, namespace: str, action: str, parse_arg: Callable | None = None
    ) -> Callable[[Handler], Handler]:
        ids.register(namespace, action, parse_arg)

        def register(fn: Handler) -> Handler:
            self.choices[(namespace, action)] = fn
            return fn

        return register

    def step(
        self, flow: Flow, step: str, *, ask: Handler, typed: bool = False
    ) -> Callable[[Handler], Handler]:
        self.flows[flow.name] = flow

        def register(fn: Handler) -> Handler:
            self.steps[(flow.name, step)] = StepSpec(fn, ask, typed)
            return fn

        return register

    def include(self, part: Router) -> None:
        """Append another feature's handlers after the ones already here."""
        self.gates += part.gates
        self.commands.update(part.commands)
        self.choices.update(part.choices)
        self.flows.update(part.flows)
        self.steps.update(part.steps)
        self.natural += part.natural
        self.media = part.media or self.media
        self.welcome = part.welcome or self.welcome
        self.fallback = part.fallback or self.fallback

    def understand(self, fn: Gate) -> Gate:
        self.natural.append(fn)
        return fn

    async def dispatch(self, ctx: Context) -> None:
        """Run the first handler that claims the message."""
        _parse(ctx)
        if ctx.user.welcomed_at is None and self.welcome:
            await self.welcome(ctx)
            if not self._knows(ctx) or (ctx.command and ctx.command.name in GREETINGS):
                return
        for gate in self.gates:
            if await gate(ctx):
                return
        if ctx.refused_choice and ctx.command is None:
            ctx.reply(ctx.t("choice.invalid"))
            return
        if ctx.command and ctx.command.name in ESCAPES and ctx.command.name in self.commands:
            await self.commands[ctx.command.name](ctx)
            return
        if await self._run_step(ctx) or await self._run_known(ctx):
            return
        for understand in self.natural:
            if await understand(ctx):
                return
        handler = (
            self.fallback
            if ctx.message.kind in ("text", "interactive", "button")
            else (self.media or self.fallback)
        )
        if handler:
            await handler(ctx)

    def _knows(self, ctx: Context) -> bool:
        choice, command = ctx.choice, ctx.command
        return bool(
            (choice and (choice.namespace, choice.action) in self.choices)
            or (command and command.name in self.commands)
        )

    async def _run_known(self, ctx: Context) -> bool:
        if ctx.choice and (ctx.choice.namespace, ctx.choice.action) in self.choices:
            await self.choices[(ctx.choice.namespace, ctx.choice.action)](ctx)
            return True
        if ctx.command and ctx.command.name in self.commands:
            await self.commands[ctx.command.name](ctx)
            return True
        return False

    async def _run_step(self, ctx: Context) -> bool:
        state = await conversation.load(ctx.conn, ctx.cipher, ctx.user.id)
        if state is None:
            return False
        flow, spec = self.flows.get(state.flow), self.steps.get((state.flow, state.step))
        if flow is None or spec is None or state.expires_at <= ctx.now:
            await ctx.end_flow()
            if flow is not None:
                ctx.reply(ctx.t("flow.expired"))
            return False
        ctx.state = state
        try:
            if spec.typed and ctx.choice:
                raise Unexpected
            await spec.handler(ctx)
        except Unexpected as e:
            return await self._reask(ctx, flow, spec, str(e))
        return True

    async def _reask(self, ctx: Context, flow: Flow, spec: StepSpec, problem: str) -> bool:
        """Unexpected input: a known command leaves the flow; otherwise re-ask, then give up."""
        if self._knows(ctx):
            await ctx.end_flow()
            return False
        state = ctx.state
        state.reasks += 1
        if state.reasks > flow.max_reasks:
            await ctx.end_flow()
            ctx.reply(ctx.t("flow.gave_up"))
            return True
        await conversation.save(ctx.conn, ctx.cipher, ctx.user.id, state, ctx.now, flow.timeout)
        if problem:  # the step already knows what was wrong and what to type
            ctx.reply(problem)
            return True
        ctx.reply(ctx.t("flow.didnt_get"))
        await spec.ask(ctx)
        return True


def _parse(ctx: Context) -> None:
    typed = ctx.message.text.strip()
    raw_id = ctx.message.reply_id or (typed if ID_LIKE.fullmatch(typed) else None)
    if raw_id and raw_id.startswith(COMMAND_ID):
        # menu buttons name commands, so a menu never depends on a feature's own ids
        ctx.command = Command(raw_id.removeprefix(COMMAND_ID))
        return
    if raw_id:
        try:
            ctx.choice = ids.decode(raw_id)
        except ids.InvalidId as e:
            ctx.refused_choice = True
            log.info("choice id refused", extra={"reason": str(e)})
    # a typed id that failed its checks is not read as words too; only "lang:hi" is both
    if ctx.choice is None and (not ctx.refused_choice or typed.casefold().startswith("lang")):
        ctx.command = parse_command(ctx.message.reply_id or ctx.message.text)
