"""SMS (短信): Alibaba Cloud SMS, a district's JSON webhook, or a file in embedded mode."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import logging
import ssl
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from shouhu.notifications.channels.base import JsonLines, Message, SendResult, utc_timestamp
from shouhu.notifications.mobile import MOBILE_MESSAGE, is_mobile, masked

log = logging.getLogger(__name__)

ALIYUN_ENDPOINT = "https://dysmsapi.aliyuncs.com/"
ALIYUN_VERSION = "2017-05-25"
# Answers that mean "not now": our sending rate or quota, or the provider's own trouble.
_ALIYUN_LATER = {
    "isv.BUSINESS_LIMIT_CONTROL",
    "isv.DAY_LIMIT_CONTROL",
    "isv.MONTH_LIMIT_CONTROL",
    "isp.SYSTEM_ERROR",
    "ServiceUnavailable",
}
WEBHOOK_SIGNATURE_HEADER = "X-Shouhu-Signature"


def percent_encode(text: str) -> str:
    """RFC 3986 encoding of UTF-8 as Aliyun signs it: only A-Z a-z 0-9 - _ . ~ stay as they are.

    `quote` already writes a space as %20 and `*` as %2A, which is what the provider expects.
    """
    return quote(text, safe="~")


def rpc_signature(method: str, params: Mapping[str, str], secret: str) -> str:
    """Aliyun's RPC signature (SignatureVersion 1.0, HMAC-SHA1) of the parameters but Signature."""
    canonical = "&".join(
        f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items())
    )
    to_sign = f"{method}&{percent_encode('/')}&{percent_encode(canonical)}"
    digest = hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def _template_code(message: Message, codes: Mapping[str, str]) -> str | None:
    return message.sms_template_code or codes.get(message.kind)


def _logged(channel: str, message: Message, result: SendResult, detail: str = "") -> SendResult:
    # The number masked and never the text: logs leave the service, a child's case must not.
    log.info(
        "%s %s notification=%s to=%s %s",
        channel,
        result.outcome.value,
        message.notification_id,
        masked(message.address),
        detail or result.reason or "",
    )
    return result


class AliyunSms:
    """Alibaba Cloud SMS `SendSms` (阿里云短信服务) over HTTPS with an approved template."""

    def __init__(
        self,
        *,
        access_key_id: str,
        access_key_secret: str,
        sign_name: str,
        template_codes: Mapping[str, str],
        endpoint: str = ALIYUN_ENDPOINT,
        region: str = "cn-hangzhou",
        timeout_seconds: float = 10.0,
        timestamp: Callable[[], str] = utc_timestamp,
    ) -> None:
        self._key_id = access_key_id
        self._secret = access_key_secret
        self._sign_name = sign_name
        self._codes = dict(template_codes)
        self._endpoint = endpoint
        self._region = region
        self._timeout = timeout_seconds
        self._timestamp = timestamp

    def signed_form(self, message: Message, template_code: str) -> dict[str, str]:
        """The signed form `send` posts for one message."""
        params = {
            "AccessKeyId": self._key_id,
            "Action": "SendSms",
            "Format": "JSON",
            "OutId": message.notification_id,
            "PhoneNumbers": message.address,
            "RegionId": self._region,
            "SignName": self._sign_name,
            "SignatureMethod": "HMAC-SHA1",
            # A fresh nonce each time: the provider refuses a nonce it has seen (replay).
            "SignatureNonce": uuid.uuid4().hex,
            "SignatureVersion": "1.0",
            "TemplateCode": template_code,
            "TemplateParam": json.dumps(dict(message.sms_params), ensure_ascii=False),
            "Timestamp": self._timestamp(),
            "Version": ALIYUN_VERSION,
        }
        return {**params, "Signature": rpc_signature("POST", params, self._secret)}

    async def send(self, message: Message) -> SendResult:
        """Send one SMS; the provider's answer as a `SendResult`."""
        if not is_mobile(message.address):
            return _logged("aliyun-sms", message, SendResult.refused(MOBILE_MESSAGE))
        code = _template_code(message, self._codes)
        if not code:
            reason = f"未配置通知类型{message.kind}的短信模板编号"
            return _logged("aliyun-sms", message, SendResult.refused(reason))
        # POST, not GET: the number and the parameters stay out of URLs and access logs.
        form = self.signed_form(message, code)
        try:
            # One client per message: the delivery worker may run each send in its own loop.
            async with httpx.AsyncClient(timeout=self._timeout, verify=_tls()) as client:
                response = await client.post(self._endpoint, data=form)
        except httpx.TimeoutException:
            return _logged("aliyun-sms", message, SendResult.transient("短信服务响应超时"))
        except httpx.HTTPError as exc:
            reason = f"无法连接短信服务（{type(exc).__name__}）"
            return _logged("aliyun-sms", message, SendResult.transient(reason))
        result, code = _aliyun_result(response)
        return _logged("aliyun-sms", message, result, code)


@functools.cache
def _tls() -> ssl.SSLContext:
    """httpx's default TLS context, built once: a client builds its own otherwise, loading the
    CA bundle again (some 20-40 ms of CPU a message)."""
    return httpx.create_ssl_context()


def _aliyun_result(response: httpx.Response) -> tuple[SendResult, str]:
    """What one `SendSms` answer means, and the provider's code for the log."""
    status = response.status_code
    if status >= 500:
        return SendResult.transient(f"短信服务暂时不可用（HTTP {status}）"), str(status)
    try:
        body: Any = response.json()
        code, text = str(body.get("Code", "")), str(body.get("Message", ""))
    except (ValueError, AttributeError):
        # Not the provider's JSON (a proxy's page): we cannot tell it was refused.
        return SendResult.transient(f"短信服务应答无法识别（HTTP {status}）"), str(status)
    if code == "OK":
        return SendResult.sent(str(body.get("BizId") or body.get("RequestId") or "")), code
    if code == "isv.BUSINESS_LIMIT_CONTROL":
        return SendResult.transient(f"触发流控：{text}"), code
    if code in _ALIYUN_LATER or code.startswith("Throttling") or status == 429:
        return SendResult.transient(f"短信服务暂时无法发送（{code}）：{text}"), code
    if code == "isv.MOBILE_NUMBER_ILLEGAL":
        return SendResult.refused("手机号码格式错误"), code
    return SendResult.refused(f"短信服务拒绝发送（{code or status}）：{text}"), code


class WebhookSms:
    """A district's SMS gateway that takes a JSON POST, optionally signed with HMAC-SHA256.

    The body is `{mobile, templateCode, params, text, notificationId}`; with a secret the
    `X-Shouhu-Signature` header is `sha256=` and the hex HMAC-SHA256 of the exact body bytes.
    """

    def __init__(
        self,
        *,
        url: str,
        secret: str = "",
        template_codes: Mapping[str, str] | None = None,
        timeout_seconds: float = 10.0,
    ) -> None:
        self._url = url
        self._secret = secret
        self._codes = dict(template_codes or {})
        self._timeout = timeout_seconds

    def body(self, message: Message) -> bytes:
        """The JSON posted for one message."""
        document = {
            "mobile": message.address,
            "templateCode": _template_code(message, self._codes),
            "params": dict(message.sms_params),
            "text": message.body,
            "notificationId": message.notification_id,
        }
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()

    def signature(self, body: bytes) -> str:
        """The signature header's value for a body."""
        return "sha256=" + hmac.new(self._secret.encode(), body, hashlib.sha256).hexdigest()

    async def send(self, message: Message) -> SendResult:
        """Post one SMS to the gateway; its answer as a `SendResult`."""
        if not is_mobile(message.address):
            return _logged("webhook-sms", message, SendResult.refused(MOBILE_MESSAGE))
        body = self.body(message)
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if self._secret:
            headers[WEBHOOK_SIGNATURE_HEADER] = self.signature(body)
        try:
            async with httpx.AsyncClient(timeout=self._timeout, verify=_tls()) as client:
                response = await client.post(self._url, content=body, headers=headers)
        except httpx.TimeoutException:
            return _logged("webhook-sms", message, SendResult.transient("短信网关响应超时"))
        except httpx.HTTPError as exc:
            reason = f"无法连接短信网关（{type(exc).__name__}）"
            return _logged("webhook-sms", message, SendResult.transient(reason))
        result = _webhook_result(response, message)
        return _logged("webhook-sms", message, result, str(response.status_code))


def _webhook_result(response: httpx.Response, message: Message) -> SendResult:
    status = response.status_code
    if 200 <= status < 300:
        found = _json_field(response, "id", "messageId")
        return SendResult.sent(found or message.notification_id)
    # 408 and 429 are "not now" although they are 4xx.
    if status >= 500 or status in (408, 429):
        return SendResult.transient(f"短信网关暂时不可用（HTTP {status}）")
    refusal = f"短信网关拒绝发送（HTTP {status}）"
    reason = _json_field(response, "message", "reason", "error") or response.text.strip()[:200]
    return SendResult.refused(f"{refusal}：{reason}" if reason else refusal)


def _json_field(response: httpx.Response, *names: str) -> str | None:
    try:
        body: Any = response.json()
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    return next((str(body[n]) for n in names if body.get(n) not in (None, "")), None)


class FileSms:
    """Embedded mode: each SMS is one JSON line appended to a file, nothing leaves the machine."""

    def __init__(self, path: Path, *, template_codes: Mapping[str, str] | None = None) -> None:
        self.path = path
        self._lines = JsonLines(path)
        self._codes = dict(template_codes or {})

    async def send(self, message: Message) -> SendResult:
        """Append one SMS to the file."""
        if not is_mobile(message.address):
            return _logged("file-sms", message, SendResult.refused(MOBILE_MESSAGE))
        provider_id = f"file-{uuid.uuid4().hex}"
        await self._lines.append(
            {
                "id": provider_id,
                "at": utc_timestamp(),
                "notificationId": message.notification_id,
                "kind": message.kind,
                "mobile": message.address,
                "templateCode": _template_code(message, self._codes),
                "params": dict(message.sms_params),
                "text": message.body,
            }
        )
        return _logged("file-sms", message, SendResult.sent(provider_id))
