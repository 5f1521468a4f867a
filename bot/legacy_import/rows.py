"""Legacy rows that belong to a family: sessions, days off, notes and voice notes. A row that
names a child belongs to it; one that names only a phone (the web calendar, notes, plans)
belongs to that person's oldest family, as the original's getOrCreateDefaultChild picked."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.legacy_import.families import Homes
from bot.legacy_import.plan import CHILD, Family, FamilyKey, Holiday, Note, Session
from bot.legacy_import.report import Report, masked
from bot.legacy_import.source import LegacyHoliday, LegacyNote, LegacySession
from tracker.counts import MAX_SESSIONS_PER_DAY
from tracker.kinds import Status
from tracker.notes import STRUCTURED_FIELDS
from tracker.text import clean_free_text

STATUSES: dict[str, Status] = {"attended": "attended", "cancelled": "missed"}
MOODS = {"excellent": "great", "good": "good", "okay": "okay", "tough": "tough"}
# Reasons the original wrote itself, not the family: markers and defaults.
MADE_UP_REASONS = {
    "duplicate_confirmed",
    "replaced_cancelled",
    "missed (bulk)",
    "marked from web calendar",
}
EARLIEST = date(2020, 1, 1)  # before WhatsApp's Cloud API, so before the original existed
UNTRANSCRIBED = "voice note received (transcription pending)"
MAX_NOTE_BYTES = 11_000  # encrypted, it must stay under the 16 KiB tt.notes allows
TEMPLATE_TITLE = "therapist structured note"


class Placer:
    """Finds the family a legacy row belongs to, reporting rows it cannot place."""

    def __init__(
        self,
        families: dict[FamilyKey, Family],
        homes: Homes,
        spellings: dict[str, str],
        report: Report,
    ) -> None:
        self.families, self.homes, self.spellings, self.report = families, homes, spellings, report

    def phone(self, raw: str | None) -> str | None:
        return self.spellings.get(raw or "")

    def family(
        self,
        kind: str,
        legacy_id: int,
        child_id: int | None,
        raw_phone: str | None,
        *,
        paying: bool = False,
    ) -> Family | None:
        if child_id is not None:
            found = self.families.get((CHILD, child_id))
            if found is None:
                self.report.skip(kind, legacy_id, "family_not_imported", f"child #{child_id}")
            return found
        phone = self.phone(raw_phone)
        keys = (self.homes.paying if paying else self.homes.any_role).get(phone or "", [])
        if not keys:
            reason = "not_owner_or_parent" if paying and phone else "no_family"
            self.report.skip(kind, legacy_id, reason, masked(raw_phone))
            return None
        if len(keys) > 1:
            self.report.note(kind, legacy_id, "oldest_of_several_children", masked(phone))
        return self.families[keys[0]]


def today_in(family: Family, now: datetime) -> date:
    return now.astimezone(ZoneInfo(family.timezone)).date()


def month_tag(text: str | None) -> date | None:
    """The first day of a 'YYYY-MM' month tag; None when it is not one."""
    year, dash, month = (text or "").strip().partition("-")
    if not (dash and year.isdigit() and month.isdigit() and len(year) == 4):
        return None
    try:
        return date(int(year), int(month), 1)
    except ValueError:
        return None


def place_sessions(
    rows: list[LegacySession], placer: Placer, now: datetime, made_up: set[int]
) -> None:
    """Each session row into its family; `made_up` rows (a mid-month setup's) are held apart
    until the plans are known (midmonth.py)."""
    report = placer.report
    per_day: Counter[tuple[FamilyKey, date, str]] = Counter()
    for row in rows:
        family = placer.family("session", row.id, row.child_id, row.user_phone)
        if family is None:
            continue
        _count_before(family, row, placer.phone(row.user_phone))
        session = _session(row, placer, family, now)
        if session is None:
            continue
        if row.id in made_up:
            family.made_up.setdefault(session.day.replace(day=1), []).append(session)
            continue
        per_day[family.key, session.day, session.status] += 1
        if per_day[family.key, session.day, session.status] > MAX_SESSIONS_PER_DAY:
            report.skip(
                "session",
                row.id,
                "over_daily_limit",
                f"{session.day}: more than {MAX_SESSIONS_PER_DAY} {session.status}",
            )
            continue
        family.sessions.append(session)


def _count_before(family: Family, row: LegacySession, logger: str | None) -> None:
    """The original counted rows by their month tag (original-bot.md §7), and each member's
    screens counted only the rows they logged themselves (§16.17)."""
    month = month_tag(row.month) or (row.date.replace(day=1) if row.date else None)
    if month is None or row.status not in STATUSES:
        return
    seen = family.seen(month)
    if row.status == "attended":
        seen.attended += 1
    else:
        seen.cancelled += 1
    seen.own[logger, str(row.status)] += 1


def _session(row: LegacySession, placer: Placer, family: Family, now: datetime) -> Session | None:
    report = placer.report
    status = STATUSES.get(row.status or "")
    if status is None:
        report.skip("session", row.id, "bad_status", repr(row.status))
        return None
    if row.date is None or row.date < EARLIEST:
        report.skip("session", row.id, "bad_date", str(row.date))
        return None
    if row.date > today_in(family, now):
        report.skip("session", row.id, "future_date", str(row.date))
        return None
    tag = month_tag(row.month)
    if tag is not None and tag != row.date.replace(day=1):
        report.note(
            "session",
            row.id,
            "month_tag_differs",
            f"dated {row.date}, counted in {row.month} by the original",
        )
    mood = MOODS.get((row.mood or "").strip().casefold())
    if row.mood and mood is None:
        report.note("session", row.id, "mood_text_dropped", "a voice mood, not one of the four")
    reason = clean_free_text(row.reason or "").strip()
    return Session(
        legacy_id=row.id,
        day=row.date,
        status=status,
        reason="" if reason.casefold() in MADE_UP_REASONS else reason,
        mood=mood if status == "attended" else None,
        logged_by=placer.phone(row.user_phone),
        created_at=row.created_at,
    )


def place_holidays(rows: list[LegacyHoliday], placer: Placer) -> None:
    seen: set[tuple[FamilyKey, date]] = set()
    for row in rows:
        family = placer.family("holiday", row.id, row.child_id, row.user_phone)
        if family is None:
            continue
        if row.date is None or row.date < EARLIEST:
            placer.report.skip("holiday", row.id, "bad_date", str(row.date))
            continue
        if (family.key, row.date) in seen:
            placer.report.skip("holiday", row.id, "same_day_twice", str(row.date))
            continue
        seen.add((family.key, row.date))
        family.holidays.append(
            Holiday(row.id, row.date, placer.phone(row.user_phone), row.created_at)
        )


def place_notes(rows: list[LegacyNote], placer: Placer) -> dict[FamilyKey, list[str]]:
    """Notes into their families; returns the texts that kept their case (transcripts and
    summaries), per family, for restoring names."""
    texts: dict[FamilyKey, list[str]] = {}
    for row in rows:
        family = placer.family("note", row.id, None, row.user_phone)
        if family is None:
            continue
        texts.setdefault(family.key, []).extend(t for t in (row.transcript, row.summary) if t)
        note = _note(row, placer)
        if note is not None:
            family.notes.append(note)
    return texts


def _note(row: LegacyNote, placer: Placer) -> Note | None:
    kind = "voice note" if row.source == "voice" else "note"
    text = clean_free_text(row.transcript).strip()
    if row.transcription_status == "failed" or text.casefold().startswith(UNTRANSCRIBED):
        placer.report.skip(
            "note",
            row.id,
            "voice_not_transcribed",
            "the original kept no audio and its media id has expired",
        )
        return None
    if not text:
        placer.report.skip("note", row.id, "empty", kind)
        return None
    if len(text.encode()) > MAX_NOTE_BYTES:
        placer.report.skip("note", row.id, "too_long", f"{len(text)} characters")
        return None
    fields = structured_fields(text) if row.source == "template" else None
    return Note(
        legacy_id=row.id,
        kind="structured" if fields else "free",
        text=text,
        fields=fields,
        author=placer.phone(row.user_phone),
        created_at=row.created_at,
        from_voice=row.source == "voice",
    )


def structured_fields(text: str) -> dict[str, str] | None:
    """The four answers of the original's 5-line template note, or None when it is not one."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or lines[0].casefold() != TEMPLATE_TITLE:
        return None
    found: dict[str, str] = {}
    for line in lines[1:]:
        label, sep, answer = line.partition(":")
        if sep and label.strip().casefold() in STRUCTURED_FIELDS:
            found[label.strip().casefold()] = answer.strip()
    return found if set(found) == set(STRUCTURED_FIELDS) else None
