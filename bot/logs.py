"""Structured logs: one JSON line per event, phone numbers masked wherever they appear."""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from tracker.phones import mask_phone

PHONE_RUN = re.compile(r"(?<![\w.])\+?(\d{2})\d{4,9}(\d{4})(?!\w)")
STANDARD_ATTRS = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message"}


def mask_text(text: str) -> str:
    return PHONE_RUN.sub(lambda m: mask_phone(m[0]), text)


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object; extras become fields, text is masked."""

    def format(self, record: logging.LogRecord) -> str:
        event = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": mask_text(record.getMessage()),
        }
        for key, value in record.__dict__.items():
            if key not in STANDARD_ATTRS and not key.startswith("_"):
                event[key] = mask_text(value) if isinstance(value, str) else value
        if record.exc_info:
            event["error"] = mask_text(self.formatException(record.exc_info))
        return json.dumps(event, ensure_ascii=False, default=str)


def configure(level: str = "INFO", *, path: Path | None = None) -> None:
    """JSON lines on stderr, or appended to `path` (the chat keeps its terminal for people)."""
    handler: logging.Handler = logging.StreamHandler(sys.stderr)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("hypercorn.access", "httpx", "apscheduler", "pgserver"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
