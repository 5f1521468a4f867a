"""The te catalog: one module per feature."""

from bot.texts.te import core
from bot.texts.merge import merge

TEXTS = merge(core)
