"""The en catalog: one module per feature."""

from bot.texts.en import core
from bot.texts.merge import merge

TEXTS = merge(core)
