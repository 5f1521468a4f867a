"""Why the tracking core refused an input: a machine-readable code the bot turns into words."""

from __future__ import annotations


class TrackerError(ValueError):
    """Refused input; `code` names the reason and `details` carry values for the reply."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


class InvalidDate(TrackerError):
    """A typed day that cannot be read, does not exist, or cannot be logged."""


class InvalidCount(TrackerError):
    """A number of sessions outside what one day can hold."""


class InvalidPlan(TrackerError):
    """A monthly package that cannot be read or has a field out of bounds."""


class InvalidBulk(TrackerError):
    """A bulk logging command that cannot be read."""
