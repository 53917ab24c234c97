"""Channel settings: the providers they name, complete, and the channels made from them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from shouhu.notifications.channels.email import FileEmail, SmtpEmail
from shouhu.notifications.channels.factory import channels_from
from shouhu.notifications.channels.sms import AliyunSms, FileSms, WebhookSms
from shouhu.notifications.settings import NotificationsSettings


def test_embedded_defaults_write_files_under_the_data_dir(tmp_path: Path) -> None:
    channels = channels_from(NotificationsSettings(data_dir=tmp_path))
    sms, email = channels["sms"], channels["email"]
    assert set(channels) == {"sms", "email"}
    assert isinstance(sms, FileSms) and sms.path == tmp_path / "sms.jsonl"
    assert isinstance(email, FileEmail) and email.path == tmp_path / "email.jsonl"


def test_the_data_dir_is_the_one_make_run_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOUHU_DATA_DIR", "/srv/shouhu")
    assert NotificationsSettings().data_dir == Path("/srv/shouhu")


def test_the_providers_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {
        "SHOUHU_SMS_PROVIDER": "aliyun",
        "SHOUHU_ALIYUN_ACCESS_KEY_ID": "LTAI-id",
        "SHOUHU_ALIYUN_ACCESS_KEY_SECRET": "aliyun-secret",
        "SHOUHU_ALIYUN_SIGN_NAME": "守护儿童关爱",
        "SHOUHU_SMS_TEMPLATE_CODES": '{"CHILD_REGISTERED": "SMS_1", "ESCALATED": "SMS_2"}',
        "SHOUHU_EMAIL_PROVIDER": "smtp",
        "SHOUHU_SMTP_HOST": "smtp.example.gov.cn",
        "SHOUHU_SMTP_FROM_ADDRESS": "守护平台 <noreply@example.gov.cn>",
        "SHOUHU_SMTP_PASSWORD": "smtp-secret",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = NotificationsSettings()
    assert settings.sms_template_codes == {"CHILD_REGISTERED": "SMS_1", "ESCALATED": "SMS_2"}
    assert "aliyun-secret" not in repr(settings) and "smtp-secret" not in repr(settings)
    channels = channels_from(settings)
    assert isinstance(channels["sms"], AliyunSms) and isinstance(channels["email"], SmtpEmail)


def test_a_webhook_provider() -> None:
    channel = channels_from(
        NotificationsSettings(sms_provider="webhook", sms_webhook_url="https://sms.example/send")
    )["sms"]
    assert isinstance(channel, WebhookSms)


@pytest.mark.parametrize(
    ("settings", "missing"),
    [
        (
            {"sms_provider": "aliyun"},
            "aliyun_access_key_id, aliyun_access_key_secret, aliyun_sign_name, sms_template_codes",
        ),
        ({"sms_provider": "webhook"}, "sms_webhook_url"),
        ({"email_provider": "smtp"}, "smtp_host, smtp_from_address"),
    ],
)
def test_a_provider_without_its_settings_stops_the_service(
    settings: dict[str, str], missing: str
) -> None:
    with pytest.raises(ValidationError, match=f"settings missing: {missing}"):
        NotificationsSettings(**settings)


def test_smtp_credentials_must_be_ascii() -> None:
    with pytest.raises(ValidationError, match="must be ASCII"):
        NotificationsSettings(smtp_password="口令")
