"""Bulk logging: many attended or missed days typed as one command, and its help."""

from __future__ import annotations

from datetime import date, timedelta

from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family
from dialog.router import Router
from handlers.log_views import clip, show_day
from handlers.reports import beyond_package
from tracker.bulk import BulkPlan, BulkRequest, parse_bulk, plan_bulk
from tracker.dates import local_today
from tracker.errors import InvalidBulk
from tracker.kinds import Status
from tracker.reasons import categorize
from tracker.session_store import insert_session, select_sessions

router = Router()
HELP_DAYS = (2, 4, 6)  # the days of a month the help's examples name
HELP_LAST_DAY = HELP_DAYS[-1]


@router.command("bulk_help")
async def bulk_help(ctx: Context, _: Command) -> None:
    """Explain the four bulk forms with examples; stores nothing."""
    ctx.reply(help_text(ctx, local_today(ctx.now, ctx.user.timezone)))


def help_text(ctx: Context, today: date) -> str:
    """The bulk forms, with days of this month already past (of last month early on)."""
    month = today.replace(day=1)
    if today.day <= HELP_LAST_DAY:
        month = (month - timedelta(days=1)).replace(day=1)
    first, second, last = (month.replace(day=day) for day in HELP_DAYS)
    return ctx.t(
        "bulk.help",
        first=f"{first.day}/{first.month}",
        second=f"{second.day}/{second.month}",
        last=f"{last.day}/{last.month}",
        example=ctx.date_examples(today)["example"],
    )


@router.command("bulk_attended", "bulk_missed", needs="log")
async def bulk_log(ctx: Context, family: Family, _: Command) -> None:
    """Log each new listed day; skip repeats, the other status, future and pre-start days."""
    try:
        request = parse_bulk(ctx.message.text, family.today)
    except InvalidBulk as e:
        ctx.reply(f"{_problem(ctx, e)}\n\n{help_text(ctx, family.today)}")
        return
    since = family.child.tracking_since
    before_start = [day for day in request.days if day < since]
    tracked = [day for day in request.days if day >= since]
    plan = plan_bulk(
        tracked, family.today, await _logged(ctx, family, tracked, request.status), request.status
    )
    await _insert(ctx, family, request, plan)
    lines = [_summary(ctx, family, request.status, plan, len(before_start))]
    if request.status == "attended":
        for first in sorted({day.replace(day=1) for day in plan.insert}):
            lines += await beyond_package(ctx, family, first)
    ctx.reply("\n".join(lines))


async def _logged(
    ctx: Context, family: Family, days: list[date], status: Status
) -> dict[date, Status]:
    """The status already logged on each day; the requested one wins when a day has both."""
    if not days:
        return {}
    rows = await select_sessions(ctx.conn, ctx.cipher, family.child.id, min(days), max(days))
    logged: dict[date, Status] = {}
    for row in rows:
        if logged.get(row.day) != status:
            logged[row.day] = row.status
    return logged


async def _insert(ctx: Context, family: Family, request: BulkRequest, plan: BulkPlan) -> None:
    category = categorize(request.reason) if request.status == "missed" else None
    for day in plan.insert:
        await insert_session(
            ctx.conn,
            ctx.cipher,
            child_id=family.child.id,
            day=day,
            status=request.status,
            count=1,
            logged_by=ctx.user.id,
            reason=request.reason,
            reason_category=category,
        )


def _summary(
    ctx: Context, family: Family, status: Status, plan: BulkPlan, before_start: int
) -> str:
    counts = plan.counts
    lines = [ctx.t(f"bulk.done_{status}", name=family.child.name)]
    lines += [
        ctx.t(f"bulk.{outcome}", n=counts[outcome])
        for outcome in ("insert", "duplicate", "conflict", "future")
    ]
    if before_start:
        lines.append(
            ctx.t(
                "bulk.before_start", n=before_start, day=show_day(ctx, family.child.tracking_since)
            )
        )
    return "\n".join(lines)


def _problem(ctx: Context, error: InvalidBulk) -> str:
    values = {
        key: show_day(ctx, value) if isinstance(value, date) else clip(str(value))
        for key, value in error.details.items()
    }
    return ctx.t(f"bulk.error.{error.code}", **values)
