"""Placeholder replaced by the settings feature."""

from __future__ import annotations

from bot.router import Router

router = Router()
