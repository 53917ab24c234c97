"""Reference data cached per process: kept for a while, never fetched twice at once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class ReferenceCache(Generic[T]):
    """One value with an expiry; concurrent misses wait for the one fetch (no thundering herd)."""

    def __init__(self, ttl_seconds: float) -> None:
        self._ttl = ttl_seconds
        self._value: T | None = None
        self._expires = 0.0
        self._lock = asyncio.Lock()

    async def get(self, fetch: Callable[[], Awaitable[T]]) -> T:
        """The cached value, or the value `fetch` gives when it is missing or stale."""
        if self._value is not None and time.monotonic() < self._expires:
            return self._value
        async with self._lock:
            if self._value is None or time.monotonic() >= self._expires:
                self.put(await fetch())
        assert self._value is not None
        return self._value

    def peek(self) -> T | None:
        """The value when it is fresh, without waiting for anything."""
        return self._value if time.monotonic() < self._expires else None

    def put(self, value: T) -> None:
        """A fresh value from elsewhere (a full list read, a change made through this gateway)."""
        self._value = value
        self._expires = time.monotonic() + self._ttl

    def invalidate(self) -> None:
        self._expires = 0.0


@dataclass
class DivisionTree:
    """The three-tier network by code and by parent (区划, reference data)."""

    by_code: dict[str, dict[str, Any]]
    below: dict[str | None, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> DivisionTree:
        tree = cls(by_code={row["code"]: row for row in rows})
        for row in sorted(rows, key=lambda r: str(r["code"])):
            tree.below.setdefault(row.get("parentCode"), []).append(row)
        return tree


@dataclass
class Reference:
    """The gateway's process-wide caches, one per kind of reference data."""

    divisions: ReferenceCache[DivisionTree]
    programmes: ReferenceCache[dict[str, dict[str, Any]]]

    @classmethod
    def new(cls, ttl_seconds: float) -> Reference:
        return cls(divisions=ReferenceCache(ttl_seconds), programmes=ReferenceCache(ttl_seconds))
