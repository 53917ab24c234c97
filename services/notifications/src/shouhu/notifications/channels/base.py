"""What every channel takes and answers: a rendered message in, a three-way result out."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol


class Outcome(StrEnum):
    """How a provider answered one message."""

    SENT = "SENT"
    TRANSIENT = "TRANSIENT"  # try again later: timeout, 5xx, throttled
    REFUSED = "REFUSED"  # final: the provider will not take this message


@dataclass(frozen=True)
class SendResult:
    """A provider's answer: its message id when sent, else a reason in Chinese."""

    outcome: Outcome
    provider_id: str | None = None
    reason: str | None = None

    @classmethod
    def sent(cls, provider_id: str) -> SendResult:
        return cls(Outcome.SENT, provider_id=provider_id)

    @classmethod
    def transient(cls, reason: str) -> SendResult:
        return cls(Outcome.TRANSIENT, reason=reason)

    @classmethod
    def refused(cls, reason: str) -> SendResult:
        return cls(Outcome.REFUSED, reason=reason)


@dataclass(frozen=True)
class Message:
    """One notification rendered for one recipient and channel.

    `address` is a mobile number for SMS and an email address for email. `sms_params` are the
    template's variables for providers that fill an approved template themselves (Aliyun);
    `sms_template_code` overrides the code the channel's settings name for `kind`.
    """

    notification_id: str
    kind: str
    address: str
    body: str
    subject: str = ""
    sms_params: Mapping[str, str] = field(default_factory=dict)
    sms_template_code: str | None = None


class Channel(Protocol):
    """A way to reach a person (SMS, email); `send` never raises for what a provider answers."""

    async def send(self, message: Message) -> SendResult: ...


def utc_timestamp() -> str:
    """Now in UTC as ISO 8601 to the second, `2024-05-01T08:30:00Z`."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class JsonLines:
    """A file that documents are appended to, one JSON line each (embedded mode's outbox)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    async def append(self, document: dict[str, Any]) -> None:
        """Append one document, Chinese as written."""
        await asyncio.to_thread(self._append, json.dumps(document, ensure_ascii=False))

    def _append(self, line: str) -> None:
        # One writer at a time: lines from concurrent sends must not interleave.
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as file:
                file.write(line + "\n")
