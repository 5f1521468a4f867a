"""Every feature's handlers, assembled into one router in a visible order."""

from __future__ import annotations

from bot.router import Router
from handlers import (
    consent,
    holidays,
    language,
    media,
    menu,
    onboarding,
    reports,
    sessions,
    setup,
)

FEATURES = (onboarding, consent, menu, language, setup, sessions, holidays, reports, media)


def build_router() -> Router:
    router = Router()
    for feature in FEATURES:
        router.include(feature.router)
    return router
