"""SMS adapters against local servers that check signatures and answer as the providers do."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp import web

from shouhu.notifications.channels.base import Message, Outcome
from shouhu.notifications.channels.factory import sms_from
from shouhu.notifications.channels.sms import (
    AliyunSms,
    FileSms,
    WebhookSms,
    percent_encode,
    rpc_signature,
)
from shouhu.notifications.settings import NotificationsSettings
from shouhu.notifications.testing import (
    BROKEN,
    ILLEGAL,
    KEY_ID,
    NO_BALANCE,
    OK,
    SECRET,
    SIGN_NAME,
    SILENT,
    THROTTLED,
    FakeAliyun,
    provider_signature,
    serve,
)
from shouhu.platform.testing import free_port


def message(address: str = OK, **changes: Any) -> Message:
    fields: dict[str, Any] = {
        "notification_id": str(uuid.uuid4()),
        "kind": "VISIT_HIGH_RISK",
        "address": address,
        "body": "紧急：腮林忽洞村一名儿童2024-05-01走访评估为高风险，请立即登录守护平台处置。",
        "sms_params": {"divisionName": "腮林忽洞村", "visitDate": "2024-05-01"},
    }
    return Message(**{**fields, **changes})


@pytest.fixture
async def aliyun() -> AsyncIterator[FakeAliyun]:
    fake = FakeAliyun()
    runner, fake.url = await serve(fake.handle)
    yield fake
    fake.release.set()
    await runner.cleanup()


def aliyun_sms(fake: FakeAliyun, **changes: Any) -> AliyunSms:
    settings: dict[str, Any] = {
        "sms_provider": "aliyun",
        "aliyun_access_key_id": KEY_ID,
        "aliyun_access_key_secret": SECRET,
        "aliyun_sign_name": SIGN_NAME,
        "aliyun_endpoint": fake.url,
        "sms_template_codes": {"VISIT_HIGH_RISK": "SMS_465001", "CHILD_REGISTERED": "SMS_465002"},
        "sms_timeout_seconds": 0.5,
    }
    channel = sms_from(NotificationsSettings(**{**settings, **changes}))
    assert isinstance(channel, AliyunSms)
    return channel


# The signature itself, against the provider's documentation.


def test_percent_encoding_follows_the_providers_rules() -> None:
    assert percent_encode("AZaz09-_.~") == "AZaz09-_.~"
    assert percent_encode(' */:=&+"') == "%20%2A%2F%3A%3D%26%2B%22"
    assert percent_encode("守护") == "%E5%AE%88%E6%8A%A4"


def test_the_signature_of_the_providers_documented_example() -> None:
    # help.aliyun.com, "签名机制", the DescribeRegions example: key testid/testsecret.
    params = {
        "TimeStamp": "2016-02-23T12:46:24Z",
        "Format": "XML",
        "AccessKeyId": "testid",
        "Action": "DescribeRegions",
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        "Version": "2014-05-26",
        "SignatureVersion": "1.0",
    }
    assert rpc_signature("GET", params, "testsecret") == "CT9X0VtwR86fNWSnsc6v8YGOjuE="


def test_the_adapter_and_the_server_sign_alike_with_chinese_and_json() -> None:
    params = {"SignName": SIGN_NAME, "TemplateParam": json.dumps({"a": "腮林 忽洞*~"})}
    assert rpc_signature("POST", params, SECRET) == provider_signature("POST", params, SECRET)


# Alibaba Cloud SMS.


async def test_a_signed_request_is_sent_and_answers_the_biz_id(aliyun: FakeAliyun) -> None:
    sent = message()
    result = await aliyun_sms(aliyun).send(sent)
    assert result.outcome is Outcome.SENT
    assert result.provider_id == "900619746936498440^0"
    (form,) = aliyun.received
    assert aliyun.methods == ["POST"]
    assert form["PhoneNumbers"] == OK
    assert form["SignName"] == SIGN_NAME
    assert form["TemplateCode"] == "SMS_465001"
    assert json.loads(form["TemplateParam"]) == {
        "divisionName": "腮林忽洞村",
        "visitDate": "2024-05-01",
    }
    assert form["OutId"] == sent.notification_id
    assert form["RegionId"] == "cn-hangzhou"


async def test_the_messages_own_template_code_wins(aliyun: FakeAliyun) -> None:
    result = await aliyun_sms(aliyun).send(message(sms_template_code="SMS_999"))
    assert result.outcome is Outcome.SENT
    assert aliyun.received[0]["TemplateCode"] == "SMS_999"


async def test_each_send_has_a_fresh_nonce(aliyun: FakeAliyun) -> None:
    channel = aliyun_sms(aliyun)
    first, second = await channel.send(message()), await channel.send(message())
    assert first.outcome is second.outcome is Outcome.SENT
    assert len({f["SignatureNonce"] for f in aliyun.received}) == 2


async def test_throttling_is_transient_with_the_providers_reason(aliyun: FakeAliyun) -> None:
    result = await aliyun_sms(aliyun).send(message(THROTTLED))
    assert result.outcome is Outcome.TRANSIENT
    assert result.reason == "触发流控：触发分钟级流控Permits:1"


async def test_an_illegal_number_is_refused_in_chinese(aliyun: FakeAliyun) -> None:
    result = await aliyun_sms(aliyun).send(message(ILLEGAL))
    assert result.outcome is Outcome.REFUSED
    assert result.reason == "手机号码格式错误"


async def test_another_refusal_keeps_the_providers_code_and_message(aliyun: FakeAliyun) -> None:
    result = await aliyun_sms(aliyun).send(message(NO_BALANCE))
    assert result.outcome is Outcome.REFUSED
    assert result.reason == "短信服务拒绝发送（isv.AMOUNT_NOT_ENOUGH）：账户余额不足"


async def test_a_5xx_is_transient(aliyun: FakeAliyun) -> None:
    result = await aliyun_sms(aliyun).send(message(BROKEN))
    assert result.outcome is Outcome.TRANSIENT
    assert result.reason == "短信服务暂时不可用（HTTP 503）"


async def test_a_timeout_is_transient(aliyun: FakeAliyun) -> None:
    result = await aliyun_sms(aliyun).send(message(SILENT))
    assert result.outcome is Outcome.TRANSIENT
    assert result.reason == "短信服务响应超时"
    assert [f["PhoneNumbers"] for f in aliyun.received] == [SILENT]


async def test_an_unreachable_provider_is_transient(aliyun: FakeAliyun) -> None:
    channel = aliyun_sms(aliyun, aliyun_endpoint=f"http://127.0.0.1:{free_port()}/")
    result = await channel.send(message())
    assert result.outcome is Outcome.TRANSIENT
    assert result.reason is not None and result.reason.startswith("无法连接短信服务")


async def test_a_wrong_secret_is_refused_by_the_server(aliyun: FakeAliyun) -> None:
    result = await aliyun_sms(aliyun, aliyun_access_key_secret="not-the-secret").send(message())
    assert result.outcome is Outcome.REFUSED
    assert result.reason is not None and "SignatureDoesNotMatch" in result.reason
    assert len(aliyun.received) == 1


async def test_a_request_changed_after_signing_is_refused_by_the_server(
    aliyun: FakeAliyun,
) -> None:
    channel = aliyun_sms(aliyun)
    async with httpx.AsyncClient() as client:
        tampered = channel.signed_form(message(), "SMS_465001") | {"PhoneNumbers": "13900000000"}
        refused = await client.post(aliyun.url, data=tampered)
        intact = await client.post(aliyun.url, data=channel.signed_form(message(), "SMS_465001"))
    assert refused.status_code == 400
    assert refused.json()["Code"] == "SignatureDoesNotMatch"
    assert intact.status_code == 200 and intact.json()["Code"] == "OK"


async def test_a_replayed_request_is_refused_by_the_server(aliyun: FakeAliyun) -> None:
    form = aliyun_sms(aliyun).signed_form(message(), "SMS_465001")
    async with httpx.AsyncClient() as client:
        first = await client.post(aliyun.url, data=form)
        again = await client.post(aliyun.url, data=form)
    assert first.json()["Code"] == "OK"
    assert again.json()["Code"] == "SignatureNonceUsed"


async def test_a_malformed_number_is_refused_before_the_provider(aliyun: FakeAliyun) -> None:
    result = await aliyun_sms(aliyun).send(message("+8613800138000"))
    assert result.outcome is Outcome.REFUSED
    assert result.reason == "手机号码应为11位中国大陆手机号"
    assert aliyun.received == []


async def test_a_kind_without_a_template_code_is_refused(aliyun: FakeAliyun) -> None:
    result = await aliyun_sms(aliyun).send(message(kind="ESCALATED"))
    assert result.outcome is Outcome.REFUSED
    assert result.reason == "未配置通知类型ESCALATED的短信模板编号"
    assert aliyun.received == []


# A district's JSON webhook.

GATEWAY_SECRET = "district-gateway-secret"
REFUSED_BY_GATEWAY = "13700000004"
GATEWAY_BROKEN = "13700000005"
GATEWAY_BUSY = "13700000029"


class FakeGateway:
    """A district's SMS gateway: checks the HMAC header when it has a secret."""

    def __init__(self, secret: str | None) -> None:
        self.secret = secret
        self.received: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.release = asyncio.Event()
        self.url = ""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        self.headers.append(dict(request.headers))
        if self.secret is not None:
            expected = "sha256=" + hmac.new(self.secret.encode(), raw, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(request.headers.get("X-Shouhu-Signature", ""), expected):
                return web.json_response({"message": "签名错误"}, status=401)
        body = json.loads(raw)
        self.received.append(body)
        mobile = body["mobile"]
        if mobile == REFUSED_BY_GATEWAY:
            return web.json_response({"message": "号码已停机"}, status=400)
        if mobile == GATEWAY_BROKEN:
            return web.Response(text="upstream unavailable", status=502)
        if mobile == GATEWAY_BUSY:
            return web.json_response({"message": "请求过于频繁"}, status=429)
        if mobile == SILENT:
            await self.release.wait()
        return web.json_response({"id": "gw-0001"})


@pytest.fixture
async def gateway() -> AsyncIterator[FakeGateway]:
    fake = FakeGateway(GATEWAY_SECRET)
    runner, fake.url = await serve(fake.handle)
    yield fake
    fake.release.set()
    await runner.cleanup()


def webhook_sms(fake: FakeGateway, **changes: Any) -> WebhookSms:
    settings: dict[str, Any] = {
        "sms_provider": "webhook",
        "sms_webhook_url": fake.url + "sms/send",
        "sms_webhook_secret": GATEWAY_SECRET,
        "sms_template_codes": {"VISIT_HIGH_RISK": "HIGH_RISK_V1"},
        "sms_timeout_seconds": 0.5,
    }
    channel = sms_from(NotificationsSettings(**{**settings, **changes}))
    assert isinstance(channel, WebhookSms)
    return channel


async def test_the_webhook_posts_signed_json(gateway: FakeGateway) -> None:
    sent = message()
    result = await webhook_sms(gateway).send(sent)
    assert result.outcome is Outcome.SENT and result.provider_id == "gw-0001"
    assert gateway.received == [
        {
            "mobile": OK,
            "templateCode": "HIGH_RISK_V1",
            "params": {"divisionName": "腮林忽洞村", "visitDate": "2024-05-01"},
            "text": sent.body,
            "notificationId": sent.notification_id,
        }
    ]


async def test_a_wrong_webhook_secret_is_refused_by_the_gateway(gateway: FakeGateway) -> None:
    result = await webhook_sms(gateway, sms_webhook_secret="guessed").send(message())
    assert result.outcome is Outcome.REFUSED
    assert result.reason == "短信网关拒绝发送（HTTP 401）：签名错误"
    assert gateway.received == []


async def test_without_a_secret_no_signature_is_sent(gateway: FakeGateway) -> None:
    gateway.secret = None
    result = await webhook_sms(gateway, sms_webhook_secret="").send(message())
    assert result.outcome is Outcome.SENT
    assert "X-Shouhu-Signature" not in gateway.headers[0]


async def test_a_4xx_is_refused_with_the_gateways_reason(gateway: FakeGateway) -> None:
    result = await webhook_sms(gateway).send(message(REFUSED_BY_GATEWAY))
    assert result.outcome is Outcome.REFUSED
    assert result.reason == "短信网关拒绝发送（HTTP 400）：号码已停机"


@pytest.mark.parametrize(
    ("mobile", "reason"),
    [
        (GATEWAY_BROKEN, "短信网关暂时不可用（HTTP 502）"),
        (GATEWAY_BUSY, "短信网关暂时不可用（HTTP 429）"),
        (SILENT, "短信网关响应超时"),
    ],
)
async def test_a_5xx_429_or_timeout_is_transient(
    gateway: FakeGateway, mobile: str, reason: str
) -> None:
    result = await webhook_sms(gateway).send(message(mobile))
    assert result.outcome is Outcome.TRANSIENT
    assert result.reason == reason


async def test_the_webhook_refuses_a_malformed_number_itself(gateway: FakeGateway) -> None:
    result = await webhook_sms(gateway).send(message("1380013800"))
    assert result.outcome is Outcome.REFUSED
    assert gateway.headers == []


# Embedded mode's file.


async def test_embedded_mode_appends_json_lines_under_the_data_dir(tmp_path: Path) -> None:
    channel = sms_from(NotificationsSettings(data_dir=tmp_path))
    assert isinstance(channel, FileSms)
    first, second = message(), message("13912345678", kind="CHILD_REGISTERED", sms_params={})
    results = [await channel.send(first), await channel.send(second)]
    assert [r.outcome for r in results] == [Outcome.SENT, Outcome.SENT]
    text = (tmp_path / "sms.jsonl").read_text(encoding="utf-8")
    assert "腮林忽洞村" in text  # Chinese as written, not \u escapes
    lines = [json.loads(line) for line in text.splitlines()]
    assert [(x["mobile"], x["kind"], x["notificationId"]) for x in lines] == [
        (OK, "VISIT_HIGH_RISK", first.notification_id),
        ("13912345678", "CHILD_REGISTERED", second.notification_id),
    ]
    assert lines[0]["text"] == first.body and lines[0]["params"] == dict(first.sms_params)
    assert [x["id"] for x in lines] == [r.provider_id for r in results]


async def test_the_file_refuses_a_malformed_number(tmp_path: Path) -> None:
    channel = FileSms(tmp_path / "sms.jsonl")
    result = await channel.send(message("23800138000"))
    assert result.outcome is Outcome.REFUSED
    assert not (tmp_path / "sms.jsonl").exists()
