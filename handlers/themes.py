"""`theme`: the member's calendar page theme, picked from buttons or typed ("theme ocean")."""

from __future__ import annotations

from dialog import ids
from dialog.commands import Command
from dialog.context import Context
from dialog.ids import ChoiceId
from dialog.replies import Button
from dialog.router import Router
from tracker.themes import THEMES, read_theme, set_theme, theme_of

router = Router()


@router.command("theme")
async def pick_theme(ctx: Context, command: Command) -> None:
    """Store the typed theme, or show the current one with the three as buttons."""
    if command.args:
        theme = read_theme(command.args)
        if theme is None:
            names = ", ".join(ctx.t(f"theme.{name}") for name in THEMES)
            ctx.reply(ctx.t("theme.unknown", themes=names))
            return
        await save_theme(ctx, theme)
        return
    current = await theme_of(ctx.conn, ctx.user.id)
    buttons = tuple(Button(ids.encode("theme", name), ctx.t(f"theme.{name}")) for name in THEMES)
    ctx.reply(ctx.t("theme.pick", theme=ctx.t(f"theme.{current}")), buttons=buttons)


@router.choice("theme", "sunrise")
@router.choice("theme", "ocean")
@router.choice("theme", "forest")
async def chose_theme(ctx: Context, choice: ChoiceId) -> None:
    """Store the tapped theme."""
    await save_theme(ctx, choice.action)


async def save_theme(ctx: Context, theme: str) -> None:
    await set_theme(ctx.conn, ctx.user.id, theme)
    ctx.reply(ctx.t("theme.saved", theme=ctx.t(f"theme.{theme}")))
