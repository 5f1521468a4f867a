"""Plain sentences about a session ("we went today", "Aarav had fever so we didn't go"):
confirmed first, then logged the way the attended and missed commands log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dialog import ids
from dialog.context import Context, Unexpected
from dialog.conversation import Flow
from dialog.family import Family, current_family
from dialog.ids import ChoiceId
from dialog.replies import Button
from dialog.router import Answer, Router
from handlers.log_entry import Entry, ask_next, check_day, save_entry
from handlers.log_views import clip, refusal
from handlers.log_words import find_day
from tracker.children import select_current_child
from tracker.counts import parse_count
from tracker.errors import InvalidDate
from tracker.kinds import Status
from tracker.reasons import categorize
from tracker.words import all_phrases, whole_phrase


@dataclass(frozen=True, slots=True)
class SaidData:
    """What the sentence said: the status, the ISO day, the count, and for missed the reason."""

    status: Status
    day: str
    count: int = 1
    reason: str = ""


SAID = Flow("said", ("confirm",), SaidData)
ANSWERS = ("yes", "no")

router = Router()


@router.understand
async def said_about_a_session(ctx: Context) -> bool:
    """A sentence that says a session was attended or missed: ask to log it; stores nothing."""
    text = ctx.message.text
    if ctx.message.kind != "text" or await select_current_child(ctx.conn, ctx.user.id) is None:
        return False
    said = all_phrases("sentences", text)
    # "went to school, so no session": a word of missing outweighs one of going
    status = next((status for status in ("missed", "attended") if status in said), None)
    if status is None:
        return False
    family = await current_family(ctx, "log")
    if family is None:
        return True
    try:
        day = find_day(text, family.today).day or family.today
    except InvalidDate as e:
        ctx.reply(refusal(ctx, family, e))
        return True
    if check_day(ctx, family, day):
        await ask_to_log(ctx, family, _entry(status, day, text))
    return True


def _entry(status: Status, day: date, text: str) -> SaidData:
    if status == "attended":
        return SaidData(status, day.isoformat(), parse_count(text) or 1)
    reason = text.strip() if categorize(text) != "other" else ""
    return SaidData(status, day.isoformat(), reason=reason)


async def ask_to_log(ctx: Context, family: Family, data: SaidData) -> None:
    await ctx.enter_step(SAID, "confirm", data)
    key = "said.missed_reason" if data.reason else f"said.{data.status}"
    ctx.reply(
        ctx.t(
            key,
            name=family.child.name,
            day=ctx.day_label(date.fromisoformat(data.day)),
            reason=clip(data.reason),
        ),
        buttons=answer_buttons(ctx),
    )


def answer_buttons(ctx: Context) -> tuple[Button, ...]:
    return tuple(Button(ids.encode("said", a), ctx.t(f"btn.said_{a}")) for a in ANSWERS)


async def ask_again(ctx: Context, _: SaidData) -> None:
    ctx.reply(ctx.t("said.again"), buttons=answer_buttons(ctx))


@router.step(SAID, "confirm", ask=ask_again, needs="log")
async def confirmed(ctx: Context, family: Family, answer: Answer[SaidData]) -> None:
    """Yes logs the entry as the attended or missed command would; no stores nothing."""
    choice = answer.choice
    if choice is not None and choice.namespace == "said":
        said: str | None = choice.action
    else:
        said = whole_phrase("answers", answer.text) if choice is None else None
    if said not in ANSWERS:
        raise Unexpected
    await ctx.end_flow()
    if said == "no":
        ctx.reply(ctx.t("said.declined"))
        return
    data, day = answer.data, date.fromisoformat(answer.data.day)
    if data.status == "missed" and not data.reason:
        await ask_next(ctx, family, "missed", day)
        return
    await save_entry(ctx, family, Entry(data.status, day, data.count, data.reason))


@router.choice("said", "yes")
@router.choice("said", "no")
async def late_answer(ctx: Context, _: ChoiceId) -> None:
    """A tap after the question was set aside: nothing is logged."""
    ctx.reply(ctx.t("flow.expired"))
