"""A time budget per request: every GraphQL operation over HTTP ends within it.

The budget (`request_timeout_seconds`, 15 s) runs from the start of execution; an operation that
selects a field known to take long (`LONG_FIELDS`: the ledger import, a payment batch export,
whose service calls have their own longer timeouts) gets that field's budget instead. Over it,
the work is cancelled and the answer is an error with code `INTERNAL` and the message "请求超时".
A mutation cut short may still complete in the service it had already called: the client should
read the record again before retrying.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError
from strawberry.exceptions import ConnectionRejectionError
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult
from strawberry.types.unset import UnsetType

from shouhu.platform.errors import ErrorCode, ValidationFailed

log = logging.getLogger(__name__)

# Field coordinate → seconds. Each is the service call's own timeout (the gateway's
# IMPORT_TIMEOUT_SECONDS, 600 s; EXPORT_TIMEOUT_SECONDS, 120 s) plus a margin, so the service's
# answer, or its timeout, arrives first (test_limits checks they stay above them).
LONG_FIELDS: dict[str, float] = {
    "Mutation.importLedger": 630.0,
    "PaymentBatch.export": 150.0,
}
TIMED_OUT = "请求超时，请缩小查询范围后重试"


@dataclass
class _Budget:
    timeout: asyncio.Timeout
    started: float
    seconds: float

    def extend_to(self, seconds: float) -> None:
        if seconds > self.seconds:
            self.seconds = seconds
            self.timeout.reschedule(self.started + seconds)


_CURRENT: ContextVar[_Budget | None] = ContextVar("shouhu_request_budget", default=None)


def extend_for(coordinates: Iterable[str]) -> None:
    """Give the running request the budget of the longest field it selects, if any."""
    budget = _CURRENT.get()
    longest = max((LONG_FIELDS[c] for c in coordinates if c in LONG_FIELDS), default=0.0)
    if budget is not None and longest:
        budget.extend_to(longest)


def timed_out() -> ExecutionResult:
    error = GraphQLError(TIMED_OUT, extensions={"code": ErrorCode.INTERNAL.value})
    return ExecutionResult(data=None, errors=[error])


class LimitedGraphQLRouter(GraphQLRouter[Any, Any]):
    """Strawberry's router with a time budget per operation and `documentId` in the body."""

    # The budget is for operations over HTTP. A subscription (over WebSocket, the only thing a
    # WebSocket may run: OperationLimits) lives as long as its caller listens.

    def __init__(
        self,
        *args: Any,
        request_timeout_seconds: float = 15.0,
        authenticate_connection: Callable[[Any], Awaitable[None]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.request_timeout_seconds = request_timeout_seconds
        self.authenticate_connection = authenticate_connection

    async def on_ws_connect(self, context: Any) -> UnsetType | dict[str, object] | None:
        """A WebSocket's caller, proved by its `connection_init` before anything runs on it."""
        if self.authenticate_connection is None:
            raise ConnectionRejectionError()
        await self.authenticate_connection(context)
        return await super().on_ws_connect(context)

    def decode_json(self, data: str | bytes) -> object:
        """A body naming its document by `documentId` (trusted documents) keeps it.

        A body that is no JSON, or JSON but no object (a bare number, a string, null; a list
        when batching is off), is refused as `VALIDATION_FAILED` in the error envelope: Strawberry
        would answer the first in plain text and fail on the second with a 500.
        """
        try:
            decoded = json.loads(data)
        except ValueError as exc:  # not JSON, or not UTF-8
            raise ValidationFailed(fields={"body": "请求体不是有效的 JSON"}) from exc
        batching = self.schema.config.batching_config is not None
        if not isinstance(decoded, dict) and not (batching and isinstance(decoded, list)):
            raise ValidationFailed(fields={"body": "请求体应为 JSON 对象"})
        items = decoded if isinstance(decoded, list) else [decoded]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("documentId"), str):
                extensions = item.get("extensions")
                extensions = extensions if isinstance(extensions, dict) else {}
                item["extensions"] = {**extensions, "documentId": item["documentId"]}
        return decoded

    async def execute_single(
        self,
        request: Any,
        request_adapter: Any,
        sub_response: Any,
        context: Any,
        root_value: Any,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        loop = asyncio.get_running_loop()
        seconds = self.request_timeout_seconds
        budget = _Budget(asyncio.timeout(seconds), loop.time(), seconds)
        try:
            async with budget.timeout:
                token = _CURRENT.set(budget)
                try:
                    return await super().execute_single(
                        request=request,
                        request_adapter=request_adapter,
                        sub_response=sub_response,
                        context=context,
                        root_value=root_value,
                        request_data=request_data,
                    )
                finally:
                    _CURRENT.reset(token)
        except TimeoutError:
            if not budget.timeout.expired():
                raise
        log.warning("operation %s over its time budget", request_data.operation_name)
        return timed_out()
