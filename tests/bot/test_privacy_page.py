import base64
import hashlib
import re

from bot.config import Settings
from bot.privacy_page import processor_keys


async def page(bot, query=""):
    response = await bot.client.get(f"/privacy{query}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    return response, (await response.get_data()).decode("utf-8")


async def test_page_lists_only_the_processors_in_use_and_what_is_kept(make_bot):
    bot = await make_bot()
    _, html = await page(bot)
    assert '<meta charset="utf-8">' in html
    assert "Therapy Tracker – Privacy notice" in html
    assert "Meta Platforms (WhatsApp Business Cloud API)" in html
    assert "A PostgreSQL database run by the operator of this service" in html
    for absent in ("Razorpay", "Groq", "Sarvam", "Supabase", "Voice recordings"):
        assert absent not in html
    for kept in (
        "What we keep, and why",
        "How long we keep it",
        "Your choices",
        "Monthly plans (sessions paid",
        "“export”",
        "“delete my data”",
        "therapists",
    ):
        assert kept in html


async def test_payment_and_transcription_services_appear_when_configured(make_bot):
    bot = await make_bot(
        razorpay_key_id="rzp_test_1",
        groq_api_key="gsk_1",
        sarvam_api_key="sv_1",
        voice_retention_days=5,
    )
    _, html = await page(bot)
    assert "Razorpay: handles payments" in html
    assert "Groq: turns voice messages into text" in html
    assert "Sarvam AI: turns voice messages into text" in html
    assert "Voice recordings are deleted after at most 5 days" in html


async def test_page_is_plain_with_security_headers_and_a_stable_date(make_bot):
    bot = await make_bot()
    response, html = await page(bot)
    assert "Last updated: 23 November 2026" in html
    for tag in ("<script", "<link", "<img", "<iframe", "@import", "url("):
        assert tag not in html
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    [style] = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp  # exactly the page's own stylesheet
    assert response.headers["Referrer-Policy"] == "no-referrer"


async def test_hindi_and_telugu_pages_without_mojibake(make_bot):
    bot = await make_bot()
    _, hindi = await page(bot, "?lang=hi")
    assert '<html lang="hi">' in hindi
    assert "गोपनीयता सूचना" in hindi and "पिछला बदलाव: 23 नवंबर 2026" in hindi
    _, telugu = await page(bot, "?lang=te")
    assert "గోప్యతా ప్రకటన" in telugu
    for html in (hindi, telugu):
        assert "Ã" not in html and "à¤" not in html and "\ufffd" not in html
    _, fallback = await page(bot, "?lang=xx")
    assert '<html lang="en">' in fallback


def test_database_host_follows_the_configuration():
    def database(url):
        return processor_keys(Settings(database_url=url))[1]

    assert database(None) == "privacy.proc_embedded"
    assert database("postgresql://u:p@aws-0-ap-south-1.pooler.supabase.com:5432/postgres") == (
        "privacy.proc_supabase"
    )
    assert database("postgresql://u:p@db.internal:5432/app") == "privacy.proc_postgres"
