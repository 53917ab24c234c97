"""Rate limits per principal: a token bucket for each caller, as pure ASGI middleware.

Each caller of `/graphql` has a bucket of `rate_limit_burst` (200) requests that refills at
`rate_limit_per_second` (50) a second; one request takes one. The caller is the verified token's
username (a person's, or a department's `service-account-<client id>`), else the client address
(the address uvicorn reports: run it with `--proxy-headers` behind a proxy). Over the limit the
answer is HTTP 429 with `Retry-After` and a GraphQL error `RATE_LIMITED` with
`extensions.retryAfter` (whole seconds), before the body is read or the operation parsed.

The buckets live in the process: each gateway replica limits on its own, so with N replicas a
caller may reach N times the rate. Good enough against a runaway script; a shared limit would
need a shared store (Redis) and is not here.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from shouhu.gateway.limits.body import send_json
from shouhu.platform.auth import TokenVerifier, bearer_token
from shouhu.platform.errors import ErrorCode, RateLimited, Unauthenticated


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """One bucket per key; the least recently seen keys are dropped past `max_keys`."""

    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, key: str) -> float:
        """Take one token: 0 when allowed, else the seconds until one is there."""
        now = self.clock()
        bucket = self._buckets.pop(key, None) or _Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        self._buckets[key] = bucket
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate if self.rate > 0 else math.inf


class RateLimitMiddleware:
    """Refuses a caller over its rate on the paths given (the GraphQL endpoint)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        verifier: TokenVerifier,
        rate: float,
        burst: int,
        paths: tuple[str, ...] = ("/graphql",),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.verifier = verifier
        self.paths = paths
        self.buckets = TokenBuckets(rate, burst, clock=clock)

    async def key(self, scope: Scope) -> str:
        headers = dict(scope.get("headers") or [])
        authorization = headers.get(b"authorization")
        if authorization:
            try:
                principal = await self.verifier.averify(bearer_token(authorization.decode()))
            except (Unauthenticated, UnicodeDecodeError):
                pass
            else:
                return f"principal:{principal.username}"
        client = scope.get("client")
        return f"address:{client[0] if client else 'unknown'}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.rstrip("/") not in self.paths:
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(await self.key(scope))
        if not wait:
            await self.app(scope, receive, send)
            return
        retry_after = max(1, math.ceil(wait)) if math.isfinite(wait) else 3600
        message = f"{RateLimited.default_message}（{retry_after}秒后）"
        extensions = {"code": ErrorCode.RATE_LIMITED.value, "retryAfter": retry_after}
        payload = {"data": None, "errors": [{"message": message, "extensions": extensions}]}
        await send_json(send, 429, payload, [(b"retry-after", str(retry_after).encode())])
