import pytest

from tests.support import payloads

PHONE = "919000000001"


async def welcomed(bot, phone=PHONE):
    await bot.say(phone, "hi")


async def test_first_message_that_is_a_command_is_welcomed_and_acted_on(bot):
    replies = await bot.say(PHONE, "help")
    assert "Welcome to Therapy Tracker" in replies[0]
    assert replies[-1].startswith("Here is what you can type")
    assert await bot.db.fetchval("SELECT welcomed_at IS NOT NULL FROM tt.users")


async def test_first_message_offers_languages_and_follows_the_script(bot):
    replies = await bot.say(PHONE, "नमस्ते")
    assert replies[0].startswith("👋 थेरेपी ट्रैकर में आपका स्वागत है!")
    rows = bot.graph.to(PHONE)[0]["interactive"]["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == ["lang:set:en", "lang:set:hi", "lang:set:te"]
    assert await bot.db.fetchval("SELECT language FROM tt.users") == "hi"


async def test_only_the_first_message_gets_the_welcome(bot):
    await welcomed(bot)
    replies = await bot.say(PHONE, "hello")
    assert not any("Welcome to Therapy Tracker" in r for r in replies)


async def test_menu_is_one_interactive_message_within_limits(bot):
    await welcomed(bot)
    replies = await bot.say(PHONE, "menu")
    assert len(replies) == 1
    assert replies[0].startswith("Start by setting up your child")
    buttons = bot.graph.to(PHONE)[-1]["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == ["cmd:setup", "cmd:help", "cmd:more"]


async def test_more_opens_the_list(bot):
    await welcomed(bot)
    await bot.tap(PHONE, "cmd:more")
    body = bot.graph.to(PHONE)[-1]["interactive"]
    assert body["type"] == "list"
    assert len(body["action"]["sections"][0]["rows"]) == 10
    assert "cmd:settings" in [r["id"] for r in body["action"]["sections"][0]["rows"]]


async def test_unknown_text_gets_a_friendly_fallback(bot):
    await welcomed(bot)
    replies = await bot.say(PHONE, "purple elephants")
    assert replies == ["Sorry, I did not understand that. Type *help* to see what I can do."]


async def test_cancel_with_nothing_open(bot):
    await welcomed(bot)
    assert await bot.say(PHONE, "cancel") == ["There is nothing to cancel right now."]


async def test_language_picker_and_choice(bot):
    await welcomed(bot)
    await bot.say(PHONE, "language")
    rows = bot.graph.to(PHONE)[-1]["interactive"]["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == ["lang:set:en", "lang:set:hi", "lang:set:te"]
    replies = await bot.tap(PHONE, "lang:set:te")
    assert replies[0].startswith("సరే. ఇకపై మీతో తెలుగులో మాట్లాడతాను.")
    assert await bot.db.fetchval("SELECT language FROM tt.users") == "te"
    assert (await bot.say(PHONE, "menu"))[0].endswith("ఈ నెల ప్యాకేజీ జోడించండి.")


@pytest.mark.parametrize(
    ("typed", "language"),
    [("lang:hi", "hi"), ("language hindi", "hi"), ("LANG:TE", "te"), ("भाषा english", "en")],
)
async def test_language_shortcuts(bot, typed, language):
    await welcomed(bot)
    await bot.say(PHONE, typed)
    assert await bot.db.fetchval("SELECT language FROM tt.users") == language


async def test_unknown_language_is_refused_and_changes_nothing(bot):
    await welcomed(bot)
    assert await bot.say(PHONE, "lang:fr") == ["I know English, Hindi and Telugu. Try: *lang:hi*"]
    assert await bot.db.fetchval("SELECT language FROM tt.users") == "en"


async def test_typed_invalid_language_id_is_not_stored(bot):
    await welcomed(bot)
    await bot.tap(PHONE, "lang:set:xx")
    assert await bot.db.fetchval("SELECT language FROM tt.users") == "en"


async def test_opt_out_and_back_in_with_audit_events(bot):
    await welcomed(bot)
    replies = await bot.say(PHONE, "STOP")
    assert replies[0].startswith("You are opted out")
    assert await bot.db.fetchval("SELECT consent FROM tt.users") == "opted_out"
    gated = await bot.say(PHONE, "menu")
    assert gated[0].startswith("You are opted out, so I am not tracking")
    status = await bot.say(PHONE, "consent")
    assert status[0].startswith("Consent: OFF")
    assert await bot.say(PHONE, "start") == ["Welcome back! Messages are on again."]
    kinds = [r["kind"] for r in await bot.db.fetch("SELECT kind FROM tt.audit_events ORDER BY id")]
    assert kinds == ["opt_out", "opt_in"]


async def test_repeated_opt_out_records_one_event(bot):
    await welcomed(bot)
    await bot.say(PHONE, "stop")
    assert (await bot.say(PHONE, "unsubscribe"))[0].startswith("You are already opted out")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.audit_events") == 1


@pytest.mark.parametrize(
    ("kind", "body", "expected"),
    [
        ("image", {"id": "m1", "mime_type": "image/jpeg"}, "Thanks for the photo"),
        ("audio", {"id": "m2", "voice": True}, "Thanks for the voice message"),
        ("sticker", {"id": "m3"}, "Nice sticker"),
        ("location", {"latitude": 17.4, "longitude": 78.5}, "Thanks for the location"),
        ("document", {"id": "m4", "filename": "a.pdf"}, "Thanks for the file"),
        ("poll_creation", {}, "I cannot handle that kind of message yet"),
    ],
)
async def test_media_gets_a_polite_reply(bot, kind, body, expected):
    await welcomed(bot)
    await bot.post(payloads.webhook([payloads.message(PHONE, kind, body)]))
    await bot.settle()
    assert bot.graph.texts_to(PHONE)[-1].startswith(expected)


async def test_a_reaction_needs_no_answer(bot):
    await welcomed(bot)
    before = len(bot.graph.sent)
    await bot.post(
        payloads.webhook(
            [payloads.message(PHONE, "reaction", {"message_id": "wamid.x", "emoji": "👍"})]
        )
    )
    await bot.settle()
    assert len(bot.graph.sent) == before


async def test_hindi_user_gets_hindi_help(bot):
    await welcomed(bot)
    await bot.say(PHONE, "lang:hi")
    replies = await bot.say(PHONE, "मदद")
    assert replies[0].startswith("आप ये लिख सकते हैं")
    assert "छुट्टी" in replies[0]


async def test_more_offers_pro(bot):
    await welcomed(bot)
    await bot.tap(PHONE, "cmd:more")
    rows = bot.graph.to(PHONE)[-1]["interactive"]["action"]["sections"][0]["rows"]
    pro = next(r for r in rows if r["id"] == "cmd:go_pro")
    assert (pro["title"], pro["description"]) == (
        "🌟 Go Pro",
        "PDF reports, more children; logging stays free",
    )
    # the go_pro command itself answers (Pro is bought for a child, so it asks for one first)
    assert await bot.tap(PHONE, "cmd:go_pro") == [
        "First, let us set up your child. Tap *Set up* or type *setup*."
    ]
