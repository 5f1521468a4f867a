"""Remote calls for voice notes: the recording from Meta's media API, and speech-to-text from
Groq (OpenAI-compatible Whisper) or Sarvam. Every call has a timeout; keys never reach logs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

MAX_AUDIO_BYTES = 16 * 1024 * 1024  # Meta's limit for audio media
MEDIA_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
TRANSCRIBE_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
GROQ_MODEL = "whisper-large-v3"
SARVAM_MODEL = "saarika:v2.5"
PERMANENT_STATUSES = frozenset({400, 404, 413, 415, 422})
# Where Meta serves media (its lookaside CDN): the only hosts, besides the configured Graph
# API, that ever see the WhatsApp token.
META_MEDIA_DOMAINS = ("fbsbx.com", "facebook.com", "whatsapp.net", "fbcdn.net")
MEDIA_ID = re.compile(r"[A-Za-z0-9_-]{1,128}")


class RemoteError(Exception):
    """A remote call failed; `permanent` says whether trying again can help."""

    def __init__(self, code: str, *, permanent: bool = False) -> None:
        super().__init__(code)
        self.code, self.permanent = code, permanent


@dataclass(frozen=True, slots=True)
class Audio:
    content: bytes
    mime_type: str


def _status_error(response: httpx.Response) -> RemoteError:
    status = response.status_code
    return RemoteError(f"http_{status}", permanent=status in PERMANENT_STATUSES)


class MediaFetcher:
    """GET /{version}/{media_id} for a download URL, then GET that URL; both with the token,
    which goes only to the Graph API and to Meta's media hosts over HTTPS."""

    def __init__(self, client: httpx.AsyncClient, base_url: str, version: str, token: str) -> None:
        self._client, self._prefix = client, f"{base_url}/{version}"
        self._api = httpx.URL(base_url)
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}

    async def fetch(self, media_id: str, fresh_url: str | None, mime_type: str) -> Audio:
        """The recording; `fresh_url` is the webhook's own URL while it is still valid, used
        only when it names Meta's media host (a payload never sends the token elsewhere)."""
        if not self._headers:
            raise RemoteError("no_whatsapp_token", permanent=True)
        if not MEDIA_ID.fullmatch(media_id):
            raise RemoteError("bad_media_id", permanent=True)
        if fresh_url and self._may_carry_token(fresh_url):
            try:
                return Audio(await self._download(fresh_url), mime_type)
            except RemoteError:
                pass  # that URL lives five minutes; ask Meta for a new one
        url, looked_up_mime = await self._lookup(media_id)
        return Audio(await self._download(url), mime_type or looked_up_mime)

    def _may_carry_token(self, url: str) -> bool:
        """The configured Graph API itself, or a Meta media host over HTTPS on its own port."""
        try:
            target = httpx.URL(url)
        except httpx.InvalidURL:
            return False
        if target.userinfo:
            return False
        if (target.scheme, target.host, target.port) == (
            self._api.scheme,
            self._api.host,
            self._api.port,
        ):
            return True
        host = target.host
        return (
            target.scheme == "https"
            and target.port is None
            and any(host == d or host.endswith(f".{d}") for d in META_MEDIA_DOMAINS)
        )

    async def _lookup(self, media_id: str) -> tuple[str, str]:
        try:
            response = await self._client.get(
                f"{self._prefix}/{media_id}", headers=self._headers, timeout=MEDIA_TIMEOUT
            )
        except httpx.HTTPError as e:
            raise RemoteError(type(e).__name__) from e
        if response.status_code != 200:
            raise _status_error(response)
        body = _json(response)
        if not isinstance(body.get("url"), str):
            raise RemoteError("no_media_url")
        if not self._may_carry_token(body["url"]):
            raise RemoteError("untrusted_media_url", permanent=True)
        return body["url"], str(body.get("mime_type") or "")

    async def _download(self, url: str) -> bytes:
        try:
            async with self._client.stream(
                "GET", url, headers=self._headers, timeout=MEDIA_TIMEOUT, follow_redirects=False
            ) as response:
                if response.status_code != 200:
                    raise _status_error(response)
                return await _read_capped(response)
        except httpx.HTTPError as e:
            raise RemoteError(type(e).__name__) from e


async def _read_capped(response: httpx.Response) -> bytes:
    content = bytearray()
    async for chunk in response.aiter_bytes():
        content += chunk
        if len(content) > MAX_AUDIO_BYTES:
            raise RemoteError("audio_too_large", permanent=True)
    if not content:
        raise RemoteError("empty_audio", permanent=True)
    return bytes(content)


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        body = None
    return body if isinstance(body, dict) else {}


class Transcriber(Protocol):
    name: str

    async def transcribe(self, audio: Audio) -> str: ...


def _upload(audio: Audio) -> dict[str, tuple[str, bytes, str]]:
    mime = audio.mime_type.split(";")[0].strip() or "audio/ogg"
    extension = {
        "audio/ogg": "ogg",
        "audio/mpeg": "mp3",
        "audio/mp4": "m4a",
        "audio/aac": "aac",
        "audio/amr": "amr",
    }.get(mime, "ogg")
    return {"file": (f"voice.{extension}", audio.content, mime)}


async def _post_for_text(client: httpx.AsyncClient, url: str, field: str, **kwargs: Any) -> str:
    """POST a recording and read the text from `field`; empty text cannot be retried away."""
    try:
        response = await client.post(url, timeout=TRANSCRIBE_TIMEOUT, **kwargs)
    except httpx.HTTPError as e:
        raise RemoteError(type(e).__name__) from e
    if response.status_code != 200:
        raise _status_error(response)
    text = _json(response).get(field)
    if not isinstance(text, str):
        raise RemoteError("no_text_in_response")
    if not text.strip():
        raise RemoteError("no_speech", permanent=True)
    return text.strip()


class GroqTranscriber:
    """Groq's OpenAI-compatible POST {base}/audio/transcriptions, answer in `text`."""

    name = "groq"

    def __init__(self, client: httpx.AsyncClient, base_url: str, api_key: str) -> None:
        self._client, self._url = client, f"{base_url}/audio/transcriptions"
        self._headers = {"Authorization": f"Bearer {api_key}"}

    async def transcribe(self, audio: Audio) -> str:
        return await _post_for_text(
            self._client,
            self._url,
            "text",
            headers=self._headers,
            files=_upload(audio),
            data={"model": GROQ_MODEL, "response_format": "json"},
        )


class SarvamTranscriber:
    """Sarvam's POST {base}/speech-to-text (Indian languages, detected), answer in `transcript`."""

    name = "sarvam"

    def __init__(self, client: httpx.AsyncClient, base_url: str, api_key: str) -> None:
        self._client, self._url = client, f"{base_url}/speech-to-text"
        self._headers = {"api-subscription-key": api_key}

    async def transcribe(self, audio: Audio) -> str:
        return await _post_for_text(
            self._client,
            self._url,
            "transcript",
            headers=self._headers,
            files=_upload(audio),
            data={"model": SARVAM_MODEL, "language_code": "unknown"},
        )


async def transcribe_any(transcribers: list[Transcriber], audio: Audio) -> str:
    """The first service's text; the error is permanent only when every service said so."""
    errors: list[RemoteError] = []
    for transcriber in transcribers:
        try:
            return await transcriber.transcribe(audio)
        except RemoteError as e:
            errors.append(RemoteError(f"{transcriber.name}:{e.code}", permanent=e.permanent))
    if not errors:
        raise RemoteError("no_transcription_service", permanent=True)
    raise RemoteError(
        ",".join(e.code for e in errors)[:200], permanent=all(e.permanent for e in errors)
    )
