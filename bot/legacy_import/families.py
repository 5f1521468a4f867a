"""Legacy children and their members → families: roles mapped to ours, pending members as
invites, an owner for every family, and the 'Default' child the original would have made for
a user who kept data without one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.legacy_import.plan import (
    CHILD,
    DEFAULT_CHILD,
    EPOCH,
    Family,
    FamilyKey,
    Invite,
    Member,
    Person,
)
from bot.legacy_import.report import Report, masked
from bot.legacy_import.source import LegacyChild, LegacyMember
from tracker.children import clean_name

ROLES = {"owner": "owner", "parent": "parent", "therapist": "therapist"}
# 'member' (the original's column default) could log, write notes and view: a therapist's
# rights here, never billing or setup.
MEMBER_ROLE = "therapist"
INVITE_ROLES = {"pending_parent": "parent", "pending_therapist": "therapist"}
DEFAULT_NAME = "Default"  # what getOrCreateDefaultChild named every child
UNNAMED = "Child"


@dataclass(frozen=True, slots=True)
class Homes:
    """Where a row that names only a phone belongs: the person's oldest family (any role),
    and their oldest as owner or parent (plans and payments), with how many they had."""

    any_role: dict[str, list[FamilyKey]]
    paying: dict[str, list[FamilyKey]]


def plan_families(
    children: list[LegacyChild],
    members: list[LegacyMember],
    people: dict[str, Person],
    spellings: dict[str, str],
    report: Report,
) -> dict[FamilyKey, Family]:
    by_child: dict[int, list[LegacyMember]] = {}
    for row in sorted(members, key=lambda m: (m.created_at or EPOCH, m.id)):
        by_child.setdefault(row.child_id, []).append(row)
    families: dict[FamilyKey, Family] = {}
    for child in children:
        family = _family(child, by_child.get(child.id, []), people, spellings, report)
        if family is not None:
            families[family.key] = family
    return families


def _family(
    child: LegacyChild,
    rows: list[LegacyMember],
    people: dict[str, Person],
    spellings: dict[str, str],
    report: Report,
) -> Family | None:
    name = clean_name(child.name)
    if name is None:
        report.note("child", child.id, "unusable_name", f"{child.name!r} → {UNNAMED!r}")
    creator = spellings.get(child.created_by or "")
    family = Family(
        key=(CHILD, child.id),
        name=name or UNNAMED,
        created_by=creator,
        created_at=child.created_at,
        timezone="Asia/Kolkata",
    )
    for row in rows:
        _add_member(family, row, spellings, report)
    if not family.members:
        report.skip("child", child.id, "no_members", "nobody could see it")
        return None
    if not _ensure_owner(family, report):
        report.skip("child", child.id, "no_owner_or_parent", "only therapists left")
        return None
    owner = next(m for m in family.members if m.role == "owner")
    family.timezone = people[owner.phone].timezone
    return family


def _add_member(
    family: Family, row: LegacyMember, spellings: dict[str, str], report: Report
) -> None:
    phone = spellings.get(row.member_phone)
    if phone is None:
        report.skip("member", row.id, "unknown_user", masked(row.member_phone))
        return
    if phone in {m.phone for m in family.members} | {i.phone for i in family.invites}:
        report.skip("member", row.id, "same_number_twice", masked(phone))
        return
    role = row.role or "member"
    inviter = spellings.get(row.invited_by or "")
    if role in INVITE_ROLES:
        family.invites.append(Invite(row.id, phone, INVITE_ROLES[role], inviter, row.created_at))
    elif role in ROLES or role == "member":
        if role == "member":
            report.note("member", row.id, "member_as_therapist", masked(phone))
        family.members.append(
            Member(row.id, phone, ROLES.get(role, MEMBER_ROLE), inviter, row.created_at)
        )
    else:
        report.skip("member", row.id, "unknown_role", f"{masked(phone)} {role!r}")


def _ensure_owner(family: Family, report: Report) -> bool:
    """A family here always has an owner: the creator if still a parent, else the earliest
    parent. False when only therapists are left."""
    if any(m.role == "owner" for m in family.members):
        return True
    parents = [m for m in family.members if m.role == "parent"]
    if not parents:
        return False
    heir = next((m for m in parents if m.phone == family.created_by), parents[0])
    family.members[family.members.index(heir)] = Member(
        heir.legacy_id, heir.phone, "owner", heir.invited_by, heir.created_at
    )
    report.note("member", heir.legacy_id, "owner_promoted", masked(heir.phone))
    return True


def add_default_children(
    families: dict[FamilyKey, Family],
    people: dict[str, Person],
    phones_with_data: Iterable[str],
    report: Report,
) -> None:
    """A user with plans, sessions, notes or payments but no family gets the child the
    original would have made for them on their next action."""
    in_family = {m.phone for f in families.values() for m in f.members}
    for phone in sorted(set(phones_with_data) - in_family):
        person = people[phone]
        key = (DEFAULT_CHILD, person.legacy_ids[0])
        families[key] = Family(
            key=key,
            name=DEFAULT_NAME,
            created_by=phone,
            created_at=person.created_at,
            timezone=person.timezone,
            members=[Member(None, phone, "owner", None, person.created_at)],
        )
        report.note("child", None, "default_child_made", f"for {masked(phone)}")


def homes(families: dict[FamilyKey, Family]) -> Homes:
    """Each person's families, oldest membership first."""
    joined = [(f.key, m) for f in families.values() for m in f.members]
    joined.sort(key=lambda pair: (pair[1].created_at or EPOCH, pair[1].legacy_id or 0, pair[0]))
    any_role: dict[str, list[FamilyKey]] = {}
    paying: dict[str, list[FamilyKey]] = {}
    for key, m in joined:
        any_role.setdefault(m.phone, []).append(key)
        if m.role in ("owner", "parent"):
            paying.setdefault(m.phone, []).append(key)
    return Homes(any_role, paying)
