"""The monthly PDF report in chat: `report`, `pdf`, `download report` and a month if wanted."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from babel.dates import get_month_names

from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family
from dialog.replies import Document, Outgoing, Reply
from dialog.router import Router
from dialog.texts import locale
from handlers.pro_gate import pro_allows
from pdf.monthly import month_pdf, pdf_filename

router = Router()
log = logging.getLogger(__name__)

LAST_MONTH = frozenset(
    {"last month", "previous month", "last", "पिछला महीना", "पिछले महीने", "గత నెల", "పోయిన నెల"}
)
ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})")
MONTH_YEAR = re.compile(r"(?P<name>[^\d]+?)\s*(?P<year>\d{4})?")


@router.command("pdf_report", needs="view")
async def send_report(ctx: Context, family: Family, command: Command) -> None:
    """Send the current or the named month as a PDF document; stores nothing."""
    month = report_month(command.args, ctx.user.language, family.today)
    if month is None:
        ctx.reply(ctx.t("pdf.unknown_month"))
        return
    label = ctx.month_label(month)
    if month > family.today:
        ctx.reply(ctx.t("pdf.future", month=label))
        return
    if not await report_allowed(ctx, family):
        return
    child = family.child
    try:
        content = await month_pdf(
            ctx.conn,
            ctx.cipher,
            child_id=child.id,
            child_name=child.name,
            timezone=child.timezone,
            month=month,
            today=family.today,
            language=ctx.user.language,
        )
    except TimeoutError:
        log.warning("pdf report took too long", extra={"child_id": child.id})
        ctx.reply(ctx.t("pdf.busy"))
        return
    if content is None:
        ctx.reply(ctx.t("pdf.empty", name=child.name, month=label))
        return
    document = Document(
        filename=pdf_filename(child.name, month),
        mime_type="application/pdf",
        content=content,
        caption=ctx.t("pdf.caption", name=child.name, month=label),
    )
    ctx.reply(ctx.t("pdf.preparing", month=label))
    sent = Reply(text=ctx.t("pdf.sent", name=child.name, month=label))
    ctx.send(Outgoing(user_id=ctx.user.id, reply=document, then=sent))


async def report_allowed(ctx: Context, family: Family) -> bool:
    """Whether this family may download the PDF (a Pro feature); replies why when not."""
    return await pro_allows(ctx, [family.child.id], "pdf_report")


def report_month(args: str, language: str, today: date) -> date | None:
    """The first day of the month the words name: this month when empty, "last month", a
    "2026-11", or a month name in English or the user's language with an optional year (a
    name without a year means its latest occurrence up to this month)."""
    words = args.strip()
    this_month = today.replace(day=1)
    if not words:
        return this_month
    if words in LAST_MONTH:
        return (this_month - timedelta(days=1)).replace(day=1)
    if (match := ISO_MONTH.fullmatch(words)) is not None:
        number = int(match["month"])
        return date(int(match["year"]), number, 1) if 1 <= number <= 12 else None
    return named_month(words, language, this_month)


def named_month(words: str, language: str, this_month: date) -> date | None:
    match = MONTH_YEAR.fullmatch(words)
    number = month_number(match["name"].strip(), language) if match else None
    if match is None or number is None:
        return None
    if match["year"]:
        return date(int(match["year"]), number, 1)
    named = this_month.replace(month=number)
    return named if named <= this_month else named.replace(year=named.year - 1)


def month_number(name: str, language: str) -> int | None:
    """1-12 for a month's wide or short name in English or `language`."""
    for code in dict.fromkeys(("en", language)):
        for width in ("wide", "abbreviated"):
            names = get_month_names(width, locale=locale(code))
            found = next((n for n, text in names.items() if text.casefold() == name), None)
            if found is not None:
                return int(found)
    return None
