"""GET /privacy: what is kept and why, who processes it (as configured), retention, choices."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlparse

from quart import Blueprint, Response, render_template_string, request

from bot.config import Settings
from bot.runtime import runtime
from dialog.texts import LANGUAGE_NAMES, LANGUAGES, t
from dialog.texts.dates import long_date
from web.page_style import csp_hash

blueprint = Blueprint("privacy_page", __name__)

# Changed by hand whenever the notice changes, never computed from today.
LAST_UPDATED = date(2026, 11, 23)

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
       "Noto Sans Devanagari", "Noto Sans Telugu", sans-serif;
       max-width: 44rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; color: #1f2328; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
nav a { margin-right: 1rem; } li { margin-bottom: .4rem; }
"""
# The page's own stylesheet is the only inline style its policy lets run.
CSP = f"default-src 'none'; style-src {csp_hash(STYLE)}; frame-ancestors 'none'"

PAGE = """<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{{ style|safe }}</style>
</head>
<body>
<nav>{% for code, name in languages %}<a href="?lang={{ code }}" lang="{{ code }}"
>{{ name }}</a>{% endfor %}</nav>
<h1>{{ title }}</h1>
<p><small>{{ updated }}</small></p>
<p>{{ intro }}</p>
{% for heading, items in sections %}
<h2>{{ heading }}</h2>
<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul>
{% endfor %}
</body>
</html>
"""


def transcribing(settings: Settings) -> bool:
    return bool(settings.groq_api_key or settings.sarvam_api_key)


def processor_keys(settings: Settings) -> list[str]:
    """The services that receive data with this configuration, as text keys."""
    keys = ["privacy.proc_meta", _database_key(settings.database_url)]
    if settings.razorpay_key_id:
        keys.append("privacy.proc_razorpay")
    if settings.groq_api_key:
        keys.append("privacy.proc_groq")
    if settings.sarvam_api_key:
        keys.append("privacy.proc_sarvam")
    return keys


def _database_key(database_url: str | None) -> str:
    if not database_url:
        return "privacy.proc_embedded"
    host = urlparse(database_url).hostname or ""
    return "privacy.proc_supabase" if "supabase" in host else "privacy.proc_postgres"


def sections(lang: str, settings: Settings) -> list[tuple[str, list[str]]]:
    """Each heading with its items, in `lang`; voice lines only when transcription is on."""
    voice = transcribing(settings)
    days = settings.voice_retention_days
    stored = ["account", "settings", "family", "tracking", "messages", "audit", "security"]
    retention = ["active", "families", "deleted", "meta"]
    return [
        (
            t(lang, "privacy.h_stored"),
            [t(lang, f"privacy.stored_{key}") for key in stored]
            + ([t(lang, "privacy.stored_voice", count=days)] if voice else []),
        ),
        (t(lang, "privacy.h_processors"), [t(lang, key) for key in processor_keys(settings)]),
        (
            t(lang, "privacy.h_retention"),
            [t(lang, f"privacy.retention_{key}") for key in retention]
            + ([t(lang, "privacy.retention_voice", count=days)] if voice else []),
        ),
        (
            t(lang, "privacy.h_rights"),
            [
                t(lang, f"privacy.rights_{key}")
                for key in ("export", "delete", "stop", "settings", "roles")
            ],
        ),
    ]


def updated_label(lang: str) -> str:
    return t(lang, "privacy.updated", date=long_date(lang, LAST_UPDATED))


@blueprint.get("/privacy")
async def privacy_notice() -> Response:
    """The privacy notice in English, Hindi or Telugu (?lang=hi|te); no scripts, no fonts."""
    lang = request.args.get("lang", "en")
    lang = lang if lang in LANGUAGES else "en"
    settings = runtime().settings
    html = await render_template_string(
        PAGE,
        style=STYLE,
        lang=lang,
        languages=list(LANGUAGE_NAMES.items()),
        title=t(lang, "privacy.page_title"),
        updated=updated_label(lang),
        intro=t(lang, "privacy.intro"),
        sections=sections(lang, settings),
    )
    response = Response(html, content_type="text/html; charset=utf-8")
    response.headers["Content-Security-Policy"] = CSP
    return response
