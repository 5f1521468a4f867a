"""Placeholder replaced by the notes feature."""

from __future__ import annotations

from bot.router import Router

router = Router()
