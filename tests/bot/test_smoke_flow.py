from tests.support import payloads


async def test_first_message_gets_welcome_and_menu(bot):
    replies = await bot.say("919000000001", "hi")
    assert len(replies) == 2
    assert "Welcome to Therapy Tracker" in replies[0]
    assert "/privacy" in replies[0]
    menu = bot.graph.to("919000000001")[-1]
    assert menu["interactive"]["type"] == "button"
    assert bot.graph.paths[-1] == f"/v25.0/{payloads.BUSINESS_NUMBER_ID}/messages"
