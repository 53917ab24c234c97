"""The gateway's pooled async HTTP client for calls to the services (aiohttp, by measurement)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import IO, Any

import aiohttp
from opentelemetry import propagate

from shouhu.platform.errors import (
    HTTP_STATUS,
    Forbidden,
    Internal,
    NotFound,
    RateLimited,
    ShouhuError,
    Unauthenticated,
    ValidationFailed,
)

# A refusal without our JSON body (a framework's plain 404 or 405, a proxy's 413): its code by
# status. A redirect is never followed: a path that redirects names no resource.
_BY_STATUS: dict[int, type[ShouhuError]] = {
    301: NotFound,
    302: NotFound,
    307: NotFound,
    308: NotFound,
    400: ValidationFailed,
    401: Unauthenticated,
    403: Forbidden,
    404: NotFound,
    405: NotFound,
    413: ValidationFailed,
    414: ValidationFailed,
    422: ValidationFailed,
    429: RateLimited,
}


# How long an idle pooled connection is kept for reuse: under the services' own keep-alive
# (uvicorn closes an idle connection after 5 s), so the gateway never writes a call into a
# connection the service is closing ("Cannot write to closing transport", "Connection reset by
# peer"), which answered INTERNAL now and then on a call after a pause.
KEEPALIVE_SECONDS = 4.0


@dataclass(frozen=True)
class ServerSentEvent:
    """One event of a `text/event-stream` answer."""

    id: str | None
    event: str
    data: str


class ServiceClient:
    """Calls one service with the caller's token and the trace context; errors come back typed."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession) -> None:
        self._base = base_url.rstrip("/")
        self._session = session

    async def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        params: dict[str, Any] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
        timeout_seconds: float | None = None,
    ) -> Any:
        query = [
            (k, _param(item))
            for k, v in (params or {}).items()
            if v is not None
            for item in (v if isinstance(v, list) else [v])
        ]
        async with self._session.request(
            method,
            self._base + path,
            params=query,
            json=json,
            headers=_headers(token, headers),
            timeout=self._timeout(timeout_seconds),
            allow_redirects=False,
        ) as response:
            return await _answer(response)

    def _timeout(self, seconds: float | None) -> aiohttp.ClientTimeout:
        """The session's timeout, or a longer total for a call known to be slow."""
        timeout = self._session.timeout
        if seconds is None:
            return timeout
        return aiohttp.ClientTimeout(total=seconds, connect=timeout.connect)

    async def get(self, path: str, **kwargs: Any) -> Any:
        return await self.request("GET", path, **kwargs)

    async def post(self, path: str, **kwargs: Any) -> Any:
        return await self.request("POST", path, **kwargs)

    async def post_form(
        self,
        path: str,
        *,
        fields: dict[str, str],
        files: dict[str, tuple[str, IO[bytes], str]],
        token: str | None = None,
        timeout_seconds: float | None = None,
    ) -> Any:
        """POST multipart/form-data, files streamed from their file objects; a JSON answer."""
        form = aiohttp.FormData(quote_fields=False)  # file names as browsers send them: UTF-8
        for name, value in fields.items():
            form.add_field(name, value)
        for name, (file_name, handle, content_type) in files.items():
            form.add_field(name, handle, filename=file_name, content_type=content_type)
        async with self._session.post(
            self._base + path,
            data=form,
            headers=_headers(token),
            timeout=self._timeout(timeout_seconds),
            allow_redirects=False,
        ) as response:
            return await _answer(response)

    async def events(
        self, path: str, *, token: str | None = None, params: dict[str, Any] | None = None
    ) -> AsyncIterator[ServerSentEvent]:
        """A service's Server-Sent Events as they come; a refusal, typed, before the first."""
        query = [(k, _param(v)) for k, v in (params or {}).items() if v is not None]
        async with self._session.get(
            self._base + path,
            params=query,
            headers=_headers(token, {"Accept": "text/event-stream"}),
            allow_redirects=False,
        ) as response:
            if response.status >= 300:
                raise refusal(response.status, await _json_or_none(response))
            async for event in _server_sent_events(response.content):
                yield event

    async def get_bytes(self, path: str, *, token: str | None = None) -> tuple[bytes, str]:
        """GET a file: its bytes and content type."""
        async with self._session.get(
            self._base + path, headers=_headers(token), allow_redirects=False
        ) as response:
            body = await response.read()
            if response.status >= 300:
                raise refusal(response.status, None)
            return body, response.content_type


async def _server_sent_events(lines: aiohttp.StreamReader) -> AsyncIterator[ServerSentEvent]:
    """The events of a stream as the HTML standard parses them; comments and retry skipped."""
    event_id: str | None = None
    event = ""
    data: list[str] = []
    async for raw in lines:
        line = raw.decode("utf-8").rstrip("\r\n")
        if not line:
            if data:
                yield ServerSentEvent(event_id, event or "message", "\n".join(data))
            event, data = "", []
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            data.append(value)
        elif name == "event":
            event = value
        elif name == "id" and "\0" not in value:
            event_id = value


def new_stream_session(
    *, read_timeout_seconds: float, trace_configs: list[aiohttp.TraceConfig] | None = None
) -> aiohttp.ClientSession:
    """A session for long-lived streams: a connection each, no total time, a limit between reads."""
    # Apart from `new_session`'s pool, so that open streams take none of the connections calls
    # need; a stream silent past `read_timeout_seconds` (its heartbeats stopped) is dropped.
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0, keepalive_timeout=KEEPALIVE_SECONDS),
        timeout=aiohttp.ClientTimeout(total=None, connect=2.0, sock_read=read_timeout_seconds),
        raise_for_status=False,
        trace_configs=trace_configs,
    )


def _headers(token: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The caller's token and the current trace context, over any headers of the call."""
    headers = dict(extra or {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    propagate.inject(headers)
    return headers


async def _answer(response: aiohttp.ClientResponse) -> Any:
    """A service's JSON answer; its error, typed, when it refused."""
    if response.status >= 300:
        raise refusal(response.status, await _json_or_none(response))
    return await response.json(content_type=None) if response.content_length != 0 else None


async def _json_or_none(response: aiohttp.ClientResponse) -> Any:
    try:
        return await response.json(content_type=None)
    except ValueError:  # a plain-text or HTML error page
        return None


def refusal(status: int, body: Any) -> ShouhuError:
    """A service's refusal as its API error: our body's code, else the status's."""
    if isinstance(body, dict) and body.get("code") in HTTP_STATUS:
        return ShouhuError.from_dict(body)
    return _BY_STATUS.get(status, Internal)()


def _param(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def new_session(
    *,
    limit: int = 100,
    limit_per_service: int = 32,
    timeout_seconds: float = 10.0,
    trace_configs: list[aiohttp.TraceConfig] | None = None,
) -> aiohttp.ClientSession:
    """One pooled session per process; bounded connections and a total timeout per call.

    Each service gets at most `limit_per_service` connections, so one slow service (or one
    caller's burst to it) cannot take the connections the others need.
    """
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(
            limit=limit, limit_per_host=limit_per_service, keepalive_timeout=KEEPALIVE_SECONDS
        ),
        timeout=aiohttp.ClientTimeout(total=timeout_seconds, connect=2.0),
        raise_for_status=False,
        trace_configs=trace_configs,
    )
