"""The monthly PDF push is on by default and turned off or on again from settings."""

from tests.handlers.test_settings import PHONE, last_rows
from tests.support.families import make_family


async def monthly_report(bot) -> bool:
    return await bot.db.fetchval("SELECT monthly_report FROM tt.users WHERE phone = $1", PHONE)


async def test_the_monthly_report_is_switched_from_settings(make_bot):
    bot = await make_bot()
    await make_family(bot.db, PHONE)
    assert await monthly_report(bot)
    await bot.say(PHONE, "settings")
    row = next(r for r in last_rows(bot) if r["id"].startswith("monthly:"))
    assert (row["id"], row["title"]) == ("monthly:off", "Monthly PDF: off")
    assert await bot.tap(PHONE, "monthly:off") == [
        "🔕 The monthly PDF report is off. You can still type *report*."
    ]
    assert not await monthly_report(bot)
    await bot.say(PHONE, "settings")
    assert "monthly:on" in [r["id"] for r in last_rows(bot)]
    await bot.db.execute("UPDATE tt.users SET language = 'hi' WHERE phone = $1", PHONE)
    [saved] = await bot.tap(PHONE, "monthly:on")
    assert saved.startswith("✅ हर महीने")
    assert await monthly_report(bot)
