"""What each POST does once the visit is proven: saving days, resetting a month and undoing
it, the theme, and the PDF download; each returns the lines the next page shows."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from quart import Response

from dialog.context import Context
from dialog.message import Inbound
from dialog.texts import t
from dialog.texts.dates import day_label, month_label, month_name
from handlers.family_notices import MonthOf, notify_family
from payments.pro import allows as pro_allows
from pdf.monthly import month_pdf, pdf_filename
from tracker.dates import names_month
from tracker.month_reset import reset_month, undo_reset, undoable_reset
from tracker.report_store import load_month
from tracker.themes import THEMES, set_theme
from web.access import Member
from web.day_edits import Refused, apply_change, read_changes, refusal, unchanged
from web.deps import deps
from web.month_view import month_view

if TYPE_CHECKING:
    from web.pages import Visit

log = logging.getLogger(__name__)


def web_context(visit: Visit) -> Context:
    """The Context chat's notices are written with, for a change made on the page: the member
    acts, no WhatsApp message came in."""
    web = deps()
    user = visit.member.user
    message = Inbound(
        wamid="", phone=user.phone or "", bsuid=user.bsuid or "", phone_number_id="", kind="web"
    )
    return Context(visit.conn, web.cipher, user, message, web.clock(), web.links)


async def save_days(visit: Visit, month: date, form: Mapping[str, str]) -> list[str]:
    """Apply each changed day the rules allow; the family hears of the days changed."""
    ctx, member, language = web_context(visit), visit.member, visit.language
    log_month = await load_month(ctx.conn, ctx.cipher, member.child.id, month)
    cells = {cell.day: cell for cell in month_view(log_month, member.today).days}
    changes = read_changes(form, list(cells))
    refused: list[Refused] = []
    changed: list[date] = []
    for change in changes:
        if (why := refusal(change, member)) is not None:
            refused.append(why)
        elif not unchanged(change, cells[change.day]):
            await apply_change(ctx, member, change)
            changed.append(change.day)
    if changed:
        await notify_family(ctx, member.child, "notify.web_edited", day=tuple(changed))
    lines = [_refused_line(language, member, why) for why in refused]
    saved = t(language, "web.saved", count=len(changed)) if changed else None
    return [saved or t(language, "web.nothing_changed"), *lines]


def _refused_line(language: str, member: Member, why: Refused) -> str:
    return t(
        language,
        f"web.refused.{why.why}",
        day=day_label(language, why.day),
        earliest=day_label(language, member.child.tracking_since),
    )


async def reset(visit: Visit, month: date, confirm: str) -> list[str]:
    """Reset the month when its name is typed back, as chat asks; the family hears of it."""
    language = visit.language
    if not names_month(confirm, month.month):
        label, word = month_label(language, month), month_name(language, month)
        return [t(language, "web.reset_wrong", month=label, month_word=word)]
    ctx, child = web_context(visit), visit.member.child
    count = await reset_month(
        ctx.conn, child_id=child.id, month=month, by_user_id=ctx.user.id, now=ctx.now
    )
    await notify_family(ctx, child, "notify.web_reset", month=MonthOf(month), count=count)
    return [t(language, "web.reset_done", month=month_label(language, month), count=count)]


async def undo(visit: Visit) -> tuple[date, list[str]]:
    """Bring back this member's last reset; the month to show and what happened."""
    ctx, child, language = web_context(visit), visit.member.child, visit.language
    pending = await undoable_reset(ctx.conn, child_id=child.id, by_user_id=ctx.user.id, now=ctx.now)
    if pending is None:
        return visit.member.today, [t(language, "web.undo_none")]
    count = await undo_reset(ctx.conn, child_id=child.id, by_user_id=ctx.user.id, now=ctx.now)
    await notify_family(
        ctx, child, "notify.month_reset_undone", count=count, month=MonthOf(pending.month)
    )
    return pending.month, [t(language, "web.undone", count=count)]


async def theme(visit: Visit, name: str) -> None:
    if name in THEMES:
        await set_theme(visit.conn, visit.member.user.id, name)


async def month_pdf_or_why(visit: Visit, month: date) -> tuple[Response | None, str]:
    """The month's PDF as a download, or the line saying why there is none."""
    member, language = visit.member, visit.language
    label = month_label(language, month)
    if not await pro_allows(visit.conn, member.child.id, "pdf_report", deps().clock()):
        return None, t(language, "web.pdf_pro")
    try:
        content = await month_pdf(
            visit.conn,
            deps().cipher,
            child_id=member.child.id,
            child_name=member.child.name,
            timezone=member.child.timezone,
            month=month,
            today=member.today,
            language=language,
        )
    except TimeoutError:
        log.warning("web pdf took too long", extra={"child_id": member.child.id})
        content = None
    if content is None:
        return None, t(language, "web.pdf_empty", month=label)
    filename = pdf_filename(member.child.name, month)
    response = Response(content, content_type="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, ""
