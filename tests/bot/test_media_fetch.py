"""The WhatsApp token goes only to the Graph API and Meta's media hosts over HTTPS, never to a
URL a webhook payload names."""

import httpx
import pytest

from bot.transcribe import MediaFetcher, RemoteError
from tests.support.voice import AUDIO

API = "https://graph.facebook.com"
LOOKASIDE = "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=77"


class Meta:
    """Graph answers the media look-up with `download`; every host serves bytes."""

    def __init__(self, download: str = LOOKASIDE, redirect_to: str | None = None) -> None:
        self.download, self.redirect_to = download, redirect_to
        self.requests: list[httpx.Request] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host == "graph.facebook.com":
            return httpx.Response(200, json={"url": self.download, "mime_type": "audio/ogg"})
        if self.redirect_to:
            return httpx.Response(302, headers={"Location": self.redirect_to})
        return httpx.Response(200, content=AUDIO)


def fetcher(meta: Meta) -> MediaFetcher:
    client = httpx.AsyncClient(transport=httpx.MockTransport(meta.handler))
    return MediaFetcher(client, API, "v25.0", "secret-token")


@pytest.mark.parametrize(
    "named",
    [
        "http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=77",
        "https://attacker.test/steal",
        "https://lookaside.fbsbx.com.attacker.test/x",
        "https://attacker.test@lookaside.fbsbx.com/x",
        "https://lookaside.fbsbx.com:8443/x",
        "ftp://lookaside.fbsbx.com/x",
        "not a url at all",
    ],
)
async def test_a_url_named_in_the_payload_off_meta_is_never_followed(named):
    meta = Meta()
    audio = await fetcher(meta).fetch("77", named, "audio/ogg")
    assert audio.content == AUDIO
    assert [str(r.url) for r in meta.requests] == [f"{API}/v25.0/77", LOOKASIDE]


async def test_metas_own_fresh_url_is_used_directly():
    meta = Meta()
    await fetcher(meta).fetch("77", LOOKASIDE, "audio/ogg")
    assert [str(r.url) for r in meta.requests] == [LOOKASIDE]
    assert meta.requests[0].headers["Authorization"] == "Bearer secret-token"


@pytest.mark.parametrize(
    "download", ["http://lookaside.fbsbx.com/x", "https://attacker.test/x", "/relative"]
)
async def test_a_download_url_off_meta_from_the_look_up_is_refused(download):
    meta = Meta(download=download)
    with pytest.raises(RemoteError) as refused:
        await fetcher(meta).fetch("77", None, "")
    assert (refused.value.code, refused.value.permanent) == ("untrusted_media_url", True)
    assert [r.url.host for r in meta.requests] == ["graph.facebook.com"]


async def test_a_redirect_away_from_meta_is_not_followed():
    meta = Meta(redirect_to="https://attacker.test/steal")
    with pytest.raises(RemoteError):
        await fetcher(meta).fetch("77", LOOKASIDE, "")
    assert "attacker.test" not in {r.url.host for r in meta.requests}


@pytest.mark.parametrize("media_id", ["../../me", "77?fields=x", "", "77/../../x"])
async def test_a_media_id_that_is_not_an_id_is_never_looked_up(media_id):
    meta = Meta()
    with pytest.raises(RemoteError) as refused:
        await fetcher(meta).fetch(media_id, None, "")
    assert refused.value.code == "bad_media_id"
    assert meta.requests == []
