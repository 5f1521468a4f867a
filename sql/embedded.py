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
        # imported here: production never loads the embedded server
        from pgserver.postgres_server import get_server

    pgdata = (data_dir / "pg").resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    server = get_server(pgdata, cleanup_mode="stop")
    log.info("embedded postgres ready", extra={"pgdata": str(pgdata)})
    return server.get_uri()
