"""`report` in chat: the month's PDF goes out as a WhatsApp document (upload, then send by id).

The clock is Wed 18 Feb 2026 in Kolkata; the family plans February (16 at ₹800, 2 carried)."""

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from handlers.pdf_report import report_month
from tests.conftest import wait_until
from tests.handlers.test_my_data import cipher, uploaded_file
from tests.handlers.test_reports import THERAPIST, WEDNESDAY_18_FEB, family, feb, log
from tests.support.families import add_member, add_user
from tests.support.pro import grant_pro

PHONE = "919000000201"
PREPARING = "📄 Making the PDF report for February 2026…"
SENT = (
    "That is Asha's report for February 2026. Type *report* and a month, such as "
    "*report last month*, for another one."
)


@pytest.fixture(name="pdf_bot")
async def _pdf_bot(make_bot):
    return await make_bot(clock=lambda: WEDNESDAY_18_FEB)


async def ask(bot, phone, text, sent):
    """Say `text` and wait for the follow-up the sender queues once Meta took the file."""
    before = len(bot.graph.to(phone))
    await bot.say(phone, text)

    async def followed_up():
        return sent in bot.graph.texts_to(phone)[before:]

    await wait_until(followed_up)
    return bot.graph.texts_to(phone)[before:]


def uploaded_pdf(bot) -> PdfReader:
    headers, content = uploaded_file(bot.graph.uploads[-1])
    assert b"Content-Type: application/pdf" in headers
    return PdfReader(BytesIO(content))


async def test_report_sends_this_months_pdf_as_a_document(pdf_bot):
    _, child_id = await family(pdf_bot.db, PHONE)
    await grant_pro(pdf_bot.db, child_id, "parent_basic_199")  # the lowest plan that has it
    await log(pdf_bot.db, child_id, feb(2), "attended", mood="great")
    await log(pdf_bot.db, child_id, feb(3), "missed", category="health")
    therapist = await add_user(pdf_bot.db, THERAPIST)
    await add_member(pdf_bot.db, child_id, therapist, "therapist")
    await pdf_bot.db.execute(
        "INSERT INTO tt.notes (child_id, author_id, body, created_at) VALUES "
        "($1, $2, $3, '2026-02-10T06:00:00Z'), ($1, $2, $4, '2026-01-31T20:00:00Z')",
        child_id,
        therapist,
        cipher(pdf_bot).encrypt_text("Speech is improving"),
        # 1 Feb 01:30 in Kolkata: February's, although it is still January in UTC
        cipher(pdf_bot).encrypt_text("Naming colours"),
    )
    assert await ask(pdf_bot, PHONE, "report", SENT) == [PREPARING, "document", SENT]
    document = pdf_bot.graph.to(PHONE)[-2]["document"]
    assert document["filename"] == "Therapy-Asha-2026-02.pdf"
    assert document["caption"] == "Asha · February 2026"
    reader = uploaded_pdf(pdf_bot)
    assert reader.metadata.title == "Asha 2026-02"
    text = reader.pages[0].extract_text()
    assert "Therapy report: Asha" in text
    assert "₹12,800" in text  # 16 paid × ₹800
    everything = "".join(page.extract_text() for page in reader.pages)
    assert "therapist" in everything
    assert "Speech is improving" in everything
    assert "Naming colours" in everything


async def test_telugu_and_hindi_readers_get_their_language(pdf_bot):
    _, child_id = await family(pdf_bot.db, PHONE)
    await grant_pro(pdf_bot.db, child_id)
    await log(pdf_bot.db, child_id, feb(2), "attended")
    for language, word in (("te", "నివేదిక"), ("hi", "रिपोर्ट")):
        await pdf_bot.db.execute(
            "UPDATE tt.users SET language = $2 WHERE phone = $1", PHONE, language
        )
        uploads = len(pdf_bot.graph.uploads)
        await pdf_bot.say(PHONE, word)

        async def uploaded():
            return len(pdf_bot.graph.uploads) > uploads  # noqa: B023

        await wait_until(uploaded)
        reader = uploaded_pdf(pdf_bot)
        assert len(reader.pages) >= 2
        assert "₹12,800" in reader.pages[0].extract_text()  # digits only: see tests/pdf


async def test_a_month_with_nothing_logged_and_no_plan_has_no_report(pdf_bot):
    _, child_id = await family(pdf_bot.db, PHONE)
    await grant_pro(pdf_bot.db, child_id)
    assert await pdf_bot.say(PHONE, "report last month") == [
        "Nothing was logged for Asha in January 2026, so there is no report to make."
    ]
    assert await pdf_bot.say(PHONE, "pdf 2026-05") == [
        "May 2026 has not started yet. Try *report* for this month."
    ]
    (unknown,) = await pdf_bot.say(PHONE, "download_report someday")
    assert unknown.startswith("I could not tell which month you mean.")
    assert pdf_bot.graph.uploads == []


async def test_a_free_family_hears_what_pro_unlocks_and_gets_no_pdf(pdf_bot):
    _, child_id = await family(pdf_bot.db, PHONE)
    await log(pdf_bot.db, child_id, feb(2), "attended")
    assert await pdf_bot.say(PHONE, "report") == [
        "🌟 The monthly report as a PDF comes with *Parent Basic*. Logging, status and "
        "summaries stay free. Type *go pro* to see the plans and get it."
    ]
    await pdf_bot.db.execute("UPDATE tt.users SET language = 'te' WHERE phone = $1", PHONE)
    (telugu,) = await pdf_bot.say(PHONE, "నివేదిక")
    assert "*ప్రో*" in telugu
    assert "ప్లాన్‌లు" in telugu
    status = await pdf_bot.say(PHONE, "status")
    assert status and "go pro" not in status[0], "status stays free"
    assert pdf_bot.graph.uploads == []


async def test_an_expired_plan_no_longer_gives_the_pdf(pdf_bot):
    _, child_id = await family(pdf_bot.db, PHONE)
    await log(pdf_bot.db, child_id, feb(2), "attended")
    await grant_pro(pdf_bot.db, child_id, "pro_plus_499", days=30)  # ended 31 Jan
    (refused,) = await pdf_bot.say(PHONE, "report")
    assert refused.startswith("🌟 The monthly report as a PDF comes with")
    assert pdf_bot.graph.uploads == []


@pytest.mark.parametrize(
    ("words", "language", "month"),
    [
        ("", "en", date(2026, 2, 1)),
        ("last month", "en", date(2026, 1, 1)),
        ("2025-11", "en", date(2025, 11, 1)),
        ("november", "en", date(2025, 11, 1)),  # a name alone: its latest, not a future one
        ("jan", "en", date(2026, 1, 1)),
        ("december 2025", "en", date(2025, 12, 1)),
        ("जनवरी", "hi", date(2026, 1, 1)),
        ("గత నెల", "te", date(2026, 1, 1)),
        ("జనవరి", "te", date(2026, 1, 1)),
        ("2026-13", "en", None),
        ("someday", "en", None),
    ],
)
def test_report_month_reads_the_month_asked_for(words, language, month):
    assert report_month(words, language, date(2026, 2, 18)) == month
