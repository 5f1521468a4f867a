"""Replies in Hindi and Telugu agree with their numbers and read naturally around dates."""

from datetime import date

from tests.support.families import at, make_family

PHONE = "919000000001"
CLOCK = lambda: at("2026-12-01T06:00:00")  # noqa: E731 - Tuesday 1 Dec, 11:30 in Kolkata


async def family_speaking(direct, db, language):
    await make_family(db, PHONE, month=date(2026, 12, 1))
    await db.execute("UPDATE tt.users SET language = $1 WHERE phone = $2", language, PHONE)
    direct.clock = CLOCK


async def texts(direct, text):
    return [reply.text for reply in await direct.say(PHONE, text)]


async def test_a_telugu_case_ending_joins_the_days_number_not_the_month(direct, db):
    await family_speaking(direct, db, "te")
    await direct.say(PHONE, "ఈరోజు జరిగింది")
    (reply,) = await direct.tap(PHONE, "holiday:today")
    assert reply.text.startswith("మంగళ డిసెంబర్ 1న ఇప్పటికే నమోదు ఉంది.")


async def test_one_session_is_singular_in_telugu(direct, db):
    await family_speaking(direct, db, "te")
    await direct.say(PHONE, "ఈరోజు జరిగింది")
    assert (await texts(direct, "స్థితి"))[0].splitlines()[1] == "ఈరోజు: ✅ 1 సెషన్ జరిగింది"
    assert (await texts(direct, "మెనూ"))[0].startswith("📅 Asha: 16లో 1 సెషన్ అయింది, మిగిలినవి 15.")


async def test_one_session_is_singular_in_hindi(direct, db):
    await family_speaking(direct, db, "hi")
    await direct.say(PHONE, "आज हुआ")
    assert (await texts(direct, "स्थिति"))[0].splitlines()[1] == "आज: ✅ 1 सत्र हुआ"
    assert (await texts(direct, "मेनू"))[0].startswith("📅 Asha: 16 में से 1 सत्र हो चुका, 15 बाकी।")


async def test_a_single_holiday_is_this_day_in_hindi(direct, db):
    await family_speaking(direct, db, "hi")
    (reply,) = await direct.tap(PHONE, "holiday:today")
    assert reply.text == (
        "🏖️ Asha के लिए 1 दिन की छुट्टी दर्ज: मंगल 1 दिसंबर। यह दिन न इस्तेमाल गिना जाता है, न छूटा।"
    )


async def test_consent_says_since_when_as_a_local_date(direct, db):
    await family_speaking(direct, db, "te")
    await db.execute(
        "UPDATE tt.users SET consent = 'opted_out', consent_changed_at = $1",
        at("2026-11-30T10:00:00"),
    )
    assert await texts(direct, "సమ్మతి") == [
        "సమ్మతి: ఆఫ్ (సోమ నవంబర్ 30 నుండి). సందేశాలు మొదలుపెట్టడానికి *మొదలు* పంపండి."
    ]
