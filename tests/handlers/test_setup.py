from datetime import date

import pytest

from tests.support.families import add_member, add_user, at, make_family
from tests.support.pro import grant_pro

PHONE = "919000000001"
NOV = lambda: at("2026-11-20T06:00:00")  # noqa: E731 - a fixed clock, 11:30 in Kolkata


async def plan_row(bot):
    return await bot.db.fetchrow(
        "SELECT month, sessions_paid, cost_paise, carried, used_before FROM tt.plans"
    )


async def test_setup_asks_the_childs_name_and_keeps_it_as_typed(make_bot):
    bot = await make_bot(clock=NOV)
    await bot.say(PHONE, "hi")
    assert await bot.say(PHONE, "setup") == ["What is your child's name?"]
    [reply] = await bot.say(PHONE, "  Asha  Rao ")  # the added line above the plan question
    assert reply.startswith("👶 Asha Rao is added")
    assert "\n\nSetting up November 2026 for Asha Rao" in reply
    child = await bot.db.fetchrow("SELECT name, timezone, tracking_since FROM tt.children")
    assert dict(child) == {
        "name": "Asha Rao",
        "timezone": "Asia/Kolkata",
        "tracking_since": date(2026, 11, 20),
    }
    role = await bot.db.fetchval("SELECT role FROM tt.memberships")
    assert role == "owner"


async def test_fresh_setup_from_the_button_then_typed_numbers(make_bot):
    bot = await make_bot(clock=NOV)
    await make_family(bot.db, PHONE, plan=None, since=date(2026, 11, 20))
    await bot.tap(PHONE, "setup:fresh")
    rows = bot.graph.to(PHONE)[-1]["interactive"]["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == [  # each carries the day the package began
        "setup:preset:8x800:2026-11-01",
        "setup:preset:12x1000:2026-11-01",
        "setup:preset:16x800:2026-11-01",
        "setup:other:2026-11-01",
    ]
    # Each package row adds what its title does not say: the month's total.
    assert [(r["title"], r.get("description")) for r in rows[:3]] == [
        ("8 × ₹800", "₹6,400 for the month"),
        ("12 × ₹1,000", "₹12,000 for the month"),
        ("16 × ₹800", "₹12,800 for the month"),
    ]
    replies = await bot.say(PHONE, "16 sessions at 800, 2 carried")
    assert replies[0].startswith(
        "✅ Plan saved for Asha, November 2026:\n16 paid + 2 carried = 18 sessions at ₹800 each."
    )
    assert dict(await plan_row(bot)) == {
        "month": date(2026, 11, 1),
        "sessions_paid": 16,
        "cost_paise": 80000,
        "carried": 2,
        "used_before": 0,
    }
    since = await bot.db.fetchval("SELECT tracking_since FROM tt.children")
    assert since == date(2026, 11, 1), "a fresh start may log from the 1st"


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("hi", "प्रति सत्र ₹800, 16 सत्र, पिछले महीने के 2"),
        ("te", "ఒక్కో సెషన్‌కు 800 రూపాయలు, 16 సెషన్లు, గత నెల నుండి 2"),
    ],
)
async def test_a_plan_typed_in_hindi_or_telugu_words_is_saved(make_bot, language, typed):
    bot = await make_bot(clock=NOV)
    await make_family(bot.db, PHONE, plan=None, since=date(2026, 11, 20))
    await bot.db.execute("UPDATE tt.users SET language = $1 WHERE phone = $2", language, PHONE)
    await bot.tap(PHONE, "setup:fresh")
    [saved, *_] = await bot.say(PHONE, typed)
    assert saved.startswith("✅")
    row = await plan_row(bot)
    assert (row["sessions_paid"], row["cost_paise"], row["carried"]) == (16, 80000, 2)


async def test_mid_month_setup_records_used_as_a_number(make_bot):
    bot = await make_bot(clock=NOV)
    await make_family(bot.db, PHONE, plan=None, since=date(2026, 11, 20))
    await bot.tap(PHONE, "setup:mid")
    replies = await bot.say(PHONE, "16 800 2 6")
    assert "Already used before tracking: 6. Left: 12." in replies[0]
    assert (await plan_row(bot))["used_before"] == 6
    assert await bot.db.fetchval("SELECT count(*) FROM tt.sessions") == 0
    assert await bot.db.fetchval("SELECT tracking_since FROM tt.children") == date(2026, 11, 20)


async def test_preset_tap_saves_the_plan(make_bot):
    bot = await make_bot(clock=NOV)
    await make_family(bot.db, PHONE, plan=None)
    await bot.tap(PHONE, "setup:fresh")
    await bot.tap(PHONE, "setup:preset:12x1000")
    assert (await plan_row(bot))["cost_paise"] == 100000


async def test_bad_numbers_get_one_clear_line_and_change_nothing(make_bot):
    bot = await make_bot(clock=NOV)
    await make_family(bot.db, PHONE, plan=None)
    await bot.tap(PHONE, "setup:fresh")
    assert await bot.say(PHONE, "70 800 0") == [
        "Sessions paid must be between 1 and 62. For example: 16 800 0"
    ]
    assert await bot.say(PHONE, "16 200000 0") == [
        "Cost per session must be between ₹0 and ₹1,00,000. For example: 16 800 0"
    ]
    assert await plan_row(bot) is None
    replies = await bot.say(PHONE, "banana")
    assert replies[0].startswith("Let us leave that for now")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_new_month_offers_last_plan_with_carry_forward(make_bot):
    bot = await make_bot(clock=NOV)
    _, child = await make_family(bot.db, PHONE, plan=(16, 80000, 2, 0), month=date(2026, 10, 1))
    await bot.db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count) VALUES ($1, '2026-10-05', "
        "'attended', 2), ($1, '2026-10-07', 'attended', 1), ($1, '2026-10-09', 'missed', 1)",
        child,
    )
    replies = await bot.say(PHONE, "setup")
    assert replies == [
        "November 2026 for Asha has no plan yet. Last plan (October 2026): 16 "
        "sessions at ₹800. 15 paid sessions are left to carry forward.\n"
        "Use the same plan with 15 carried, or change it?"
    ]
    await bot.tap(PHONE, "setup:same")
    assert dict(
        await bot.db.fetchrow(
            "SELECT sessions_paid, carried FROM tt.plans WHERE month = '2026-11-01'"
        )
    ) == {"sessions_paid": 16, "carried": 15}
    assert await bot.db.fetchval("SELECT count(*) FROM tt.plans") == 2


async def test_setup_again_replaces_the_months_plan_and_says_so(make_bot):
    bot = await make_bot(clock=NOV)
    await make_family(bot.db, PHONE, month=date(2026, 11, 1))
    await bot.tap(PHONE, "setup:fresh")
    replies = await bot.say(PHONE, "8 1000 0")
    assert "(This replaces the earlier plan for November 2026.)" in replies[0]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.plans") == 1


async def test_therapist_cannot_change_the_plan(make_bot):
    bot = await make_bot(clock=NOV)
    _, child = await make_family(bot.db, PHONE)
    therapist = await add_user(bot.db, "919000000005")
    await add_member(bot.db, child, therapist, "therapist")
    replies = await bot.tap("919000000005", "setup:fresh")
    assert replies == ["Sorry, as a therapist you cannot do that for this child."]


async def test_two_children_switch_and_add(make_bot):
    bot = await make_bot(clock=NOV)
    _, first = await make_family(bot.db, PHONE, child="Asha")
    await grant_pro(bot.db, first)
    await bot.say(PHONE, "add child")
    await bot.say(PHONE, "Ravi")
    second = await bot.db.fetchval("SELECT id FROM tt.children WHERE name = 'Ravi'")
    assert await bot.db.fetchval("SELECT current_child_id FROM tt.users") == second
    await bot.say(PHONE, "children")
    rows = bot.graph.to(PHONE)[-1]["interactive"]["action"]["sections"][0]["rows"]
    assert [r["title"] for r in rows] == ["Asha", "Ravi", "➕ Add a child"]
    replies = await bot.tap(PHONE, f"child:switch:{first}")
    assert replies[0].startswith("Now working on Asha.")
    assert await bot.db.fetchval("SELECT current_child_id FROM tt.users") == first


async def test_switching_to_a_stranger_child_is_refused(make_bot):
    bot = await make_bot(clock=NOV)
    await make_family(bot.db, PHONE, child="Asha")
    _, other = await make_family(bot.db, "919000000009", child="Bala")
    replies = await bot.tap(PHONE, f"child:switch:{other}")
    assert replies == ["That child is not in your family. Type *children* to pick again."]


async def test_menu_shows_the_month_snapshot(make_bot):
    bot = await make_bot(clock=NOV)
    _, child = await make_family(bot.db, PHONE, plan=(16, 80000, 2, 1), month=date(2026, 11, 1))
    await bot.db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count) VALUES "
        "($1, '2026-11-03', 'attended', 2)",
        child,
    )
    replies = await bot.say(PHONE, "menu")
    assert replies == ["📅 Asha: 3 of 18 sessions used, 15 left.\n\nWhat would you like to do?"]
    buttons = bot.graph.to(PHONE)[-1]["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == ["cmd:attended", "cmd:missed", "cmd:more"]


# Issue 9: when this month's package began, the plan as it stands, and the new current child.

NOV_15 = date(2026, 11, 15)


async def asked_start(make_bot):
    """Asha tracked since 20 Nov with no plan, and setup just asked when the package began."""
    bot = await make_bot(clock=NOV)
    await make_family(bot.db, PHONE, plan=None, since=date(2026, 11, 20))
    await bot.say(PHONE, "setup")
    return bot


async def start_and_since(bot):
    return (
        await bot.db.fetchval("SELECT starts_on FROM tt.plans"),
        await bot.db.fetchval("SELECT tracking_since FROM tt.children"),
    )


async def test_setup_asks_when_the_package_began(make_bot):
    bot = await make_bot(clock=NOV)
    await make_family(bot.db, PHONE, plan=None, since=date(2026, 11, 20))
    [reply] = await bot.say(PHONE, "setup")
    assert reply.startswith(
        "Setting up November 2026 for Asha. When did this month's package begin?"
    )
    buttons = bot.graph.to(PHONE)[-1]["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == ["setup:fresh", "setup:today", "setup:mid"]


async def test_a_typed_start_day_opens_logging_from_it(make_bot):
    bot = await asked_start(make_bot)
    await bot.say(PHONE, "3 nov")
    [reply] = await bot.say(PHONE, "16 800 0")
    assert "Package began Tue 3 Nov: type *backfill* to log the sessions since then." in reply
    row = await bot.db.fetchrow("SELECT starts_on, used_before FROM tt.plans")
    assert dict(row) == {"starts_on": date(2026, 11, 3), "used_before": 0}
    assert await bot.db.fetchval("SELECT tracking_since FROM tt.children") == date(2026, 11, 3)
    replies = await bot.say(PHONE, "attended 3 nov")
    assert replies[0].startswith("✅"), replies
    assert await bot.db.fetchval("SELECT day FROM tt.sessions") == date(2026, 11, 3)


async def test_a_bare_day_number_and_a_preset_keep_the_start(make_bot):
    bot = await asked_start(make_bot)
    await bot.say(PHONE, "15")
    rows = bot.graph.to(PHONE)[-1]["interactive"]["action"]["sections"][0]["rows"]
    assert rows[0]["id"] == "setup:preset:8x800:2026-11-15"
    await bot.tap(PHONE, rows[0]["id"])
    assert await start_and_since(bot) == (NOV_15, NOV_15)


@pytest.mark.parametrize("typed", ["25 nov", "3 oct", "40", "banana"])
async def test_a_start_day_outside_this_month_until_today_is_asked_again(make_bot, typed):
    bot = await asked_start(make_bot)
    assert await bot.say(PHONE, typed) == [
        "Please type a day from Sun 1 Nov to Fri 20 Nov, for example *3*, *3 Nov* or *3/11*, "
        "or tap one of the choices."
    ]
    assert await plan_row(bot) is None


async def test_today_as_the_start(make_bot):
    bot = await asked_start(make_bot)
    await bot.tap(PHONE, "setup:today")
    await bot.say(PHONE, "16 800 0")
    assert await start_and_since(bot) == (date(2026, 11, 20), date(2026, 11, 20))


async def test_backfill_offers_days_from_the_package_start(make_bot):
    bot = await asked_start(make_bot)
    await bot.say(PHONE, "2")
    await bot.say(PHONE, "16 800 0")
    await bot.say(PHONE, "backfill")
    await bot.tap(PHONE, "backfill:attended")
    rows = bot.graph.to(PHONE)[-1]["interactive"]["action"]["sections"][0]["rows"]
    ids = [r["id"] for r in rows]
    assert "log:attended:2026-11-12" in ids
    await bot.tap(PHONE, "log:page:attended:2026-11-04")
    rows = bot.graph.to(PHONE)[-1]["interactive"]["action"]["sections"][0]["rows"]
    ids = [r["id"] for r in rows]
    assert "log:attended:2026-11-02" in ids
    assert "log:attended:2026-11-01" not in ids


async def test_mid_month_keeps_a_number_and_no_start_day(make_bot):
    bot = await asked_start(make_bot)
    await bot.tap(PHONE, "setup:mid")
    await bot.say(PHONE, "16 800 0 6")
    row = await bot.db.fetchrow("SELECT starts_on, used_before FROM tt.plans")
    assert dict(row) == {"starts_on": None, "used_before": 6}
    assert await bot.db.fetchval("SELECT tracking_since FROM tt.children") == date(2026, 11, 20)


@pytest.mark.parametrize(
    "typed", ["plan", "plan_status", "my_plan", "My plan", "मेरा प्लान", "setup", "cmd:setup"]
)
async def test_plan_shows_the_current_plan_first_with_change_and_keep(make_bot, typed):
    bot = await make_bot(clock=NOV)
    _, child = await make_family(bot.db, PHONE, plan=(16, 80000, 2, 0), month=date(2026, 11, 1))
    await bot.db.execute("UPDATE tt.plans SET starts_on = '2026-11-03'")
    await bot.db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count) VALUES "
        "($1, '2026-11-05', 'attended', 2), ($1, '2026-11-06', 'attended', 1)",
        child,
    )
    status = await bot.say(PHONE, "status")
    assert await bot.say(PHONE, typed) == [
        "📋 Asha's plan for November 2026:\n"
        "• Paid: 16 sessions at ₹800 each (₹12,800)\n"
        "• Carried from last month: 2\n"
        "• Package began: Tue 3 Nov\n"
        "• Used: 3 · Left: 15"
    ]
    assert "15" in status[0], "the same left as status"
    buttons = bot.graph.to(PHONE)[-1]["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == ["setup:change", "setup:keep"]
    assert (await bot.tap(PHONE, "setup:keep"))[0].startswith("The plan for Asha stays as it is.")
    assert (await plan_row(bot))["sessions_paid"] == 16
    [change] = await bot.tap(PHONE, "setup:change")
    assert change.startswith("Setting up November 2026 for Asha.")


async def test_adding_a_second_child_says_it_is_now_the_current_one(make_bot):
    bot = await make_bot(clock=NOV)
    _, first = await make_family(bot.db, PHONE, child="Asha")
    await grant_pro(bot.db, first)
    await bot.say(PHONE, "add child")
    [reply] = await bot.say(PHONE, "Ravi")
    assert reply.startswith(
        "👶 Ravi is added, and is now the child you are working on. To go back to Asha, "
        "type *children*."
    )


async def test_on_the_first_of_the_month_there_is_no_earlier_day_to_ask_about(make_bot):
    bot = await make_bot(clock=lambda: at("2026-12-01T06:00:00"))
    await make_family(bot.db, PHONE, plan=None, since=date(2026, 12, 1))
    assert await bot.say(PHONE, "setup") == [
        "Pick a package, or type *sessions cost carried*, for example *16 800 0* or "
        "*16 sessions at 800, 2 carried*."
    ]
    await bot.say(PHONE, "16 800 0")
    assert await start_and_since(bot) == (date(2026, 12, 1), date(2026, 12, 1))


async def test_a_second_child_needs_pro_plus(make_bot):
    bot = await make_bot(clock=NOV)
    _, first = await make_family(bot.db, PHONE, child="Asha")
    refusal = (
        "🌟 More than one child comes with *Pro Plus*. Logging, status and summaries stay "
        "free. Type *go pro* to see the plans and get it."
    )
    assert await bot.say(PHONE, "add child") == [refusal]
    await grant_pro(bot.db, first, "parent_basic_199")
    assert await bot.tap(PHONE, "child:add") == [refusal]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.children") == 1
    await grant_pro(bot.db, first, "pro_plus_499")
    await bot.say(PHONE, "add child")
    await bot.say(PHONE, "Ravi")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.children") == 2


async def test_a_therapist_adds_their_own_first_child_for_free(make_bot):
    bot = await make_bot(clock=NOV)
    _, client = await make_family(bot.db, "919000000009", child="Bala")
    therapist = await add_user(bot.db, PHONE)
    await add_member(bot.db, client, therapist, "therapist")
    await bot.say(PHONE, "add child")
    [reply] = await bot.say(PHONE, "Ravi")
    assert reply.startswith("👶 Ravi is added")
