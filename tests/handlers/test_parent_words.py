"""What a parent types in passing: punctuation, typos, thanks, and plain sentences about today.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from datetime import date

import pytest

from tests.support.logging_steps import PHONE, family, last_buttons, sessions

NOT_UNDERSTOOD = "Sorry, I did not understand that."


async def speaking(tb, language):
    await family(tb)
    await tb.db.execute("UPDATE tt.users SET language = $1 WHERE phone = $2", language, PHONE)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Attended.", "Which day did Asha attend?"),
        ("ATTENDED!", "Which day did Asha attend?"),
        ("status?", "📊 *Asha*"),
        ("Summary.", "Asha"),
        ("Hi!", "Asha"),
    ],
)
async def test_trailing_punctuation_and_case_never_matter(tb, typed, expected):
    await family(tb)
    [reply, *_] = await tb.say(PHONE, typed)
    assert NOT_UNDERSTOOD not in reply
    assert expected in reply


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("attnded", "Which day did Asha attend?"),
        ("atended", "Which day did Asha attend?"),
        ("misssed", "Which day was Asha's session missed?"),
        ("staus", "📊 *Asha*"),
        ("sumary", "Asha"),
        ("stauts", "📊 *Asha*"),  # two letters swapped is one slip of the thumb
    ],
)
async def test_a_typo_of_exactly_one_command_is_read_as_it(tb, typed, expected):
    await family(tb)
    [reply, *_] = await tb.say(PHONE, typed)
    assert expected in reply


async def test_a_typo_with_a_day_keeps_the_day(tb):
    await family(tb)
    await tb.say(PHONE, "atended yesterday")
    [row] = await sessions(tb)
    assert (row["day"], row["status"]) == (date(2026, 2, 10), "attended")


async def test_a_less_certain_typo_asks_first(tb):
    await family(tb)
    assert await tb.say(PHONE, "sumarry") == ["Did you mean *summary*?"]
    assert last_buttons(tb) == ["cmd:summary", "guess:no"]
    [reply, *_] = await tb.tap(PHONE, "cmd:summary")
    assert "Asha" in reply and NOT_UNDERSTOOD not in reply


async def test_no_to_a_guess_does_nothing(tb):
    await family(tb)
    await tb.say(PHONE, "sumarry")
    [reply] = await tb.tap(PHONE, "guess:no")
    assert reply.startswith("Okay.")
    assert await sessions(tb) == []


@pytest.mark.parametrize("typed", ["xyzzy", "sta", "ok ok ok go"])
async def test_words_near_no_single_command_are_not_guessed(tb, typed):
    await family(tb)
    [reply] = await tb.say(PHONE, typed)
    assert reply.startswith(NOT_UNDERSTOOD)


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("en", "ok", "👍"),
        ("en", "Thanks!", "You're welcome"),
        ("en", "👍", "👍"),
        ("en", "thnaks", "You're welcome"),
        ("en", "Thnak you!", "You're welcome"),
        ("en", "okya", "👍"),
        ("hi", "धन्यवाद", "आपका स्वागत है"),
        ("hi", "ठीक है", "👍"),
        ("hi", "हाँ", "👍"),  # a yes with no question waiting, say after the mood question
        ("en", "yes", "👍"),
        ("te", "ధన్యవాదాలు", "సంతోషం"),
        ("te", "సరే", "👍"),
    ],
)
async def test_thanks_and_ok_get_a_friendly_word(tb, language, typed, expected):
    await speaking(tb, language)
    [reply] = await tb.say(PHONE, typed)
    assert expected in reply


async def test_ok_while_a_question_waits_is_not_small_talk(tb):
    await family(tb)
    await tb.say(PHONE, "missed today")  # asks the reason
    [reply] = await tb.say(PHONE, "ok")
    [row] = await sessions(tb)
    assert (row["status"], row["reason"]) == ("missed", "ok")
    assert "welcome" not in reply


@pytest.mark.parametrize(
    ("language", "typed", "question"),
    [
        ("en", "we went today", "Log Asha's session on Wed 11 Feb as attended?"),
        ("hi", "आज हम गए थे", "बुध 11 फ़रवरी को Asha का सत्र हुआ, यह दर्ज करूँ?"),
        ("te", "ఈరోజు మేము వెళ్ళాము", "Asha సెషన్ జరిగినట్లు నమోదు చేయనా?"),
    ],
)
async def test_a_sentence_about_attending_today_is_confirmed_then_logged(
    tb, language, typed, question
):
    await speaking(tb, language)
    [reply] = await tb.say(PHONE, typed)
    assert question in reply
    assert last_buttons(tb) == ["said:yes", "said:no"]
    assert await sessions(tb) == []
    await tb.tap(PHONE, "said:yes")
    [row] = await sessions(tb)
    assert (row["day"], row["status"], row["count"]) == (date(2026, 2, 11), "attended", 1)


@pytest.mark.parametrize(
    ("language", "typed", "answer"),
    [
        ("en", "Aarav had fever today so we didn't go", "yes"),
        ("hi", "आरव को बुखार था इसलिए आज नहीं जा पाए", "हाँ"),
        ("te", "ఆరవ్ కి జ్వరం వచ్చింది అందుకే ఈరోజు వెళ్ళలేదు", "అవును"),
    ],
)
async def test_a_sentence_about_missing_today_keeps_its_reason(tb, language, typed, answer):
    await speaking(tb, language)
    await tb.say(PHONE, typed)
    assert await sessions(tb) == []
    await tb.say(PHONE, answer)
    [row] = await sessions(tb)
    assert (row["day"], row["status"], row["reason"], row["reason_category"]) == (
        date(2026, 2, 11),
        "missed",
        typed,
        "health",
    )


async def test_no_to_a_sentence_logs_nothing(tb):
    await family(tb)
    await tb.say(PHONE, "we went today")
    [reply] = await tb.say(PHONE, "no")
    assert reply.startswith("Okay, nothing logged.")
    assert await sessions(tb) == []


async def test_a_missed_sentence_without_a_reason_asks_for_it_after_yes(tb):
    await family(tb)
    await tb.say(PHONE, "we didn't go today")
    [reply] = await tb.tap(PHONE, "said:yes")
    assert reply.startswith("Why was Asha's session on Wed 11 Feb missed?")


async def test_a_sentence_with_going_and_not_going_is_read_as_missed(tb):
    await family(tb)
    [reply] = await tb.say(PHONE, "He went to school today so no session")
    assert reply.startswith("Log Asha's session on Wed 11 Feb as missed?")
