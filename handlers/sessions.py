"""Placeholder replaced by the sessions feature."""

from __future__ import annotations

from bot.router import Router

router = Router()
