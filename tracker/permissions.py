"""The one table that decides who may do what; anything unknown is refused."""

from __future__ import annotations

from typing import Literal

Action = Literal[
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
    "reset_month",
    "revoke_links",
]
Role = Literal["owner", "parent", "therapist"]

THERAPIST: frozenset[Action] = frozenset(
    {"view", "log", "notes", "members_view", "data", "admin", "leave"}
)
PARENT: frozenset[Action] = THERAPIST | {
    "setup",
    "holidays",
    "members_manage",
    "billing",
    "reset_month",
    "revoke_links",
}
PERMISSIONS: dict[str, frozenset[Action]] = {
    "owner": PARENT | {"transfer", "remove_owner"},
    "parent": PARENT,
    "therapist": THERAPIST,
}


def allowed(role: str | None, action: Action) -> bool:
    """True only when the role is known and the table grants the action (fail closed)."""
    return action in PERMISSIONS.get(role or "", frozenset())
