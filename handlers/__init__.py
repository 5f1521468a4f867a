"""Every feature's handlers, assembled into one router in a visible order."""

from __future__ import annotations

from dialog.router import Router
from handlers import (
    calendar_link,
    consent,
    holidays,
    language,
    log_sentences,
    media,
    members,
    menu,
    month_reset,
    my_data,
    notes,
    onboarding,
    payments,
    pdf_report,
    reports,
    sessions,
    settings,
    setup,
    small_talk,
    themes,
)

# Gates run in this order too: consent first, then the pending-invite gate of members.
FEATURES = (
    onboarding,
    consent,
    members,
    menu,
    language,
    setup,
    sessions,
    log_sentences,
    small_talk,
    holidays,
    reports,
    pdf_report,
    notes,
    my_data,
    settings,
    payments,
    calendar_link,
    month_reset,
    themes,
    media,
)


def build_router() -> Router:
    router = Router()
    for feature in FEATURES:
        router.include(feature.router)
    return router
