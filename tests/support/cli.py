"""`python -m bot …` in a subprocess with an environment made only of what a test names."""

import os
import subprocess
import sys
from typing import Any


def run_bot(
    *args: str, env: dict[str, str], check: bool = False
) -> subprocess.CompletedProcess[Any]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
    )


def bot_env(database_url: str, **extra: str) -> dict[str, str]:
    """A test-mode environment on `database_url` with throwaway secrets."""
    return {
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "WHATSAPP_APP_SECRET": "s",
        "WHATSAPP_VERIFY_TOKEN": "v",
    } | extra
