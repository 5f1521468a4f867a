"""The en catalog: one module per feature."""

from bot.texts.en import core, setup
from bot.texts.merge import merge

TEXTS = merge(core, setup)
