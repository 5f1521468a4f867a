"""Settings from environment variables, checked once at start with one message per problem.

`VARIABLES` below is the one list of what the environment may set: from_env reads through it,
the README's table is generated from it, and render.yaml is checked against it."""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from bot.config_advice import database_url_problems
from sql.cipher import Cipher

ENVIRONMENTS = ("development", "production", "test")
LOCAL_SECRETS_FILE = "local-secrets.json"
LANGUAGES = ("en", "hi", "te")
MIN_SECRET_CHARS = 16  # Meta's app secrets have 32; a verify token is ours to make long
DEFAULT_MAX_BODY_KB = 4096  # Meta batches up to 3 MB per POST

# always: every environment (development generates it); production: refused without it there;
# optional: set it to use a feature; local: development and tests only, unset in production.
Need = Literal["always", "production", "optional", "local"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Variable:
    """One environment variable: what it does, its default, and what production needs."""

    name: str
    description: str
    need: Need
    default: str = ""  # the value used when unset
    shown: str = ""  # how the README shows the default when it is not a plain value
    secret: bool = False  # never in the repository or the logs; `sync: false` on Render
    setting: str | None = None  # the Settings field it fills, if any

    @property
    def required_in_production(self) -> bool:
        return self.need in {"always", "production"}


VARIABLES: tuple[Variable, ...] = (
    Variable(
        name="APP_ENV",
        need="production",
        default="development",
        setting="app_env",
        description="`development`, `production` or `test`",
    ),
    Variable(
        name="DATABASE_URL",
        need="production",
        shown="embedded Postgres",
        secret=True,
        setting="database_url",
        description="Postgres URL; on Supabase the session pooler URI (port 5432), for the app "
        "and `migrate` alike (not the transaction pooler, 6543)",
    ),
    Variable(
        name="DATA_DIR",
        need="local",
        default=".data",
        setting="data_dir",
        description="embedded database and, in development only, generated local secrets",
    ),
    Variable(
        name="PORT",
        need="optional",
        default="8000",
        setting="port",
        description="HTTP port of `serve` (`--port` overrides it); `render.yaml` sets 8000, "
        "since Render's default, 10000, takes no private-network traffic (the cron's)",
    ),
    Variable(
        name="WHATSAPP_APP_SECRET",
        need="always",
        shown="generated in development",
        secret=True,
        setting="whatsapp_app_secret",
        description="Meta app secret, the webhook signature key; in production at least 16 "
        "characters, no spaces",
    ),
    Variable(
        name="WHATSAPP_VERIFY_TOKEN",
        need="always",
        shown="generated in development",
        secret=True,
        setting="whatsapp_verify_token",
        description="Meta's verification handshake; in production at least 16 characters, "
        "no spaces",
    ),
    Variable(
        name="WHATSAPP_TOKEN",
        need="production",
        shown="empty: replies are printed",
        secret=True,
        setting="whatsapp_token",
        description="system-user access token for the Graph API",
    ),
    Variable(
        name="WHATSAPP_PHONE_NUMBER_ID",
        need="production",
        setting="whatsapp_phone_number_id",
        description="default sender; replies leave from the number that was written to",
    ),
    Variable(
        name="WHATSAPP_API_BASE",
        need="local",
        default="https://graph.facebook.com",
        setting="whatsapp_api_base",
        description="Graph API host (a stub in tests)",
    ),
    Variable(
        name="WHATSAPP_API_VERSION",
        need="optional",
        default="v25.0",
        setting="whatsapp_api_version",
        description="Graph API version",
    ),
    Variable(
        name="WHATSAPP_PUBLIC_NUMBER",
        need="optional",
        setting="whatsapp_public_number",
        description="the bot's number, for wa.me invite links",
    ),
    Variable(
        name="WHATSAPP_SKIP_SIGNATURE_CHECK",
        need="local",
        shown="off",
        setting="skip_signature_check",
        description="development only; production refuses to start with it",
    ),
    Variable(
        name="DATA_ENCRYPTION_KEYS",
        need="always",
        shown="generated in development",
        secret=True,
        setting="data_encryption_keys",
        description="comma-separated Fernet keys; the first encrypts, all decrypt",
    ),
    Variable(
        name="AUTO_MIGRATE",
        need="local",
        shown="on outside production",
        setting="auto_migrate",
        description="in production only `migrate` changes the schema unless set to `1`",
    ),
    Variable(
        name="PUBLIC_BASE_URL",
        need="production",
        shown="`http://localhost:PORT`",
        setting="public_base_url",
        description="the public https address of the web service, for links such as the "
        "privacy page and the caregiver pages",
    ),
    Variable(
        name="LINK_SIGNING_KEYS",
        need="production",
        shown="generated in development",
        secret=True,
        setting="link_signing_keys",
        description="comma-separated keys for caregiver page links, each at least 16 "
        "characters in production; the first signs, all verify (add the new key first to rotate)",
    ),
    Variable(
        name="METRICS_TOKEN",
        need="optional",
        secret=True,
        setting="metrics_token",
        description="bearer for `GET /metrics`, at least 16 characters in production; unset, "
        "`/metrics` answers 404",
    ),
    Variable(
        name="CRON_SECRET",
        need="production",
        shown="generated in development",
        secret=True,
        setting="cron_secret",
        description="bearer for `POST /internal/jobs/NAME`; at least 16 characters",
    ),
    Variable(
        name="MAX_BODY_KB",
        need="optional",
        default=str(DEFAULT_MAX_BODY_KB),
        setting="max_body_bytes",
        description="webhook body limit",
    ),
    Variable(
        name="SEND_LEASE_SECONDS",
        need="optional",
        default="30",
        setting="send_lease_seconds",
        description="how long a reply being sent is held; one call to Meta is cut off at two "
        "thirds of it, and a crashed process's replies wait this long",
    ),
    Variable(
        name="INVITE_TEMPLATE_NAME",
        need="optional",
        setting="invite_template_name",
        description="approved template for invites outside the 24-hour window (two "
        "parameters: the child's name, the inviter)",
    ),
    Variable(
        name="INVITE_TEMPLATE_LANG",
        need="optional",
        default="en",
        setting="invite_template_lang",
        description="the language code the invite template was approved in",
    ),
    Variable(
        name="REMINDER_TEMPLATES",
        need="optional",
        setting="reminder_templates",
        description="approved reminder templates per language, `en=NAME,hi=NAME,te=NAME` (one "
        "parameter: the child's name); without one, a member outside the 24-hour window gets "
        "no reminder",
    ),
    Variable(
        name="REPORT_TEMPLATES",
        need="optional",
        setting="report_templates",
        description="approved templates with a document header for the monthly report outside "
        "the 24-hour window, `en=NAME,hi=NAME,te=NAME` (body parameters: the child's name, the "
        "month); without one, the report waits for the member to write, until the 3rd",
    ),
    Variable(
        name="PRO_TEMPLATES",
        need="optional",
        setting="pro_templates",
        description='approved templates per language for "Pro is on" after a payment, to a '
        "member outside the 24-hour window, `en=NAME,hi=NAME,te=NAME` (body parameters: the "
        "child's name, the plan, the last day); without one, that member is not told",
    ),
    Variable(
        name="GROQ_API_KEY",
        need="optional",
        secret=True,
        setting="groq_api_key",
        description="speech-to-text for voice notes (tried first); without a key voice notes "
        "are kept and the user is asked to type",
    ),
    Variable(
        name="GROQ_API_BASE",
        need="local",
        default="https://api.groq.com/openai/v1",
        setting="groq_api_base",
        description="Groq API address (a stub in tests)",
    ),
    Variable(
        name="SARVAM_API_KEY",
        need="optional",
        secret=True,
        setting="sarvam_api_key",
        description="speech-to-text for voice notes (after Groq, or alone)",
    ),
    Variable(
        name="SARVAM_API_BASE",
        need="local",
        default="https://api.sarvam.ai",
        setting="sarvam_api_base",
        description="Sarvam API address (a stub in tests)",
    ),
    Variable(
        name="VOICE_RETENTION_DAYS",
        need="optional",
        default="7",
        setting="voice_retention_days",
        description="days a voice note's audio is kept",
    ),
    Variable(
        name="RAZORPAY_KEY_ID",
        need="optional",
        setting="razorpay_key_id",
        description="API key id; without it `go pro` says payments are not set up yet. "
        "`rzp_live_` keys only with `APP_ENV=production`, `DATABASE_URL` and a webhook secret; "
        "`rzp_test_` keys never in production",
    ),
    Variable(
        name="RAZORPAY_KEY_SECRET",
        need="optional",
        secret=True,
        setting="razorpay_key_secret",
        description="API key secret; set together with the key id",
    ),
    Variable(
        name="RAZORPAY_WEBHOOK_SECRET",
        need="optional",
        secret=True,
        setting="razorpay_webhook_secrets",
        description="checks `POST /webhooks/razorpay`; comma-separated during a rotation "
        "(new, old)",
    ),
    Variable(
        name="RAZORPAY_API_BASE",
        need="local",
        default="https://api.razorpay.com",
        setting="razorpay_api_base",
        description="where payment links are made (a stub in tests)",
    ),
    Variable(
        name="LOG_LEVEL",
        need="optional",
        default="INFO",
        setting="log_level",
        description="logs are JSON lines on stderr (the chat writes them to "
        "`DATA_DIR/chat.log`), phone numbers masked",
    ),
)
VARIABLE = {variable.name: variable for variable in VARIABLES}
_PRODUCTION_CELL = {
    "always": "required",
    "production": "required",
    "optional": "optional",
    "local": "leave unset",
}


def markdown_table() -> str:
    """The README's table of variables, generated from VARIABLES."""
    lines = [
        "| variable | default | production | secret | notes |",
        "|---|---|---|---|---|",
    ]
    for v in VARIABLES:
        default = v.shown or (f"`{v.default}`" if v.default else "")
        secret = "secret" if v.secret else ""
        lines.append(
            f"| `{v.name}` | {default} | {_PRODUCTION_CELL[v.need]} | {secret} | {v.description} |"
        )
    return "\n".join(lines) + "\n"


# Settings fields that are tuning constants, not read from the environment.
CONSTANT_SETTINGS = frozenset(
    {
        "worker_max_attempts",
        "worker_retry_base_seconds",
        "sweep_interval_seconds",
        "notice_batch_seconds",
    }
)


class ConfigError(Exception):
    """The configuration cannot be used; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    app_env: str = "development"
    database_url: str | None = None
    data_dir: Path = Path(".data")
    whatsapp_app_secret: str = field(default="", repr=False)
    whatsapp_verify_token: str = field(default="", repr=False)
    whatsapp_token: str = field(default="", repr=False)
    whatsapp_phone_number_id: str = ""
    whatsapp_api_base: str = "https://graph.facebook.com"
    whatsapp_api_version: str = "v25.0"
    whatsapp_public_number: str = ""
    skip_signature_check: bool = False
    data_encryption_keys: tuple[str, ...] = field(default=(), repr=False)
    auto_migrate: bool = True
    public_base_url: str = ""  # unset in development: links use http://localhost:PORT
    port: int = 8000  # the one `serve` listens on (`--port` overrides PORT)
    razorpay_key_id: str = ""
    razorpay_key_secret: str = field(default="", repr=False)
    razorpay_webhook_secrets: tuple[str, ...] = field(default=(), repr=False)  # new, old
    razorpay_api_base: str = "https://api.razorpay.com"
    max_body_bytes: int = DEFAULT_MAX_BODY_KB * 1024
    worker_max_attempts: int = 5
    worker_retry_base_seconds: float = 2.0
    sweep_interval_seconds: float = 5.0
    send_lease_seconds: float = 30.0  # one call to Meta is cut off at two thirds of it
    notice_batch_seconds: float = 120.0
    log_level: str = "INFO"
    groq_api_key: str = field(default="", repr=False)
    groq_api_base: str = "https://api.groq.com/openai/v1"
    sarvam_api_key: str = field(default="", repr=False)
    sarvam_api_base: str = "https://api.sarvam.ai"
    voice_retention_days: int = 7
    invite_template_name: str = ""
    invite_template_lang: str = "en"
    cron_secret: str = field(default="", repr=False)  # bearer for POST /internal/jobs/NAME
    metrics_token: str = field(default="", repr=False)  # bearer for GET /metrics; unset: 404
    reminder_templates: Mapping[str, str] = field(default_factory=dict)  # language → name
    report_templates: Mapping[str, str] = field(default_factory=dict)  # with a document header
    pro_templates: Mapping[str, str] = field(default_factory=dict)  # "Pro is on", by language
    link_signing_keys: tuple[str, ...] = field(default=(), repr=False)  # signs with the first

    @property
    def is_production(self) -> bool:
        return self.app_env == "production"

    @property
    def embedded_database(self) -> bool:
        return not self.database_url

    @property
    def console_replies(self) -> bool:
        """With no WhatsApp token, replies are printed and recorded instead of sent."""
        return not self.whatsapp_token

    @property
    def payments_ready(self) -> bool:
        """Pro can be bought: both API keys are set (the webhook secret checks what comes back)."""
        return bool(self.razorpay_key_id and self.razorpay_key_secret)

    def cipher(self) -> Cipher:
        return Cipher(list(self.data_encryption_keys))


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _fernet_key_ok(key: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(key.encode())) == 32
    except (binascii.Error, ValueError):
        return False


def _positive_int(env: Mapping[str, str], name: str, problems: list[str]) -> int:
    raw = _get(env, name)
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    problems.append(f"{name} must be a positive whole number (got {raw!r})")
    return int(VARIABLE[name].default)


def load_local_secrets(data_dir: Path) -> dict[str, str]:
    """Development only: secrets generated once and kept under DATA_DIR, never committed."""
    path = data_dir / LOCAL_SECRETS_FILE
    stored: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    if "CRON_SECRET" in stored and "LINK_SIGNING_KEYS" in stored:
        return stored
    secrets = stored or {
        "WHATSAPP_APP_SECRET": base64.urlsafe_b64encode(os.urandom(24)).decode(),
        "WHATSAPP_VERIFY_TOKEN": base64.urlsafe_b64encode(os.urandom(12)).decode(),
        "DATA_ENCRYPTION_KEYS": Cipher.new_key(),
    }
    # each also added to a file from before the feature that needs it
    secrets.setdefault("CRON_SECRET", _new_secret())
    secrets.setdefault("LINK_SIGNING_KEYS", _new_secret())
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(secrets, indent=2))
    path.chmod(0o600)
    return secrets


def _new_secret() -> str:
    return base64.urlsafe_b64encode(os.urandom(24)).decode()


def _templates(env: Mapping[str, str], variable: str, problems: list[str]) -> dict[str, str]:
    """`variable` as "en=name,hi=name,te=name": one approved template per language."""
    templates = {}
    for part in filter(None, (p.strip() for p in env.get(variable, "").split(","))):
        language, _, name = (x.strip() for x in part.partition("="))
        if language not in LANGUAGES or not name:
            problems.append(f"{variable} entry {part!r} must be LANGUAGE=NAME (en, hi, te)")
        else:
            templates[language] = name
    return templates


def _get(env: Mapping[str, str], name: str) -> str:
    """The variable's value, or its default from VARIABLES when unset or empty."""
    return env.get(name) or VARIABLE[name].default


def _list(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in _get(env, name).split(",") if part.strip())


def _base_url(env: Mapping[str, str], name: str) -> str:
    return _get(env, name).rstrip("/")


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from the environment or raise ConfigError listing every problem."""
    env = dict(os.environ if env is None else env)
    problems: list[str] = []
    app_env = _get(env, "APP_ENV").strip().lower() or "development"
    if app_env not in ENVIRONMENTS:
        problems.append(f"APP_ENV must be one of {', '.join(ENVIRONMENTS)} (got {app_env!r})")
    data_dir = Path(_get(env, "DATA_DIR"))
    if app_env == "development":
        env = {**load_local_secrets(data_dir), **{k: v for k, v in env.items() if v}}
    keys = _list(env, "DATA_ENCRYPTION_KEYS")
    problems += [
        f"DATA_ENCRYPTION_KEYS entry {i + 1} is not a valid Fernet key (44 url-safe base64 chars)"
        for i, key in enumerate(keys)
        if not _fernet_key_ok(key)
    ]
    api_base = _base_url(env, "WHATSAPP_API_BASE")
    if urlparse(api_base).scheme not in {"http", "https"} or not urlparse(api_base).netloc:
        problems.append(f"WHATSAPP_API_BASE must be an http(s) URL (got {api_base!r})")
    database_url = _get(env, "DATABASE_URL") or None
    problems += database_url_problems(database_url)
    settings = Settings(
        app_env=app_env,
        database_url=database_url,
        data_dir=data_dir,
        whatsapp_app_secret=_get(env, "WHATSAPP_APP_SECRET"),
        whatsapp_verify_token=_get(env, "WHATSAPP_VERIFY_TOKEN"),
        whatsapp_token=_get(env, "WHATSAPP_TOKEN"),
        whatsapp_phone_number_id=_get(env, "WHATSAPP_PHONE_NUMBER_ID"),
        whatsapp_api_base=api_base,
        whatsapp_api_version=_get(env, "WHATSAPP_API_VERSION"),
        whatsapp_public_number="".join(
            ch for ch in _get(env, "WHATSAPP_PUBLIC_NUMBER") if ch.isdigit()
        ),
        skip_signature_check=_flag(_get(env, "WHATSAPP_SKIP_SIGNATURE_CHECK")),
        data_encryption_keys=keys,
        auto_migrate=app_env != "production" or _flag(_get(env, "AUTO_MIGRATE")),
        public_base_url=_base_url(env, "PUBLIC_BASE_URL"),
        port=_positive_int(env, "PORT", problems),
        razorpay_key_id=_get(env, "RAZORPAY_KEY_ID").strip(),
        razorpay_key_secret=_get(env, "RAZORPAY_KEY_SECRET").strip(),
        razorpay_webhook_secrets=_list(env, "RAZORPAY_WEBHOOK_SECRET"),
        razorpay_api_base=_base_url(env, "RAZORPAY_API_BASE"),
        max_body_bytes=_positive_int(env, "MAX_BODY_KB", problems) * 1024,
        log_level=_get(env, "LOG_LEVEL").upper(),
        groq_api_key=_get(env, "GROQ_API_KEY"),
        groq_api_base=_base_url(env, "GROQ_API_BASE"),
        sarvam_api_key=_get(env, "SARVAM_API_KEY"),
        sarvam_api_base=_base_url(env, "SARVAM_API_BASE"),
        voice_retention_days=_positive_int(env, "VOICE_RETENTION_DAYS", problems),
        send_lease_seconds=_positive_int(env, "SEND_LEASE_SECONDS", problems),
        invite_template_name=_get(env, "INVITE_TEMPLATE_NAME"),
        invite_template_lang=_get(env, "INVITE_TEMPLATE_LANG"),
        cron_secret=_get(env, "CRON_SECRET"),
        reminder_templates=_templates(env, "REMINDER_TEMPLATES", problems),
        report_templates=_templates(env, "REPORT_TEMPLATES", problems),
        pro_templates=_templates(env, "PRO_TEMPLATES", problems),
        link_signing_keys=_list(env, "LINK_SIGNING_KEYS"),
        metrics_token=_get(env, "METRICS_TOKEN"),
    )
    problems += _required_problems(settings, env) + _razorpay_problems(settings)
    if problems:
        raise ConfigError(problems)
    return settings


def _required_problems(settings: Settings, env: Mapping[str, str]) -> list[str]:
    problems = []
    if not settings.whatsapp_app_secret and not settings.skip_signature_check:
        problems.append("WHATSAPP_APP_SECRET is required to check webhook signatures")
    if not settings.whatsapp_verify_token:
        problems.append("WHATSAPP_VERIFY_TOKEN is required for Meta's verification handshake")
    if not settings.data_encryption_keys:
        problems.append("DATA_ENCRYPTION_KEYS is required (comma-separated Fernet keys)")
    if not settings.is_production:
        return problems
    problems += [
        f"{variable.name} is required in production: {variable.description}"
        for variable in VARIABLES
        if variable.need == "production" and not env.get(variable.name)
    ]
    if settings.skip_signature_check:
        problems.append("WHATSAPP_SKIP_SIGNATURE_CHECK cannot be used in production")
    problems += _weak_secrets(settings)
    if settings.public_base_url and not settings.public_base_url.startswith("https://"):
        problems.append("PUBLIC_BASE_URL must start with https:// in production")
    return problems


def _weak_secrets(settings: Settings) -> list[str]:
    """Production secrets that are set but cannot be real: too short, or with spaces in them."""
    secrets = {
        "WHATSAPP_APP_SECRET": (settings.whatsapp_app_secret, MIN_SECRET_CHARS),
        "WHATSAPP_VERIFY_TOKEN": (settings.whatsapp_verify_token, MIN_SECRET_CHARS),
        "WHATSAPP_TOKEN": (settings.whatsapp_token, 1),
        "CRON_SECRET": (settings.cron_secret, MIN_SECRET_CHARS),
        "METRICS_TOKEN": (settings.metrics_token, MIN_SECRET_CHARS),
    }
    secrets |= {
        f"LINK_SIGNING_KEYS entry {i + 1}": (key, MIN_SECRET_CHARS)
        for i, key in enumerate(settings.link_signing_keys)
    }
    problems = []
    for name, (value, least) in secrets.items():
        if value and any(ch.isspace() for ch in value):
            problems.append(f"{name} contains spaces or line breaks; copy it again without them")
        elif value and len(value) < least:
            problems.append(
                f"{name} is {len(value)} characters; production needs a real secret of at "
                f"least {least}"
            )
    return problems


def _razorpay_problems(settings: Settings) -> list[str]:
    """Live keys only where money is safe: production, a durable database, a webhook secret;
    and never test keys in production."""
    key = settings.razorpay_key_id
    if key.startswith("rzp_live_") and not settings.is_production:
        return ["RAZORPAY_KEY_ID is a live key; live keys are accepted only in production"]
    if key.startswith("rzp_live_") and settings.embedded_database:
        return ["RAZORPAY_KEY_ID is a live key; it needs DATABASE_URL, not the embedded one"]
    if key.startswith("rzp_live_") and not settings.razorpay_webhook_secrets:
        return ["RAZORPAY_KEY_ID is a live key; set RAZORPAY_WEBHOOK_SECRET too"]
    if key.startswith("rzp_test_") and settings.is_production:
        return ["RAZORPAY_KEY_ID is a test key; production needs a live key (rzp_live_...)"]
    if bool(key) != bool(settings.razorpay_key_secret):
        return ["RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET are set together or not at all"]
    return []
