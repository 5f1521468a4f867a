from datetime import date

from tests.support.families import add_member, add_user, at, make_family

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
    assert [r["id"] for r in rows] == [
        "setup:preset:8x800",
        "setup:preset:12x1000",
        "setup:preset:16x800",
        "setup:other",
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
