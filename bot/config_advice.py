"""Lines for an operator whose environment will not do what they expect: the original Node.js
bot's variable names (ignored here), and a database URL of the wrong kind for Supabase."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

SUPABASE_POOLER_HOST = ".pooler.supabase.com"
SUPABASE_DIRECT_HOST = ".supabase.co"
TRANSACTION_POOLER_PORT = 6543

_NOTHING = "nothing to set"
_API_LINKS = (
    "payment links are made per family through the API: set RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET"
)
_NO_API_KEY = "no Supabase API key is used: put the database password in DATABASE_URL"
_ONE_DATABASE = f"one database serves every number the bot is written to; {_NOTHING}"
_NOT_LIMITED = f"webhooks are signed and queued, not rate limited; {_NOTHING}"

# The original bot's variables (see docs/deploy.md): what to set here instead, or why nothing.
LEGACY_VARIABLES: Mapping[str, str] = {
    "SUPABASE_URL": "this bot connects to Postgres itself, not to Supabase's REST API: set "
    "DATABASE_URL to the session pooler URI (Supabase: Connect, Session pooler, port 5432)",
    "SUPABASE_SERVICE_ROLE": _NO_API_KEY,
    "SUPABASE_KEY": _NO_API_KEY,
    "PHONE_NUMBER_ID": "set WHATSAPP_PHONE_NUMBER_ID",
    "VERIFY_TOKEN": "set WHATSAPP_VERIFY_TOKEN (at least 16 characters in production)",
    "SKIP_WEBHOOK_SIGNATURE": "set WHATSAPP_APP_SECRET; production always checks signatures "
    "(WHATSAPP_SKIP_SIGNATURE_CHECK is for development only)",
    "NODE_ENV": "set APP_ENV=production",
    "REMINDER_TOKEN": "set CRON_SECRET, the bearer of POST /internal/jobs/NAME",
    "REMINDER_CRON": "the reminder sweep runs every 5 minutes and each member picks their "
    f"hour; {_NOTHING}",
    "RUN_ONCE": f"run `python -m bot jobs run reminders` instead; {_NOTHING}",
    "INTERNAL_REPORT_TOKEN": "the monthly report is a scheduled job: set CRON_SECRET",
    "TRACKER_SHARE_SECRET": "set LINK_SIGNING_KEYS, which signs caregiver page links",
    "TRACKER_LINK_TTL_SEC": f"caregiver page links are signed with LINK_SIGNING_KEYS; {_NOTHING}",
    "ALLOW_INSECURE_TRACKER": "caregiver page links are always signed: set LINK_SIGNING_KEYS",
    "RAZORPAY_PAYMENT_LINK": _API_LINKS,
    "RAZORPAY_PAYMENT_LINK_199": _API_LINKS,
    "RAZORPAY_PAYMENT_LINK_499": _API_LINKS,
    "PRO_PLAN_DAYS": f"each plan's days are fixed in payments/plans.py; {_NOTHING}",
    "USE_SARVAM": "set SARVAM_API_KEY (Groq is tried first when GROQ_API_KEY is set too)",
    "MAX_JSON_BODY_KB": "set MAX_BODY_KB",
    "REQUEST_LOGGING": "set LOG_LEVEL",
    "WEBHOOK_RATE_LIMIT_PER_MIN": _NOT_LIMITED,
    "RAZORPAY_RATE_LIMIT_PER_MIN": _NOT_LIMITED,
    "TRACKER_WRITE_RATE_LIMIT_PER_MIN": f"no per-address limits to tune; {_NOTHING}",
    "TENANT_ID": _ONE_DATABASE,
    "ENABLE_TENANT_SCOPING": _ONE_DATABASE,
    "DEFAULT_TIMEZONE": f"each family picks its time zone (India by default); {_NOTHING}",
    "REMINDER_TIME_HOUR": f"each member picks their reminder hour; {_NOTHING}",
    "TIMEZONE": f"unused by the original bot too; {_NOTHING}",
}


def warnings(env: Mapping[str, str]) -> list[str]:
    """One line per variable of the original bot that is set, and per database URL that
    works but not from Render; the app still starts."""
    lines = [
        f"{name} is the original bot's variable and is ignored here: {instead}"
        for name, instead in LEGACY_VARIABLES.items()
        if env.get(name)
    ]
    host = urlsplit(env.get("DATABASE_URL") or "").hostname or ""
    if host.startswith("db.") and host.endswith(SUPABASE_DIRECT_HOST):
        lines.append(
            "DATABASE_URL is Supabase's direct connection, which is IPv6 only and unreachable "
            "from Render: use the session pooler URI (port 5432) unless you bought IPv4"
        )
    return lines


def database_url_problems(url: str | None) -> list[str]:
    """A DATABASE_URL that cannot work: not a Postgres URL, or Supabase's transaction pooler
    (migrations hold a session lock and the app's statements are prepared)."""
    if not url:
        return []
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        web = parts.scheme in {"http", "https"}
        hint = " (that is a web address, like the original bot's SUPABASE_URL)" if web else ""
        return [
            f"DATABASE_URL must be a postgresql:// URL{hint}; on Supabase use the session "
            "pooler URI (port 5432)"
        ]
    try:
        port = parts.port
    except ValueError:
        return ["DATABASE_URL has a port that is not a number"]
    if (parts.hostname or "").endswith(SUPABASE_POOLER_HOST) and port == TRANSACTION_POOLER_PORT:
        return [
            "DATABASE_URL is Supabase's transaction pooler (port 6543); use the session pooler "
            "(same host, port 5432): migrations hold a session lock and statements are prepared"
        ]
    return []
