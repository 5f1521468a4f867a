"""The child a handler works on, its local today, and the permission check the router runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dialog import ids
from dialog.context import Context
from dialog.replies import Button
from tracker.children import Child, select_current_child
from tracker.dates import local_today
from tracker.permissions import Action, allowed


@dataclass(frozen=True, slots=True)
class Family:
    child: Child
    today: date


async def current_family(ctx: Context, action: Action) -> Family | None:
    """The current child if the user may do `action`; otherwise reply why and return None."""
    child = await select_current_child(ctx.conn, ctx.user.id)
    if child is None:
        setup = Button(ids.encode("setup", "start"), ctx.t("btn.setup"))
        ctx.reply(ctx.t("family.no_child"), buttons=(setup,))
        return None
    if not allowed(child.role, action):
        ctx.reply(ctx.t("family.not_allowed", role=ctx.t(f"role.{child.role}")))
        return None
    return Family(child, local_today(ctx.now, child.timezone))
