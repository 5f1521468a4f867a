"""Settings from environment variables, checked once at start with one message per problem."""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from sql.cipher import Cipher

ENVIRONMENTS = ("development", "production", "test")
LOCAL_SECRETS_FILE = "local-secrets.json"
LANGUAGES = ("en", "hi", "te")
MIN_SECRET_CHARS = 16  # Meta's app secrets have 32; a verify token is ours to make long
DEFAULT_MAX_BODY_KB = 4096  # Meta batches up to 3 MB per POST


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
    public_base_url: str = ""
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


def _positive_int(env: Mapping[str, str], name: str, default: int, problems: list[str]) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    problems.append(f"{name} must be a positive whole number (got {raw!r})")
    return default


def load_local_secrets(data_dir: Path) -> dict[str, str]:
    """Development only: secrets generated once and kept under DATA_DIR, never committed."""
    path = data_dir / LOCAL_SECRETS_FILE
    stored: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    if "CRON_SECRET" in stored:
        return stored
    secrets = stored or {
        "WHATSAPP_APP_SECRET": base64.urlsafe_b64encode(os.urandom(24)).decode(),
        "WHATSAPP_VERIFY_TOKEN": base64.urlsafe_b64encode(os.urandom(12)).decode(),
        "DATA_ENCRYPTION_KEYS": Cipher.new_key(),
    }
    secrets["CRON_SECRET"] = _new_cron_secret()  # also added to a file from before the jobs
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(secrets, indent=2))
    path.chmod(0o600)
    return secrets


def _new_cron_secret() -> str:
    return base64.urlsafe_b64encode(os.urandom(24)).decode()


def _templates(raw: str, problems: list[str]) -> dict[str, str]:
    """REMINDER_TEMPLATES as "en=name,hi=name,te=name": one approved template per language."""
    templates = {}
    for part in filter(None, (p.strip() for p in raw.split(","))):
        language, _, name = (x.strip() for x in part.partition("="))
        if language not in LANGUAGES or not name:
            problems.append(f"REMINDER_TEMPLATES entry {part!r} must be LANGUAGE=NAME (en, hi, te)")
        else:
            templates[language] = name
    return templates


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from the environment or raise ConfigError listing every problem."""
    env = dict(os.environ if env is None else env)
    problems: list[str] = []
    app_env = env.get("APP_ENV", "development").strip().lower() or "development"
    if app_env not in ENVIRONMENTS:
        problems.append(f"APP_ENV must be one of {', '.join(ENVIRONMENTS)} (got {app_env!r})")
    data_dir = Path(env.get("DATA_DIR") or ".data")
    if app_env == "development":
        env = {**load_local_secrets(data_dir), **{k: v for k, v in env.items() if v}}
    keys = tuple(k.strip() for k in env.get("DATA_ENCRYPTION_KEYS", "").split(",") if k.strip())
    problems += [
        f"DATA_ENCRYPTION_KEYS entry {i + 1} is not a valid Fernet key (44 url-safe base64 chars)"
        for i, key in enumerate(keys)
        if not _fernet_key_ok(key)
    ]
    api_base = env.get("WHATSAPP_API_BASE") or "https://graph.facebook.com"
    if urlparse(api_base).scheme not in {"http", "https"} or not urlparse(api_base).netloc:
        problems.append(f"WHATSAPP_API_BASE must be an http(s) URL (got {api_base!r})")
    settings = Settings(
        app_env=app_env,
        database_url=env.get("DATABASE_URL") or None,
        data_dir=data_dir,
        whatsapp_app_secret=env.get("WHATSAPP_APP_SECRET", ""),
        whatsapp_verify_token=env.get("WHATSAPP_VERIFY_TOKEN", ""),
        whatsapp_token=env.get("WHATSAPP_TOKEN", ""),
        whatsapp_phone_number_id=env.get("WHATSAPP_PHONE_NUMBER_ID", ""),
        whatsapp_api_base=api_base.rstrip("/"),
        whatsapp_api_version=env.get("WHATSAPP_API_VERSION") or "v25.0",
        whatsapp_public_number="".join(
            ch for ch in env.get("WHATSAPP_PUBLIC_NUMBER", "") if ch.isdigit()
        ),
        skip_signature_check=_flag(env.get("WHATSAPP_SKIP_SIGNATURE_CHECK")),
        data_encryption_keys=keys,
        auto_migrate=app_env != "production" or _flag(env.get("AUTO_MIGRATE")),
        public_base_url=(env.get("PUBLIC_BASE_URL") or "").rstrip("/"),
        razorpay_key_id=env.get("RAZORPAY_KEY_ID", "").strip(),
        razorpay_key_secret=env.get("RAZORPAY_KEY_SECRET", "").strip(),
        razorpay_webhook_secrets=tuple(
            s.strip() for s in env.get("RAZORPAY_WEBHOOK_SECRET", "").split(",") if s.strip()
        ),
        razorpay_api_base=(env.get("RAZORPAY_API_BASE") or "https://api.razorpay.com").rstrip("/"),
        max_body_bytes=_positive_int(env, "MAX_BODY_KB", DEFAULT_MAX_BODY_KB, problems) * 1024,
        log_level=(env.get("LOG_LEVEL") or "INFO").upper(),
        groq_api_key=env.get("GROQ_API_KEY", ""),
        groq_api_base=(env.get("GROQ_API_BASE") or "https://api.groq.com/openai/v1").rstrip("/"),
        sarvam_api_key=env.get("SARVAM_API_KEY", ""),
        sarvam_api_base=(env.get("SARVAM_API_BASE") or "https://api.sarvam.ai").rstrip("/"),
        voice_retention_days=_positive_int(env, "VOICE_RETENTION_DAYS", 7, problems),
        send_lease_seconds=_positive_int(env, "SEND_LEASE_SECONDS", 30, problems),
        invite_template_name=env.get("INVITE_TEMPLATE_NAME", ""),
        invite_template_lang=env.get("INVITE_TEMPLATE_LANG") or "en",
        cron_secret=env.get("CRON_SECRET", ""),
        metrics_token=env.get("METRICS_TOKEN", ""),
        reminder_templates=_templates(env.get("REMINDER_TEMPLATES", ""), problems),
    )
    problems += _required_problems(settings) + _razorpay_problems(settings)
    if problems:
        raise ConfigError(problems)
    return settings


def _required_problems(settings: Settings) -> list[str]:
    problems = []
    if not settings.whatsapp_app_secret and not settings.skip_signature_check:
        problems.append("WHATSAPP_APP_SECRET is required to check webhook signatures")
    if not settings.whatsapp_verify_token:
        problems.append("WHATSAPP_VERIFY_TOKEN is required for Meta's verification handshake")
    if not settings.data_encryption_keys:
        problems.append("DATA_ENCRYPTION_KEYS is required (comma-separated Fernet keys)")
    if not settings.is_production:
        return problems
    if not settings.database_url:
        problems.append(
            "DATABASE_URL is required in production (the embedded database is for development only)"
        )
    if settings.skip_signature_check:
        problems.append("WHATSAPP_SKIP_SIGNATURE_CHECK cannot be used in production")
    problems += _weak_secrets(settings)
    if not settings.whatsapp_token:
        problems.append("WHATSAPP_TOKEN is required in production")
    if not settings.whatsapp_phone_number_id:
        problems.append("WHATSAPP_PHONE_NUMBER_ID is required in production")
    if not settings.cron_secret:
        problems.append("CRON_SECRET is required in production (the bearer of /internal/jobs)")
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
