"""Operator commands for payments: `python -m bot payments` lists what was kept but never
applied; `python -m bot coupons create|list|disable` manages coupons."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import asyncpg

from bot.config import Settings
from payments.coupons import clean_code, create_coupon, disable_coupon, list_coupons
from payments.status import flagged_payments
from tracker.money import format_inr

T = TypeVar("T")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = commands.add_parser("payments", help="payments kept but not applied (operators)")
    review.set_defaults(run=run_review)
    coupons = commands.add_parser("coupons", help="create, list or disable coupons (operators)")
    coupons.add_argument("action", choices=("create", "list", "disable"))
    coupons.add_argument("code", nargs="?", default="")
    coupons.add_argument("--percent", type=int, default=10, help="discount, 1-90")
    coupons.add_argument("--max", type=int, default=100, help="how many uses in all")
    coupons.add_argument("--days", type=int, default=0, help="valid this many days (0: always)")
    coupons.set_defaults(run=run_coupons)


def as_system(settings: Settings, work: Callable[[asyncpg.Connection], Awaitable[T]]) -> T:
    """Run `work` on one connection as the system role, for an operator's command."""
    from bot.app import resolve_dsn

    async def run() -> T:
        conn = await asyncpg.connect(await resolve_dsn(settings))
        try:
            await conn.execute("SET ROLE tt_system")  # row security binds the login role too
            return await work(conn)
        finally:
            await conn.close()

    return asyncio.run(run())


def run_review(settings: Settings, _: argparse.Namespace) -> int:
    flagged = as_system(settings, flagged_payments)
    for p in flagged:
        link = f"link {p.link_id}" if p.link_id else "no link"
        print(
            f"{p.created_at:%Y-%m-%d %H:%M} {p.payment_id} {format_inr(p.amount_paise)} "
            f"{p.state} ({link})"
        )
    print(f"{len(flagged)} payment(s) to look at")
    return 0


def run_coupons(settings: Settings, args: argparse.Namespace) -> int:
    if args.action == "list":
        for c in as_system(settings, list_coupons):
            until = f"until {c.expires_at:%Y-%m-%d}" if c.expires_at else "no end"
            state = "active" if c.active else "disabled"
            print(f"{c.code} {c.discount_percent}% {c.uses}/{c.max_redemptions} {until} {state}")
        return 0
    code = clean_code(args.code)
    if code is None:
        print("a coupon code is 3-32 letters, digits, _ or -")
        return 2
    if args.action == "disable":
        found = as_system(settings, lambda conn: disable_coupon(conn, code))
        print(f"{code} disabled" if found else f"no coupon {code}")
        return 0 if found else 1
    if not 1 <= args.percent <= 90 or args.max < 1:
        print("--percent must be 1-90 and --max at least 1")
        return 2
    ends = datetime.now(UTC) + timedelta(days=args.days) if args.days > 0 else None
    as_system(settings, lambda conn: create_coupon(conn, code, args.percent, args.max, ends))
    print(f"{code} created: {args.percent}% off, {args.max} uses")
    return 0
