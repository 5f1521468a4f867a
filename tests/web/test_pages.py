"""The caregiver pages in a real Chromium: links traded for a cookie, the month, edits that
chat agrees with, reset and undo, and every refusal the server makes."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import asyncpg

from tests.conftest import wait_until
from tests.support.direct import Direct
from tests.support.families import add_member, add_user
from tests.web.conftest import CO_MEMBER, NOW, OWNER, Family, Server
from web.tokens import LinkClaims, LinkSigner

SCREENSHOTS = Path(".data/screenshots")  # for review; .data/ is not committed
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_OPENING = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
# each theme's page background, light and dark, from web/styles/calendar.css
BACKGROUNDS = {
    ("sunrise", "light"): "rgb(255, 248, 240)",
    ("ocean", "light"): "rgb(242, 248, 252)",
    ("forest", "light"): "rgb(244, 248, 241)",
    ("sunrise", "dark"): "rgb(27, 20, 16)",
    ("ocean", "dark"): "rgb(13, 24, 33)",
    ("forest", "dark"): "rgb(17, 26, 15)",
}


def directives(csp: str) -> dict[str, list[str]]:
    named = (part.split() for part in csp.split(";") if part.strip())
    return {name: sources for name, *sources in named}


def sha256_source(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def assert_strict_page(html: str, headers: dict[str, str]) -> None:
    """No inline script, no style attribute, and every <style> allowed by its own hash."""
    csp = headers["content-security-policy"]
    policy = directives(csp)
    assert policy["script-src"] == ["'self'"]
    assert "unsafe-inline" not in csp and "unsafe-hashes" not in csp
    styles = STYLE_ELEMENT.findall(html)
    assert styles and len(styles) == len(STYLE_OPENING.findall(html))
    allowed = set(policy["style-src"])
    assert all(sha256_source(style) in allowed for style in styles)
    assert not INLINE_SCRIPT.search(html)
    assert not INLINE_HANDLER.search(html)
    assert not STYLE_ATTRIBUTE.search(html)
    assert "http://" not in html.replace("http://www.w3.org", "")


async def csrf_of(page) -> str:
    return await page.locator("input[name=csrf]").first.get_attribute("value")


async def test_a_view_link_shows_the_month_and_cannot_write(
    server: Server, family: Family, page, db: asyncpg.Connection
):
    await db.execute(
        "INSERT INTO tt.plans (child_id, month, sessions_paid, cost_paise, carried, used_before) "
        "VALUES ($1, '2026-09-01', 8, 80000, 0, 0)",
        family.child,
    )
    response = await page.goto(server.link(family.owner, family.child, "view"))
    assert page.url == f"{server.base}/calendar/2026-11"  # the token left the address bar
    assert response.status == 200
    assert_strict_page(await page.content(), await response.all_headers())
    cookie = next(c for c in await page.context.cookies() if c["name"] == "tt_cal")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/calendar"
    assert await page.locator("table.grid td a").count() == 30
    assert await page.locator("select").count() == 0  # no editors on a view link
    await page.click("a[rel=prev]")  # months with a plan, and this one
    assert page.url.endswith("/calendar/2026-09")
    assert await page.locator(".figures dd").first.inner_text() == "8"
    await page.goto(f"{server.base}/calendar/2031-01")  # a made-up month: this one, not a 404
    assert page.url.endswith("/calendar/2026-11")

    refused = await page.context.request.post(
        f"{server.base}/calendar/2026-11/days",
        form={"csrf": await csrf_of(page), "d-2026-11-10": "a1"},
        headers={"Origin": server.base},
        max_redirects=0,
    )
    assert refused.status == 403
    assert "only show the month" in await refused.text()


async def test_an_edit_link_saves_two_days_and_chat_agrees(
    server: Server, family: Family, page, direct: Direct, db: asyncpg.Connection
):
    opened = await page.goto(server.link(family.owner, family.child, "edit"))
    assert_strict_page(await opened.text(), await opened.all_headers())
    await page.click("a[href='#d-2026-11-12']")  # the grid opens the day (calendar.js)
    await page.select_option("#s-2026-11-12", "a2")
    await page.click("a[href='#d-2026-11-13']")
    await page.select_option("#s-2026-11-13", "missed")
    await page.fill("#r-2026-11-13", "fever")
    async with page.expect_request(lambda r: r.method == "POST") as posted:
        await page.click("button.save")
    body = (await posted.value).post_data or ""
    assert "d-2026-11-12=a2" in body and "d-2026-11-01" not in body  # only the changes
    await page.wait_for_url(f"{server.base}/calendar/2026-11")
    assert "Saved 2 days." in await page.locator(".flash").inner_text()
    figures = await page.locator(".figures dd").all_inner_texts()
    assert figures[:4] == ["16", "2", "1", "14"]
    assert await page.locator("td.st-attended a").inner_text() == "12\n×2"

    pdf = await page.context.request.get(f"{server.base}/calendar/2026-11/pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert (await pdf.body()).startswith(b"%PDF")

    direct.clock = lambda: NOW
    status = (await direct.say(OWNER, "status"))[0].text
    assert "Attended: 2 of 16" in status and "Missed: 1" in status and "Left: 14" in status

    async def notice_sent() -> bool:  # the batched family update, sent by the running app
        return any("on the web" in text for text in server.graph.texts_to(CO_MEMBER))

    await wait_until(notice_sent)
    notice = next(text for text in server.graph.texts_to(CO_MEMBER) if "on the web" in text)
    assert "edited Asha's calendar on the web: Thu 12 Nov, Fri 13 Nov" in notice


async def test_future_days_and_days_before_tracking_are_refused(
    server: Server, family: Family, page
):
    await page.goto(server.link(family.owner, family.child, "edit"))
    response = await page.context.request.post(
        f"{server.base}/calendar/2026-11/days",
        form={"csrf": await csrf_of(page), "d-2026-11-25": "a1"},
        headers={"Origin": server.base},
    )
    assert response.url == f"{server.base}/calendar/2026-11"  # redirected to a real page
    assert "Wed 25 Nov has not come yet" in await response.text()

    october = await page.context.request.post(
        f"{server.base}/calendar/2026-10/days",
        form={"csrf": await csrf_of(page), "d-2026-10-30": "a1"},
        headers={"Origin": server.base},
    )
    assert "Fri 30 Oct is before tracking started (Sun 1 Nov)" in await october.text()


async def test_reset_needs_the_typed_word_and_can_be_undone(
    server: Server, family: Family, page, db: asyncpg.Connection
):
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count, logged_by) "
        "VALUES ($1, '2026-11-03', 'attended', 1, $2), ($1, '2026-11-04', 'attended', 1, $2)",
        family.child,
        family.owner,
    )
    await page.goto(server.link(family.owner, family.child, "edit"))
    await page.fill("#confirm", "yes")
    await page.click("button.danger")
    assert "type November in the box" in await page.locator(".flash").inner_text()
    assert await page.locator("td.st-attended").count() == 2

    await page.fill("#confirm", "november")
    await page.click("button.danger")
    await page.wait_for_url(f"{server.base}/calendar/2026-11")
    assert "2 entries set aside" in await page.locator(".flash").inner_text()

    async def notice_sent() -> bool:
        return any("reset Asha's November 2026" in t for t in server.graph.texts_to(CO_MEMBER))

    await wait_until(notice_sent)
    assert await page.locator("td.st-attended").count() == 0
    await page.reload()  # a reload after a reset is a page, never a 404
    assert await page.locator("td.st-empty").count() == 30

    await page.click("text=Undo the reset")
    assert "2 entries are back" in await page.locator(".flash").inner_text()
    assert await page.locator("td.st-attended").count() == 2


async def test_tampered_expired_and_revoked_links_get_their_own_pages(
    server: Server, family: Family, page, db: asyncpg.Connection
):
    link = server.link(family.owner, family.child, "view")
    tampered = await page.goto(link[:-3] + "abc")
    assert tampered.status == 403
    assert "not complete or was changed" in await page.content()
    assert_strict_page(await page.content(), await tampered.all_headers())

    old = LinkSigner(("web-test-signing-key-new",), clock=lambda: NOW.timestamp() - 60 * 86400)
    token = old.sign(LinkClaims(family.owner, family.child, 1, "view"))
    await db.execute("UPDATE tt.users SET language = 'hi' WHERE id = $1", family.owner)
    expired = await page.goto(f"{server.base}/c/{token}")
    assert expired.status == 410
    html = await page.content()
    assert "समय-सीमा खत्म" in html and "कैलेंडर" in html  # in the member's language
    assert_strict_page(html, await expired.all_headers())

    await db.execute("UPDATE tt.children SET link_version = link_version + 1")
    revoked = await page.goto(link)
    assert revoked.status == 403
    assert "बंद कर दिया" in await page.content()
    assert_strict_page(await page.content(), await revoked.all_headers())

    no_cookie = await page.context.request.get(f"{server.base}/calendar/2026-11")
    assert no_cookie.status == 401


async def test_cross_origin_posts_and_missing_csrf_tokens_are_refused(
    server: Server, family: Family, page
):
    await page.goto(server.link(family.owner, family.child, "edit"))
    url, csrf = f"{server.base}/calendar/2026-11/days", await csrf_of(page)
    change = {"d-2026-11-10": "a1"}
    attempts = [
        ({"csrf": csrf, **change}, {"Origin": "https://evil.example"}),
        (change, {"Origin": server.base}),
        ({"csrf": "forged", **change}, {"Origin": server.base}),
        ({"csrf": csrf, **change}, {"Sec-Fetch-Site": "cross-site"}),
    ]
    for form, headers in attempts:
        response = await page.context.request.post(url, form=form, headers=headers)
        assert response.status == 403
    await page.reload()
    assert await page.locator("td.st-attended").count() == 0


async def test_screens_per_language_and_theme_fit_a_small_phone(
    server: Server, family: Family, page, db: asyncpg.Connection
):
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count, mood, reason, logged_by) VALUES "
        "($1, '2026-11-02', 'attended', 2, 'great', NULL, $2), "
        "($1, '2026-11-03', 'missed', 1, NULL, NULL, $2), "
        "($1, '2026-11-05', 'attended', 1, 'good', NULL, $2)",
        family.child,
        family.owner,
    )
    await db.execute(
        "INSERT INTO tt.holidays (child_id, day, set_by) VALUES ($1, '2026-11-04', $2)",
        family.child,
        family.owner,
    )
    await page.goto(server.link(family.owner, family.child, "edit"))
    folder = SCREENSHOTS
    folder.mkdir(parents=True, exist_ok=True)
    for language in ("en", "hi", "te"):
        await page.click(f"button[name=language][value={language}]")
        for theme in ("sunrise", "ocean", "forest"):
            await page.click(f"button[name=theme][value={theme}]")
            assert await page.get_attribute("html", "data-theme") == theme
            assert await page.get_attribute("html", "lang") == language
            await page.screenshot(path=str(folder / f"{language}-{theme}.png"), full_page=True)
    await page.set_viewport_size({"width": 320, "height": 640})
    assert await page.evaluate("document.documentElement.scrollWidth") <= 320


async def test_the_inline_stylesheet_applies_under_the_csp_in_every_theme(
    server: Server, family: Family, page
):
    refusals: list[str] = []
    page.on("console", lambda m: refusals.append(m.text) if "Security Policy" in m.text else 0)
    for scheme in ("light", "dark"):
        await page.emulate_media(color_scheme=scheme)
        await page.goto(server.link(family.owner, family.child, "edit"))
        for theme in ("sunrise", "ocean", "forest"):
            await page.click(f"button[name=theme][value={theme}]")
            background = await page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert background == BACKGROUNDS[theme, scheme]
    stylesheets = await page.evaluate("document.querySelectorAll('link[rel=stylesheet]').length")
    assert stylesheets == 0  # nothing to wait for before the first paint
    assert refusals == []


async def test_the_role_and_the_plan_are_read_on_every_request(
    server: Server, family: Family, page, db: asyncpg.Connection
):
    therapist = await add_user(db, "919800000003")
    await add_member(db, family.child, therapist, "therapist")
    await page.goto(server.link(therapist, family.child, "edit"))
    assert await page.locator("#s-2026-11-10 option[value=a1]").count() == 1  # may log
    assert await page.locator("option[value=holiday]").count() == 0
    assert await page.locator("#confirm").count() == 0  # no reset for a therapist
    csrf, origin = await csrf_of(page), {"Origin": server.base}
    holiday = await page.context.request.post(
        f"{server.base}/calendar/2026-11/days",
        form={"csrf": csrf, "d-2026-11-10": "holiday"},
        headers=origin,
    )
    assert "only an owner or parent can mark a day off" in await holiday.text()
    reset = await page.context.request.post(
        f"{server.base}/calendar/2026-11/reset",
        form={"csrf": csrf, "confirm": "November"},
        headers=origin,
    )
    assert reset.status == 403

    await db.execute("DELETE FROM tt.family_pro")  # the plan ran out: the edit link only shows
    await page.reload()
    assert await page.locator("select").count() == 0
    await db.execute("DELETE FROM tt.memberships WHERE user_id = $1", therapist)
    gone = await page.reload()
    assert gone.status == 403 and "no longer a member" in await page.content()
