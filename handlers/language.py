"""Choosing the language: a picker, typed names, and `lang:hi`-style shortcuts."""

from __future__ import annotations

from bot.commands import language_code
from bot.context import Context
from bot.replies import Row
from bot.router import Router
from bot.texts import LANGUAGES
from bot.users import update_language
from handlers.menu import main_menu

router = Router()

LANGUAGE_NAMES = {"en": "English", "hi": "हिंदी", "te": "తెలుగు"}


def _language_arg(arg: str) -> str:
    if arg not in LANGUAGES:
        raise ValueError(arg)
    return arg


@router.command("language")
async def pick_language(ctx: Context) -> None:
    """Set the language named in the command, or show the picker."""
    args = ctx.command.args if ctx.command else ""
    if args:
        code = language_code(args)
        if code is None:
            ctx.reply(ctx.t("language.unknown"))
            return
        await _save(ctx, code)
        return
    ctx.reply_rows(ctx.t("language.prompt"), language_rows(), ctx.t("language.button"))


def language_rows() -> list[Row]:
    return [Row(f"lang:set:{code}", name) for code, name in LANGUAGE_NAMES.items()]


@router.choice("lang", "set", _language_arg)
async def chose_language(ctx: Context) -> None:
    """Store the language picked from the list."""
    await _save(ctx, ctx.choice.value)


async def _save(ctx: Context, code: str) -> None:
    await update_language(ctx.conn, ctx.user, code)
    await main_menu(ctx, ctx.t("language.saved"))
