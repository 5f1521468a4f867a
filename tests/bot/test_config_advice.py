"""The original bot's variable names and Supabase URLs of the wrong kind get one line each
saying what to set instead."""

import re

import pytest

from bot.config import VARIABLES, ConfigError, from_env
from bot.config_advice import LEGACY_VARIABLES, warnings
from tests.bot.test_config import PRODUCTION
from tests.support.cli import run_bot

POOLER = "postgresql://postgres.abcd:pw@aws-0-ap-south-1.pooler.supabase.com"


def test_supabase_url_says_to_set_the_session_pooler_database_url():
    [line] = warnings({"SUPABASE_URL": "https://abcd.supabase.co"})
    assert line.startswith("SUPABASE_URL is the original bot's variable and is ignored here")
    assert "DATABASE_URL" in line and "session pooler" in line and "5432" in line


@pytest.mark.parametrize("name", sorted(LEGACY_VARIABLES))
def test_every_original_name_gets_its_own_line(name):
    [line] = warnings({name: "x"})
    assert line.startswith(f"{name} is the original bot's variable")
    ours = [v.name for v in VARIABLES if re.search(rf"\b{v.name}\b", line)]
    assert ours or line.endswith("nothing to set"), line


def test_our_own_names_get_no_warning():
    assert warnings(PRODUCTION | {"DATABASE_URL": f"{POOLER}:5432/postgres"}) == []


def test_the_supabase_rest_address_is_refused_as_a_database_url():
    with pytest.raises(ConfigError) as error:
        from_env(PRODUCTION | {"DATABASE_URL": "https://abcd.supabase.co"})
    [line] = [p for p in error.value.problems if p.startswith("DATABASE_URL")]
    assert "postgresql://" in line and "SUPABASE_URL" in line and "session pooler" in line


def test_the_transaction_pooler_is_refused_and_the_session_pooler_taken():
    with pytest.raises(ConfigError, match=r"transaction pooler \(port 6543\); use the session"):
        from_env(PRODUCTION | {"DATABASE_URL": f"{POOLER}:6543/postgres"})
    settings = from_env(PRODUCTION | {"DATABASE_URL": f"{POOLER}:5432/postgres"})
    assert settings.database_url == f"{POOLER}:5432/postgres"


def test_the_direct_connection_is_warned_about_but_allowed():
    direct = "postgresql://postgres:pw@db.abcd.supabase.co:5432/postgres"
    [line] = warnings({"DATABASE_URL": direct})
    assert "IPv6" in line and "session pooler" in line
    assert from_env(PRODUCTION | {"DATABASE_URL": direct}).database_url == direct


def test_the_cli_prints_the_line_before_refusing(tmp_path):
    env = {
        "APP_ENV": "production",
        "DATA_DIR": str(tmp_path),
        "SUPABASE_URL": "https://abcd.supabase.co",
        "SUPABASE_SERVICE_ROLE": "eyJhbGciOi-not-a-real-key",
    }
    result = run_bot("migrate", env=env)
    assert result.returncode == 2
    assert "config warning: SUPABASE_URL is the original bot's variable" in result.stderr
    assert "config warning: SUPABASE_SERVICE_ROLE is the original bot's" in result.stderr
    assert "config error: DATABASE_URL is required in production" in result.stderr
    assert "eyJhbGciOi" not in result.stderr  # a value is never echoed
