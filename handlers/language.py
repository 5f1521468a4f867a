"""Choosing the language: a picker, typed names, and `lang:hi`-style shortcuts."""

from __future__ import annotations

from dialog import ids
from dialog.commands import Command, language_code
from dialog.context import Context
from dialog.ids import ChoiceId
from dialog.replies import Row
from dialog.router import Router
from dialog.texts import LANGUAGE_NAMES, LANGUAGES
from handlers.invites import remind_invites
from handlers.members import invites_only
from handlers.menu import main_menu
from tracker.users import update_language

router = Router()


def _language_arg(arg: str) -> str:
    if arg not in LANGUAGES:
        raise ValueError(arg)
    return arg


@router.command("language")
async def pick_language(ctx: Context, command: Command) -> None:
    """Set the language named in the command, or show the picker."""
    if command.args:
        code = language_code(command.args)
        if code is None:
            ctx.reply(ctx.t("language.unknown"))
            return
        await _save(ctx, code)
        return
    ctx.reply_rows(ctx.t("language.prompt"), language_rows(), ctx.t("language.button"))


def language_rows() -> list[Row]:
    return [Row(ids.encode("lang", "set", code), name) for code, name in LANGUAGE_NAMES.items()]


@router.choice("lang", "set", _language_arg)
async def chose_language(ctx: Context, choice: ChoiceId) -> None:
    """Store the language picked from the list."""
    await _save(ctx, choice.value)


async def _save(ctx: Context, code: str) -> None:
    """Save, then what comes next in the new language: a waiting invite, or the menu."""
    await update_language(ctx.conn, ctx.user, code)
    waiting = await invites_only(ctx)
    if waiting:
        remind_invites(ctx, waiting, ctx.t("language.saved"))
        return
    await main_menu(ctx, ctx.t("language.saved"))
