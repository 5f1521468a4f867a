"""The pages' stylesheet, inlined into every page's <head>: on a 3G line a linked stylesheet
costs a second round trip before the first paint. The CSP lets exactly this text through by
its hash, so no other inline style can run."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

STYLESHEET = Path(__file__).parent / "styles" / "calendar.css"
PAGE_STYLE = STYLESHEET.read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """The CSP source that allows an inline <style> whose text is exactly `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
