"""The te catalog: one module per feature."""

from bot.texts.te import core, setup
from bot.texts.merge import merge

TEXTS = merge(core, setup)
