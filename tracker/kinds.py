"""The fixed words the domain stores for a session, named once for every module."""

from __future__ import annotations

from typing import Literal

Status = Literal["attended", "missed"]
STATUSES: tuple[Status, ...] = ("attended", "missed")
Mood = Literal["great", "good", "okay", "tough"]
MOODS: tuple[Mood, ...] = ("great", "good", "okay", "tough")
