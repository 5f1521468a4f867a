"""The main menu, the More list, help, cancel, greetings and the friendly fallback."""

from __future__ import annotations

from bot.context import Context
from bot.replies import Button, Row
from bot.router import Router

router = Router()


def show_menu(ctx: Context, text: str | None = None) -> None:
    """One interactive message: the most used actions as buttons, the rest behind More."""
    ctx.reply(text or ctx.t("menu.body"), buttons=(
        Button("menu:help", ctx.t("btn.help")),
        Button("menu:language", ctx.t("btn.language")),
        Button("menu:more", ctx.t("btn.more")),
    ))


def more_rows(ctx: Context) -> list[Row]:
    return [
        Row("menu:help", ctx.t("row.help"), ctx.t("row.help.desc")),
        Row("menu:language", ctx.t("row.language"), ctx.t("row.language.desc")),
        Row("menu:consent", ctx.t("row.consent"), ctx.t("row.consent.desc")),
    ]


@router.command("menu", "hello")
@router.choice("menu", "home")
async def open_menu(ctx: Context) -> None:
    """Show the main menu; stores nothing."""
    show_menu(ctx)


@router.command("more")
@router.choice("menu", "more")
async def open_more(ctx: Context) -> None:
    """Show the More list; stores nothing."""
    ctx.reply_rows(ctx.t("menu.more_body"), more_rows(ctx), ctx.t("menu.list_button"))


@router.command("help")
@router.choice("menu", "help")
async def show_help(ctx: Context) -> None:
    """Explain what can be typed, then the menu."""
    show_menu(ctx, ctx.t("help"))


@router.command("cancel")
async def cancel(ctx: Context) -> None:
    """Leave the active flow without saving its answers."""
    if ctx.state is None and not await _has_flow(ctx):
        show_menu(ctx, ctx.t("nothing_to_cancel"))
        return
    await ctx.end_flow()
    show_menu(ctx, ctx.t("cancelled"))


async def _has_flow(ctx: Context) -> bool:
    return await ctx.conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM tt.conversations WHERE user_id = $1 AND expires_at > $2)",
        ctx.user.id, ctx.now)


async def fallback(ctx: Context) -> None:
    """Anything not understood: say so kindly and point to help."""
    show_menu(ctx, ctx.t("fallback"))


router.fallback = fallback
