"""The embedded Postgres used when no DATABASE_URL is given: data in a local folder."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

log = logging.getLogger(__name__)


def start_embedded(data_dir: Path) -> str:
    """Start (or join) the embedded server under `data_dir` and return its DSN."""
    with warnings.catch_warnings():
        # pgserver picks a lock folder at import and warns when XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        import pgserver  # imported here: production never loads the embedded server

    pgdata = (data_dir / "pg").resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    log.info("embedded postgres ready", extra={"pgdata": str(pgdata)})
    return server.get_uri()
