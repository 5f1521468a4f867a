"""A settings row that switches one of the member's scheduled messages."""

from __future__ import annotations

from dialog import ids
from dialog.context import Context
from dialog.replies import Row


def switch_row(ctx: Context, setting: str, action: str) -> Row:
    """The row whose choice is `setting:action`, titled from row.settings_<setting>_<action>."""
    return Row(
        ids.encode(setting, action),
        ctx.t(f"row.settings_{setting}_{action}"),
        ctx.t(f"row.settings_{setting}_{action}.desc"),
    )
