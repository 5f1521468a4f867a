from tests.support.families import add_member, add_user, make_family

PHONE, THERAPIST = "919000000001", "919000000004"


def last_rows(bot, phone=PHONE):
    rows = [
        row
        for section in bot.graph.to(phone)[-1]["interactive"]["action"]["sections"]
        for row in section["rows"]
    ]
    assert 1 <= len(rows) <= 10
    return rows


def last_buttons(bot, phone=PHONE):
    return [b["reply"]["id"] for b in bot.graph.to(phone)[-1]["interactive"]["action"]["buttons"]]


async def reminder_row(bot, phone=PHONE):
    row = await bot.db.fetchrow(
        "SELECT reminders_enabled, reminder_hour, reminder_days FROM tt.users WHERE phone = $1",
        phone,
    )
    return row["reminders_enabled"], row["reminder_hour"], list(row["reminder_days"])


async def zones(bot, phone=PHONE):
    return await bot.db.fetchval(
        "SELECT (SELECT timezone FROM tt.users WHERE phone = $1) || ' ' || "
        "(SELECT string_agg(timezone, ',') FROM tt.children)",
        phone,
    )


async def test_settings_lists_each_setting_with_its_value(bot):
    await make_family(bot.db, PHONE)
    assert await bot.say(PHONE, "settings") == ["⚙️ Your settings. Pick one to change it:"]
    rows = last_rows(bot)
    assert [r["id"] for r in rows] == [
        "cmd:timezone",
        "rem:time",
        "rem:off",
        "rem:days",
        "digest:days",
        "monthly:off",
        "cmd:language",
        "cmd:consent",
        "cmd:export",
        "cmd:delete_data",
    ]
    assert [r.get("description") for r in rows[:4]] == [
        "Now: Asia/Kolkata",
        "Now: 19:00",
        "Reminders are on now",
        "every day",
    ]


async def test_timezone_picker_sets_the_user_and_the_owners_child(bot):
    await make_family(bot.db, PHONE)
    replies = await bot.say(PHONE, "timezone")
    assert replies[0].startswith("🌍 Your timezone is Asia/Kolkata.")
    rows = last_rows(bot)
    assert rows[0] == {
        "id": "tz:set:Asia/Kolkata",
        "title": "Asia/Kolkata",
        "description": "UTC+05:30",
    }
    assert rows[-1]["id"] == "tz:other"
    assert all(len(r["title"]) <= 24 for r in rows)
    replies = await bot.tap(PHONE, "tz:set:Europe/London")
    assert replies[0].startswith("✅ Timezone set to Europe/London (UTC+0")
    assert replies[0].endswith(", for you and for Asha.")
    assert await zones(bot) == "Europe/London Europe/London"


async def test_typed_timezones_valid_and_invalid(bot):
    await make_family(bot.db, PHONE)
    await bot.tap(PHONE, "tz:other")
    assert await bot.say(PHONE, "Mars/Olympus") == [
        "I do not know the timezone “Mars/Olympus”. Type a name like *Asia/Kolkata* or "
        "*Europe/London*."
    ]
    assert await zones(bot) == "Asia/Kolkata Asia/Kolkata"
    replies = await bot.say(PHONE, "america/new_york")
    assert replies[0].startswith("✅ Timezone set to America/New_York (UTC-0")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.conversations") == 0
    await bot.tap(PHONE, "tz:other")
    await bot.say(PHONE, "new york")
    assert await zones(bot) == "America/New_York America/New_York"
    await bot.say(PHONE, "timezone kathmandu")
    assert await zones(bot) == "Asia/Kathmandu Asia/Kathmandu"
    assert (await bot.say(PHONE, "timezone Europe/Paris"))[0].startswith(
        "✅ Timezone set to Europe/Paris"
    )
    assert (await bot.say(PHONE, "timezone Atlantis"))[0].startswith(
        "I do not know the timezone “atlantis”."
    )
    assert await zones(bot) == "Europe/Paris Europe/Paris"


async def test_a_tampered_timezone_id_is_refused(bot):
    await make_family(bot.db, PHONE)
    await bot.tap(PHONE, "tz:set:Nowhere/Land")
    assert await zones(bot) == "Asia/Kolkata Asia/Kolkata"


async def test_a_therapist_changes_only_their_own_timezone(bot):
    _, child = await make_family(bot.db, PHONE)
    therapist = await add_user(bot.db, THERAPIST)
    await add_member(bot.db, child, therapist, "therapist")
    replies = await bot.tap(THERAPIST, "tz:set:Asia/Dubai")
    assert replies == ["✅ Timezone set to Asia/Dubai (UTC+04:00)."]
    assert await zones(bot, THERAPIST) == "Asia/Dubai Asia/Kolkata"


async def test_every_hour_is_reachable_through_short_lists(bot):
    await make_family(bot.db, PHONE)
    await bot.tap(PHONE, "rem:time")
    periods = last_rows(bot)
    assert [r["title"] for r in periods] == ["Night", "Morning", "Afternoon", "Evening"]
    hours = []
    for period in periods:
        await bot.tap(PHONE, period["id"])
        hours += [row["id"] for row in last_rows(bot)]
    assert hours == [f"rem:hour:{h}" for h in range(24)]
    replies = await bot.tap(PHONE, "rem:hour:21")
    assert replies[0].startswith("✅ Saved.\n\n⏰ Reminders are on: 21:00 on every day.")
    assert await reminder_row(bot) == (True, 21, [1, 2, 3, 4, 5, 6, 7])
    await bot.tap(PHONE, "rem:hour:0")
    assert (await reminder_row(bot))[1] == 0
    await bot.tap(PHONE, "rem:hour:24")
    assert (await reminder_row(bot))[1] == 0, "an hour outside 0-23 is refused"


async def test_reminders_on_off_and_typed_changes(bot):
    await make_family(bot.db, PHONE)
    replies = await bot.say(PHONE, "reminders")
    assert replies[0].startswith("⏰ Reminders are on: 19:00 on every day.")
    assert last_buttons(bot) == ["rem:time", "rem:off", "rem:days"]
    replies = await bot.tap(PHONE, "rem:off")
    assert "🔕 Reminders are off. When on, they come at 19:00 on every day." in replies[0]
    assert last_buttons(bot) == ["rem:time", "rem:on", "rem:days"]
    assert (await reminder_row(bot))[0] is False
    await bot.tap(PHONE, "rem:on")
    assert (await reminder_row(bot))[0] is True
    await bot.say(PHONE, "reminders off")
    assert (await reminder_row(bot))[0] is False
    await bot.say(PHONE, "reminders 7:00 am")
    assert await reminder_row(bot) == (False, 7, [1, 2, 3, 4, 5, 6, 7])
    await bot.say(PHONE, "reminders mon-fri")
    assert (await reminder_row(bot))[2] == [1, 2, 3, 4, 5]
    replies = await bot.say(PHONE, "reminders sometimes")
    assert replies[0].startswith("I did not understand that reminder setting.")


async def test_weekdays_toggle_list_and_typed_days(bot):
    await make_family(bot.db, PHONE)
    await bot.tap(PHONE, "rem:days")
    rows = last_rows(bot)
    assert [r["title"] for r in rows[:7]] == [
        f"✅ {d}" for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    ]
    assert [r["id"] for r in rows[7:]] == ["rem:daily", "rem:weekdays"]
    replies = await bot.tap(PHONE, "rem:day:3")
    assert replies[0].startswith("📅 Reminder days: Mon, Tue, Thu, Fri, Sat, Sun.")
    assert last_rows(bot)[2]["title"] == "⬜ Wed"
    assert (await reminder_row(bot))[2] == [1, 2, 4, 5, 6, 7]
    replies = await bot.say(PHONE, "mon, wed and fri")
    assert replies[0].startswith("✅ Saved.\n\n⏰ Reminders are on: 19:00 on Mon, Wed, Fri.")
    assert (await reminder_row(bot))[2] == [1, 3, 5]
    await bot.tap(PHONE, "rem:weekdays")
    assert (await reminder_row(bot))[2] == [1, 2, 3, 4, 5]
    await bot.tap(PHONE, "rem:daily")
    assert (await reminder_row(bot))[2] == [1, 2, 3, 4, 5, 6, 7]


async def test_typed_days_are_checked_and_one_day_always_stays(bot):
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "reminders sun")
    await bot.tap(PHONE, "rem:days")
    assert await bot.say(PHONE, "funday") == [
        "I could not read those days. Type them like *mon,wed,fri* or *mon-fri*."
    ]
    replies = await bot.tap(PHONE, "rem:day:7")
    assert replies[0].startswith("At least one day has to stay on.")
    assert (await reminder_row(bot))[2] == [7]


async def test_hindi_day_names_are_understood(bot):
    await make_family(bot.db, PHONE)
    await bot.db.execute("UPDATE tt.users SET language = 'hi'")
    await bot.tap(PHONE, "rem:days")
    replies = await bot.say(PHONE, "सोमवार, बुध")
    assert replies[0].startswith("✅ सेव हो गया।")
    assert (await reminder_row(bot))[2] == [1, 3]


async def test_common_zone_names_are_understood(bot):
    await make_family(bot.db, PHONE)
    assert (await bot.say(PHONE, "timezone Dubai"))[0].startswith("✅ Timezone set to Asia/Dubai")
    assert (await bot.say(PHONE, "timezone IST"))[0].startswith("✅ Timezone set to Asia/Kolkata")
    await bot.say(PHONE, "timezone EST")
    assert await zones(bot) == "America/New_York America/New_York"
    await bot.say(PHONE, "timezone india")
    assert await zones(bot) == "Asia/Kolkata Asia/Kolkata"


async def test_the_weekly_digest_is_turned_on_by_choosing_its_day_and_off_again(bot):
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "settings")
    assert await bot.tap(PHONE, "digest:days") == [
        "📰 Which day should the weekly digest come? It arrives from 18:00 your time."
    ]
    assert [r["title"] for r in last_rows(bot)][:2] == ["Monday", "Tuesday"]
    assert await bot.tap(PHONE, "digest:day:7") == [
        "✅ The weekly digest will come every Sunday from 18:00. Type *digest time* to change "
        "the hour."
    ]
    row = await bot.db.fetchrow("SELECT digest_enabled, digest_day FROM tt.users")
    assert tuple(row) == (True, 7)
    await bot.say(PHONE, "settings")
    assert "digest:off" in [r["id"] for r in last_rows(bot)]
    assert await bot.tap(PHONE, "digest:off") == ["🔕 The weekly digest is off."]
    assert not await bot.db.fetchval("SELECT digest_enabled FROM tt.users")


# ---- what the scheduled jobs read: the digest's day and hour, the package alert ----


async def digest_row_of(bot):
    row = await bot.db.fetchrow(
        "SELECT digest_enabled, digest_day, digest_hour FROM tt.users WHERE phone = $1", PHONE
    )
    return tuple(row)


async def test_digest_time_shows_the_digest_and_changes_its_hour_day_and_switch(bot):
    await make_family(bot.db, PHONE)
    assert await bot.say(PHONE, "digest time") == [
        "📰 The weekly digest is off. When on, it comes every Sunday from 18:00.\n\n"
        "You can also type *digest time 8pm*, *digest time sunday* or *digest time off*."
    ]
    assert last_buttons(bot) == ["digest:days", "digest:time", "digest:on"]
    await bot.tap(PHONE, "digest:time")
    assert [r["id"] for r in last_rows(bot)][-1] == "digest:period:evening"
    await bot.tap(PHONE, "digest:period:morning")
    assert [r["title"] for r in last_rows(bot)] == [f"{h:02d}:00" for h in range(6, 12)]
    replies = await bot.tap(PHONE, "digest:hour:8")
    assert replies[0].startswith(
        "✅ Saved.\n\n📰 The weekly digest is off. When on, it comes every Sunday from 08:00."
    )
    assert await digest_row_of(bot) == (False, 7, 8)
    assert await bot.tap(PHONE, "digest:on") == [
        "✅ The weekly digest will come every Sunday from 08:00. Type *digest time* to change "
        "the hour."
    ]
    replies = await bot.say(PHONE, "digest time wednesday")
    assert "comes every Wednesday from 08:00" in replies[0]
    await bot.say(PHONE, "digest time 7pm")
    assert await digest_row_of(bot) == (True, 3, 19)
    await bot.say(PHONE, "digest time off")
    assert await digest_row_of(bot) == (False, 3, 19)
    replies = await bot.say(PHONE, "digest time whenever")
    assert replies[0].startswith("I did not understand that digest setting.")
    assert await bot.say(PHONE, "digest") != replies  # the digest itself is still its own word


async def test_digest_time_in_hindi_reads_hindi_day_names(bot):
    await make_family(bot.db, PHONE)
    await bot.db.execute("UPDATE tt.users SET language = 'hi'")
    replies = await bot.say(PHONE, "सार का समय बुधवार")
    assert replies[0].startswith("✅ सेव हो गया।")
    assert await digest_row_of(bot) == (True, 3, 18)
    await bot.db.execute("UPDATE tt.users SET language = 'te'")
    await bot.say(PHONE, "సారాంశం సమయం 9pm")
    assert await digest_row_of(bot) == (True, 3, 21)


async def test_the_package_alert_is_set_per_child_by_an_owner_or_parent(bot):
    _, child_id = await make_family(bot.db, PHONE)
    assert await bot.say(PHONE, "package alert") == [
        "📦 Asha: the reminder to renew the package comes when 2 sessions are left.\n\n"
        "Pick another number of sessions left, or type one, e.g. *package alert 3*."
    ]
    assert [r["id"] for r in last_rows(bot)] == [f"pkg:at:{n}" for n in range(6)]
    assert [r["title"] for r in last_rows(bot)][:2] == ["0 sessions", "1 session"]
    assert await bot.tap(PHONE, "pkg:at:1") == [
        "✅ Saved.\n📦 Asha: the reminder to renew the package comes when 1 session is left."
    ]
    low = "SELECT low_package_at FROM tt.children WHERE id = $1"
    assert await bot.db.fetchval(low, child_id) == 1
    await bot.say(PHONE, "package alert 4")
    assert await bot.db.fetchval(low, child_id) == 4
    assert await bot.say(PHONE, "package alert 99") == [
        "Type a number of sessions left from 0 to 62, e.g. *package alert 3*."
    ]
    therapist = await add_user(bot.db, THERAPIST)
    await add_member(bot.db, child_id, therapist, "therapist")
    await bot.say(THERAPIST, "package alert 0")
    assert await bot.db.fetchval(low, child_id) == 4  # a therapist cannot change it


async def test_the_package_alert_in_telugu(bot):
    _, child_id = await make_family(bot.db, PHONE)
    await bot.db.execute("UPDATE tt.users SET language = 'te'")
    replies = await bot.say(PHONE, "ప్యాకేజీ అలర్ట్ 3")
    assert replies == ["✅ సేవ్ అయింది.\n📦 Asha: ప్యాకేజీలో 3 సెషన్లు మిగిలినప్పుడు పునరుద్ధరించమని గుర్తు చేస్తాను."]
    low = "SELECT low_package_at FROM tt.children WHERE id = $1"
    assert await bot.db.fetchval(low, child_id) == 3
