"""The one table that decides who may do what; anything unknown is refused."""

from __future__ import annotations

PERMISSIONS: dict[str, frozenset[str]] = {
    "owner": frozenset(
        {
            "view",
            "log",
            "notes",
            "setup",
            "holidays",
            "members_view",
            "members_manage",
            "billing",
            "data",
            "admin",
            "leave",
            "transfer",
            "remove_owner",
        }
    ),
    "parent": frozenset(
        {
            "view",
            "log",
            "notes",
            "setup",
            "holidays",
            "members_view",
            "members_manage",
            "billing",
            "data",
            "admin",
            "leave",
        }
    ),
    "therapist": frozenset({"view", "log", "notes", "members_view", "data", "admin", "leave"}),
}


def allowed(role: str | None, action: str) -> bool:
    """True only when the role is known and the table grants the action (fail closed)."""
    return action in PERMISSIONS.get(role or "", frozenset())
