"""The te catalog: one module per feature."""

from bot.texts.merge import merge
from bot.texts.te import core, holidays, reports, sessions, setup

TEXTS = merge(core, setup, sessions, holidays, reports)
