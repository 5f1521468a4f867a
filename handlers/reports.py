"""Reports parents read in chat: status, month summary, the week, the digest, misses, streaks."""

from __future__ import annotations

from datetime import date

from dialog import ids
from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family
from dialog.replies import Button
from dialog.router import Router
from dialog.texts.dates import day_range, weekday_day
from tracker.holiday_store import select_holidays
from tracker.insights import risk_window
from tracker.money import MonthFigures, format_inr
from tracker.report import (
    DayStatus,
    MissedReport,
    MonthReport,
    Reasons,
    StreakReport,
    WeekReport,
    missed_report,
    month_report,
    streak_report,
    week_began_at,
    week_bounds,
    week_report,
)
from tracker.report_store import load_month, select_history, select_week_notes
from tracker.session_store import SessionRow, select_sessions

router = Router()

MARKS = {"attended": "✅", "missed": "❌", "holiday": "🏖", "none": "▫️"}


@router.command("status", needs="view")
async def show_status(ctx: Context, family: Family, _: Command) -> None:
    """Reply with today's log and the month at a glance; stores nothing."""
    if (report := await _month_or_say(ctx, family)) is not None:
        ctx.reply(status_text(ctx, family, report))


@router.command("summary", needs="view")
async def show_summary(ctx: Context, family: Family, _: Command) -> None:
    """Reply with the month's sessions, money, top miss reasons and risk; stores nothing."""
    if (report := await _month_or_say(ctx, family)) is not None:
        ctx.reply(summary_text(ctx, family, report))


@router.command("weekly", needs="view")
async def show_weekly(ctx: Context, family: Family, _: Command) -> None:
    """Reply with the last 7 days as a timeline, counts, top reason and a tip; stores nothing."""
    ctx.reply(weekly_text(ctx, family, await _week(ctx, family)))


@router.command("digest", needs="view")
async def show_digest(ctx: Context, family: Family, _: Command) -> None:
    """Reply with the weekly parent digest (adherence, mood, notes, next step); stores nothing."""
    ctx.reply(await weekly_digest(ctx, family))


async def weekly_digest(ctx: Context, family: Family) -> str:
    """The digest of the last 7 days, as `digest` shows it and the weekly-digest job sends it."""
    return digest_text(ctx, family, await _week(ctx, family))


@router.command("missed_analytics", needs="view")
async def show_missed_analytics(ctx: Context, family: Family, _: Command) -> None:
    """Reply with this month's misses by reason and weekday, and a tip; stores nothing."""
    log = await load_month(ctx.conn, ctx.cipher, family.child.id, family.today)
    ctx.reply(missed_text(ctx, family, missed_report(log)))


@router.command("streak", needs="view")
async def show_streak(ctx: Context, family: Family, _: Command) -> None:
    """Reply with the week streak, the best one, the run without a miss; stores nothing."""
    history = await select_history(ctx.conn, family.child.id, family.today)
    ctx.reply(streak_text(ctx, family, streak_report(history, family.today)))


async def _month_or_say(ctx: Context, family: Family) -> MonthReport | None:
    """This month's report, or a reply pointing to setup (which can carry last month over)."""
    log = await load_month(ctx.conn, ctx.cipher, family.child.id, family.today)
    recent = await select_sessions(
        ctx.conn, ctx.cipher, family.child.id, *risk_window(family.today)
    )
    report = month_report(log, recent, family.today)
    if report is None:
        ctx.reply(
            ctx.t("report.no_plan", name=family.child.name, month=month_name(ctx, log.month)),
            buttons=(Button(ids.command("setup"), ctx.t("btn.setup")),),
        )
    return report


async def beyond_package(ctx: Context, family: Family, day: date) -> list[str]:
    """The line a log confirmation adds once `day`'s month has gone past its package."""
    figures = (await load_month(ctx.conn, ctx.cipher, family.child.id, day)).figures
    return beyond_lines(ctx, figures) if figures else []


def beyond_lines(ctx: Context, figures: MonthFigures) -> list[str]:
    """How many sessions went past the package and what they may cost; nothing within it."""
    if not figures.beyond:
        return []
    return [ctx.t("report.beyond", count=figures.beyond, money=format_inr(figures.beyond_paise))]


async def _rows(
    ctx: Context, family: Family, first: date, last: date
) -> tuple[list[SessionRow], list[date]]:
    child_id = family.child.id
    rows = await select_sessions(ctx.conn, ctx.cipher, child_id, first, last)
    return rows, await select_holidays(ctx.conn, child_id, first, last)


async def _week(ctx: Context, family: Family) -> WeekReport:
    rows, holidays = await _rows(ctx, family, *week_bounds(family.today))
    since = week_began_at(family.today, family.child.timezone)
    notes = await select_week_notes(ctx.conn, ctx.cipher, family.child.id, since)
    return week_report(rows, holidays, family.today, notes)


def status_text(ctx: Context, family: Family, report: MonthReport) -> str:
    """Today's line and the month at a glance."""
    figures = report.figures
    body = ctx.t(
        "status.body",
        name=family.child.name,
        date=ctx.day_label(family.today),
        today=today_text(ctx, report.today),
        month=month_name(ctx, report.month),
        attended=figures.attended,
        total=figures.total,
        missed=figures.missed,
        remaining=figures.left,
        cost=format_inr(figures.cost_paise),
    )
    return "\n".join([body, *beyond_lines(ctx, figures)])


def today_text(ctx: Context, today: DayStatus) -> str:
    logged = [
        ctx.t(f"status.today_{status}", count=count)
        for status, count in (("attended", today.attended), ("missed", today.missed))
        if count
    ]
    if logged:
        return "\n".join(logged)
    return ctx.t("status.today_holiday" if today.holiday else "status.today_nothing")


def summary_text(ctx: Context, family: Family, report: MonthReport) -> str:
    """Paid, carried, attended, missed, left, what goes past the package or into next month,
    then the top reasons and the risk label."""
    figures = report.figures
    lines = [
        ctx.t("summary.title", name=family.child.name, month=month_name(ctx, report.month)),
        ctx.t(
            "summary.paid",
            paid=figures.paid,
            cost=format_inr(figures.cost_paise),
            money=format_inr(figures.paid_paise),
        ),
    ]
    if figures.carried:
        lines.append(ctx.t("summary.carried", count=figures.carried, total=figures.total))
    lines.append(
        ctx.t("summary.attended", count=figures.attended, money=format_inr(figures.used_paise))
    )
    if figures.used_before:
        lines.append(ctx.t("summary.used_before", count=figures.used_before))
    return "\n".join([*lines, *_summary_rest(ctx, report)])


def _summary_rest(ctx: Context, report: MonthReport) -> list[str]:
    figures = report.figures
    carry = [ctx.t("summary.carry", count=figures.carry_forward)] if report.carry_shown else []
    return [
        ctx.t("summary.missed", count=figures.missed),
        ctx.t("summary.holidays", count=report.holidays),
        ctx.t("summary.remaining", count=figures.left),
        *beyond_lines(ctx, figures),
        *carry,
        "",
        ctx.t("summary.reasons", reasons=reason_list(ctx, report.reasons))
        if report.reasons
        else ctx.t("summary.no_misses"),
        ctx.t("summary.risk", risk=ctx.t(f"risk.{report.risk}")),
    ]


def weekly_text(ctx: Context, family: Family, week: WeekReport) -> str:
    """A line per day, the counts, consistency, the top reason and one tip."""
    days = [
        ctx.t("weekly.day", day=short_date(ctx, day), mark=MARKS[mark])
        for day, mark in week.timeline
    ]
    lines = [
        ctx.t("weekly.title", name=family.child.name, range=date_range(ctx, week)),
        *days,
        ctx.t("weekly.legend"),
        "",
        ctx.t("weekly.counts", attended=week.attended, missed=week.missed),
        _percent(ctx, "weekly.consistency", week.consistency),
    ]
    if week.top_reason:
        lines.append(ctx.t("weekly.top_reason", reason=ctx.t(f"category.{week.top_reason}")))
    return "\n".join([*lines, ctx.t("weekly.tip", tip=tip_text(ctx, week))])


def digest_text(ctx: Context, family: Family, week: WeekReport) -> str:
    """The parent digest: adherence, mood, reasons, notes, homework and the next step."""
    lines = [
        ctx.t("digest.title", name=family.child.name, range=date_range(ctx, week)),
        "",
        ctx.t("digest.counts", attended=week.attended, missed=week.missed),
        _percent(ctx, "digest.adherence", week.consistency),
        ctx.t("digest.mood", mood=ctx.t(f"mood.name.{week.mood}"))
        if week.mood
        else ctx.t("digest.no_mood"),
        ctx.t("digest.reasons", reasons=reason_list(ctx, week.reasons))
        if week.reasons
        else ctx.t("digest.no_reasons"),
        ctx.t("digest.notes", count=week.notes.count),
    ]
    if week.notes.homework:
        lines.append(ctx.t("digest.homework", homework=week.notes.homework))
    return "\n".join([*lines, "", ctx.t("digest.tip", tip=tip_text(ctx, week))])


def missed_text(ctx: Context, family: Family, report: MissedReport) -> str:
    """Each reason with count and percent, the weekday that misses most, and a tip."""
    month = month_name(ctx, report.month)
    if not report.total or report.worst_weekday is None:
        return ctx.t("analytics.none", name=family.child.name, month=month)
    weekday = ctx.weekday_name(report.worst_weekday, wide=True)
    reasons = [
        ctx.t("analytics.reason", reason=ctx.t(f"category.{name}"), count=count, percent=percent)
        for name, count, percent in report.reasons
    ]
    return "\n".join(
        [
            ctx.t("analytics.title", name=family.child.name, month=month),
            ctx.t("analytics.total", count=report.total),
            *reasons,
            "",
            ctx.t("analytics.weekday", weekday=weekday),
            ctx.t("analytics.tip", weekday=weekday),
        ]
    )


def streak_text(ctx: Context, family: Family, streak: StreakReport) -> str:
    """Weeks in a row, the best run, sessions without a miss, and the next milestone."""
    lines = [
        ctx.t("streak.title", name=family.child.name),
        ctx.t("streak.weeks", count=streak.weeks),
        ctx.t("streak.best", count=streak.best),
        ctx.t("streak.run", count=streak.run),
        "",
    ]
    if streak.next_milestone is None:
        return "\n".join([*lines, ctx.t("streak.all_done")])
    left = streak.next_milestone - streak.weeks
    nudge = ctx.t("streak.start") if streak.weeks == 0 else ctx.t("streak.keep_going")
    return "\n".join([*lines, ctx.t("streak.next", weeks=streak.next_milestone, count=left), nudge])


def tip_text(ctx: Context, week: WeekReport) -> str:
    reason = ctx.t(f"category.{week.top_reason}") if week.top_reason else ""
    return ctx.t(f"tip.{week.tip}", homework=week.notes.homework or "", reason=reason)


def reason_list(ctx: Context, reasons: Reasons) -> str:
    return ", ".join(
        ctx.t("report.reason_count", reason=ctx.t(f"category.{name}"), count=count)
        for name, count, _ in reasons
    )


def _percent(ctx: Context, key: str, percent: int | None) -> str:
    return ctx.t(key, percent=percent) if percent is not None else ctx.t(f"{key}_none")


def month_name(ctx: Context, month: date) -> str:
    return ctx.month_label(month)


def short_date(ctx: Context, day: date) -> str:
    return weekday_day(ctx.user.language, day)


def date_range(ctx: Context, week: WeekReport) -> str:
    return day_range(ctx.user.language, week.first, week.last)
