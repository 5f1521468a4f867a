"""Where the team's shared sample payloads are, when this machine has them."""

from __future__ import annotations

import os
from pathlib import Path


def shared_fixtures() -> Path:
    """SHARED_FIXTURES if set, else a `shared/fixtures` beside any folder above this clone."""
    configured = os.environ.get("SHARED_FIXTURES")
    if configured:
        return Path(configured)
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared" / "fixtures"
        if candidate.is_dir():
            return candidate
    return Path("shared-fixtures-not-found")
