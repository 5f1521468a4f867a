"""From the legacy snapshot to the import plan: each row placed in its family or reported."""

from __future__ import annotations

from datetime import datetime

from bot.legacy_import.families import add_default_children, homes, plan_families
from bot.legacy_import.figures import own_view_lines
from bot.legacy_import.midmonth import made_up_rows, settle_made_up
from bot.legacy_import.money import place_payments, place_plans, place_pro, place_referrals
from bot.legacy_import.names import restore_name
from bot.legacy_import.people import keep_needed, plan_people
from bot.legacy_import.plan import ImportPlan
from bot.legacy_import.report import Report
from bot.legacy_import.rows import Placer, place_holidays, place_notes, place_sessions
from bot.legacy_import.source import Snapshot


def build_plan(
    snapshot: Snapshot, now: datetime, profile_names: dict[str, str], report: Report
) -> ImportPlan:
    """`profile_names`: WhatsApp profile names we already hold, by phone (people who have
    written to this bot), read for restoring names' case."""
    for table in snapshot.missing_tables:
        report.note("table", None, "missing", f"{table}: nothing to import from it")
    people, spellings = plan_people(snapshot.users, snapshot.events, report)
    families = plan_families(snapshot.children, snapshot.members, people, spellings, report)
    add_default_children(families, people, _phones_with_data(snapshot, spellings), report)
    keep_needed(people, {m.phone for f in families.values() for m in f.members}, report)
    placer = Placer(families, homes(families), spellings, report)
    made_up = made_up_rows(snapshot.sessions, snapshot.configs)
    place_sessions(snapshot.sessions, placer, now, made_up)
    place_holidays(snapshot.holidays, placer)
    texts = place_notes(snapshot.notes, placer)
    place_plans(snapshot.configs, placer)
    for family in families.values():
        settle_made_up(family, report)
        report.own_views += own_view_lines(family)
    place_payments(snapshot.payments, placer)
    place_pro(families, snapshot.users, spellings, now, report)
    referrals = place_referrals(snapshot.referrals, placer, report)
    for family in families.values():
        profiles = [profile_names[m.phone] for m in family.members if m.phone in profile_names]
        restore_name(family, texts.get(family.key, []) + profiles, report)
    return ImportPlan(people, families, referrals)


def _phones_with_data(snapshot: Snapshot, spellings: dict[str, str]) -> set[str]:
    """People who kept something of their own without a child: plans, sessions or days off
    logged without one, notes, payments."""
    raw = (
        [c.user_phone for c in snapshot.configs]
        + [s.user_phone for s in snapshot.sessions if s.child_id is None]
        + [h.user_phone for h in snapshot.holidays if h.child_id is None]
        + [n.user_phone for n in snapshot.notes]
        + [p.user_phone for p in snapshot.payments]
    )
    return {spellings[phone] for phone in raw if phone in spellings}
