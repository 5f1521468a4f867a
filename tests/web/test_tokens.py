"""Signed links and their cookie, without a browser: purposes, lifetimes, rotation, tampering."""

from __future__ import annotations

import pytest

from web.guard import RateLimiter, same_origin
from web.session import SessionCookie, new_session
from web.tokens import LIFETIMES, LinkClaims, LinkRefused, LinkSigner

NOW = 2_000_000_000.0
CLAIMS = LinkClaims(member_id=7, child_id=3, version=2, purpose="edit")


def signer(*keys: str, at: float = NOW) -> LinkSigner:
    return LinkSigner(keys, clock=lambda: at)


def test_a_link_names_ids_only_and_verifies_back():
    token = signer("new-key").sign(CLAIMS)
    assert signer("new-key").verify(token) == CLAIMS
    assert "919" not in token and len(token) < 80


def test_keys_rotate_sign_with_the_first_accept_all():
    old_token = signer("old-key").sign(CLAIMS)
    rotated = signer("new-key", "old-key")
    assert rotated.verify(old_token) == CLAIMS
    assert signer("new-key").verify(rotated.sign(CLAIMS)) == CLAIMS
    with pytest.raises(LinkRefused) as refused:
        signer("new-key").verify(old_token)  # the old key was dropped
    assert refused.value.reason == "tampered"


@pytest.mark.parametrize("purpose", ["view", "edit"])
def test_each_purpose_lives_its_own_lifetime(purpose):
    claims = LinkClaims(7, 3, 2, purpose)
    lifetime = LIFETIMES[purpose].total_seconds()
    token = signer("k", at=NOW - lifetime + 60).sign(claims)
    assert signer("k").verify(token) == claims
    stale = signer("k", at=NOW - lifetime - 60).sign(claims)
    with pytest.raises(LinkRefused) as refused:
        signer("k").verify(stale)
    assert (refused.value.reason, refused.value.member_id) == ("expired", 7)


def test_a_view_link_never_verifies_as_an_edit_link():
    view = signer("k").sign(LinkClaims(7, 3, 2, "view"))
    with pytest.raises(LinkRefused) as refused:
        signer("k").verify("e" + view[1:])
    assert refused.value.reason == "tampered"


@pytest.mark.parametrize("bad", ["", "x", "v.", "v.abc.def.ghi", "z.eyJtIjo3fQ.aaa.bbb"])
def test_garbage_is_tampered(bad):
    with pytest.raises(LinkRefused) as refused:
        signer("k").verify(bad)
    assert refused.value.reason == "tampered" and refused.value.member_id is None


def test_the_cookie_keeps_claims_csrf_language_and_flash_and_refuses_changes():
    cookies = SessionCookie(("k",), clock=lambda: NOW)
    session = new_session(CLAIMS, NOW).speaking("te").telling("Saved 2 days.")
    value = cookies.seal(session)
    assert cookies.open(value) == session
    assert cookies.open(value[:-2] + "xx") is None
    assert SessionCookie(("other",), clock=lambda: NOW).open(value) is None
    assert cookies.open(None) is None


def test_a_visit_ends_two_hours_after_the_link_was_opened_however_often_it_is_resealed():
    opened = new_session(CLAIMS, NOW)
    later = SessionCookie(("k",), clock=lambda: NOW + 2 * 3600 + 1)
    assert later.open(later.seal(opened.telling("Saved 1 day."))) is None
    just_in_time = SessionCookie(("k",), clock=lambda: NOW + 2 * 3600 - 1)
    assert just_in_time.open(just_in_time.seal(opened)) == opened


def test_origin_check():
    own = "https://tt.example"
    assert same_origin(own, None, own)
    assert not same_origin("https://evil.example", "same-origin", own)
    assert same_origin("null", "same-origin", own)
    assert same_origin(None, "same-origin", own)
    assert not same_origin(None, "cross-site", own)
    assert not same_origin(None, None, own)


def test_the_rate_limit_is_per_key_and_slides():
    now = [0.0]
    limiter = RateLimiter(2, 60, clock=lambda: now[0])
    assert limiter.allow("member:1") and limiter.allow("member:1")
    assert not limiter.allow("member:1")
    assert limiter.allow("member:2")
    now[0] = 61.0
    assert limiter.allow("member:1")
