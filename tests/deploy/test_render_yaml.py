"""render.yaml, checked offline: Render publishes no blueprint schema on PyPI or npm, so this
checks the structure Render documents and that the blueprint agrees with VARIABLES."""

import base64
import os
import shlex
from pathlib import Path

import yaml

from bot.background import STOP_DEADLINE_SECONDS
from bot.cli import GRACEFUL_TIMEOUT_SECONDS, _parser
from bot.config import VARIABLE, VARIABLES, from_env
from sql.cipher import Cipher

BLUEPRINT = yaml.safe_load((Path(__file__).parents[2] / "render.yaml").read_text())
SERVICES = {service["type"]: service for service in BLUEPRINT["services"]}
WEB, WORKER, CRON = SERVICES["web"], SERVICES["worker"], SERVICES["cron"]
GROUP = BLUEPRINT["envVarGroups"][0]
# Keys Render itself reads, or that only wire services together
RENDER_ONLY = {"PYTHON_VERSION", "WEB_HOSTPORT"}
REGIONS = {"oregon", "ohio", "virginia", "frankfurt", "singapore"}
PLANS = {"starter", "standard", "pro", "pro plus", "pro max", "pro ultra"}
ONE_SOURCE = {"value", "generateValue", "sync", "fromService", "fromDatabase"}


def entries(service):
    """Each variable a service gets, by name, its own and its groups' alike."""
    found = {}
    for entry in service["envVars"]:
        if "fromGroup" in entry:
            assert entry["fromGroup"] == GROUP["name"]
            found |= {e["key"]: e for e in GROUP["envVars"]}
        else:
            found[entry["key"]] = entry
    return found


def test_three_services_in_one_region_on_paid_plans():
    assert sorted(SERVICES) == ["cron", "web", "worker"]
    for service in BLUEPRINT["services"]:
        assert service["runtime"] == "python"
        assert service["region"] in REGIONS and service["plan"] in PLANS
        assert service["name"].replace("-", "").isalnum()
    assert len({s["region"] for s in BLUEPRINT["services"]}) == 1  # one private network


def test_every_entry_has_exactly_one_source():
    for service in BLUEPRINT["services"]:
        for entry in service["envVars"]:
            if "fromGroup" not in entry:
                assert set(entry) - {"key"} <= ONE_SOURCE and len(entry) == 2, entry
    for entry in GROUP["envVars"]:  # a group holds values only: no sync:false, no references
        assert set(entry) in ({"key", "value"}, {"key", "generateValue"}), entry


def test_web_migrates_first_and_is_ready_only_when_the_database_is():
    assert WEB["preDeployCommand"] == WORKER["preDeployCommand"] == "python -m bot migrate"
    assert WEB["healthCheckPath"] == "/health/ready"
    assert "--host 0.0.0.0" in WEB["startCommand"] and "$PORT" in WEB["startCommand"]
    assert WEB["autoDeployTrigger"] in {"commit", "checksPass", "off"}
    assert "autoDeploy" not in WEB  # deprecated in favour of autoDeployTrigger


def test_a_deploy_finishes_its_work_before_render_kills_it():
    assert 1 <= WEB["maxShutdownDelaySeconds"] <= 300
    assert WEB["maxShutdownDelaySeconds"] > GRACEFUL_TIMEOUT_SECONDS + STOP_DEADLINE_SECONDS
    assert STOP_DEADLINE_SECONDS < WORKER["maxShutdownDelaySeconds"] <= 300


def test_start_commands_are_commands_of_ours():
    for service in (WEB, WORKER):
        words = shlex.split(service["startCommand"].replace("$PORT", "8000"))
        assert words[:3] == ["python", "-m", "bot"]
        _parser().parse_args(words[3:])
    assert shlex.split(WORKER["startCommand"])[3] == "work"


def test_web_listens_on_a_port_the_private_network_carries():
    port = entries(WEB)["PORT"]["value"]
    assert port.isdigit() and int(port) not in {10000, 18012, 18013, 19099}


def test_the_cron_posts_the_tick_over_the_private_network_with_the_shared_secret():
    command = CRON["startCommand"]
    assert command.startswith("curl -fsS ") and "-X POST" in command
    assert '-H "Authorization: Bearer $CRON_SECRET"' in command
    assert '"http://$WEB_HOSTPORT/internal/jobs/tick"' in command
    wiring = entries(CRON)["WEB_HOSTPORT"]["fromService"]
    assert wiring == {"name": WEB["name"], "type": "web", "property": "hostport"}
    assert len(CRON["schedule"].split()) == 5
    secret = {e["key"]: e for e in GROUP["envVars"]}["CRON_SECRET"]
    assert secret == {"key": "CRON_SECRET", "generateValue": True}
    for service in (WEB, WORKER, CRON):
        assert entries(service)["CRON_SECRET"] is secret


def test_every_variable_production_needs_is_listed_for_web_and_worker():
    needed = {v.name for v in VARIABLES if v.required_in_production}
    for service in (WEB, WORKER):
        assert needed <= set(entries(service)), needed - set(entries(service))


def test_web_lists_exactly_the_variables_production_may_use():
    usable = {v.name for v in VARIABLES if v.need != "local"}
    assert set(entries(WEB)) - RENDER_ONLY == usable


def test_worker_lists_what_web_lists_but_its_port():
    web = {k: v for k, v in entries(WEB).items() if k != "PORT"}
    assert entries(WORKER) == web


def test_secrets_are_never_in_the_file():
    for service in (WEB, WORKER):
        for name, entry in entries(service).items():
            if name in VARIABLE and VARIABLE[name].secret:
                assert entry.get("sync") is False or entry.get("generateValue") is True, name


def test_production_starts_from_the_listed_values_and_the_required_secrets():
    """What an operator must type at Blueprint creation is what production refuses without."""
    typed = {
        "DATABASE_URL": "postgresql://postgres.ref:pw@aws-0-ap-south-1.pooler.supabase.com:5432/postgres",
        "PUBLIC_BASE_URL": "https://therapy-tracker.onrender.com",
        "DATA_ENCRYPTION_KEYS": Cipher.new_key(),
        "LINK_SIGNING_KEYS": "a-link-signing-key-long-enough",
        "WHATSAPP_TOKEN": "EAAGtokenfromthesystemuser",
        "WHATSAPP_APP_SECRET": "0f3c9a7be21d4c5e8a6b0d2f4e6a8c1b",
        "WHATSAPP_VERIFY_TOKEN": "a-verify-token-of-ours",
        "WHATSAPP_PHONE_NUMBER_ID": "123",
        "CRON_SECRET": base64.b64encode(os.urandom(32)).decode(),  # as generateValue makes
    }
    listed = {k: e["value"] for k, e in entries(WEB).items() if "value" in e}
    assert all(isinstance(value, str) for value in listed.values())  # Render wants strings
    assert set(typed) == {v.name for v in VARIABLES if v.required_in_production} - set(listed)
    settings = from_env(listed | typed)
    assert settings.is_production and not settings.auto_migrate
