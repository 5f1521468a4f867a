"""The main menu, the More list, help, cancel, greetings and the friendly fallback."""

from __future__ import annotations

from collections.abc import Callable

from dialog import ids
from dialog.commands import Command
from dialog.context import Context
from dialog.replies import Button, Row
from dialog.router import Router
from tracker.children import select_current_child
from tracker.dates import local_today
from tracker.money import MonthFigures
from tracker.report_store import load_month

router = Router()

# WhatsApp lists hold 10 rows: `weekly` gave its row to Pro and stays a typed word (and the
# weekly digest a setting).
MORE_ROWS = (
    "status",
    "summary",
    "holiday",
    "undo",
    "note",
    "members",
    "setup",
    "go_pro",
    "settings",
    "help",
)


def show_menu(ctx: Context, text: str | None = None, *, tracking: bool = True) -> None:
    """One interactive message: the most used actions as buttons, the rest behind More."""
    first = ("attended", "missed") if tracking else ("setup", "help")
    buttons = tuple(Button(ids.command(name), ctx.t(f"btn.menu.{name}")) for name in first)
    ctx.reply(
        text or ctx.t("menu.body"),
        buttons=(*buttons, Button(ids.command("more"), ctx.t("btn.more"))),
    )


async def main_menu(ctx: Context, lead: str = "") -> None:
    """The menu with a one-line snapshot of the current child's month when there is one."""
    child = await select_current_child(ctx.conn, ctx.user.id)
    if child is None:
        show_menu(ctx, "\n\n".join(filter(None, [lead, ctx.t("menu.no_child")])), tracking=False)
        return
    today = local_today(ctx.now, child.timezone)
    figures = (await load_month(ctx.conn, ctx.cipher, child.id, today)).figures
    if figures is None:
        snapshot = ctx.t("menu.no_plan", name=child.name)
    else:
        snapshot = snapshot_text(ctx.t, child.name, figures)
    show_menu(ctx, "\n\n".join(filter(None, [lead, snapshot, ctx.t("menu.body")])))


def snapshot_text(t: Callable[..., str], name: str, figures: MonthFigures) -> str:
    """Used of the package, and what is left or how far past it the month has gone."""
    if figures.beyond:
        key, rest = "menu.snapshot_beyond", {"beyond": figures.beyond}
    else:
        key, rest = "menu.snapshot", {"left": figures.left}
    return t(key, name=name, count=figures.attended, total=figures.total, **rest)


def more_rows(ctx: Context) -> list[Row]:
    """With the web pages set up, `calendar` takes `help`'s row (help stays a typed word and
    every "did not understand" names it)."""
    names: tuple[str, ...] = MORE_ROWS
    if ctx.links.calendar_url is not None:
        names = tuple("calendar" if name == "help" else name for name in MORE_ROWS)
    return [
        Row(ids.command(name), ctx.t(f"row.{name}"), ctx.t(f"row.{name}.desc")) for name in names
    ]


@router.command("menu", "hello")
async def open_menu(ctx: Context, _: Command) -> None:
    """Show the main menu with the month's snapshot; stores nothing."""
    await main_menu(ctx)


@router.command("more")
async def open_more(ctx: Context, _: Command) -> None:
    """Show the More list; stores nothing."""
    ctx.reply_rows(ctx.t("menu.more_body"), more_rows(ctx), ctx.t("menu.list_button"))


@router.command("help")
async def show_help(ctx: Context, _: Command) -> None:
    """Explain what can be typed, then the menu."""
    show_menu(ctx, ctx.t("help"))


@router.command("cancel")
async def cancel(ctx: Context, _: Command) -> None:
    """Leave the active flow without saving its answers."""
    if not await ctx.in_flow():
        show_menu(ctx, ctx.t("nothing_to_cancel"))
        return
    await ctx.end_flow()
    show_menu(ctx, ctx.t("cancelled"))


async def fallback(ctx: Context) -> None:
    """Anything not understood: say so kindly and point to help."""
    show_menu(ctx, ctx.t("fallback"))


router.fallback = fallback
