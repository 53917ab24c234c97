"""Test doubles of the providers, for the service's tests and the end-to-end ones: a local
Alibaba Cloud SMS that checks the signature for real and answers as the provider does."""

from __future__ import annotations

import asyncio
import base64
import hmac
import re
import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, quote

from aiohttp import web

from shouhu.platform.events import Envelope

KEY_ID = "LTAI-test-key"
SECRET = "test-secret-0123456789"
SIGN_NAME = "守护儿童关爱"

OK = "13800138000"
THROTTLED = "13900139000"
ILLEGAL = "17000000000"  # well formed for us, refused by the provider
NO_BALANCE = "15800000001"
BROKEN = "15000000500"
SILENT = "15000000408"  # the server never answers


def provider_encode(text: str) -> str:
    """The provider's encoding as its documentation writes it: URL-encode, then fix three."""
    encoded = quote(text.encode("utf-8"), safe="")
    return encoded.replace("+", "%20").replace("*", "%2A").replace("%7E", "~")


def provider_signature(method: str, params: dict[str, str], secret: str) -> str:
    """The server's own computation, written apart from the adapter's."""
    pairs = [f"{provider_encode(k)}={provider_encode(params[k])}" for k in sorted(params)]
    string_to_sign = method + "&" + provider_encode("/") + "&" + provider_encode("&".join(pairs))
    key = (secret + "&").encode("utf-8")
    return base64.b64encode(hmac.digest(key, string_to_sign.encode("utf-8"), "sha1")).decode()


def answer(status: int, **body: Any) -> web.Response:
    body.setdefault("RequestId", str(uuid.uuid4()).upper())
    return web.json_response(body, status=status)


class FakeAliyun:
    """Alibaba Cloud SMS `SendSms` as far as these tests need: the signature checked for real."""

    def __init__(self) -> None:
        self.received: list[dict[str, str]] = []
        self.methods: list[str] = []
        self.nonces: set[str] = set()
        self.release = asyncio.Event()
        self.url = ""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        raw = (await request.read()).decode()
        form = dict(parse_qsl(raw, keep_blank_values=True)) | dict(request.query)
        self.received.append(dict(form))
        self.methods.append(request.method)
        signature = form.pop("Signature", "")
        if form.get("AccessKeyId") != KEY_ID:
            return answer(
                404,
                Code="InvalidAccessKeyId.NotFound",
                Message="Specified access key is not found.",
            )
        if not hmac.compare_digest(signature, provider_signature(request.method, form, SECRET)):
            return answer(
                400,
                Code="SignatureDoesNotMatch",
                Message="Specified signature is not matched with our calculation.",
            )
        if form.get("SignatureNonce", "") in self.nonces:
            return answer(
                400,
                Code="SignatureNonceUsed",
                Message="Specified signature nonce was used already.",
            )
        self.nonces.add(form.get("SignatureNonce", ""))
        stamp = form.get("Timestamp", "")
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp) or abs(
            datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z") - datetime.now(UTC)
        ) > timedelta(minutes=15):
            return answer(
                400,
                Code="InvalidTimeStamp.Expired",
                Message="Specified time stamp or date value is expired.",
            )
        fixed = {
            "Action": "SendSms",
            "Version": "2017-05-25",
            "Format": "JSON",
            "SignatureMethod": "HMAC-SHA1",
            "SignatureVersion": "1.0",
        }
        if any(form.get(k) != v for k, v in fixed.items()):
            return answer(400, Code="InvalidParameter", Message="参数不正确")
        phone = form.get("PhoneNumbers")
        if phone == THROTTLED:
            return answer(200, Code="isv.BUSINESS_LIMIT_CONTROL", Message="触发分钟级流控Permits:1")
        if phone == ILLEGAL:
            return answer(200, Code="isv.MOBILE_NUMBER_ILLEGAL", Message="非法手机号")
        if phone == NO_BALANCE:
            return answer(200, Code="isv.AMOUNT_NOT_ENOUGH", Message="账户余额不足")
        if phone == BROKEN:
            return answer(
                503,
                Code="ServiceUnavailable",
                Message="The request has failed due to a temporary failure of the server.",
            )
        if phone == SILENT:
            await self.release.wait()
        return answer(200, Code="OK", Message="OK", BizId="900619746936498440^0")


async def serve(handler: Any) -> tuple[web.AppRunner, str]:
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}/"


class ProviderThread:
    """A fake provider served on loopback from a thread of its own, for other processes."""

    def __init__(self) -> None:
        self.fake = FakeAliyun()
        self.url = ""
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        runner, self.url = self._loop.run_until_complete(serve(self.fake.handle))
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(runner.cleanup())

    def start(self) -> ProviderThread:
        self._thread.start()
        self._ready.wait(timeout=10)
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


def registered(village: str, n: int) -> Envelope:
    """`registry.child.registered` of a child numbered n in a village, as tests deliver it."""
    return Envelope(
        type="registry.child.registered",
        source="registry",
        subject=f"child-{n}",
        data={
            "childId": f"child-{n}",
            "name": f"儿童{n}",
            "gender": "MALE",
            "birthDate": "2015-01-01",
            "residenceDivisionCode": village,
            "townDivisionCode": village[:9],
            "registeredBy": "clerk.district",
        },
    )
