import json
import os
import subprocess
import sys

import pytest

from bot import cli
from bot.app import links, privacy_url
from bot.config import ConfigError, from_env
from sql.cipher import Cipher

KEY = Cipher.new_key()
PRODUCTION = {
    "APP_ENV": "production",
    "DATABASE_URL": "postgresql://u@db.example/app",
    "WHATSAPP_APP_SECRET": "0f3c9a7be21d4c5e8a6b0d2f4e6a8c1b",
    "WHATSAPP_VERIFY_TOKEN": "a-verify-token-of-ours",
    "WHATSAPP_TOKEN": "EAAGtokenfromthesystemuser",
    "WHATSAPP_PHONE_NUMBER_ID": "123",
    "DATA_ENCRYPTION_KEYS": KEY,
    "CRON_SECRET": "a-cron-secret-long-enough",
    "PUBLIC_BASE_URL": "https://bot.example.org",
    "LINK_SIGNING_KEYS": "a-link-signing-key-long-enough",
}


def test_complete_production_config_loads_and_does_not_migrate_itself():
    settings = from_env(PRODUCTION)
    assert settings.is_production and not settings.auto_migrate
    assert from_env(PRODUCTION | {"AUTO_MIGRATE": "1"}).auto_migrate


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DATABASE_URL", "DATABASE_URL is required in production"),
        ("WHATSAPP_APP_SECRET", "WHATSAPP_APP_SECRET is required"),
        ("WHATSAPP_TOKEN", "WHATSAPP_TOKEN is required"),
        ("DATA_ENCRYPTION_KEYS", "DATA_ENCRYPTION_KEYS is required"),
        ("CRON_SECRET", "CRON_SECRET is required in production"),
        ("PUBLIC_BASE_URL", "PUBLIC_BASE_URL is required in production"),
        ("LINK_SIGNING_KEYS", "LINK_SIGNING_KEYS is required in production"),
    ],
)
def test_production_refuses_missing_pieces(missing, message):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    with pytest.raises(ConfigError) as error:
        from_env(env)
    assert any(message in problem for problem in error.value.problems)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("WHATSAPP_APP_SECRET", "s"),
        ("WHATSAPP_APP_SECRET", "   "),
        ("WHATSAPP_APP_SECRET", "0f3c9a7be21d4c5e8a6b0d2f4e6a8c1b\n"),
        ("WHATSAPP_APP_SECRET", "0f3c9a7b"),
        ("WHATSAPP_VERIFY_TOKEN", "v"),
        ("WHATSAPP_VERIFY_TOKEN", "\t"),
        ("WHATSAPP_VERIFY_TOKEN", "my verify token is long"),
        ("WHATSAPP_TOKEN", "EAAGtoken "),
        ("CRON_SECRET", "0f3c9a7b"),
    ],
)
def test_production_refuses_secrets_that_cannot_be_real(name, value):
    with pytest.raises(ConfigError) as error:
        from_env(PRODUCTION | {name: value})
    assert [p for p in error.value.problems if p.startswith(name)], error.value.problems
    assert "0f3c9a7b" not in " ".join(error.value.problems)  # never echoes a secret


def test_development_keeps_accepting_short_secrets(tmp_path):
    settings = from_env({"DATA_DIR": str(tmp_path), "WHATSAPP_VERIFY_TOKEN": "v"})
    assert settings.whatsapp_verify_token == "v"


def test_production_refuses_disabled_signature_check():
    with pytest.raises(ConfigError, match="WHATSAPP_SKIP_SIGNATURE_CHECK"):
        from_env(PRODUCTION | {"WHATSAPP_SKIP_SIGNATURE_CHECK": "true"})


def test_every_problem_is_reported_at_once():
    with pytest.raises(ConfigError) as error:
        from_env(
            {
                "APP_ENV": "production",
                "DATA_ENCRYPTION_KEYS": "short",
                "WHATSAPP_API_BASE": "ftp://x",
            }
        )
    assert len(error.value.problems) >= 6


def test_development_generates_and_keeps_local_secrets(tmp_path):
    first = from_env({"DATA_DIR": str(tmp_path)})
    second = from_env({"DATA_DIR": str(tmp_path)})
    assert first.whatsapp_app_secret and first.whatsapp_app_secret == second.whatsapp_app_secret
    assert first.embedded_database and first.console_replies and first.auto_migrate
    assert oct((tmp_path / "local-secrets.json").stat().st_mode)[-3:] == "600"
    assert len(first.cron_secret) >= 16 and first.cron_secret == second.cron_secret
    assert first.link_signing_keys and first.link_signing_keys == second.link_signing_keys


def test_a_local_secrets_file_from_before_the_jobs_gains_a_kept_cron_secret(tmp_path):
    older = {"WHATSAPP_APP_SECRET": "a", "WHATSAPP_VERIFY_TOKEN": "v", "DATA_ENCRYPTION_KEYS": KEY}
    (tmp_path / "local-secrets.json").write_text(json.dumps(older))
    first = from_env({"DATA_DIR": str(tmp_path)})
    assert first.whatsapp_app_secret == "a" and first.cron_secret
    assert from_env({"DATA_DIR": str(tmp_path)}).cron_secret == first.cron_secret


def test_a_local_secrets_file_from_before_the_pages_gains_a_kept_link_key(tmp_path):
    older = {"WHATSAPP_APP_SECRET": "a", "WHATSAPP_VERIFY_TOKEN": "v", "DATA_ENCRYPTION_KEYS": KEY}
    (tmp_path / "local-secrets.json").write_text(json.dumps(older | {"CRON_SECRET": "c" * 20}))
    first = from_env({"DATA_DIR": str(tmp_path)})
    assert first.cron_secret == "c" * 20 and len(first.link_signing_keys[0]) >= 16
    assert from_env({"DATA_DIR": str(tmp_path)}).link_signing_keys == first.link_signing_keys


def test_link_signing_keys_rotate_and_must_be_real_in_production():
    rotated = from_env(
        PRODUCTION | {"LINK_SIGNING_KEYS": "new-link-key-0123456, old-link-key-012345"}
    )
    assert rotated.link_signing_keys == ("new-link-key-0123456", "old-link-key-012345")
    with pytest.raises(ConfigError, match="LINK_SIGNING_KEYS entry 2 is 5 characters"):
        from_env(PRODUCTION | {"LINK_SIGNING_KEYS": "new-link-key-0123456,short"})


def test_reminder_templates_are_one_per_language(tmp_path):
    env = {"DATA_DIR": str(tmp_path), "REMINDER_TEMPLATES": "en=tt_reminder, te=tt_reminder_te"}
    assert from_env(env).reminder_templates == {"en": "tt_reminder", "te": "tt_reminder_te"}
    with pytest.raises(ConfigError, match="REMINDER_TEMPLATES"):
        from_env(env | {"REMINDER_TEMPLATES": "fr=x"})


def test_pro_templates_are_one_per_language(tmp_path):
    env = {"DATA_DIR": str(tmp_path), "PRO_TEMPLATES": "en=tt_pro_on,hi=tt_pro_on"}
    assert from_env(env).pro_templates == {"en": "tt_pro_on", "hi": "tt_pro_on"}
    with pytest.raises(ConfigError, match="PRO_TEMPLATES"):
        from_env(env | {"PRO_TEMPLATES": "tt_pro_on"})


def test_cli_refuses_bad_production_config_without_a_traceback(tmp_path):
    env = {"PATH": os.environ["PATH"], "APP_ENV": "production", "DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "config error: DATABASE_URL is required in production" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_stats_json_shape(database_url, db):
    env = {
        "PATH": os.environ["PATH"],
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "WHATSAPP_APP_SECRET": "s",
        "WHATSAPP_VERIFY_TOKEN": "v",
        "DATA_ENCRYPTION_KEYS": KEY,
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "stats", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(result.stdout) == {
        "inbound": {"pending": 0, "done": 0, "dead": 0, "quarantined": 0},
        "outbox": {"pending": 0, "sent": 0, "failed": 0},
        "notices": {"pending": 0, "dead": 0},
        "payments": {"pending": 0, "done": 0, "dead": 0},
        "oldest_waiting_seconds": {"inbound": 0, "outbox": 0, "notices": 0, "payments": 0},
        "given_up": {"outbox": {}, "inbound": {}, "notices": {}},
        "jobs": {},
    }


def test_cli_migrate_twice_reports_nothing_to_do(database_url):
    env = {
        "PATH": os.environ["PATH"],
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "WHATSAPP_APP_SECRET": "s",
        "WHATSAPP_VERIFY_TOKEN": "v",
        "DATA_ENCRYPTION_KEYS": KEY,
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "up to date" in result.stdout


def test_the_reply_lease_defaults_to_30_seconds_and_takes_whole_seconds():
    assert from_env(PRODUCTION).send_lease_seconds == 30
    assert from_env(PRODUCTION | {"SEND_LEASE_SECONDS": "6"}).send_lease_seconds == 6
    with pytest.raises(ConfigError) as error:
        from_env(PRODUCTION | {"SEND_LEASE_SECONDS": "0.5"})
    assert error.value.problems == [
        "SEND_LEASE_SECONDS must be a positive whole number (got '0.5')"
    ]


@pytest.fixture
def served(monkeypatch):
    """The settings `serve` would hand the app, without serving."""
    seen = []

    def serve_http(settings, role, host, port, server):
        seen.append((settings, port))
        return 0

    monkeypatch.setattr(cli, "_serve_http", serve_http)
    return seen


def test_development_links_follow_the_port_served(tmp_path, served):
    args = cli._parser().parse_args(["serve", "--port", "8123"])
    args.run(from_env({"DATA_DIR": str(tmp_path)}), args)
    [(settings, port)] = served
    assert port == 8123
    assert privacy_url(settings) == "http://localhost:8123/privacy"
    calendar_url = links(settings).calendar_url
    assert calendar_url is not None
    assert calendar_url(1, 2, 0, False).startswith("http://localhost:8123/c/")


def test_development_links_follow_the_port_variable_where_no_port_is_given(tmp_path, served):
    settings = from_env({"DATA_DIR": str(tmp_path), "PORT": "8124"})
    assert privacy_url(settings) == "http://localhost:8124/privacy"  # `work` beside `serve`
    args = cli._parser().parse_args(["serve"])
    args.run(settings, args)
    assert served[0][1] == 8124


def test_a_public_base_url_is_kept_whatever_the_port(served):
    args = cli._parser().parse_args(["serve", "--port", "8123"])
    args.run(from_env(PRODUCTION), args)
    assert privacy_url(served[0][0]) == "https://bot.example.org/privacy"
