"""`python -m bot rekey`: after a new first key, every stored value is rewritten under it, so
the old key can go; a rerun rewrites nothing, and a value under no key is counted, not lost."""

import json

from bot.rekey import ENCRYPTED, NOT_REKEYED, rekey
from sql.cipher import Cipher
from sql.db import Database
from tests.conftest import TEST_KEY
from tests.support.cli import bot_env, run_bot
from tests.support.families import make_family

PHONE = "919000000001"
NOTE = "Asha said “Mama” twice today"
NOTES = next(column for column in ENCRYPTED if column.name == "notes.body")


async def stored(bot, column):
    rows = await bot.db.fetch(
        f"SELECT {column.column} AS v FROM tt.{column.table} ORDER BY {column.key}"
    )
    return [bytes(r["v"]) for r in rows if r["v"] is not None]


async def test_every_bytea_column_of_ours_is_rekeyed_or_named_as_left(db):
    columns = await db.fetch(
        "SELECT table_name || '.' || column_name AS name FROM information_schema.columns "
        "WHERE table_schema = 'tt' AND data_type = 'bytea'"
    )
    assert {r["name"] for r in columns} == {c.name for c in ENCRYPTED} | NOT_REKEYED


async def test_rekey_moves_everything_to_the_first_key_once(bot, database_url):
    user_id, child_id = await make_family(bot.db, PHONE)
    await bot.say(PHONE, "note")
    await bot.say(PHONE, NOTE)
    await bot.settle()
    foreign = Cipher([Cipher.new_key()]).encrypt_text("written under a key nobody has")
    await bot.db.execute(
        "INSERT INTO tt.notes (child_id, author_id, body) VALUES ($1, $2, $3)",
        child_id,
        user_id,
        foreign,
    )
    new_key = Cipher.new_key()
    rotating, only_new = Cipher([new_key, TEST_KEY]), Cipher([new_key])
    before = {c.name: await stored(bot, c) for c in ENCRYPTED}
    database = await Database.connect(database_url, max_size=1)
    try:
        dry = await rekey(database, rotating, dry_run=True)
        assert {c.name: await stored(bot, c) for c in ENCRYPTED} == before
        done = await rekey(database, rotating)
        again = await rekey(database, rotating)
    finally:
        await database.close()
    stale = {name: len(values) for name, values in before.items()}
    stale["notes.body"] -= 1  # the foreign one
    assert {n: c.stale for n, c in done.items()} == {n: c.stale for n, c in dry.items()} == stale
    assert stale["notes.body"] == 1 and stale["inbound_messages.payload"] >= 2
    assert done["notes.body"].unreadable == again["notes.body"].unreadable == 1
    assert all(c.stale == 0 for c in again.values())
    notes = await stored(bot, NOTES)
    assert only_new.decrypt_text(notes[0]) == NOTE and notes[1] == foreign
    for column in ENCRYPTED:
        for value in await stored(bot, column):
            if value != foreign:
                only_new.decrypt(value)  # the old key is no longer needed


def test_the_cli_prints_counts_and_fails_only_on_unreadable_values(database_url, db):
    keys = f"{Cipher.new_key()},{TEST_KEY}"
    env = bot_env(database_url, DATA_ENCRYPTION_KEYS=keys)
    result = run_bot("rekey", "--dry-run", env=env, check=True)
    assert json.loads(result.stdout)["notes.body"] == {"stale": 0, "unreadable": 0}
