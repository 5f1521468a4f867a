"""Legacy users → people: numbers made E.164 (two spellings of one number become one person),
settings read back to ours, and consent decided by opt-in and opt-out events only."""

from __future__ import annotations

from collections import defaultdict

import phonenumbers

from bot.legacy_import.plan import EPOCH, ConsentEvent, Person
from bot.legacy_import.report import Report, masked
from bot.legacy_import.source import LegacyEvent, LegacyUser
from tracker.phones import normalise_phone
from tracker.settings import resolve_timezone

DEFAULT_ZONE = "Asia/Kolkata"
LANGUAGES = ("en", "hi", "te")
ORIGINAL_REMINDER_HOUR = 13  # the original's default, and the only hour its job ran
CONSENT_KINDS = ("opt_in", "opt_out")


def legacy_phone(raw: str | None) -> str | None:
    """The E.164 digits of a number as the original stored it: WhatsApp's own digits with the
    country code, or a typed number it kept as it came (10 digits, a leading 0)."""
    digits = "".join(ch for ch in raw or "" if ch.isdigit())
    if not digits:
        return None
    try:
        number = phonenumbers.parse(f"+{digits}")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]
    except phonenumbers.NumberParseException:
        pass
    return normalise_phone(digits)


def plan_people(
    users: list[LegacyUser], events: list[LegacyEvent], report: Report
) -> tuple[dict[str, Person], dict[str, str]]:
    """People by phone, and each legacy phone spelling → that person's phone."""
    by_phone: dict[str, list[LegacyUser]] = defaultdict(list)
    for user in users:
        phone = legacy_phone(user.phone)
        if phone is None:
            report.skip("user", user.id, "invalid_phone", masked(user.phone))
        else:
            by_phone[phone].append(user)
    spellings = {u.phone: phone for phone, group in by_phone.items() for u in group}
    events_by_phone: dict[str, list[LegacyEvent]] = defaultdict(list)
    for event in events:
        phone = spellings.get(event.user_phone or "")
        if phone is None:
            report.skip("consent", event.id, "unknown_user", masked(event.user_phone))
        else:
            events_by_phone[phone].append(event)
    people = {
        phone: _person(phone, group, events_by_phone[phone], report)
        for phone, group in by_phone.items()
    }
    return people, spellings


def _person(
    phone: str, group: list[LegacyUser], events: list[LegacyEvent], report: Report
) -> Person:
    # The spelling WhatsApp itself used (full digits) is the row the person wrote from.
    main = sorted(group, key=lambda u: (u.phone != phone, u.id))[0]
    for other in group:
        if other is not main:
            report.note("user", other.id, "same_number_merged", f"{masked(phone)} into #{main.id}")
    person = Person(
        legacy_ids=[u.id for u in group],
        phone=phone,
        timezone=_zone(main, report),
        language=main.locale if main.locale in LANGUAGES else "en",
        reminders_enabled=main.reminders_enabled is not False,
        reminder_hour=_hour(main, report),
        consent="opted_in",
        consent_at=None,
        created_at=min((u.created_at for u in group if u.created_at), default=None),
    )
    _decide_consent(person, events, report)
    return person


def _zone(user: LegacyUser, report: Report) -> str:
    if not user.timezone:
        return DEFAULT_ZONE
    zone = resolve_timezone(user.timezone)
    if zone is None:
        report.note("user", user.id, "bad_timezone", f"{user.timezone!r} → {DEFAULT_ZONE}")
    return zone or DEFAULT_ZONE


def _hour(user: LegacyUser, report: Report) -> int:
    hour = user.reminder_time_hour
    if hour is None:
        return ORIGINAL_REMINDER_HOUR
    if not 0 <= hour <= 23:
        report.note("user", user.id, "bad_reminder_hour", f"{hour} → {ORIGINAL_REMINDER_HOUR}")
        return ORIGINAL_REMINDER_HOUR
    return hour


def _decide_consent(person: Person, events: list[LegacyEvent], report: Report) -> None:
    """Opted out when the latest opt-in or opt-out event is an opt-out. The original read the
    latest event of any kind, so a later invite or link opened flipped people back in
    (original-bot.md §16.22); the difference is reported."""
    ordered = sorted(events, key=lambda e: (e.created_at or EPOCH, e.id))
    opts = [e for e in ordered if e.event_type in CONSENT_KINDS]
    for event in ordered:
        if event.event_type not in CONSENT_KINDS:
            report.skip("consent", event.id, "not_a_consent_choice", str(event.event_type))
    person.consent_events = [ConsentEvent(e.id, str(e.event_type), e.created_at) for e in opts]
    if opts and opts[-1].event_type == "opt_out":
        person.consent, person.consent_at = "opted_out", opts[-1].created_at
    elif opts:
        person.consent_at = opts[-1].created_at
    original_out = bool(ordered) and ordered[-1].event_type == "opt_out"
    if person.consent == "opted_out" and not original_out:
        report.note(
            "consent",
            opts[-1].id,
            "opt_out_kept",
            f"{masked(person.phone)}: the original read a later "
            f"{ordered[-1].event_type} event as opted in",
        )


def keep_needed(people: dict[str, Person], members: set[str], report: Report) -> None:
    """Only people with a family or a consent choice get a user here: nobody else has a row
    before they write to this bot (invitees are kept as invites, by number)."""
    for phone in [
        p for p, person in people.items() if p not in members and not person.consent_events
    ]:
        report.skip("user", people[phone].legacy_ids[0], "nothing_to_carry", masked(phone))
        del people[phone]
