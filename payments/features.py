"""The one table of what Pro gates, read by every feature that checks before going on.

Logging, status, summaries, notes, members and reminders are not in it: they stay free, since
the free plan is for tracking therapy. Pro adds the conveniences around it."""

from __future__ import annotations

from typing import Literal

Feature = Literal["pdf_report", "monthly_push", "caregiver_edit_links", "extra_children"]

# Each gated feature and the lowest plan rank that unlocks it (payments/plans.py).
GATES: dict[Feature, int] = {
    "pdf_report": 1,  # the monthly report as a PDF, on demand
    "monthly_push": 1,  # that PDF sent to the family when a month ends
    "caregiver_edit_links": 2,  # edit links on the caregiver page
    "extra_children": 2,  # more than one child in one account
}


def unlocked_at(rank: int) -> tuple[Feature, ...]:
    """The features a plan of `rank` unlocks, in the table's order."""
    return tuple(feature for feature, lowest in GATES.items() if lowest <= rank)


def unlocked(feature: Feature, active_rank: int) -> bool:
    """Whether a family whose active plan has `active_rank` (0: no active plan) may use it."""
    return GATES[feature] <= active_rank
