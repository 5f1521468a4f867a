"""A work process learns of new rows from the database: with sweeps an hour apart, a message
stored by a web process is still answered, also after the listening connection was cut."""

import subprocess
import sys

from bot.runtime import WEB, WORK
from bot.wakeups import LISTENER_NAME
from tests.conftest import wait_until

PHONE = "919000000733"
HOUR = 3600.0


async def test_a_web_process_wakes_the_work_process_through_the_database(make_bot, db):
    await db.execute(
        "INSERT INTO tt.users (phone, welcomed_at, last_inbound_at) VALUES ($1, now(), now())",
        PHONE,
    )
    web = await make_bot(role=WEB, sweep_interval_seconds=HOUR)
    await make_bot(role=WORK, sweep_interval_seconds=HOUR)
    await wait_until(listening(db))
    assert (await web.say(PHONE, "help"))[0].startswith("Here is what you can type")
    [cut] = await db.fetchval(LISTENERS_SQL, f"{LISTENER_NAME}:%")
    await db.execute("SELECT pg_terminate_backend($1)", cut)
    await wait_until(listening(db, besides=cut), timeout=15)  # made again
    assert (await web.say(PHONE, "help"))[0].startswith("Here is what you can type")


LISTENERS_SQL = """
SELECT array_agg(pid) FROM pg_stat_activity
WHERE application_name LIKE $1 AND datname = current_database()
"""


def listening(db, besides: int | None = None):
    async def check():
        pids = await db.fetchval(LISTENERS_SQL, f"{LISTENER_NAME}:%") or []
        return [pid for pid in pids if pid != besides]

    return check


def test_work_refuses_to_start_a_second_embedded_database(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "work"],
        env={"PATH": "/usr/bin:/bin", "APP_ENV": "development", "DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "no embedded database under" in result.stderr
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr
