"""Family members, invites and role requests (RLS and the tt.* functions of 0003 guard rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg

from sql.db import fetch_one, fetch_optional, fetch_value

ROLES = ("owner", "parent", "therapist")


@dataclass(frozen=True, slots=True)
class Person:
    """Someone we may message: what their language is and whether they can be reached."""

    user_id: int
    language: str
    consent: str
    last_inbound_at: datetime | None


@dataclass(frozen=True, slots=True)
class Member:
    person: Person
    phone: str | None
    role: str
    status: str
    invite_channel: str | None
    proposed_role: str | None

    @property
    def user_id(self) -> int:
        return self.person.user_id


@dataclass(frozen=True, slots=True)
class InviteResult:
    outcome: str
    role: str


@dataclass(frozen=True, slots=True)
class FamilyInvite:
    """An invite as the family sees it: the number typed, never who it belongs to."""

    id: int
    phone: str
    role: str
    invite_channel: str | None


@dataclass(frozen=True, slots=True)
class Invite:
    child_id: int
    child_name: str
    role: str
    inviter_phone: str | None
    inviter: Person | None


@dataclass(frozen=True, slots=True)
class RoleRequest:
    child_id: int
    child_name: str
    role: str
    proposed_role: str
    proposer_phone: str | None


@dataclass(frozen=True, slots=True)
class RoleAnswer:
    outcome: str
    new_role: str
    old_role: str
    proposer_id: int | None


SELECT_MEMBERS = """
SELECT m.user_id, u.phone, u.language, u.consent, u.last_inbound_at, m.role, m.status,
       m.invite_channel, m.proposed_role
FROM tt.memberships m JOIN tt.users u ON u.id = m.user_id
WHERE m.child_id = $1
ORDER BY m.status, array_position(ARRAY['owner', 'parent', 'therapist'], m.role), m.created_at
"""

# Someone already in one of the acting user's families: all the inviter may know of a number.
SELECT_KNOWN_PERSON = """
SELECT u.id AS user_id, u.language, u.consent, u.last_inbound_at
FROM tt.users u
WHERE u.phone = $1 AND EXISTS (
    SELECT 1 FROM tt.memberships m
    WHERE m.user_id = u.id AND m.status = 'active' AND m.child_id IN (SELECT tt.my_child_ids()))
"""

SELECT_ROLE_REQUESTS = """
SELECT m.child_id, c.name AS child_name, m.role, m.proposed_role, u.phone AS proposer_phone
FROM tt.memberships m
JOIN tt.children c ON c.id = m.child_id
LEFT JOIN tt.users u ON u.id = m.proposed_by
WHERE m.user_id = tt.acting_user_id() AND m.status = 'active' AND m.proposed_role IS NOT NULL
ORDER BY m.proposed_at
"""


def _person(row: asyncpg.Record, prefix: str = "") -> Person:
    return Person(
        row[f"{prefix}id"] if prefix else row["user_id"],
        row[f"{prefix}language"],
        row[f"{prefix}consent"],
        row[f"{prefix}last_inbound_at"],
    )


async def select_members(conn: asyncpg.Connection, child_id: int) -> list[Member]:
    """Everyone in the child's family, active first, then pending invites."""
    return [
        Member(
            _person(r), r["phone"], r["role"], r["status"], r["invite_channel"], r["proposed_role"]
        )
        for r in await conn.fetch(SELECT_MEMBERS, child_id)
    ]


async def select_membership_counts(conn: asyncpg.Connection) -> tuple[int, int]:
    """How many families the acting user is in (active) and invited to (pending)."""
    row = await fetch_one(
        conn,
        "SELECT (SELECT count(*) FROM tt.memberships WHERE user_id = tt.acting_user_id() "
        "AND status = 'active') AS active, (SELECT count(*) FROM tt.my_invites()) AS pending",
    )
    return row["active"], row["pending"]


async def select_known_person(conn: asyncpg.Connection, phone: str) -> Person | None:
    """The owner of `phone` when they are already in one of the acting user's families."""
    row = await conn.fetchrow(SELECT_KNOWN_PERSON, phone)
    return _person(row) if row else None


async def insert_invite(
    conn: asyncpg.Connection, child_id: int, phone: str, role: str, channel: str
) -> InviteResult:
    """Store a pending invite for `phone` (no user is created); see tt.invite_member."""
    row = await fetch_one(
        conn, "SELECT * FROM tt.invite_member($1, $2, $3, $4)", child_id, phone, role, channel
    )
    return InviteResult(row["outcome"], row["member_role"])


async def select_family_invites(conn: asyncpg.Connection, child_id: int) -> list[FamilyInvite]:
    """The family's pending invites, oldest first."""
    rows = await conn.fetch(
        "SELECT id, phone, role, invite_channel FROM tt.invites WHERE child_id = $1 "
        "ORDER BY created_at, id",
        child_id,
    )
    return [FamilyInvite(**dict(row)) for row in rows]


async def delete_family_invite(conn: asyncpg.Connection, child_id: int, invite_id: int) -> bool:
    """Cancel one of the family's invites; False when it is no longer there."""
    return await fetch_value(conn, bool, "SELECT tt.cancel_invite($1, $2)", child_id, invite_id)


async def select_invites(conn: asyncpg.Connection) -> list[Invite]:
    """The acting user's pending invites, oldest first."""
    return [
        Invite(
            r["child_id"],
            r["child_name"],
            r["role"],
            r["inviter_phone"],
            _person(r, "inviter_") if r["inviter_id"] else None,
        )
        for r in await conn.fetch("SELECT * FROM tt.my_invites()")
    ]


async def update_invite_accepted(conn: asyncpg.Connection, child_id: int) -> str | None:
    """Accept the invite to `child_id`; the role, or None when there is no such invite."""
    return await fetch_optional(conn, str, "SELECT tt.accept_invite($1)", child_id)


async def delete_invite(conn: asyncpg.Connection, child_id: int) -> bool:
    return await fetch_value(conn, bool, "SELECT tt.reject_invite($1)", child_id)


async def delete_member(conn: asyncpg.Connection, child_id: int, user_id: int) -> str:
    """Remove a member or invite, or leave: removed, left, not_member or last_owner."""
    return await fetch_value(conn, str, "SELECT tt.remove_member($1, $2)", child_id, user_id)


async def update_role_proposal(
    conn: asyncpg.Connection, child_id: int, user_id: int, role: str
) -> bool:
    """Ask an active member to take `role`; nothing changes until they accept."""
    return await fetch_value(
        conn, bool, "SELECT tt.propose_role($1, $2, $3)", child_id, user_id, role
    )


async def select_role_requests(conn: asyncpg.Connection) -> list[RoleRequest]:
    return [RoleRequest(**dict(r)) for r in await conn.fetch(SELECT_ROLE_REQUESTS)]


async def update_role_answer(
    conn: asyncpg.Connection, child_id: int, accept: bool
) -> RoleAnswer | None:
    """Apply or drop the acting member's role request; None when there was none."""
    row = await conn.fetchrow("SELECT * FROM tt.answer_role_request($1, $2)", child_id, accept)
    return RoleAnswer(**dict(row)) if row else None
