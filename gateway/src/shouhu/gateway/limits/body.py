"""Request body caps, as pure ASGI middleware: refused with 413 before the body is read whole.

A JSON (or any non-multipart) body is capped at `max_request_bytes` (1 MiB), a multipart upload
(the ledger import) at `max_upload_bytes` (20 MiB). A declared `Content-Length` over the cap is
refused before a byte is read; a chunked body is counted as it streams and refused at the chunk
that passes the cap. The answer is `{"code": "VALIDATION_FAILED", "message": "请求体过大…"}`.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shouhu.platform.errors import ErrorCode

MIB = 1024 * 1024


class BodyTooLarge(Exception):
    """Raised from `receive` when a streamed body passes its cap."""


def _size(limit: int) -> str:
    return f"{limit / MIB:g} MiB" if limit >= MIB else f"{limit} 字节"


async def send_json(
    send: Send, status: int, payload: object, headers: list[tuple[bytes, bytes]]
) -> None:
    """A whole JSON answer from ASGI middleware, before the app has seen the request."""
    body = json.dumps(payload, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def send_too_large(send: Send, limit: int, *, upload: bool) -> None:
    what = "上传文件" if upload else "请求体"
    payload = {
        "code": ErrorCode.VALIDATION_FAILED.value,
        "message": f"{what}过大，上限为 {_size(limit)}",
        "limitBytes": limit,
    }
    await send_json(send, 413, payload, [(b"connection", b"close")])


class BodyLimitMiddleware:
    """Caps every HTTP request body of the app it wraps."""

    def __init__(self, app: ASGIApp, *, max_request_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes
        self.max_upload_bytes = max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        content_type = headers.get(b"content-type", b"").decode("latin-1").lower()
        upload = content_type.startswith("multipart/")
        limit = self.max_upload_bytes if upload else self.max_request_bytes
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_large = int(declared) > limit
            except ValueError:
                too_large = False  # the server refuses a malformed length itself
            if too_large:
                await send_too_large(send, limit, upload=upload)
                return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await send_too_large(send, limit, upload=upload)
