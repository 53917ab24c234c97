"""The gateway's pooled async HTTP client for calls to the services (aiohttp, by measurement)."""

from __future__ import annotations

from typing import Any

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
    ) -> Any:
        headers = dict(headers or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        propagate.inject(headers)
        query = [
            (k, _param(item))
            for k, v in (params or {}).items()
            if v is not None
            for item in (v if isinstance(v, list) else [v])
        ]
        async with self._session.request(
            method, self._base + path, params=query, json=json, headers=headers
        ) as response:
            body = await response.json(content_type=None) if response.content_length != 0 else None
            if response.status >= 400:
                if isinstance(body, dict) and "code" in body:
                    raise ShouhuError.from_dict(body)
                raise Internal()
            return body

    async def get(self, path: str, **kwargs: Any) -> Any:
        return await self.request("GET", path, **kwargs)

    async def post(self, path: str, **kwargs: Any) -> Any:
        return await self.request("POST", path, **kwargs)


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
