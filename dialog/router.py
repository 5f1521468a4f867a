"""Dispatch order for one message: welcome, gates, escapes, the active step, ids, commands,
natural language, a near miss of a command word, media, then the friendly fallback. Handlers
get typed inputs: the command, the tapped id or the step's answer, and with `needs=` the family
the user may act on."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any, Generic, overload

from dialog import conversation, ids
from dialog.commands import Command, guess_command, parse_command
from dialog.context import Context, Unexpected
from dialog.conversation import D, Flow, State
from dialog.family import Family, current_family
from dialog.ids import ChoiceId
from dialog.replies import Button
from tracker.permissions import Action

log = logging.getLogger(__name__)

ESCAPES = ("cancel", "menu", "help")
ID_LIKE = re.compile(r"[a-z_]+:\S+", re.IGNORECASE)
GREETINGS = ("hello", "menu")
MAX_WORD_ANSWER = 60


def _command_word(typed: str) -> str:
    """The argument of the "use it as my answer" id: only a bare command word fits."""
    command = parse_command(typed)
    if len(typed) > MAX_WORD_ANSWER or command is None or command.args:
        raise ValueError(typed)
    return typed


AS_ANSWER = ("flow", "answer")  # a command word the user confirmed is their answer
ids.register(*AS_ANSWER, _command_word)
GUESS_NO = ("guess", "no")  # "No" to "Did you mean *summary*?"
ids.register(*GUESS_NO)


class RegistrationError(ValueError):
    """Two handlers for one command, id or step, or a step its flow does not declare."""


@dataclass(frozen=True, slots=True)
class Answer(Generic[D]):
    """A message that arrived while a flow waited at `step`, with what the flow remembers."""

    step: str
    text: str
    choice: ChoiceId | None
    command: Command | None
    data: D


Run = Callable[[Context], Awaitable[None]]
RunCommand = Callable[[Context, Command], Awaitable[None]]
RunChoice = Callable[[Context, ChoiceId], Awaitable[None]]
Gate = Callable[[Context], Awaitable[bool]]
CommandHandler = Callable[[Context, Command], Awaitable[None]]
FamilyCommandHandler = Callable[[Context, Family, Command], Awaitable[None]]
ChoiceHandler = Callable[[Context, ChoiceId], Awaitable[None]]
FamilyChoiceHandler = Callable[[Context, Family, ChoiceId], Awaitable[None]]
StepHandler = Callable[[Context, Answer[D]], Awaitable[None]]
FamilyStepHandler = Callable[[Context, Family, Answer[D]], Awaitable[None]]
Ask = Callable[[Context, D], Awaitable[None]]
StepRun = Callable[[Context, State], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class StepSpec:
    run: StepRun
    reask: StepRun
    typed: bool  # only typed text answers it; a tap goes to its own handler
    free_text: bool  # any typed text answers it: a tap never, a bare command word once asked


class Router:
    """Handlers registered by feature modules, run in the one order that DESIGN.md gives."""

    def __init__(self) -> None:
        self.gates: list[Gate] = []
        self.commands: dict[str, RunCommand] = {}
        self.choices: dict[tuple[str, str], RunChoice] = {}
        self.flows: dict[str, Flow[Any]] = {}
        self.steps: dict[tuple[str, str], StepSpec] = {}
        self.natural: list[Gate] = []
        self.media: Run | None = None
        self.welcome: Gate | None = None  # True when the welcome answered the message
        self.fallback: Run | None = None

    def gate(self, fn: Gate) -> Gate:
        self.gates.append(fn)
        return fn

    def understand(self, fn: Gate) -> Gate:
        self.natural.append(fn)
        return fn

    @overload
    def command(self, *names: str) -> Callable[[CommandHandler], CommandHandler]: ...
    @overload
    def command(
        self, *names: str, needs: Action
    ) -> Callable[[FamilyCommandHandler], FamilyCommandHandler]: ...
    def command(self, *names: str, needs: Action | None = None) -> Callable[[Any], Any]:
        def register(fn: Any) -> Any:
            for name in names:
                _add(self.commands, name, _with_family(fn, needs))
            return fn

        return register

    @overload
    def choice(
        self, namespace: str, action: str, parse_arg: Callable[[str], object] | None = None
    ) -> Callable[[ChoiceHandler], ChoiceHandler]: ...
    @overload
    def choice(
        self,
        namespace: str,
        action: str,
        parse_arg: Callable[[str], object] | None = None,
        *,
        needs: Action,
    ) -> Callable[[FamilyChoiceHandler], FamilyChoiceHandler]: ...
    def choice(
        self,
        namespace: str,
        action: str,
        parse_arg: Callable[[str], object] | None = None,
        *,
        needs: Action | None = None,
    ) -> Callable[[Any], Any]:
        ids.register(namespace, action, parse_arg)

        def register(fn: Any) -> Any:
            _add(self.choices, (namespace, action), _with_family(fn, needs))
            return fn

        return register

    @overload
    def step(
        self, flow: Flow[D], step: str, *, ask: Ask[D], typed: bool = False, free_text: bool = False
    ) -> Callable[[StepHandler[D]], StepHandler[D]]: ...
    @overload
    def step(
        self,
        flow: Flow[D],
        step: str,
        *,
        ask: Ask[D],
        typed: bool = False,
        free_text: bool = False,
        needs: Action,
    ) -> Callable[[FamilyStepHandler[D]], FamilyStepHandler[D]]: ...
    def step(
        self,
        flow: Flow[D],
        step: str,
        *,
        ask: Ask[D],
        typed: bool = False,
        free_text: bool = False,
        needs: Action | None = None,
    ) -> Callable[[Any], Any]:
        if step not in flow.steps:
            msg = f"flow {flow.name} declares no step {step}"
            raise RegistrationError(msg)
        if self.flows.setdefault(flow.name, flow) is not flow:
            msg = f"two flows are named {flow.name}"
            raise RegistrationError(msg)

        def register(fn: Any) -> Any:
            async def run(ctx: Context, state: State) -> None:
                answer = Answer(
                    state.step, ctx.message.text, ctx.choice, ctx.command, flow.load(state.data)
                )
                if needs is None:
                    await fn(ctx, answer)
                elif family := await current_family(ctx, needs):
                    await fn(ctx, family, answer)
                else:
                    await ctx.end_flow()

            async def reask(ctx: Context, state: State) -> None:
                await ask(ctx, flow.load(state.data))

            _add(self.steps, (flow.name, step), StepSpec(run, reask, typed, free_text))
            return fn

        return register

    def include(self, part: Router) -> None:
        """Append another feature's handlers after the ones already here."""
        self.gates += part.gates
        for name, run_command in part.commands.items():
            _add(self.commands, name, run_command)
        for key, run_choice in part.choices.items():
            _add(self.choices, key, run_choice)
        for flow in part.flows.values():
            if self.flows.setdefault(flow.name, flow) is not flow:
                msg = f"two flows are named {flow.name}"
                raise RegistrationError(msg)
        for step, spec in part.steps.items():
            _add(self.steps, step, spec)
        self.natural += part.natural
        self.media = part.media or self.media
        self.welcome = part.welcome or self.welcome
        self.fallback = part.fallback or self.fallback

    async def dispatch(self, ctx: Context) -> None:
        """Run the first handler that claims the message."""
        parse_message(ctx)
        if ctx.user.welcomed_at is None and self.welcome:
            answered = await self.welcome(ctx)
            greeted = ctx.command and ctx.command.name in GREETINGS
            if answered or greeted or not self._knows(ctx):
                return
        for gate in self.gates:
            if await gate(ctx):
                return
        if ctx.refused_choice and ctx.command is None:
            ctx.reply(ctx.t("choice.invalid"))
            return
        if ctx.command and ctx.command.name in ESCAPES and ctx.command.name in self.commands:
            await self.commands[ctx.command.name](ctx, ctx.command)
            return
        if await self._run_step(ctx) or await self._run_known(ctx):
            return
        for understand in (*self.natural, self._run_guess):
            if await understand(ctx):
                return
        typed = ctx.message.kind in ("text", "interactive", "button")
        handler = self.fallback if typed else (self.media or self.fallback)
        if handler:
            await handler(ctx)

    def _knows(self, ctx: Context) -> bool:
        choice, command = ctx.choice, ctx.command
        return bool(
            (choice and (choice.namespace, choice.action) in self.choices)
            or (command and command.name in self.commands)
        )

    def _bare_command(self, ctx: Context) -> Command | None:
        """The command a typed message is, when it is a whole command word such as "notes"."""
        command, typed = ctx.command, ctx.message.reply_id is None and ctx.choice is None
        if typed and command and not command.args and command.name in self.commands:
            return command
        return None

    async def _run_guess(self, ctx: Context) -> bool:
        """A near miss of one command word: run it when one edit away, else ask first."""
        if ctx.message.kind != "text" or ctx.command or ctx.choice or ctx.refused_choice:
            return False
        guess = guess_command(ctx.message.text)
        if guess is None or guess.command.name not in self.commands:
            return False
        if guess.certain:
            ctx.command = guess.command
            await self.commands[guess.command.name](ctx, guess.command)
            return True
        ctx.reply(
            ctx.t("guess.ask", word=guess.word),
            buttons=(
                Button(ids.command(guess.command.name), ctx.t("btn.guess_yes")),
                Button(ids.encode(*GUESS_NO), ctx.t("btn.guess_no")),
            ),
        )
        return True

    async def _run_known(self, ctx: Context) -> bool:
        choice, command = ctx.choice, ctx.command
        if choice and (choice.namespace, choice.action) == GUESS_NO:
            ctx.reply(ctx.t("guess.declined"))
            return True
        if choice and (run_choice := self.choices.get((choice.namespace, choice.action))):
            await run_choice(ctx, choice)
            return True
        if command and (run_command := self.commands.get(command.name)):
            await run_command(ctx, command)
            return True
        return False

    async def _run_step(self, ctx: Context) -> bool:
        state = await conversation.load(ctx.conn, ctx.cipher, ctx.user.id)
        confirmed = _confirmed_answer(ctx)
        if state is None:
            if confirmed:
                ctx.reply(ctx.t("flow.expired"))
            return confirmed
        flow, spec = self.flows.get(state.flow), self.steps.get((state.flow, state.step))
        expired = state.expires_at is None or state.expires_at <= ctx.now
        if flow is None or spec is None or expired:
            await ctx.end_flow()
            if flow is not None or confirmed:
                ctx.reply(ctx.t("flow.expired"))
            return confirmed
        if spec.free_text and not confirmed and (command := self._bare_command(ctx)):
            _ask_command_or_answer(ctx, command)
            return True
        try:
            if (spec.typed and ctx.choice) or (spec.free_text and ctx.message.reply_id):
                raise Unexpected
            await spec.run(ctx, state)
        except Unexpected as e:
            return await self._reask(ctx, flow, spec, state, str(e))
        return True

    async def _reask(
        self, ctx: Context, flow: Flow[Any], spec: StepSpec, state: State, problem: str
    ) -> bool:
        """Unexpected input: a known command leaves the flow; otherwise re-ask, then give up."""
        if self._knows(ctx):
            await ctx.end_flow()
            return False
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
        await spec.reask(ctx, state)
        return True


def _ask_command_or_answer(ctx: Context, command: Command) -> None:
    """A free-text step got a command word: run the command, or keep the word as the answer."""
    word = ctx.message.text.strip()
    ctx.reply(
        ctx.t("flow.command_or_answer", word=word),
        buttons=(
            Button(ids.command(command.name), ctx.t("btn.flow_run_command")),
            Button(ids.encode(*AS_ANSWER, word), ctx.t("btn.flow_use_answer")),
        ),
    )


def _confirmed_answer(ctx: Context) -> bool:
    """A tap on "use it as my answer": the step then sees the word as if typed."""
    choice = ctx.choice
    if choice is None or (choice.namespace, choice.action) != AS_ANSWER:
        return False
    ctx.message = replace(ctx.message, kind="text", text=choice.value, reply_id=None)
    ctx.choice = ctx.command = None
    return True


def _add(table: dict[Any, Any], key: object, value: object) -> None:
    if key in table:
        msg = f"{key} is registered twice"
        raise RegistrationError(msg)
    table[key] = value


def _with_family(fn: Any, needs: Action | None) -> Any:
    """The handler itself, or one that first finds the family it `needs` (else says why)."""
    if needs is None:
        return fn

    async def run(ctx: Context, given: object) -> None:
        if family := await current_family(ctx, needs):
            await fn(ctx, family, given)

    return run


def parse_message(ctx: Context) -> None:
    """Read the message as a tapped or typed id, a command, or neither."""
    typed = ctx.message.text.strip()
    raw_id = ctx.message.reply_id or (typed if ID_LIKE.fullmatch(typed) else None)
    if raw_id and raw_id.startswith(ids.COMMAND_PREFIX):
        # menu buttons name commands, so a menu never depends on a feature's own ids
        ctx.command = Command(raw_id.removeprefix(ids.COMMAND_PREFIX))
        return
    if raw_id:
        try:
            ctx.choice = ids.decode(raw_id)
        except ids.InvalidId as e:
            ctx.refused_choice = True
            log.info("choice id refused", extra={"reason": e.kind})
    # a typed id that failed its checks is not read as words too; only "lang:hi" is both
    if ctx.choice is None and (not ctx.refused_choice or typed.casefold().startswith("lang")):
        ctx.command = parse_command(ctx.message.reply_id or ctx.message.text)
