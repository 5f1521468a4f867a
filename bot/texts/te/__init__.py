"""The te catalog: one module per feature."""

from bot.texts.merge import merge
from bot.texts.te import (
    core,
    holidays,
    members,
    notes,
    privacy,
    reports,
    sessions,
    settings,
    setup,
)

TEXTS = merge(core, setup, sessions, holidays, reports, members, notes, privacy, settings)
