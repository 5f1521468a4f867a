from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta

import pytest

from sql.cipher import Cipher
from tests.conftest import TEST_KEY, wait_until
from tests.support import payloads
from tests.support.families import make_family
from tests.support.voice import AUDIO, GROQ, SARVAM, TIMEOUT, VoiceStub, audio_message, voice_bot

PHONE = "919000000001"
CIPHER = Cipher([TEST_KEY])
RECEIVED = "🎤 Got your voice note. One moment while I write it down…"
SPOKEN = "He said three new words today"


@pytest.fixture(name="stub")
def _stub():
    return VoiceStub()


@pytest.fixture(name="start")
async def _start(database_url, db, graph, stub):
    """Start the app with the media and transcription APIs at `stub`; Groq unless overridden."""
    async with AsyncExitStack() as stack:

        async def start(**overrides):
            settings = GROQ | overrides
            return await stack.enter_async_context(
                voice_bot(database_url, db, graph, stub, **settings)
            )

        yield start


async def send_voice(bot, media_id="media-1", **kw):
    before = len(bot.graph.texts_to(PHONE))
    response = await bot.post(payloads.webhook([audio_message(PHONE, media_id, **kw)]))
    assert response.status_code == 200
    await bot.settle()
    return bot.graph.texts_to(PHONE)[before:]


async def voice_row(bot):
    return await bot.db.fetchrow("SELECT * FROM tt.voice_notes ORDER BY id DESC LIMIT 1")


async def reach(bot, status):
    """Wait until the voice note has `status`, then until the queues have settled."""

    async def reached():
        row = await voice_row(bot)
        return row is not None and row["status"] == status

    await wait_until(reached)
    await bot.settle()


async def test_voice_note_with_no_step_is_transcribed_and_saved_as_a_note(start, stub):
    bot = await start()
    user_id, child_id = await make_family(bot.db, PHONE)
    assert (await send_voice(bot))[0] == RECEIVED
    await reach(bot, "transcribed")
    assert bot.graph.texts_to(PHONE)[-1] == (
        f"📝 I wrote down your voice note and saved it for Asha:\n“{SPOKEN}”"
    )
    voice = await voice_row(bot)
    [note] = await bot.db.fetch("SELECT * FROM tt.notes")
    assert (note["child_id"], note["author_id"], note["kind"]) == (child_id, user_id, "free")
    assert note["voice_note_id"] == voice["id"]
    assert CIPHER.decrypt_text(note["body"]) == SPOKEN
    assert (voice["user_id"], voice["child_id"], voice["flow"]) == (user_id, child_id, None)
    assert CIPHER.decrypt_text(voice["transcript"]) == SPOKEN


async def test_the_recording_is_fetched_from_meta_and_kept_encrypted_for_a_week(start, stub):
    bot = await start()
    await make_family(bot.db, PHONE)
    await send_voice(bot, media_id="media-7")
    await reach(bot, "transcribed")
    lookup, download, transcription = stub.requests
    assert (lookup.method, str(lookup.url)) == ("GET", "https://graph.test/v25.0/media-7")
    assert str(download.url) == "https://graph.test/download/media-7"
    assert transcription.headers["Authorization"] == "Bearer test-groq"
    assert str(transcription.url) == "https://groq.test/openai/v1/audio/transcriptions"
    assert b'name="model"\r\n\r\nwhisper-large-v3\r\n' in transcription.content
    assert AUDIO in transcription.content
    voice = await voice_row(bot)
    assert voice["audio_state"] == "held"
    assert AUDIO not in bytes(voice["audio"])
    assert CIPHER.decrypt(voice["audio"]) == AUDIO
    kept_for = voice["audio_keep_until"] - datetime.now(UTC)
    assert timedelta(days=6, hours=23) < kept_for <= timedelta(days=7)


async def test_the_webhook_url_is_used_while_it_is_fresh(start, stub):
    bot = await start()
    await make_family(bot.db, PHONE)
    await send_voice(bot, url="https://lookaside.fbsbx.com/media-1")
    await reach(bot, "transcribed")
    assert [str(r.url) for r in stub.requests[:1]] == ["https://lookaside.fbsbx.com/media-1"]
    assert not [r for r in stub.requests if r.url.path.startswith("/v25.0/")]


@pytest.mark.parametrize("url", ["http://attacker.test/steal", "https://attacker.test/steal"])
async def test_a_payload_url_off_meta_never_gets_the_token(start, stub, url):
    bot = await start()
    await make_family(bot.db, PHONE)
    await send_voice(bot, url=url)
    await reach(bot, "transcribed")
    assert "attacker.test" not in {r.url.host for r in stub.requests}


async def test_the_transcript_answers_the_step_that_was_waiting(start, stub):
    stub.fallback = "Matching colours with blocks"
    bot = await start()
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "therapist note")
    await bot.say(PHONE, "Colours")
    assert (await send_voice(bot))[0] == RECEIVED
    await reach(bot, "transcribed")
    assert bot.graph.texts_to(PHONE)[-1] == "(3/4) How did the child *respond*?"
    assert (await voice_row(bot))["step"] == "activity"
    await bot.say(PHONE, "Happily")
    await bot.say(PHONE, "Sort socks by colour")
    [note] = await bot.db.fetch("SELECT kind, body FROM tt.notes")
    assert note["kind"] == "structured"
    assert CIPHER.decrypt_json(note["body"])["activity"] == "Matching colours with blocks"


async def test_a_timeout_is_retried_and_then_succeeds(start, stub):
    stub.script = [TIMEOUT]
    bot = await start()
    await make_family(bot.db, PHONE)
    await send_voice(bot)
    await reach(bot, "transcribed")
    voice = await voice_row(bot)
    assert voice["attempts"] == 2
    assert voice["asked_at"] is None
    assert len(stub.to("groq.test")) == 2
    texts = bot.graph.texts_to(PHONE)
    assert texts[-1].startswith("📝 I wrote down your voice note")
    assert not [text for text in texts if "Please type" in text]


async def test_a_failing_service_leaves_it_untranscribed_then_a_retry_transcribes_it(start, stub):
    stub.script = [503, 503, 503]
    bot = await start()
    await make_family(bot.db, PHONE)
    await send_voice(bot)
    await reach(bot, "untranscribed")
    assert bot.graph.texts_to(PHONE)[-1] == (
        "😕 I could not turn your voice note into text. I kept the recording and will try "
        "again later.\nPlease type it instead: *note* followed by your words."
    )
    assert (await voice_row(bot))["attempts"] == 3
    assert await bot.db.fetchval("SELECT count(*) FROM tt.notes") == 0
    await reach(bot, "transcribed")
    voice = await voice_row(bot)
    assert voice["attempts"] == 4
    assert voice["asked_at"] is not None
    assert bot.graph.texts_to(PHONE)[-1].startswith("📝 I wrote down your voice note")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.notes") == 1


async def test_with_no_service_the_recording_is_kept_and_the_user_asked_to_type(start, stub):
    bot = await start(groq_api_key="")
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "note")
    assert (await send_voice(bot))[0] == RECEIVED
    await reach(bot, "untranscribed")
    assert bot.graph.texts_to(PHONE)[-1] == (
        "🎤 I kept your voice note, but I cannot turn voice into text yet.\n"
        "Please type your answer instead."
    )
    voice = await voice_row(bot)
    assert (voice["audio_state"], voice["flow"], voice["step"]) == ("held", "note", "text")
    assert CIPHER.decrypt(voice["audio"]) == AUDIO
    assert not stub.to("groq.test")
    assert await bot.say(PHONE, "Typed instead") == ["✅ Note saved for Asha."]


async def test_sarvam_is_used_when_it_is_the_only_service(start, stub):
    bot = await start(groq_api_key="", **SARVAM)
    await make_family(bot.db, PHONE)
    await send_voice(bot)
    await reach(bot, "transcribed")
    [request] = stub.to("sarvam.test")
    assert str(request.url) == "https://sarvam.test/speech-to-text"
    assert request.headers["api-subscription-key"] == "test-sarvam"
    assert b'name="model"\r\n\r\nsaarika:v2.5\r\n' in request.content
    assert bot.graph.texts_to(PHONE)[-1].endswith(f"“{SPOKEN}”")


async def test_media_meta_no_longer_has_is_reported_and_not_retried(start, stub):
    stub.missing_media.add("media-1")
    bot = await start()
    await make_family(bot.db, PHONE)
    await send_voice(bot)
    await reach(bot, "untranscribed")
    voice = await voice_row(bot)
    assert (voice["audio_state"], voice["audio"]) == ("unavailable", None)
    assert bot.graph.texts_to(PHONE)[-1] == (
        "😕 I could not download your voice note from WhatsApp.\n"
        "Please type it instead: *note* followed by your words."
    )
    assert not stub.to("groq.test")


async def test_audio_past_its_retention_is_deleted(start, stub):
    bot = await start()
    await make_family(bot.db, PHONE)
    await send_voice(bot)
    await reach(bot, "transcribed")
    await bot.db.execute("UPDATE tt.voice_notes SET audio_keep_until = now() - interval '1s'")

    async def deleted():
        row = await voice_row(bot)
        return row["audio_state"] == "deleted" and row["audio"] is None

    await wait_until(deleted)
    assert CIPHER.decrypt_text((await voice_row(bot))["transcript"]) == SPOKEN


async def test_the_transcript_is_handled_once_as_its_own_message(start, stub):
    bot = await start()
    await make_family(bot.db, PHONE)
    await send_voice(bot)
    await reach(bot, "transcribed")
    voice = await voice_row(bot)
    rows = await bot.db.fetch("SELECT wamid, kind, status FROM tt.inbound_messages ORDER BY id")
    assert [tuple(r) for r in rows][1:] == [(f"transcript.{voice['id']}", "transcript", "done")]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.notes") == 1
