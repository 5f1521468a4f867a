"""What a public endpoint must not reveal: software names and versions, the host, the
database's address, secrets; and no header beyond the ones we mean to send."""

from __future__ import annotations

import platform
import socket
from collections.abc import Iterable, Mapping
from importlib.metadata import version
from urllib.parse import urlsplit

from bot.health import SECURITY_HEADERS

MEANT = {"content-type", "content-length", "date", "x-request-id"} | {
    name.lower() for name in SECURITY_HEADERS
}
SOFTWARE = ("quart", "hypercorn", "asyncpg", "werkzeug", "prometheus-client", "therapy-tracker")


def revealed(
    headers: Mapping[str, str], body: bytes, database_url: str, secrets: Iterable[str]
) -> list[str]:
    """Everything in the answer that should not be there, by what it is."""
    pairs = list(headers.items())
    found = [f"header {name}" for name, _ in pairs if name.lower() not in MEANT]
    text = (body.decode(errors="replace") + " " + " ".join(v for _, v in pairs)).lower()
    db = urlsplit(database_url)
    giveaways = {
        "python version": platform.python_version(),
        "host name": socket.gethostname(),
        "database port": f":{db.port}" if db.port else "",
        "database name": db.path.strip("/"),
        **{name: name for name in SOFTWARE},
        **{f"{name} version": version(name) for name in SOFTWARE},
        **{f"secret {n}": secret for n, secret in enumerate(secrets)},
    }
    return found + [what for what, value in giveaways.items() if value and value.lower() in text]
