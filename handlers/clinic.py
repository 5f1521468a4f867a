"""The clinic view for someone in many families: children, activity, invites, risk."""

from __future__ import annotations

from dialog.commands import Command
from dialog.context import Context
from dialog.router import Router
from tracker.clinic import at_risk, select_overview
from tracker.dates import local_today
from tracker.permissions import allowed

router = Router()
MAX_RISK_LINES = 12


@router.command("admin")
async def show_clinic(ctx: Context, _: Command) -> None:
    """Counts over the families this user belongs to and a 14-day risk list; stores nothing."""
    today = local_today(ctx.now, ctx.user.timezone)
    children = [c for c in await select_overview(ctx.conn, today) if allowed(c.role, "admin")]
    if not children:
        ctx.reply(ctx.t("admin.none"))
        return
    lines = [
        ctx.t(
            "admin.summary",
            children=len(children),
            active=sum(c.active for c in children),
            pending=sum(c.pending for c in children),
        ),
        "",
    ]
    risky = at_risk(children)
    lines.append(ctx.t("admin.risk_title") if risky else ctx.t("admin.no_risk"))
    lines += [
        ctx.t(f"admin.risk_{c.risk}", name=c.name, attended=c.attended, missed=c.missed)
        for c in risky[:MAX_RISK_LINES]
    ]
    if len(risky) > MAX_RISK_LINES:
        lines.append(ctx.t("admin.more", count=len(risky) - MAX_RISK_LINES))
    ctx.reply("\n".join(lines))
