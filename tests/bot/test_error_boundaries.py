"""Queue loops keep going when one row cannot be handled: the family-notice line is set aside
as dead with its reason while everyone's other notices go out, and a voice note our own code
fails on ends with the person asked once to type it instead of staying claimed."""

from dialog.texts import t
from sql.cipher import Cipher
from tests.conftest import TEST_KEY, wait_until
from tests.support import payloads
from tests.support.voice import GROQ, VoiceStub, voice_bot

CIPHER = Cipher([TEST_KEY])
ANN, BEN = "919000000011", "919000000012"


async def person(db, phone):
    return await db.fetchval(
        "INSERT INTO tt.users (phone, last_inbound_at) VALUES ($1, now()) RETURNING id", phone
    )


async def notice(db, user_id, line):
    await db.execute(
        "INSERT INTO tt.pending_notices (user_id, line) VALUES ($1, $2)", user_id, line
    )


async def dead_notices(db):
    rows = await db.fetch(
        "SELECT user_id, last_error, attempts FROM tt.pending_notices WHERE status = 'dead'"
    )
    return [tuple(row) for row in rows]


async def test_a_line_no_key_decrypts_holds_up_nobody(make_bot):
    bot = await make_bot(notice_batch_seconds=0)
    ann, ben = await person(bot.db, ANN), await person(bot.db, BEN)
    await notice(bot.db, ann, b"not a token")  # the oldest line of all
    await notice(bot.db, ben, CIPHER.encrypt_text("Ben: Asha attended today"))
    await notice(bot.db, ann, CIPHER.encrypt_text("Ann: Asha attended today"))
    await bot.flush_notices()
    assert bot.graph.texts_to(BEN) == ["Ben: Asha attended today"]
    assert bot.graph.texts_to(ANN) == ["Ann: Asha attended today"]
    assert await dead_notices(bot.db) == [(ann, "undecryptable", 1)]


async def test_a_notice_over_metas_limits_is_given_up_at_once(make_bot):
    bot = await make_bot(notice_batch_seconds=0)
    ann, ben = await person(bot.db, ANN), await person(bot.db, BEN)
    await notice(bot.db, ann, CIPHER.encrypt_text(""))  # an empty message: Meta refuses it
    await notice(bot.db, ben, CIPHER.encrypt_text("Ben: Asha missed today"))
    await bot.flush_notices()
    assert bot.graph.texts_to(BEN) == ["Ben: Asha missed today"]
    assert bot.graph.texts_to(ANN) == []
    assert await dead_notices(bot.db) == [(ann, "OutboundLimitError", 1)]


async def test_a_voice_note_our_code_fails_on_ends_with_one_request_to_type_it(
    database_url, db, graph
):
    ann = await person(db, ANN)
    inbound_id = await db.fetchval(
        "INSERT INTO tt.inbound_messages (wamid, user_id, phone_number_id, kind, payload, status)"
        " VALUES ('wamid.VOICE', $1, $2, 'audio', 'not a token', 'done') RETURNING id",
        ann,
        payloads.BUSINESS_NUMBER_ID,
    )
    await db.execute(
        "INSERT INTO tt.voice_notes (user_id, inbound_id, phone_number_id, media_id) "
        "VALUES ($1, $2, $3, 'media-1')",
        ann,
        inbound_id,
        payloads.BUSINESS_NUMBER_ID,
    )
    async with voice_bot(database_url, db, graph, VoiceStub(), **GROQ) as bot:

        async def asked():
            return bool(bot.graph.texts_to(ANN))

        await wait_until(asked)
        await bot.settle()
        voice = await db.fetchrow("SELECT status, last_error, claim_token FROM tt.voice_notes")
    assert tuple(voice) == ("untranscribed", "CipherError", None)
    assert bot.graph.texts_to(ANN) == [f"{t('en', 'voice.failed')}\n{t('en', 'voice.type_note')}"]
