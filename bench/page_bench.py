"""The caregiver month page on a cheap phone's network: what it weighs on the wire (gzip) and
how long it takes to render over Chrome DevTools' 3G profile, in Debian's headless chromium.

    python bench/page_bench.py [--runs 5] [--chromium /usr/bin/chromium]

A throwaway database (see bench/README.md) holds a child with a full November 2026: every
day logged, some twice, with moods, reasons and days off. The app runs in this process on a
clock fixed at 30 Nov; the page is opened through a signed edit link (the heaviest page:
every day has its editor). Prints the numbers against the targets (30 KB, 1 s) and the load
average; asserts nothing."""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg
from hypercorn.asyncio import serve
from hypercorn.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import bench_database, free_port
from bot.app import create_app
from bot.config import Settings
from sql.cipher import Cipher
from sql.migrate import apply_pending
from web.tokens import LinkClaims, LinkSigner

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
MONTH = date(2026, 11, 1)
KEYS = ("bench-link-signing-key-0001",)
TARGET_BYTES = 30 * 1024
TARGET_SECONDS = 1.0
# Chrome DevTools' "3G" (formerly "Fast 3G"): 562.5 ms round trip, 1.44 Mbit/s down,
# 675 kbit/s up.
THREE_G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
    "uploadThroughput": 750 * 1024 / 8 * 0.9,
}


async def seed(dsn: str) -> tuple[int, int]:
    """A parent with Pro Plus and a month in which every day has something."""
    conn = await asyncpg.connect(dsn)
    cipher = Cipher([KEY])  # the app reads reasons with the same key
    user = await conn.fetchval(
        "INSERT INTO tt.users (phone, welcomed_at, last_inbound_at) "
        "VALUES ('919811111111', now(), now()) RETURNING id"
    )
    child = await conn.fetchval(
        "INSERT INTO tt.children (name, created_by, tracking_since) VALUES ('Asha', $1, $2) "
        "RETURNING id",
        user,
        MONTH,
    )
    await conn.execute(
        "INSERT INTO tt.memberships (child_id, user_id, role, accepted_at) "
        "VALUES ($1, $2, 'owner', now())",
        child,
        user,
    )
    await conn.execute(
        "INSERT INTO tt.plans (child_id, month, sessions_paid, cost_paise, carried, used_before)"
        " VALUES ($1, $2, 20, 80000, 2, 0)",
        child,
        MONTH,
    )
    for n in range(30):
        day = MONTH + timedelta(days=n)
        if n % 7 == 6:
            await conn.execute(
                "INSERT INTO tt.holidays (child_id, day, set_by) VALUES ($1, $2, $3)",
                child,
                day,
                user,
            )
        elif n % 5 == 4:
            await conn.execute(
                "INSERT INTO tt.sessions (child_id, day, status, count, reason, logged_by) "
                "VALUES ($1, $2, 'missed', 1, $3, $4)",
                child,
                day,
                cipher.encrypt_text("fever and a cold, stayed home"),
                user,
            )
        else:
            await conn.execute(
                "INSERT INTO tt.sessions (child_id, day, status, count, mood, logged_by) "
                "VALUES ($1, $2, 'attended', $3, 'good', $4)",
                child,
                day,
                1 + n % 2,
                user,
            )
    await conn.execute(
        "INSERT INTO tt.family_pro (child_id, plan_code, expires_at) "
        "VALUES ($1, 'pro_plus_499', $2)",
        child,
        NOW + timedelta(days=30),
    )
    await conn.close()
    return user, child


KEY = Cipher.new_key()


async def measure(base: str, link: str, runs: int, chromium: str) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-background-networking"]
        )
        context = await browser.new_context(viewport={"width": 360, "height": 740})
        page = await context.new_page()
        await page.goto(link)  # trades the link for the cookie
        url = page.url
        cdp = await context.new_cdp_session(page)
        await cdp.send("Network.enable")
        await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        sizes: dict[str, float] = {}
        cdp.on(
            "Network.loadingFinished",
            lambda e: sizes.update({e["requestId"]: e["encodedDataLength"]}),
        )
        await page.goto(url)
        wire = sum(sizes.values())
        await cdp.send("Network.emulateNetworkConditions", THREE_G)
        first = await timings(page, url, runs)
        await cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        await page.goto(url)  # the JS is now cached for a day, as on a second visit
        again = await timings(page, url, runs)
        await browser.close()
    load = os.getloadavg()
    print(
        f"page weight on the wire (gzip, first visit, HTML with its CSS inline + JS, headers "
        f"included): "
        f"{wire / 1024:.1f} KB; target {TARGET_BYTES // 1024} KB; ratio {wire / TARGET_BYTES:.2f}"
    )
    for visit, (paint, done) in (("first visit", first), ("later visit", again)):
        print(
            f"3G profile ({THREE_G['latency']} ms RTT, 1.44 Mbit/s), {visit}, median of {runs}: "
            f"first contentful paint {paint:.2f} s, load event {done:.2f} s; target "
            f"{TARGET_SECONDS:.0f} s; ratio {paint / TARGET_SECONDS:.2f} (paint)"
        )
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


async def timings(page: object, url: str, runs: int) -> tuple[float, float]:
    """Median first contentful paint and load event, in seconds from the navigation start."""
    paints, loads = [], []
    for _ in range(runs):
        await page.goto(url)  # type: ignore[attr-defined]
        paint, load = await page.evaluate(  # type: ignore[attr-defined]
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " const p = performance.getEntriesByName('first-contentful-paint')[0];"
            " return [p ? p.startTime : n.loadEventEnd, n.loadEventEnd]; }"
        )
        paints.append(paint / 1000)
        loads.append(load / 1000)
    return statistics.median(paints), statistics.median(loads)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    async with bench_database(Path("/tmp")) as dsn:
        await apply_pending(dsn)
        user, child = await seed(dsn)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        settings = Settings(
            app_env="test",
            database_url=dsn,
            whatsapp_app_secret="bench-secret",
            whatsapp_verify_token="bench-verify",
            data_encryption_keys=(KEY,),
            auto_migrate=False,
            public_base_url=base,
            link_signing_keys=KEYS,
        )
        app = create_app(settings, clock=lambda: NOW)
        config = Config()
        config.bind = [f"127.0.0.1:{port}"]
        config.accesslog = None
        stop = asyncio.Event()
        server = asyncio.create_task(serve(app, config, shutdown_trigger=stop.wait))  # type: ignore[arg-type]
        await asyncio.sleep(1.0)
        link = f"{base}/c/{LinkSigner(KEYS).sign(LinkClaims(user, child, 1, 'edit'))}"
        try:
            await measure(base, link, args.runs, args.chromium)
        finally:
            stop.set()
            await server


if __name__ == "__main__":
    asyncio.run(main())
