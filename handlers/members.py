"""Placeholder replaced by the members feature."""

from __future__ import annotations

from bot.router import Router

router = Router()
