"""Placeholder replaced by the reports feature."""

from __future__ import annotations

from bot.router import Router

router = Router()
