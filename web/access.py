"""Who is asking, decided afresh on every request: the link only names a member and a child;
the database says whether that member still belongs to the child, in which role, and whether
the family has revoked its links since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import asyncpg

from payments.pro import allows as pro_allows
from tracker.children import Child, select_children
from tracker.dates import local_today
from tracker.link_versions import link_version
from tracker.permissions import allowed
from tracker.users import User, select_user
from web.tokens import LinkClaims


@dataclass(frozen=True, slots=True)
class Member:
    """The member behind a request, with what the page lets them do today."""

    user: User
    child: Child
    today: date  # in the child's time zone
    can_edit: bool  # an edit link, a role that logs, and a plan that has edit links
    can_reset: bool  # editing, and an owner or parent
    can_mark_holidays: bool

    @property
    def viewing_only(self) -> bool:
        return not self.can_edit


async def member_for(conn: asyncpg.Connection, claims: LinkClaims, now: datetime) -> Member | None:
    """The member the claims name, or None when the link no longer holds: they left the
    family, their role cannot view, or the family's link version moved on (revoked). Run as
    that member (row security), so only their own families are visible."""
    child = next((c for c in await select_children(conn) if c.id == claims.child_id), None)
    if child is None or not allowed(child.role, "view"):
        return None
    if await link_version(conn, child.id) != claims.version:
        return None
    editing = (
        claims.purpose == "edit"
        and allowed(child.role, "log")
        and await pro_allows(conn, child.id, "caregiver_edit_links", now)
    )
    return Member(
        user=await select_user(conn, claims.member_id),
        child=child,
        today=local_today(now, child.timezone),
        can_edit=editing,
        can_reset=editing and allowed(child.role, "reset_month"),
        can_mark_holidays=editing and allowed(child.role, "holidays"),
    )
