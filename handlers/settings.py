"""The user's settings: timezone, and when (and whether) reminders come. The reminder job
itself reads these columns; this module only stores them."""

from __future__ import annotations

from dialog import ids
from dialog.commands import Command
from dialog.context import Context, Unexpected
from dialog.conversation import Flow, NoData
from dialog.ids import ChoiceId
from dialog.replies import Button, Row
from dialog.router import Answer, Router
from handlers import digest_settings, monthly_settings, package_alert
from handlers.digest_settings import digest_row
from handlers.monthly_settings import monthly_row
from handlers.setting_rows import day_arg, day_names, hour_arg, hour_rows, period_arg, period_rows
from tracker.children import select_current_child
from tracker.permissions import allowed
from tracker.settings import (
    ALL_DAYS,
    COMMON_ZONES,
    ReminderSettings,
    parse_hour,
    parse_weekdays,
    resolve_timezone,
    select_digest,
    select_monthly_report,
    select_reminder_settings,
    update_child_timezone,
    update_reminder_days,
    update_reminder_hour,
    update_reminders_enabled,
    update_user_timezone,
    utc_offset,
)

router = Router()
router.include(digest_settings.router)
router.include(monthly_settings.router)
router.include(package_alert.router)
SETTINGS = Flow("settings", ("timezone", "days"), NoData)
WEEKDAYS = (1, 2, 3, 4, 5)


@router.command("settings")
async def show_settings(ctx: Context, _: Command) -> None:
    """List every setting with its current value; stores nothing."""
    rem = await select_reminder_settings(ctx.conn, ctx.user.id)
    switch = "off" if rem.enabled else "on"
    rows = [
        Row(
            ids.command("timezone"),
            ctx.t("row.settings_tz"),
            ctx.t("row.settings_tz.desc", zone=ctx.user.timezone),
        ),
        Row(
            ids.encode("rem", "time"),
            ctx.t("row.settings_time"),
            ctx.t("row.settings_time.desc", time=_time(rem.hour)),
        ),
        Row(
            ids.encode("rem", switch),
            ctx.t(f"row.settings_{switch}"),
            ctx.t(f"row.settings_{switch}.desc"),
        ),
        Row(ids.encode("rem", "days"), ctx.t("row.settings_days"), days_label(ctx, rem.days)),
        digest_row(ctx, (await select_digest(ctx.conn, ctx.user.id)).enabled),
        monthly_row(ctx, await select_monthly_report(ctx.conn, ctx.user.id)),
        Row(ids.command("language"), ctx.t("row.language"), ctx.t("row.language.desc")),
        Row(ids.command("consent"), ctx.t("row.consent"), ctx.t("row.consent.desc")),
        Row(ids.command("export"), ctx.t("row.settings_export"), ctx.t("row.settings_export.desc")),
        Row(
            ids.command("delete_data"),
            ctx.t("row.settings_delete"),
            ctx.t("row.settings_delete.desc"),
        ),
    ]
    ctx.reply_rows(ctx.t("settings.body"), rows, ctx.t("btn.settings_open"))


def _time(hour: int) -> str:
    return f"{hour:02d}:00"


def days_label(ctx: Context, days: tuple[int, ...]) -> str:
    if days == ALL_DAYS:
        return ctx.t("reminder.every_day")
    if days == WEEKDAYS:
        return ctx.t("reminder.weekdays")
    return ", ".join(ctx.weekday_name(day - 1) for day in days)


def _zone_arg(arg: str) -> str:
    zone = resolve_timezone(arg)
    if zone is None:
        raise ValueError(arg)
    return zone


@router.command("timezone")
async def pick_timezone(ctx: Context, command: Command) -> None:
    """Store a zone typed after the command, or offer common zones and "type another"."""
    typed = command.args
    if typed:
        zone = resolve_timezone(typed)
        if zone is None:
            ctx.reply(ctx.t("tz.invalid", typed=typed[:40]))
            return
        await save_timezone(ctx, zone)
        return
    rows = [
        Row(ids.encode("tz", "set", zone), zone, utc_offset(zone, ctx.now)) for zone in COMMON_ZONES
    ]
    rows.append(Row(ids.encode("tz", "other"), ctx.t("row.tz_other"), ctx.t("row.tz_other.desc")))
    ctx.reply_rows(ctx.t("tz.pick", zone=ctx.user.timezone), rows, ctx.t("btn.settings_tz"))


@router.choice("tz", "set", _zone_arg)
async def chose_timezone(ctx: Context, choice: ChoiceId) -> None:
    """Store the zone picked from the list."""
    await save_timezone(ctx, choice.value)


@router.choice("tz", "other")
async def ask_timezone(ctx: Context, _: ChoiceId) -> None:
    """Wait for a typed IANA timezone name."""
    await ctx.enter_step(SETTINGS, "timezone", NoData())
    await prompt_timezone(ctx, NoData())


async def prompt_timezone(ctx: Context, _: NoData) -> None:
    ctx.reply(ctx.t("tz.ask"))


@router.step(SETTINGS, "timezone", ask=prompt_timezone, typed=True)
async def got_timezone(ctx: Context, answer: Answer[NoData]) -> None:
    """Store a typed zone ("Europe/Paris", "new york"); an unknown name gets an example."""
    zone = resolve_timezone(answer.text)
    if zone is None:
        raise Unexpected(ctx.t("tz.invalid", typed=answer.text.strip()[:40]))
    await save_timezone(ctx, zone)


async def save_timezone(ctx: Context, zone: str) -> None:
    """The user's zone, and the current child's too when the user is its owner or parent."""
    await ctx.end_flow()
    await update_user_timezone(ctx.conn, ctx.user.id, zone)
    ctx.user.timezone = zone
    child = await select_current_child(ctx.conn, ctx.user.id)
    offset = utc_offset(zone, ctx.now)
    if child and allowed(child.role, "setup"):
        await update_child_timezone(ctx.conn, child.id, zone)
        ctx.reply(ctx.t("tz.saved_child", zone=zone, offset=offset, name=child.name))
        return
    ctx.reply(ctx.t("tz.saved", zone=zone, offset=offset))


@router.command("reminders")
async def show_reminders(ctx: Context, command: Command) -> None:
    """Show reminder settings with buttons; "reminders 7pm", "off" or "mon,wed" change them."""
    typed = command.args
    if typed and await apply_typed(ctx, typed):
        return
    lead = ctx.t("reminder.not_understood") if typed else ""
    await reminder_card(ctx, lead)


async def apply_typed(ctx: Context, typed: str) -> bool:
    if typed in ("on", "off"):
        await save_enabled(ctx, typed == "on")
        return True
    hour = parse_hour(typed)
    if hour is not None:
        await save_hour(ctx, hour)
        return True
    days = parse_weekdays(typed, day_names(ctx))
    if days is None:
        return False
    await save_days(ctx, days)
    return True


async def reminder_card(ctx: Context, lead: str = "") -> None:
    """The reminder settings in one message, with buttons to change each."""
    rem = await select_reminder_settings(ctx.conn, ctx.user.id)
    summary = ctx.t(
        "reminder.summary_on" if rem.enabled else "reminder.summary_off",
        time=_time(rem.hour),
        days=days_label(ctx, rem.days),
    )
    switch = "off" if rem.enabled else "on"
    text = "\n\n".join(filter(None, [lead, summary, ctx.t("reminder.typed_hint")]))
    ctx.reply(
        text,
        buttons=(
            Button(ids.encode("rem", "time"), ctx.t("btn.settings_time")),
            Button(ids.encode("rem", switch), ctx.t(f"btn.settings_{switch}")),
            Button(ids.encode("rem", "days"), ctx.t("btn.settings_days")),
        ),
    )


@router.choice("rem", "time")
async def pick_period(ctx: Context, _: ChoiceId) -> None:
    rows = period_rows(ctx, "rem")
    ctx.reply_rows(ctx.t("reminder.pick_period"), rows, ctx.t("btn.settings_choose"))


@router.choice("rem", "period", period_arg)
async def pick_hour(ctx: Context, choice: ChoiceId) -> None:
    rows = hour_rows("rem", choice.value)
    ctx.reply_rows(ctx.t("reminder.pick_hour"), rows, ctx.t("btn.settings_choose"))


@router.choice("rem", "hour", hour_arg)
async def chose_hour(ctx: Context, choice: ChoiceId) -> None:
    """Store the reminder hour."""
    await save_hour(ctx, choice.value)


async def save_hour(ctx: Context, hour: int) -> None:
    await update_reminder_hour(ctx.conn, ctx.user.id, hour)
    await reminder_card(ctx, ctx.t("reminder.saved"))


@router.choice("rem", "on")
@router.choice("rem", "off")
async def switch_reminders(ctx: Context, choice: ChoiceId) -> None:
    """Turn reminders on or off."""
    await save_enabled(ctx, choice.action == "on")


async def save_enabled(ctx: Context, on: bool) -> None:
    await update_reminders_enabled(ctx.conn, ctx.user.id, on)
    await reminder_card(ctx, ctx.t("reminder.saved"))


@router.choice("rem", "days")
async def pick_days(ctx: Context, _: ChoiceId) -> None:
    """A toggle list of weekdays; typed days also work while it is open."""
    rem = await select_reminder_settings(ctx.conn, ctx.user.id)
    await show_days(ctx, rem)


async def show_days(ctx: Context, rem: ReminderSettings, lead: str = "") -> None:
    mark = {True: "✅", False: "⬜"}
    rows = [
        Row(ids.encode("rem", "day", day), f"{mark[day in rem.days]} {ctx.weekday_name(day - 1)}")
        for day in ALL_DAYS
    ]
    rows += [
        Row(ids.encode("rem", "daily"), ctx.t("row.settings_daily")),
        Row(ids.encode("rem", "weekdays"), ctx.t("row.settings_weekdays")),
    ]
    await ctx.enter_step(SETTINGS, "days", NoData())
    text = ctx.t("reminder.days_pick", days=days_label(ctx, rem.days))
    ctx.reply_rows("\n\n".join(filter(None, [lead, text])), rows, ctx.t("btn.settings_days"))


async def prompt_days(ctx: Context, _: NoData) -> None:
    ctx.reply(ctx.t("reminder.days_ask"))


@router.step(SETTINGS, "days", ask=prompt_days, typed=True)
async def got_days(ctx: Context, answer: Answer[NoData]) -> None:
    """Store typed days such as "mon,wed,fri" or "mon-fri"."""
    days = parse_weekdays(answer.text, day_names(ctx))
    if days is None:
        raise Unexpected(ctx.t("reminder.days_invalid"))
    await save_days(ctx, days)


@router.choice("rem", "day", day_arg)
async def toggle_day(ctx: Context, choice: ChoiceId) -> None:
    """Switch one weekday on or off; at least one day stays on."""
    rem = await select_reminder_settings(ctx.conn, ctx.user.id)
    day = choice.value
    days = tuple(d for d in rem.days if d != day) if day in rem.days else (*rem.days, day)
    if not days:
        await show_days(ctx, rem, ctx.t("reminder.days_keep_one"))
        return
    await update_reminder_days(ctx.conn, ctx.user.id, days)
    await show_days(ctx, ReminderSettings(rem.enabled, rem.hour, tuple(sorted(days))))


@router.choice("rem", "daily")
@router.choice("rem", "weekdays")
async def chose_day_set(ctx: Context, choice: ChoiceId) -> None:
    """Every day, or Monday to Friday."""
    await save_days(ctx, ALL_DAYS if choice.action == "daily" else WEEKDAYS)


async def save_days(ctx: Context, days: tuple[int, ...]) -> None:
    await ctx.end_flow()
    await update_reminder_days(ctx.conn, ctx.user.id, days)
    await reminder_card(ctx, ctx.t("reminder.saved"))
