"""Opt-out and opt-in kept as state on the user, with an audit event for each change."""

from __future__ import annotations

from dialog.commands import Command
from dialog.context import Context
from dialog.router import Router
from tracker.users import update_consent

router = Router()

ALLOWED_WHEN_OPTED_OUT = frozenset(
    {
        "consent",
        "help",
        "language",
        "opt_in",
        "opt_out",
        "export",
        "delete_data",
        "delete_confirm",
        "delete_keep",
    }
)


@router.gate
async def consent_gate(ctx: Context) -> bool:
    """Opt-out words always work; an opted-out user only reaches a few commands."""
    name = ctx.command.name if ctx.command else None
    if name == "opt_out":
        await opt_out(ctx)
        return True
    if name == "opt_in":
        await opt_in(ctx)
        return True
    if ctx.user.opted_out and name not in ALLOWED_WHEN_OPTED_OUT:
        ctx.reply(ctx.t("consent.gate"))
        return True
    return False


async def opt_out(ctx: Context) -> None:
    """Stop every message the user did not ask for; leaves any open flow."""
    if ctx.user.opted_out:
        ctx.reply(ctx.t("consent.already_out"))
        return
    await update_consent(ctx.conn, ctx.user, "opted_out")
    await ctx.end_flow()
    ctx.reply(ctx.t("consent.opted_out"))


async def opt_in(ctx: Context) -> None:
    """Turn messages back on."""
    if not ctx.user.opted_out:
        ctx.reply(ctx.t("consent.already_in"))
        return
    await update_consent(ctx.conn, ctx.user, "opted_in")
    ctx.reply(ctx.t("consent.opted_in"))


@router.command("consent")
async def show_consent(ctx: Context, _: Command) -> None:
    """Say whether messages are on, since when, and how to change it."""
    changed = ctx.user.consent_changed_at
    since = ctx.day_label(changed.date()) if changed else ctx.t("consent.since_unknown")
    key = "consent.status_out" if ctx.user.opted_out else "consent.status_in"
    ctx.reply(ctx.t(key, since=since))
