"""Structured logs: one JSON line per event, phone numbers masked wherever they appear.

What a person typed must never be logged; as a second line of defence every digit run that
could be a phone number is masked, and an exception is logged as its types and frames only
(its message can quote a typed text, a database row or a URL with a token)."""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sys
import traceback
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tracker.phones import mask_phone

# Digits with at most two separators between any two of them (+91-98765-43210, (987) 654 3210,
# 98765.43210), also glued to letters, '_' or '.'; from seven digits on it could be a phone.
# An ISO date on its own (a real one: "0000-00-00" is a number) is matched first and kept.
ISO_DATE = r"(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
DIGIT_RUN = re.compile(rf"({ISO_DATE}(?!\d))|\+?\(?\d(?:[ \-./()]{{0,2}}\d)+")
PHONE_MIN_DIGITS = 7
MAX_CHAINED = 5
# Not fields either: the servers' copies of the line (uvicorn's `color_message`, with terminal
# colours; the time Hypercorn's own handler formatted, `asctime`)
STANDARD_ATTRS = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "color_message",
    "asctime",
}
# What a line is about, on every line: the HTTP request being answered (X-Request-Id), and the
# inbound message being handled or answered (its tt.inbound_messages id).
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
message_id: ContextVar[int | None] = ContextVar("message_id", default=None)


@contextlib.contextmanager
def about_message(inbound_id: int | None, request: str | None = None) -> Iterator[None]:
    """Lines logged inside the block name this inbound message, and the webhook request that
    brought it when known (the request was answered by a web process, maybe another one)."""
    message_token = message_id.set(inbound_id)
    request_token = request_id.set(request) if request is not None else None
    try:
        yield
    finally:
        message_id.reset(message_token)
        if request_token is not None:
            request_id.reset(request_token)


class ContextFilter(logging.Filter):
    """Adds the request id and message id of the running task to each record (an explicit
    `extra` wins)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        if not hasattr(record, "message_id"):
            record.message_id = message_id.get()
        return True


def _mask_run(match: re.Match[str]) -> str:
    run = match[0]
    if match[1] or sum(ch.isdigit() for ch in run) < PHONE_MIN_DIGITS:
        return run
    return mask_phone(run)


def mask_text(text: str) -> str:
    return DIGIT_RUN.sub(_mask_run, text)


def _field(value: Any) -> Any:
    """A log field as JSON can carry it, masked; an int keeps its type unless it was masked."""
    if value is None or isinstance(value, bool | float):
        return value
    try:
        text = value if isinstance(value, str) else str(value)
    except Exception:  # a value that cannot even be shown is named by its type
        return type(value).__name__
    masked = mask_text(text)
    return value if isinstance(value, int) and masked == text else masked


def outline(error: BaseException | None) -> str:
    """An exception chain as types and frames, never the messages."""
    parts: list[str] = []
    while error is not None and len(parts) < MAX_CHAINED:
        frames = [
            f"{'/'.join(Path(f.filename).parts[-2:])}:{f.lineno} {f.name}"
            for f in traceback.extract_tb(error.__traceback__)
        ]
        code = getattr(error, "sqlstate", None)
        kind = type(error).__qualname__ + (f" [{code}]" if isinstance(code, str) else "")
        parts.append(f"{kind} at {' < '.join(reversed(frames)) or '?'}")
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    return "; while handling ".join(parts)


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
                event[key] = _field(value)
        if record.exc_info:
            event["error"] = mask_text(outline(record.exc_info[1]))
        return json.dumps(event, ensure_ascii=False, default=str)


def configure(level: str = "INFO", *, path: Path | None = None) -> None:
    """JSON lines on stderr, or appended to `path` (the chat keeps its terminal for people)."""
    handler: logging.Handler = logging.StreamHandler(sys.stderr)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ContextFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("hypercorn.access", "httpx", "apscheduler", "pgserver"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
