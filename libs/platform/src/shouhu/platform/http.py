"""The gateway's pooled async HTTP client for calls to the services (aiohttp, by measurement)."""

from __future__ import annotations

from typing import IO, Any

import aiohttp
from opentelemetry import propagate

from shouhu.platform.errors import Internal, ShouhuError


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
        ) as response:
            return await _answer(response)

    async def get_bytes(self, path: str, *, token: str | None = None) -> tuple[bytes, str]:
        """GET a file: its bytes and content type."""
        async with self._session.get(self._base + path, headers=_headers(token)) as response:
            body = await response.read()
            if response.status >= 400:
                raise Internal()
            return body, response.content_type


def _headers(token: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The caller's token and the current trace context, over any headers of the call."""
    headers = dict(extra or {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    propagate.inject(headers)
    return headers


async def _answer(response: aiohttp.ClientResponse) -> Any:
    """A service's JSON answer; its error, typed, when it refused."""
    body = await response.json(content_type=None) if response.content_length != 0 else None
    if response.status >= 400:
        if isinstance(body, dict) and "code" in body:
            raise ShouhuError.from_dict(body)
        raise Internal()
    return body


def _param(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def new_session(*, limit: int = 100, timeout_seconds: float = 10.0) -> aiohttp.ClientSession:
    """One pooled session per process; bounded connections and a total timeout per call."""
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=limit, limit_per_host=limit, keepalive_timeout=30),
        timeout=aiohttp.ClientTimeout(total=timeout_seconds, connect=2.0),
        raise_for_status=False,
    )
