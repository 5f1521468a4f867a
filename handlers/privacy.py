"""Placeholder replaced by the privacy feature."""

from __future__ import annotations

from bot.router import Router

router = Router()
