"""The en catalog: one module per feature."""

from bot.texts.en import core, holidays, reports, sessions, setup
from bot.texts.merge import merge

TEXTS = merge(core, setup, sessions, holidays, reports)
