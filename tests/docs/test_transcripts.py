"""A month with the bot in each language, through the real webhook path, checked into
docs/transcripts/. Any change to what a parent reads shows here as a diff to review:
`UPDATE_TRANSCRIPTS=1 python -m pytest tests/docs/test_transcripts.py` writes the new text."""

from __future__ import annotations

import difflib
import os
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import pytest

from dialog.texts import LANGUAGE_NAMES
from tests.conftest import Bot
from tests.support.transcript import Clock, Person, Transcript

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "transcripts"
PARENT = Person("919000000201", "Priya")
CO_PARENT = Person("919000000202", "Rahul")
CHILD = "Aarav"
TITLES = {
    "en": "A month with Therapy Tracker (English)",
    "hi": "Therapy Tracker के साथ एक महीना (हिंदी)",
    "te": "Therapy Tracker తో ఒక నెల (తెలుగు)",
}
# The transcript's own headings, so each file reads in one language.
HEADINGS = {
    "en": {
        "setup": "Setting up on the 15th",
        "backfill": "Filling in the first half of the month",
        "everyday": "Everyday logging",
        "replace": "A replace, then undo",
        "holiday": "A holiday and a look at the month",
        "invite": "Inviting the co-parent",
        "family": "The co-parent logs; the parent hears about it",
        "month_end": "The end of the month",
    },
    "hi": {
        "setup": "15 तारीख़ को सेटअप",
        "backfill": "महीने के पहले हफ़्ते भरना",
        "everyday": "रोज़ का दर्ज करना",
        "replace": "बदलना, फिर पूर्ववत",
        "holiday": "छुट्टी, और महीने का हाल",
        "invite": "दूसरे अभिभावक को आमंत्रण",
        "family": "दूसरे अभिभावक ने दर्ज किया; पहले को ख़बर मिली",
        "month_end": "महीने का आख़िर",
    },
    "te": {
        "setup": "15వ తేదీన సెటప్",
        "backfill": "నెల మొదటి రోజులు నింపడం",
        "everyday": "రోజువారీ నమోదు",
        "replace": "మార్చడం, తర్వాత వెనక్కి",
        "holiday": "సెలవు, నెల స్థితి",
        "invite": "రెండో తల్లిదండ్రికి ఆహ్వానం",
        "family": "రెండో తల్లిదండ్రి నమోదు చేశారు; మొదటివారికి తెలిసింది",
        "month_end": "నెల చివర",
    },
}
# What the parents type, in each language: the bot's own words for each language where it
# reads them, and the Latin-script dates Indian families type on WhatsApp.
TYPED: dict[str, dict[str, str | tuple[str, str]]] = {
    "en": {
        "backfill": "backfill",
        "fever": "fever",
        "attended 10 nov": "attended 10 nov",
        "attended 13 nov": "attended 13 nov",
        "attended today": "attended today",
        "attended 2 today": "attended 2 today",
        "missed today": "missed today",
        "therapist away": "therapist on leave",
        "school": "school function",
        "undo": "undo",
        "holiday 25-26": "holiday 25 nov to 26 nov",
        "status": "status",
        "summary": "summary",
        "add parent": "add parent",
        "hi": "hi",
        "weekly": "weekly",
    },
    "hi": {
        "backfill": "पुरानी तारीखें",
        "fever": "बुखार",
        "attended 10 nov": "10 nov हुआ",
        "attended 13 nov": "13 nov हुआ",
        "attended today": "आज हुआ",
        "attended 2 today": ("आज 2 सत्र हुए", "हुआ 2 आज"),
        "missed today": "आज छूट गया",
        "therapist away": "थेरेपिस्ट छुट्टी पर थीं",
        "school": "स्कूल का फंक्शन",
        "undo": "पूर्ववत",
        "holiday 25-26": "छुट्टी 25 nov से 26 nov",
        "status": "स्थिति",
        "summary": "सारांश",
        "add parent": "अभिभावक जोड़ें",
        "hi": "नमस्ते",
        "weekly": "यह हफ़्ता",
    },
    "te": {
        "backfill": "పాత తేదీలు",
        "fever": "జ్వరం",
        "attended 10 nov": "10 nov జరిగింది",
        "attended 13 nov": "13 nov జరిగింది",
        "attended today": "ఈరోజు జరిగింది",
        "attended 2 today": ("ఈరోజు 2 సెషన్లు జరిగాయి", "జరిగింది 2 ఈరోజు"),
        "missed today": "ఈరోజు జరగలేదు",
        "therapist away": "థెరపిస్ట్ సెలవులో ఉన్నారు",
        "school": "స్కూల్ ఫంక్షన్",
        "undo": "తప్పు",
        "holiday 25-26": "సెలవు 25 nov నుండి 26 nov",
        "status": "స్థితి",
        "summary": "సారాంశం",
        "add parent": "తల్లిదండ్రిని జోడించు",
        "hi": "నమస్తే",
        "weekly": "ఈ వారం",
    },
}


async def a_month(tr: Transcript) -> None:
    """Setup on Sunday 15 Nov with earlier days filled in, two weeks of logging with a
    replace and an undo, a holiday, a co-parent who joins, and the reports."""
    words = TYPED[tr.language]
    p, r = PARENT, CO_PARENT

    async def say(who: Person, key: str) -> None:
        typed = words[key]
        if isinstance(typed, tuple):  # a natural sentence, then what the bot surely reads
            await tr.say_or(who, *typed)
        else:
            await tr.say(who, typed)

    async def log_day(day: date) -> None:
        await tr.tap(p, tr.day_title(day))
        await tr.tap(p, "log.count", count=1, optional=True)

    tr.heading(HEADINGS[tr.language]["setup"])
    tr.day("2026-11-15", "19:00")
    await say(p, "hi")
    await tr.tap(p, LANGUAGE_NAMES[tr.language])
    await tr.tap(p, "btn.menu.setup")
    await tr.say(p, CHILD)
    # Setup asks when this month's package began (the 1st), or, before that question
    # existed, whether to start fresh.
    if not await tr.tap(p, "btn.setup_first", optional=True):
        await tr.tap(p, "btn.setup_fresh")
    await tr.say(p, "12 1000 0")

    tr.heading(HEADINGS[tr.language]["backfill"])
    await say(p, "backfill")
    await tr.tap(p, "btn.log_attended")
    await log_day(date(2026, 11, 3))
    await tr.tap(p, "row.log_mood_good")
    await say(p, "backfill")
    await tr.tap(p, "btn.log_missed")
    await log_day(date(2026, 11, 6))
    await say(p, "fever")
    await say(p, "attended 10 nov")
    await say(p, "attended 13 nov")

    tr.heading(HEADINGS[tr.language]["everyday"])
    tr.day("2026-11-16", "18:00")
    await say(p, "attended today")
    await tr.tap(p, "row.log_mood_great")
    tr.day("2026-11-17", "18:30")
    await say(p, "missed today")
    await say(p, "therapist away")

    tr.heading(HEADINGS[tr.language]["replace"])
    tr.day("2026-11-18", "18:00")
    await say(p, "attended 2 today")
    tr.later(5)
    await say(p, "missed today")
    await say(p, "school")
    await tr.tap(p, "btn.log_replace")
    tr.later(2)
    await say(p, "undo")

    tr.heading(HEADINGS[tr.language]["holiday"])
    tr.day("2026-11-20", "21:00")
    await say(p, "holiday 25-26")
    await say(p, "status")

    tr.heading(HEADINGS[tr.language]["invite"])
    tr.day("2026-11-21", "10:00")
    await say(p, "add parent")
    local = r.phone.removeprefix("91")
    await tr.say(p, f"{local[:5]} {local[5:]}")
    tr.receive(r)
    tr.day("2026-11-21", "11:00")
    await say(r, "hi")
    await tr.tap(r, LANGUAGE_NAMES[tr.language], optional=True)
    await tr.tap(r, "btn.member_accept")

    tr.heading(HEADINGS[tr.language]["family"])
    tr.day("2026-11-23", "09:00")
    await say(p, "weekly")
    tr.day("2026-11-23", "17:30")
    await say(r, "attended today")
    tr.later(3)
    await tr.deliver_family_updates()
    tr.receive(p)

    tr.heading(HEADINGS[tr.language]["month_end"])
    tr.day("2026-11-30", "20:00")
    await say(p, "attended today")
    await say(p, "summary")
    tr.day("2026-12-01", "09:00")
    await say(p, "status")
    if await tr.tap(p, "btn.setup", optional=True):
        await tr.tap(p, "btn.setup_same", optional=True)
        await tr.tap(p, "btn.setup_first", optional=True)
    await say(p, "status")


@pytest.mark.parametrize("language", ["en", "hi", "te"])
async def test_a_month_reads_as_checked_in(
    make_bot: Callable[..., Awaitable[Bot]], language: str
) -> None:
    clock = Clock()
    tr = Transcript(await make_bot(clock=clock), clock, language)
    try:
        await a_month(tr)
    except AssertionError as e:
        so_far = "\n".join(tr.markdown(TITLES[language]).splitlines()[-60:])
        pytest.fail(f"{e}\n\nThe end of the transcript so far:\n{so_far}")
    written = tr.markdown(TITLES[language])
    path = FOLDER / f"month-{language}.md"
    if os.environ.get("UPDATE_TRANSCRIPTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(written, encoding="utf-8")
        return
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    if written != before:
        diff = difflib.unified_diff(
            before.splitlines(),
            written.splitlines(),
            f"docs/transcripts/{path.name}",
            "this run",
            lineterm="",
        )
        pytest.fail(
            "the transcript changed; review the diff, then rerun with UPDATE_TRANSCRIPTS=1:\n"
            + "\n".join(diff)
        )
