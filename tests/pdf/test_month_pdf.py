"""The monthly PDF: its numbers against hand-worked ones, its fonts, shaping, and the file.

Never compare text extracted from a Hindi or Telugu PDF: shaped conjuncts do not map back to
their letters, and unshaped (wrong) text would extract "correctly"."""

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import shapeStr

from dialog.texts import CATALOGS, LANGUAGES
from pdf.fonts import BY_LANGUAGE, DEVANAGARI, TELUGU, register_fonts, shaping_problem
from pdf.model import WeekBar, report_until
from pdf.render import render_month_pdf
from pdf.text import dropped, markup
from tests.support.month_sample import sample_report

# Every catalog family the PDF draws from, less the chat lines (WhatsApp draws their emoji).
PDF_KEYS = ("pdf.", "category.", "role.")
CHAT_ONLY = frozenset({"pdf.preparing", "pdf.sent", "pdf.caption", "pdf.empty", "pdf.busy"})


def test_the_money_is_the_chats_month_figures():
    # Plan: 20 paid at ₹800, 2 carried, 1 used before tracking. Logged: 24 attended, 4 missed
    # (weekdays once, Saturdays twice, Sundays and 25–26 Dec off, misses on 4/11/18/23 Dec).
    figures = sample_report().figures
    assert figures is not None
    assert (figures.paid, figures.carried, figures.total) == (20, 2, 22)
    assert (figures.attended, figures.missed) == (25, 4)  # 24 logged + 1 before tracking
    assert (figures.left, figures.beyond) == (0, 3)
    assert (figures.paid_paise, figures.used_paise, figures.beyond_paise) == (
        1_600_000,
        1_600_000,  # min(25, 20) × ₹800: carried sessions were paid last month
        240_000,
    )


def test_sessions_per_week_follow_monday_to_sunday_weeks_cut_to_the_month():
    assert sample_report().weeks == [
        WeekBar(date(2026, 12, 1), date(2026, 12, 6), 5, 1),  # Tue–Thu, Sat ×2; Fri missed
        WeekBar(date(2026, 12, 7), date(2026, 12, 13), 6, 1),
        WeekBar(date(2026, 12, 14), date(2026, 12, 20), 6, 1),
        WeekBar(date(2026, 12, 21), date(2026, 12, 27), 3, 1),  # 25, 26 off; 23 missed
        WeekBar(date(2026, 12, 28), date(2026, 12, 31), 4, 0),
    ]


def test_moods_reasons_streaks_and_notes():
    report = sample_report()
    # Moods on attended days not divisible by 3; Saturdays (5th, 19th) count twice.
    assert report.moods == [("great", 3), ("good", 5), ("okay", 4), ("tough", 4)]
    assert report.reasons == [
        ("health", 1, 25),  # "fever since morning"
        ("travel", 1, 25),  # chosen category
        ("school", 1, 25),  # "school exam"
        ("unspecified", 1, 25),
    ]
    # Every week of December had a session; 24, 28, 29, 30, 31 Dec after the last miss.
    assert (report.streak.weeks, report.streak.best, report.streak.run) == (5, 5, 5)
    assert len(report.notes) == 6
    assert report.more_notes == 2
    # The newest six of eight: notes 3–8, odd ones by the therapist.
    assert [line.author_role for line in report.notes][:2] == ["therapist", "parent"]


def test_the_day_log_has_every_day_and_the_current_month_stops_today():
    report = sample_report()
    assert len(report.days) == 31
    christmas = report.days[24]
    assert (christmas.day_off, christmas.attended, christmas.missed) == (True, 0, 0)
    assert report.days[10].reasons == (("", "travel"),)
    assert report_until(date(2026, 12, 1), date(2026, 12, 9)) == date(2026, 12, 9)
    assert len(sample_report(today=date(2026, 12, 9)).days) == 9


def test_shaping_is_available_and_active():
    assert shaping_problem() is None
    register_fonts()
    for text, font in (("किसान स्त्री", DEVANAGARI), ("క్ష్మ శ్రీ", TELUGU)):
        shaped = shapeStr(text, font, 10)
        # Conjuncts become single glyphs: fewer glyphs than code points.
        assert len(shaped.__shapeData__) < len(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_pdf_string_has_glyphs_in_the_languages_font(language):
    font = BY_LANGUAGE[language]
    texts = [
        form
        for key, entry in CATALOGS[language].items()
        if key.startswith(PDF_KEYS) and key not in CHAT_ONLY
        for form in ([entry] if isinstance(entry, str) else entry.values())
    ]
    assert len(texts) > 50
    assert {text: dropped(text, font) for text in texts if dropped(text, font)} == {}


def test_text_in_another_script_switches_font_and_emoji_are_left_out():
    # Noto Sans Telugu has Latin letters too; Devanagari needs its own font.
    assert markup("ఆరవ్ & Aarav आरव 😄", TELUGU) == (
        'ఆరవ్ &amp; Aarav <font name="NotoSansDevanagari">आरव</font> '
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_reads_back_with_pages_title_and_digits(language):
    content = render_month_pdf(sample_report("Aarav"), language)
    reader = PdfReader(BytesIO(content))
    assert len(reader.pages) == 3
    assert reader.metadata.title == "Aarav 2026-12"
    first = reader.pages[0].extract_text()
    # Only Latin text and digits are compared; Indic text does not extract faithfully.
    assert "Aarav" in first
    assert "16,000" in first
    assert "2,400" in first
    assert len(content) < 120_000
