"""The caregiver web pages from the chat: the calendar link, themes, reset month (with its typed
confirmation, undo and family notices) and revoke links, through the real router or the
whole webhook path; a therapist can neither reset nor revoke."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from bot.graph_client import render
from bot.graph_messages import to_graph
from tests.support.families import add_member, add_user, at, make_family

OWNER, PARENT, THERAPIST = "919400000001", "919400000002", "919400000003"
NOV = date(2026, 11, 1)
NOW = at("2026-11-20T06:00:00")  # Friday 20 Nov, 11:30 in Kolkata
CLOCK = lambda: NOW  # noqa: E731


async def family(db):
    """Asha's family: an owner, a parent and a therapist, with November's plan and some
    entries: two sessions and a day off; (child id, {role: user id})."""
    owner, child = await make_family(db, OWNER, month=NOV, since=date(2026, 10, 1))
    people = {"owner": owner}
    for role, phone in (("parent", PARENT), ("therapist", THERAPIST)):
        people[role] = await add_user(db, phone)
        await add_member(db, child, people[role], role)
        await db.execute(
            "UPDATE tt.users SET current_child_id = $1 WHERE id = $2", child, people[role]
        )
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, logged_by) VALUES "
        "($1, '2026-11-02', 'attended', $2), ($1, '2026-11-03', 'missed', $3)",
        child,
        owner,
        people["parent"],
    )
    await db.execute(
        "INSERT INTO tt.holidays (child_id, day, set_by) VALUES ($1, '2026-11-09', $2)",
        child,
        owner,
    )
    return child, people


async def live_entries(db, child):
    return await db.fetchval(
        "SELECT (SELECT count(*) FROM tt.sessions WHERE child_id = $1 AND superseded_at IS NULL)"
        " + (SELECT count(*) FROM tt.holidays WHERE child_id = $1 AND superseded_at IS NULL)",
        child,
    )


# ---- calendar ----


@pytest.fixture(name="web")
def _web(direct):
    """The router with the web pages set up: links name the member and child they were for."""
    made = []

    def calendar_url(user_id, child_id, version, edit):
        made.append((user_id, child_id))
        return f"https://tt.test/c/{user_id}-{child_id}"

    direct.clock = CLOCK
    direct.links = replace(direct.links, calendar_url=calendar_url)
    direct.made = made
    return direct


@pytest.mark.parametrize("typed", ["calendar", "mytracker", "web", "Tracker", "my_tracker"])
async def test_calendar_sends_a_url_button_for_the_current_child(web, db, typed):
    child, people = await family(db)
    [reply] = await web.say(OWNER, typed)
    assert reply.text.startswith("📅 Asha's month as a page for your phone's browser")
    assert reply.link.url == f"https://tt.test/c/{people['owner']}-{child}"
    assert web.made == [(people["owner"], child)]
    message = to_graph(reply)
    assert message["type"] == "interactive"
    assert message["interactive"]["type"] == "cta_url"
    assert message["interactive"]["action"] == {
        "name": "cta_url",
        "parameters": {"display_text": "Open calendar", "url": reply.link.url},
    }
    assert render(message).endswith(f"\n  🔗 Open calendar: {reply.link.url}")  # the chat


@pytest.mark.parametrize(
    ("language", "typed", "button"),
    [("hi", "कैलेंडर", "कैलेंडर खोलें"), ("te", "క్యాలెండర్", "క్యాలెండర్ తెరువు")],
)
async def test_calendar_in_hindi_and_telugu(web, db, language, typed, button):
    await family(db)
    await db.execute("UPDATE tt.users SET language = $1 WHERE phone = $2", language, THERAPIST)
    [reply] = await web.say(THERAPIST, typed)
    assert reply.link.title == button
    assert to_graph(reply)["interactive"]["type"] == "cta_url"


async def test_a_development_http_link_goes_in_the_text_without_a_preview(web, db):
    await family(db)
    web.links = replace(
        web.links, calendar_url=lambda user, child, version, edit: "http://localhost:8000/c/x"
    )
    [reply] = await web.say(OWNER, "calendar")
    assert reply.link is None
    assert reply.text.endswith("\nhttp://localhost:8000/c/x")
    assert to_graph(reply)["text"]["preview_url"] is False


async def test_calendar_without_web_pages_says_so(make_bot):
    bot = await make_bot(clock=CLOCK)
    await family(bot.db)
    assert await bot.say(OWNER, "calendar") == [
        "The calendar pages are not set up on this server yet. Type *summary* to see Asha's "
        "month here in the chat."
    ]


async def test_the_more_list_offers_the_calendar_when_the_pages_are_set_up(web, db):
    await family(db)
    [plain] = await replace_links(web, None).say(OWNER, "more")
    rows = [row.id for section in plain.sections for row in section.rows]
    assert "cmd:help" in rows
    assert "cmd:calendar" not in rows
    [with_web] = await replace_links(web, lambda *_: "https://tt.test/c").say(OWNER, "more")
    rows = [row.id for section in with_web.sections for row in section.rows]
    assert rows[-2:] == ["cmd:settings", "cmd:calendar"]
    assert len(rows) == 10


def replace_links(direct, calendar_url):
    direct.links = replace(direct.links, calendar_url=calendar_url)
    return direct


# ---- theme ----


async def test_theme_shows_three_buttons_and_a_tap_stores_it(direct, db):
    await family(db)
    [reply] = await direct.say(THERAPIST, "theme")
    assert reply.text == "🎨 Your calendar page uses the Sunrise theme. Pick another:"
    assert [b.id for b in reply.buttons] == ["theme:sunrise", "theme:ocean", "theme:forest"]
    [saved] = await direct.tap(THERAPIST, "theme:ocean")
    assert saved.text.startswith("✅ Theme set to Ocean.")
    assert await db.fetchval("SELECT theme FROM tt.users WHERE phone = $1", THERAPIST) == "ocean"
    assert await db.fetchval("SELECT theme FROM tt.users WHERE phone = $1", OWNER) == "sunrise"


@pytest.mark.parametrize(
    ("language", "typed", "theme"),
    [("en", "theme forest", "forest"), ("hi", "थीम समुद्र", "ocean"), ("te", "థీమ్ అడవి", "forest")],
)
async def test_a_typed_theme_is_stored_at_once(direct, db, language, typed, theme):
    await family(db)
    await db.execute("UPDATE tt.users SET language = $1 WHERE phone = $2", language, OWNER)
    [reply] = await direct.say(OWNER, typed)
    assert reply.text.startswith("✅")
    assert await db.fetchval("SELECT theme FROM tt.users WHERE phone = $1", OWNER) == theme


async def test_an_unknown_theme_lists_the_three(direct, db):
    await family(db)
    [reply] = await direct.say(OWNER, "theme neon")
    assert reply.text == (
        "There are three themes: Sunrise, Ocean, Forest. Type *theme ocean*, for example."
    )
    assert await db.fetchval("SELECT theme FROM tt.users WHERE phone = $1", OWNER) == "sunrise"


# ---- reset month ----


async def test_reset_month_asks_for_the_month_name_then_sets_everything_aside(make_bot):
    bot = await make_bot(clock=CLOCK, notice_batch_seconds=0.2)
    child, _ = await family(bot.db)
    assert await bot.say(OWNER, "reset month") == [
        "⚠️ Reset November 2026 for Asha? All 3 entries (logged sessions and days off) will be "
        "set aside, for every member; the package stays. *undo* within 24 hours brings them "
        "back.\nTo confirm, type the month's name: *November*. Type *cancel* to keep "
        "everything."
    ]
    assert await bot.say(OWNER, "yes") == [
        "To reset November 2026, type *November*; type *cancel* to keep everything."
    ]
    assert await live_entries(bot.db, child) == 3
    assert await bot.say(OWNER, "november") == [
        "🧹 November 2026 is reset for Asha: 3 entries set aside. Type *undo* within 24 hours "
        "to bring them back."
    ]
    assert await live_entries(bot.db, child) == 0
    assert await bot.db.fetchval("SELECT count(*) FROM tt.sessions") == 2  # nothing deleted
    await bot.flush_notices()
    assert any(
        "reset November 2026 for Asha: 3 entries set aside" in text
        for text in bot.graph.texts_to(PARENT)
    )

    assert await bot.say(OWNER, "undo") == ["↩️ November 2026 is back for Asha: 3 entries restored."]
    assert await live_entries(bot.db, child) == 3
    await bot.flush_notices()
    assert any(
        "undid the reset of November 2026 for Asha: 3 entries are back" in text
        for text in bot.graph.texts_to(PARENT)
    )


async def test_cancel_keeps_the_month(direct, db):
    child, _ = await family(db)
    direct.clock = CLOCK
    await direct.say(OWNER, "reset")
    [reply] = await direct.say(OWNER, "cancel")
    assert "November" not in reply.text
    assert await direct.say(OWNER, "november") != []
    assert await live_entries(db, child) == 3


async def test_a_hindi_parent_confirms_with_the_hindi_month_name(direct, db):
    child, _ = await family(db)
    direct.clock = CLOCK
    await db.execute("UPDATE tt.users SET language = 'hi' WHERE phone = $1", PARENT)
    [ask] = await direct.say(PARENT, "महीना रीसेट")
    assert "*नवंबर*" in ask.text
    assert "सभी 3 एंट्री" in ask.text
    [done] = await direct.say(PARENT, "नवंबर")
    assert done.text.startswith("🧹 Asha का नवंबर 2026 रीसेट हो गया: 3 एंट्री")
    assert await live_entries(db, child) == 0


async def test_an_empty_month_has_nothing_to_reset(direct, db):
    child, _ = await family(db)
    await db.execute("DELETE FROM tt.sessions; DELETE FROM tt.holidays")
    direct.clock = CLOCK
    [reply] = await direct.say(OWNER, "reset month")
    assert reply.text == (
        "Nothing is logged for Asha in November 2026, so there is nothing to reset."
    )
    assert not await db.fetchval("SELECT count(*) FROM tt.month_resets WHERE child_id = $1", child)


@pytest.mark.parametrize("typed", ["reset month", "revoke links"])
async def test_a_therapist_can_neither_reset_nor_revoke(direct, db, typed):
    child, _ = await family(db)
    direct.clock = CLOCK
    [reply] = await direct.say(THERAPIST, typed)
    assert reply.text == "Sorry, as a therapist you cannot do that for this child."
    assert await live_entries(db, child) == 3
    assert await db.fetchval("SELECT link_version FROM tt.children WHERE id = $1", child) == 1


async def test_undo_takes_back_newer_entries_before_the_reset(direct, db):
    child, _ = await family(db)
    direct.clock = CLOCK
    await direct.say(OWNER, "reset month")
    await direct.say(OWNER, "November")
    await direct.say(OWNER, "attended 4 nov")
    [first] = await direct.say(OWNER, "undo")
    assert first.text.startswith("↩️ Removed for Asha: Attended")
    [second] = await direct.say(OWNER, "undo")
    assert second.text == "↩️ November 2026 is back for Asha: 3 entries restored."
    assert await live_entries(db, child) == 3


async def test_entries_on_days_logged_again_stay_aside(direct, db):
    child, _ = await family(db)
    direct.clock = CLOCK
    await direct.say(OWNER, "reset month")
    await direct.say(OWNER, "November")
    await direct.say(PARENT, "missed 2 nov fever")
    [undone] = await direct.say(OWNER, "undo")
    assert undone.text == (
        "↩️ November 2026 is back for Asha: 2 entries restored.\n"
        "1 entry stays aside: something new was logged on its day after the reset."
    )
    assert await live_entries(db, child) == 3


async def test_a_reset_cannot_be_undone_after_a_day_or_by_someone_else(direct, db):
    child, _ = await family(db)
    direct.clock = CLOCK
    await direct.say(OWNER, "reset month")
    await direct.say(OWNER, "November")
    [other] = await direct.say(PARENT, "undo")
    assert other.text == "There is nothing you logged for Asha to undo."
    direct.clock = lambda: NOW + timedelta(hours=24, minutes=1)
    [late] = await direct.say(OWNER, "undo")
    assert late.text == "There is nothing you logged for Asha to undo."
    assert await live_entries(db, child) == 0


# ---- revoke links ----


@pytest.mark.parametrize("phone", [OWNER, PARENT])
async def test_owners_and_parents_revoke_every_link(direct, db, phone):
    child, _ = await family(db)
    [reply] = await direct.say(phone, "revoke links")
    assert reply.text == (
        "🔒 Done: every calendar link sent for Asha so far has stopped working, for every "
        "member. Send *calendar* for a new one."
    )
    assert await db.fetchval("SELECT link_version FROM tt.children WHERE id = $1", child) == 2
