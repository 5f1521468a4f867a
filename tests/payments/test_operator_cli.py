"""Operators create, list and disable coupons, and list payments kept but never applied."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from bot.cli import _parser
from tests.conftest import make_settings


def run(database_url: str, *argv: str) -> int:
    """The command as `python -m bot` runs it, without reconfiguring logging."""
    args = _parser().parse_args(list(argv))
    code: int = args.run(make_settings(database_url), args)
    return code


async def test_coupons_and_flagged_payments(
    capsys: pytest.CaptureFixture[str],
    database_url: str,
    db: asyncpg.Connection,
) -> None:
    def cli(*argv: str) -> tuple[int, str]:
        code = run(database_url, *argv)
        return code, capsys.readouterr().out

    async def in_thread(*argv: str) -> tuple[int, str]:
        return await asyncio.to_thread(cli, *argv)

    assert await in_thread("coupons", "create", "spring10", "--percent", "10", "--max", "3") == (
        0,
        "SPRING10 created: 10% off, 3 uses\n",
    )
    assert (await in_thread("coupons", "create", "x", "--percent", "10"))[0] == 2
    assert (await in_thread("coupons", "create", "BIG", "--percent", "95"))[0] == 2
    assert (await in_thread("coupons", "list"))[1] == "SPRING10 10% 0/3 no end active\n"
    assert await in_thread("coupons", "disable", "spring10") == (0, "SPRING10 disabled\n")
    assert (await in_thread("coupons", "list"))[1].endswith("disabled\n")
    await db.execute(
        "INSERT INTO tt.payments (payment_id, amount_paise, currency, state) "
        "VALUES ('pay_Lonely1', 19900, 'INR', 'unmatched')"
    )
    code, out = await in_thread("payments")
    assert code == 0 and "pay_Lonely1 ₹199 unmatched (no link)" in out
    assert out.endswith("1 payment(s) to look at\n")
