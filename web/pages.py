"""The routes: a link traded for a cookie, the month page, and the writes it posts.

GET never changes anything (link previews and scanners open links first). Every request
opens the cookie, checks the member's current role and the family's link version, and is
rate-limited per member; every POST also proves its CSRF token and its Origin, and ends in a
redirect to a page that exists (POST-redirect-GET)."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date

import asyncpg
from quart import Blueprint, Quart, Response, request

from dialog.texts import LANGUAGES
from sql.db import as_user
from tracker.dates import month_bounds, month_of
from tracker.errors import InvalidDate
from web import writes
from web.access import Member, member_for
from web.deps import EXTENSION, WebDeps, deps
from web.guard import CSP, csrf_ok, origin_of, same_origin
from web.render import month_page, problem_page
from web.session import COOKIE, COOKIE_PATH, LIFETIME, WebSession, new_session
from web.tokens import LinkRefused

blueprint = Blueprint(
    "calendar_pages",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/web-static",
)
STATIC_MAX_AGE = 86400
COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript"}
GZIP_LEVEL = 6


def install(app: Quart, web_deps: WebDeps) -> None:
    app.extensions[EXTENSION] = web_deps
    app.register_blueprint(blueprint)


@dataclass(frozen=True, slots=True)
class Visit:
    """One request by a known member, inside its transaction."""

    conn: asyncpg.Connection
    session: WebSession
    member: Member

    @property
    def language(self) -> str:
        return self.session.language or self.member.user.language


class Refusal(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__("refused")
        self.response = response


@blueprint.errorhandler(Refusal)
async def refused(error: Refusal) -> Response:
    return error.response


@blueprint.after_request
async def page_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    # our own forms then carry a real Origin; other sites learn nothing, and no page
    # reached from a link's URL (which holds its token) ever learns that URL
    opening = request.endpoint == "calendar_pages.open_link"
    response.headers["Referrer-Policy"] = "no-referrer" if opening else "same-origin"
    if request.endpoint == "calendar_pages.static":
        response.headers["Cache-Control"] = f"public, max-age={STATIC_MAX_AGE}"
    return await _compressed(response)


async def _compressed(response: Response) -> Response:
    """gzip for pages, CSS and JS when the browser takes it: a month page is about a sixth
    of its size then, which is what a slow 3G line waits for."""
    if (
        response.status_code != 200
        or response.mimetype not in COMPRESSIBLE
        or "gzip" not in request.headers.get("Accept-Encoding", "")
        or "Content-Encoding" in response.headers
    ):
        return response
    response.set_data(gzip.compress(await response.get_data(as_text=False), GZIP_LEVEL))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    return response


@blueprint.get("/c/<token>")
async def open_link(token: str) -> Response:
    """Trade a signed link for the cookie and send the browser to the clean month URL.
    Limited per member named by a link whose signature holds (behind a proxy every client
    shares one address); a forged link costs one HMAC and no database call."""
    web = deps()
    try:
        claims = web.signer.verify(token)
    except LinkRefused as e:
        if e.member_id is None:
            return await problem_page(e.reason, _browser_language(), status=403)
        if not web.openings.allow(f"member:{e.member_id}"):
            return await problem_page("busy", _browser_language(), status=429)
        return await problem_page(e.reason, await _language_of(e.member_id), status=410)
    if not web.openings.allow(f"member:{claims.member_id}"):
        return await problem_page("busy", _browser_language(), status=429)
    async with web.database().transaction(as_user(claims.member_id)) as conn:
        member = await member_for(conn, claims, web.clock())
        if member is None:
            language = await _language_in(conn, claims.member_id)
            return await problem_page("revoked", language, status=403)
    response = see_other(f"{COOKIE_PATH}/{month_of(member.today)}")
    _keep(response, new_session(claims, web.clock().timestamp()))
    return response


@blueprint.get("/calendar")
@blueprint.get("/calendar/")
async def this_month() -> Response:
    async with _visit(writing=False) as visit:
        return see_other(f"{COOKIE_PATH}/{month_of(visit.member.today)}")


@blueprint.get("/calendar/<month>")
async def show_month(month: str) -> Response:
    async with _visit(writing=False) as visit:
        first = _month(month, visit.member)
        if first is None:
            return see_other(f"{COOKIE_PATH}/{month_of(visit.member.today)}")
        html = await month_page(visit.conn, visit.session, visit.member, first, visit.language)
    response = Response(html, content_type="text/html; charset=utf-8")
    if visit.session.flash:
        _keep(response, visit.session.telling())
    return response


@blueprint.post("/calendar/<month>/days")
async def save_days(month: str) -> Response:
    async with _visit(writing=True, editing=True) as visit:
        first = _month(month, visit.member) or visit.member.today.replace(day=1)
        lines = await writes.save_days(visit, first, await request.form)
    return _back(visit, first, lines)


@blueprint.post("/calendar/<month>/reset")
async def reset(month: str) -> Response:
    async with _visit(writing=True, editing=True) as visit:
        first = _month(month, visit.member) or visit.member.today.replace(day=1)
        if not visit.member.can_reset:
            raise Refusal(await problem_page("view_only", visit.language, status=403))
        confirm = (await request.form).get("confirm", "")
        lines = await writes.reset(visit, first, confirm)
    return _back(visit, first, lines)


@blueprint.post("/calendar/undo-reset")
async def undo() -> Response:
    async with _visit(writing=True, editing=True) as visit:
        if not visit.member.can_reset:
            raise Refusal(await problem_page("view_only", visit.language, status=403))
        first, lines = await writes.undo(visit)
    return _back(visit, first, lines)


@blueprint.post("/calendar/theme")
async def choose_theme() -> Response:
    async with _visit(writing=True) as visit:
        form = await request.form
        await writes.theme(visit, form.get("theme", ""))
        first = _month(form.get("month", ""), visit.member) or visit.member.today
    return _back(visit, first, ())


@blueprint.post("/calendar/language")
async def choose_language() -> Response:
    async with _visit(writing=True) as visit:
        form = await request.form
        language = form.get("language", "")
        first = _month(form.get("month", ""), visit.member) or visit.member.today
    session = visit.session.speaking(language) if language in LANGUAGES else visit.session
    return _back(Visit(visit.conn, session, visit.member), first, ())


@blueprint.get("/calendar/<month>/pdf")
async def download_pdf(month: str) -> Response:
    async with _visit(writing=False) as visit:
        first = _month(month, visit.member) or visit.member.today.replace(day=1)
        content, refusal = await writes.month_pdf_or_why(visit, first)
    if content is None:
        return _back(visit, first, (refusal,))
    return content


@asynccontextmanager
async def _visit(*, writing: bool, editing: bool = False) -> AsyncIterator[Visit]:
    """The member behind the cookie, inside a transaction as them; a refusal page when the
    cookie is missing, the link no longer holds, the limit is reached, or a write is not
    proven to come from our own page."""
    web = deps()
    session = web.cookies.open(request.cookies.get(COOKIE))
    if session is None:
        raise Refusal(await problem_page("signed_out", _browser_language(), status=401))
    claims = session.claims
    limiter = web.writes if writing else web.views
    if not limiter.allow(f"member:{claims.member_id}"):
        raise Refusal(await problem_page("busy", session.language or "en", status=429))
    if writing:
        await _check_write(session, editing=editing)
    async with web.database().transaction(as_user(claims.member_id)) as conn:
        member = await member_for(conn, claims, web.clock())
        if member is None:
            language = await _language_in(conn, claims.member_id)
            raise Refusal(await problem_page("revoked", language, status=403))
        if editing and not member.can_edit:
            raise Refusal(await problem_page("view_only", member.user.language, status=403))
        yield Visit(conn, session, member)


async def _check_write(session: WebSession, *, editing: bool) -> None:
    language = session.language or "en"
    headers = request.headers
    if not same_origin(headers.get("Origin"), headers.get("Sec-Fetch-Site"), _own_origin()):
        raise Refusal(await problem_page("origin", language, status=403))
    if not csrf_ok((await request.form).get("csrf"), session.csrf):
        raise Refusal(await problem_page("origin", language, status=403))
    if editing and session.claims.purpose != "edit":
        raise Refusal(await problem_page("view_only", language, status=403))


def _own_origin() -> str:
    public = deps().public_url
    return origin_of(public) if public else f"{request.scheme}://{request.host}"


def _month(text: str, member: Member) -> date | None:
    """The first day of a 'YYYY-MM' month up to today's; None otherwise, so a stale or
    made-up URL lands on this month instead of a 404."""
    try:
        first = month_bounds(text)[0]
    except InvalidDate:
        return None
    return first if first <= member.today else None


def _back(visit: Visit, month: date, lines: tuple[str, ...] | list[str]) -> Response:
    response = see_other(f"{COOKIE_PATH}/{month_of(month)}")
    _keep(response, visit.session.telling(*lines))
    return response


def see_other(location: str) -> Response:
    """303: the browser GETs `location` next, whatever method brought it here."""
    return Response("", status=303, headers={"Location": location})


def _keep(response: Response, session: WebSession) -> None:
    secure = deps().public_url.startswith("https://") or request.scheme == "https"
    now = deps().clock().timestamp()
    response.set_cookie(
        COOKIE,
        deps().cookies.seal(session),
        max_age=max(0, int(LIFETIME.total_seconds() - (now - session.opened_at))),
        path=COOKIE_PATH,
        httponly=True,
        secure=secure,
        samesite="Lax",
    )


async def _language_of(member_id: int) -> str:
    async with deps().database().transaction(as_user(member_id)) as conn:
        return await _language_in(conn, member_id)


async def _language_in(conn: asyncpg.Connection, member_id: int) -> str:
    """The member's language; the browser's once they have erased their data."""
    language = await conn.fetchval("SELECT language FROM tt.users WHERE id = $1", member_id)
    return str(language) if language else _browser_language()


def _browser_language() -> str:
    return request.accept_languages.best_match(LANGUAGES, default="en") or "en"
