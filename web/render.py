"""Pages as HTML: the month (summary, chart, grid, days and their editors) and the friendly
refusal pages. No inline script anywhere (JS comes from web/static); the one inline style is
the pages' stylesheet, which the CSP allows by its hash (web/page_style.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import partial

import asyncpg
from markupsafe import Markup, escape
from quart import Response, render_template

from dialog.texts import LANGUAGE_NAMES, t
from dialog.texts.dates import day_label, month_label, month_name, weekday_name
from payments.pro import allows as pro_allows
from tracker.counts import MAX_SESSIONS_PER_DAY
from tracker.dates import month_of
from tracker.money import format_inr
from tracker.month_reset import MonthReset, undoable_reset
from tracker.plan_store import select_plan_months
from tracker.report_store import load_month
from tracker.themes import THEMES, theme_of
from web.access import Member
from web.deps import deps
from web.month_view import MonthView, month_view
from web.page_style import PAGE_STYLE
from web.session import WebSession

CHART_HEIGHT = 60  # the tallest bar, in the chart's own units
STARRED = re.compile(r"\*([^*\n]+)\*")


@dataclass(frozen=True, slots=True)
class Months:
    """The months the page can move between: those with a plan, and the current one."""

    shown: date
    earlier: date | None
    later: date | None


async def month_page(
    conn: asyncpg.Connection, session: WebSession, member: Member, month: date, language: str
) -> str:
    web = deps()
    child, now = member.child, web.clock()
    log = await load_month(conn, web.cipher, child.id, month)
    undo: MonthReset | None = None
    if member.can_reset:
        undo = await undoable_reset(conn, child_id=child.id, by_user_id=member.user.id, now=now)
    return await render_template(
        "calendar/month.html",
        **_texts(language),
        member=member,
        session=session,
        view=month_view(log, member.today),
        months=_months(await select_plan_months(conn, child.id), month, member.today),
        theme=await theme_of(conn, member.user.id),
        themes=THEMES,
        undo=undo,
        pdf=await pro_allows(conn, child.id, "pdf_report", now),
        most_sessions=MAX_SESSIONS_PER_DAY,
        chart_height=CHART_HEIGHT,
        bar_scale=_bar_scale,
        month_path=month_of,
    )


async def problem_page(kind: str, language: str, *, status: int) -> Response:
    """A friendly page for a link or request that cannot be served, in `language`."""
    html = await render_template("calendar/problem.html", **_texts(language), kind=kind)
    return Response(html, status=status, content_type="text/html; charset=utf-8")


def _texts(language: str) -> dict[str, object]:
    return {
        "lang": language,
        "languages": list(LANGUAGE_NAMES.items()),
        "t": partial(t, language),
        "day": partial(day_label, language),
        "month_name": partial(month_label, language),
        "month_word": partial(month_name, language),
        "weekdays": [weekday_name(language, n) for n in range(7)],
        "money": format_inr,
        "rich": rich,
        "page_style": Markup(PAGE_STYLE),  # byte for byte what the CSP hash names
    }


def rich(text: str) -> Markup:
    """A catalog line for a page: escaped, with WhatsApp's *bold* as <strong>."""
    return Markup(STARRED.sub(r"<strong>\1</strong>", str(escape(text))))


def _months(planned: list[date], shown: date, today: date) -> Months:
    choices = sorted({*planned, today.replace(day=1), shown})
    choices = [m for m in choices if m <= today]
    at = choices.index(shown)
    return Months(
        shown,
        choices[at - 1] if at > 0 else None,
        choices[at + 1] if at + 1 < len(choices) else None,
    )


def _bar_scale(view: MonthView) -> float:
    """Chart units per session, so the busiest week fills the chart's height."""
    return CHART_HEIGHT / max([bar.attended for bar in view.bars] + [1])
