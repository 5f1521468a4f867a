"""Data rights in the chat: export everything held about the user, and delete it on request.
Both work for every role and while opted out (see ALLOWED_WHEN_OPTED_OUT in handlers/consent)."""

from __future__ import annotations

from datetime import timedelta

from dialog import ids
from dialog.commands import Command
from dialog.context import Context, Unexpected
from dialog.conversation import Flow, NoData
from dialog.replies import Button, Document, Outgoing, Reply
from dialog.router import Answer, Router
from handlers.export_text import export_filename, render_export
from payments.export import family_payments
from tracker.my_data import FamilyOutcome, delete_my_data, gather_export, select_deletion_plan

router = Router()
DELETE = Flow("delete_data", ("confirm",), NoData, timeout=timedelta(minutes=10))
# Commands rather than choice ids, so the opted-out gate can let the answer through.
CONFIRM, KEEP = "delete_confirm", "delete_keep"


@router.command("export")
async def export_data(ctx: Context, _: Command) -> None:
    """Send everything held about the user as a UTF-8 text file; confirms only once Meta has
    accepted the file."""
    export = await gather_export(ctx.conn, ctx.cipher, ctx.user.id)
    payments = {c.id: await family_payments(ctx.conn, c.id) for c in export.children}
    document = Document(
        filename=export_filename(ctx),
        mime_type="text/plain",
        content=render_export(ctx, export, payments),
        caption=ctx.t("export.caption"),
    )
    ctx.reply(ctx.t("export.preparing"))
    ctx.send(Outgoing(user_id=ctx.user.id, reply=document, then=Reply(text=ctx.t("export.sent"))))


@router.command("delete_data")
async def ask_delete(ctx: Context, _: Command) -> None:
    """Say what deleting removes and what each family keeps; waits for Yes or No."""
    plan = await select_deletion_plan(ctx.conn)
    await ctx.enter_step(DELETE, "confirm", NoData())
    lines = [ctx.t("delete.ask")]
    lines += [_planned(ctx, family) for family in plan]
    lines.append(ctx.t("delete.ask_end"))
    ctx.reply("\n".join(lines), buttons=confirm_buttons(ctx))


def confirm_buttons(ctx: Context) -> tuple[Button, ...]:
    return (
        Button(ids.command(CONFIRM), ctx.t("btn.privacy_delete_yes")),
        Button(ids.command(KEEP), ctx.t("btn.privacy_delete_no")),
    )


def _planned(ctx: Context, family: FamilyOutcome) -> str:
    if family.outcome == "delete":
        return ctx.t("delete.plan_delete", name=family.child_name)
    key = "delete.plan_handover" if family.heir_id else "delete.plan_keep"
    return ctx.t(key, name=family.child_name)


async def prompt_delete(ctx: Context, _: NoData) -> None:
    ctx.reply(ctx.t("delete.ask_again"), buttons=confirm_buttons(ctx))


@router.step(DELETE, "confirm", ask=prompt_delete)
async def answer_delete(ctx: Context, answer: Answer[NoData]) -> None:
    """Yes erases the user's data; No keeps everything; anything else is asked again."""
    name = answer.command.name if answer.command else None
    if name == CONFIRM:
        await erase(ctx)
    elif name == KEEP:
        await keep(ctx)
    else:
        raise Unexpected


async def erase(ctx: Context) -> None:
    """Remove the user's personal data; the goodbye still goes out through the user's stub."""
    await ctx.end_flow()
    outcomes = await delete_my_data(ctx.conn)
    lines = [ctx.t("delete.done")]
    lines += [_done(ctx, family) for family in outcomes]
    lines.append(ctx.t("delete.done_end"))
    ctx.reply("\n".join(lines))


def _done(ctx: Context, family: FamilyOutcome) -> str:
    if family.outcome == "delete":
        return ctx.t("delete.done_deleted", name=family.child_name)
    key = "delete.done_handover" if family.heir_id else "delete.done_kept"
    return ctx.t(key, name=family.child_name)


@router.command(KEEP)
async def keep_data(ctx: Context, _: Command) -> None:
    """Nothing is deleted; leaves the question."""
    await keep(ctx)


async def keep(ctx: Context) -> None:
    await ctx.end_flow()
    ctx.reply(ctx.t("delete.kept"))


@router.command(CONFIRM)
async def confirm_without_question(ctx: Context, _: Command) -> None:
    """A stale Yes (the question expired or was answered): delete nothing, say how to ask."""
    ctx.reply(ctx.t("delete.nothing_pending"))
