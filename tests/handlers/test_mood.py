"""The optional mood after an attended session, tapped or typed.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from datetime import date

from tests.support.logging_steps import PHONE, family, last_rows, sessions


async def test_mood_tapped_and_typed_is_stored_on_the_session(tb):
    await family(tb)
    await tb.say(PHONE, "attended today")
    rows = last_rows(tb)
    [today] = await sessions(tb)
    assert [r["id"] for r in rows] == [
        f"mood:set:{today['id']}:{m}" for m in ("great", "good", "okay", "tough")
    ]
    assert await tb.tap(PHONE, f"mood:set:{today['id']}:good") == [
        "Mood saved for Asha's session on Wed 11 Feb: 🙂 Good"
    ]
    await tb.say(PHONE, "attended yesterday")
    assert await tb.say(PHONE, "ok") == ["👍"]  # an acknowledgement, not a mood
    assert (await tb.say(PHONE, "Great!"))[0].endswith("Tue 10 Feb: 🤩 Great")
    assert (await tb.say(PHONE, "good"))[0].startswith("Sorry, I did not understand")
    assert [(r["day"], r["mood"]) for r in await sessions(tb)] == [
        (date(2026, 2, 10), "great"),
        (date(2026, 2, 11), "good"),
    ]
