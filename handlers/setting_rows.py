"""A settings row that switches one of the member's scheduled messages, the two-step hour
picker the scheduled messages share, and the arguments the settings' tapped ids carry."""

from __future__ import annotations

from dialog import ids
from dialog.context import Context
from dialog.replies import Row
from tracker.settings import ALL_DAYS, PERIODS


def switch_row(ctx: Context, setting: str, action: str) -> Row:
    """The row whose choice is `setting:action`, titled from row.settings_<setting>_<action>."""
    return Row(
        ids.encode(setting, action),
        ctx.t(f"row.settings_{setting}_{action}"),
        ctx.t(f"row.settings_{setting}_{action}.desc"),
    )


def period_rows(ctx: Context, setting: str) -> list[Row]:
    """First half of an hour picker: night, morning, afternoon or evening."""
    return [
        Row(
            ids.encode(setting, "period", name),
            ctx.t(f"row.settings_{name}"),
            ctx.t(f"row.settings_{name}.desc"),
        )
        for name in PERIODS
    ]


def hour_rows(setting: str, period: str) -> list[Row]:
    """Second half of an hour picker: the six hours of the chosen period."""
    return [Row(ids.encode(setting, "hour", hour), f"{hour:02d}:00") for hour in PERIODS[period]]


def day_arg(arg: str) -> int:
    """An ISO weekday, 1 (Monday) to 7."""
    day = int(arg)
    if day not in ALL_DAYS:
        raise ValueError(arg)
    return day


def period_arg(arg: str) -> str:
    """A part of the day the hour pickers offer first."""
    if arg not in PERIODS:
        raise ValueError(arg)
    return arg


def hour_arg(arg: str) -> int:
    hour = int(arg)
    if not 0 <= hour <= 23:
        raise ValueError(arg)
    return hour


def day_names(ctx: Context) -> dict[str, int]:
    """The user's own weekday names, short and whole, so "सोम, बुध" works as well as
    "mon, wed"."""
    names = {ctx.weekday_name(day - 1, wide=True): day for day in ALL_DAYS}
    return names | {ctx.weekday_name(day - 1): day for day in ALL_DAYS}
