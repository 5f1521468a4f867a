"""Placeholder: the setup feature (children and the monthly plan) is being written."""

from __future__ import annotations

from bot.router import Router

router = Router()
