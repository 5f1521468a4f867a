"""The router on its own: dispatch order, typed inputs, permissions, flows and registration
checks, with small routers of our own on the real database (no pipeline)."""

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import pytest

from dialog import ids
from dialog.commands import Command
from dialog.context import Context, Unexpected
from dialog.conversation import Flow, NoData
from dialog.family import Family
from dialog.ids import ChoiceId
from dialog.router import Answer, RegistrationError, Router
from dialog.texts import t
from sql.cipher import Cipher
from sql.db import Database
from tests.conftest import TEST_KEY
from tests.support.direct import Direct
from tests.support.families import make_family

PHONE = "919800000001"
NS = "test_router"  # ids registered here live in a namespace no feature uses


@dataclass(frozen=True, slots=True)
class Pet:
    name: str = ""
    legs: int = 0


PET = Flow("test_pet", ("name", "legs"), Pet)
MEMO = Flow("test_memo", ("text",), NoData)


def recording_router(seen: list[str]) -> Router:
    """A router whose every handler records what ran and with which typed input."""
    router = Router()

    async def welcome(ctx: Context) -> None:
        seen.append("welcome")

    async def gate(ctx: Context) -> bool:
        if ctx.message.text == "blocked":
            seen.append("gate")
            return True
        return False

    async def natural(ctx: Context) -> bool:
        if ctx.message.text == "tomorrow-ish":
            seen.append("natural")
            return True
        return False

    async def fallback(ctx: Context) -> None:
        seen.append("fallback")

    async def media(ctx: Context) -> None:
        seen.append("media")

    router.welcome, router.fallback, router.media = welcome, fallback, media
    router.gate(gate)
    router.understand(natural)

    @router.command("status", "menu", "cancel")
    async def command(ctx: Context, command: Command) -> None:
        seen.append(f"command:{command.name}:{command.args}")
        if command.name == "cancel":
            await ctx.end_flow()

    @router.choice(NS, "pick", int)
    async def pick(ctx: Context, choice: ChoiceId) -> None:
        seen.append(f"choice:{choice.value + 1}")

    @router.command("settings")
    async def start_pet(ctx: Context, _: Command) -> None:
        await ctx.enter_step(PET, "name", Pet())

    async def ask_name(ctx: Context, data: Pet) -> None:
        ctx.reply("name?")

    async def ask_legs(ctx: Context, data: Pet) -> None:
        ctx.reply(f"legs of {data.name}?")

    @router.step(PET, "name", ask=ask_name, typed=True)
    async def got_name(ctx: Context, answer: Answer[Pet]) -> None:
        seen.append(f"step:name:{answer.text}")
        await ctx.enter_step(PET, "legs", replace(answer.data, name=answer.text))

    @router.step(PET, "legs", ask=ask_legs)
    async def got_legs(ctx: Context, answer: Answer[Pet]) -> None:
        if not answer.text.isdigit():
            raise Unexpected
        seen.append(f"step:legs:{answer.data.name}:{int(answer.text)}")
        await ctx.end_flow()

    @router.command("note")
    async def start_memo(ctx: Context, _: Command) -> None:
        await ctx.enter_step(MEMO, "text", NoData())

    async def ask_memo(ctx: Context, _: NoData) -> None:
        ctx.reply("memo?")

    @router.step(MEMO, "text", ask=ask_memo, free_text=True)
    async def got_memo(ctx: Context, answer: Answer[NoData]) -> None:
        seen.append(f"memo:{answer.text}:{ctx.message.kind}")
        await ctx.end_flow()

    return router


@pytest.fixture(name="seen")
def _seen() -> list[str]:
    return []


@pytest.fixture(name="run")
async def _run(database_url, db, seen):
    database = await Database.connect(database_url)
    direct = Direct(database, Cipher([TEST_KEY]), recording_router(seen), lambda: datetime.now(UTC))
    yield direct
    await database.close()


async def welcomed(db, phone: str = PHONE) -> None:
    await db.execute(
        "INSERT INTO tt.users (phone, welcomed_at) VALUES ($1, now()) "
        "ON CONFLICT (phone) DO UPDATE SET welcomed_at = now()",
        phone,
    )


async def test_a_new_user_is_welcomed_and_a_greeting_stops_there(run, db, seen):
    await run.say(PHONE, "menu")
    assert seen == ["welcome"]


async def test_a_new_users_first_command_is_welcomed_and_then_acted_on(run, seen):
    await run.say(PHONE, "status")
    assert seen == ["welcome", "command:status:"]


async def test_gates_run_before_everything_else(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "blocked")
    assert seen == ["gate"]


async def test_commands_get_their_parsed_words(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "status now")
    assert seen == ["command:status:now"]


async def test_a_tapped_id_reaches_its_handler_with_the_parsed_argument(run, db, seen):
    await welcomed(db)
    await run.tap(PHONE, ids.encode(NS, "pick", 41))
    assert seen == ["choice:42"]


async def test_an_id_that_fails_its_check_is_refused_in_one_line(run, db, seen):
    await welcomed(db)
    replies = await run.tap(PHONE, f"{NS}:pick:forty")
    assert seen == []
    assert [r.text for r in replies] == [t("en", "choice.invalid")]


async def test_natural_language_comes_after_commands_and_the_fallback_last(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "tomorrow-ish")
    await run.say(PHONE, "something else")
    assert seen == ["natural", "fallback"]


async def test_media_gets_its_own_handler(run, db, seen):
    await welcomed(db)
    await run.dispatch(PHONE, kind="image")
    assert seen == ["media"]


async def test_a_flow_keeps_typed_data_between_steps(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "settings")
    replies = await run.say(PHONE, "Bruno")
    assert [r.text for r in replies] == []
    await run.say(PHONE, "4")
    assert seen == ["step:name:Bruno", "step:legs:Bruno:4"]
    assert await db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_the_active_step_comes_before_commands(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "settings")
    await run.say(PHONE, "status")  # a name step takes any typed text, even a command word
    assert seen == ["step:name:status"]


async def test_an_escape_word_leaves_the_flow_before_the_step_sees_it(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "settings")
    await run.say(PHONE, "cancel")
    assert seen == ["command:cancel:"]
    assert await db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_a_typed_step_does_not_take_a_tap(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "settings")
    await run.tap(PHONE, ids.encode(NS, "pick", 1))
    assert seen == ["choice:2"]  # the tap is known, so it leaves the flow and runs
    assert await db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_unexpected_answers_are_asked_again_then_the_flow_gives_up(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "settings")
    await run.say(PHONE, "Bruno")
    first = await run.say(PHONE, "many")
    assert [r.text for r in first] == [t("en", "flow.didnt_get"), "legs of Bruno?"]
    await run.say(PHONE, "lots")
    last = await run.say(PHONE, "loads")
    assert [r.text for r in last] == [t("en", "flow.gave_up")]
    assert await db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_a_known_command_inside_a_flow_leaves_it_and_runs(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "settings")
    await run.say(PHONE, "Bruno")
    await run.say(PHONE, "status")
    assert seen == ["step:name:Bruno", "command:status:"]
    assert await db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_an_expired_flow_is_dropped_and_said_so(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "settings")
    later = datetime.now(UTC) + PET.timeout + timedelta(minutes=1)
    run.clock = lambda: later
    replies = await run.say(PHONE, "Bruno")
    assert t("en", "flow.expired") in [r.text for r in replies]
    assert seen == ["fallback"]


def permission_router(got: list[str]) -> Router:
    router = Router()

    @router.command("setup", needs="setup")
    async def setup(ctx: Context, family: Family, _: Command) -> None:
        got.append(f"{family.child.name} on {family.today.isoformat()}")

    return router


async def test_needs_refuses_without_a_child(database_url, db):
    got: list[str] = []
    database = await Database.connect(database_url)
    run = Direct(database, Cipher([TEST_KEY]), permission_router(got), lambda: datetime.now(UTC))
    await welcomed(db)
    replies = await run.say(PHONE, "setup")
    await database.close()
    assert [r.text for r in replies] == [t("en", "family.no_child")]
    assert got == []


async def test_needs_refuses_a_role_without_the_permission(database_url, db):
    got: list[str] = []
    database = await Database.connect(database_url)
    run = Direct(database, Cipher([TEST_KEY]), permission_router(got), lambda: datetime.now(UTC))
    await make_family(db, PHONE, role="therapist")
    replies = await run.say(PHONE, "setup")
    await database.close()
    role = t("en", "role.therapist")
    assert [r.text for r in replies] == [t("en", "family.not_allowed", role=role)]
    assert got == []


async def test_needs_passes_the_family_and_its_local_today(database_url, db):
    got: list[str] = []
    database = await Database.connect(database_url)
    moment = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)  # already 2 Dec in Kolkata
    run = Direct(database, Cipher([TEST_KEY]), permission_router(got), lambda: moment)
    await make_family(db, PHONE, child="Asha", role="parent")
    await run.say(PHONE, "setup")
    await database.close()
    assert got == ["Asha on 2026-12-02"]


def test_a_command_cannot_be_registered_twice():
    router = Router()

    async def one(ctx: Context, _: Command) -> None: ...

    router.command("status")(one)
    with pytest.raises(RegistrationError):
        router.command("status")(one)


def test_a_choice_cannot_be_registered_twice():
    router = Router()

    async def one(ctx: Context, _: ChoiceId) -> None: ...

    router.choice(NS, "twice")(one)
    with pytest.raises(RegistrationError):
        router.choice(NS, "twice")(one)


def test_a_step_must_be_declared_by_its_flow():
    router = Router()

    async def ask(ctx: Context, _: NoData) -> None: ...

    with pytest.raises(RegistrationError):
        router.step(Flow("test_small", ("only",), NoData), "other", ask=ask)


def test_two_features_cannot_claim_the_same_command():
    first, second, app = Router(), Router(), Router()

    async def one(ctx: Context, _: Command) -> None: ...

    first.command("status")(one)
    second.command("status")(one)
    app.include(first)
    with pytest.raises(RegistrationError):
        app.include(second)


def test_the_apps_router_builds_with_no_duplicate():
    from handlers import build_router

    router = build_router()
    assert "cancel" in router.commands
    assert all(step in router.flows[flow].steps for flow, step in router.steps)


async def test_a_free_text_step_asks_before_taking_a_command_word(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "note")
    [asked] = await run.say(PHONE, "Status")
    assert asked.text == t("en", "flow.command_or_answer", word="Status")
    assert [b.id for b in asked.buttons] == ["cmd:status", "flow:answer:Status"]
    assert seen == []
    await run.say(PHONE, "status of the ball game")  # more than a command word: the answer
    assert seen == ["memo:status of the ball game:text"]


async def test_a_confirmed_command_word_reaches_the_step_as_typed_text(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "note")
    await run.say(PHONE, "Status")
    await run.tap(PHONE, "flow:answer:Status")
    assert seen == ["memo:Status:text"]


async def test_running_the_command_instead_leaves_the_free_text_step(run, db, seen):
    await welcomed(db)
    await run.say(PHONE, "note")
    await run.say(PHONE, "status")
    await run.tap(PHONE, "cmd:status")
    assert seen == ["command:status:"]
    assert await db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_a_confirmed_answer_with_no_question_waiting_is_said_to_have_timed_out(run, db, seen):
    await welcomed(db)
    replies = await run.tap(PHONE, "flow:answer:status")
    assert [r.text for r in replies] == [t("en", "flow.expired")]
    assert seen == []


def test_only_a_bare_command_word_fits_the_answer_id():
    assert ids.decode("flow:answer:Notes").value == "Notes"
    for not_a_word in ("flow:answer:hello there friend", "flow:answer:Aarav", "flow:answer:"):
        with pytest.raises(ids.InvalidId):
            ids.decode(not_a_word)
