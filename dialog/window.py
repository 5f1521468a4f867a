"""Meta's customer-service window: free-form messages only within 24 hours of the user's last."""

from __future__ import annotations

from datetime import datetime, timedelta

WINDOW = timedelta(hours=24) - timedelta(minutes=2)  # a small margin before Meta's 24 h


def window_open(last_inbound_at: datetime | None, now: datetime) -> bool:
    return last_inbound_at is not None and now - last_inbound_at < WINDOW
