"""Settings of notifications."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr, model_validator

from shouhu.notifications.channels.sms import ALIYUN_ENDPOINT
from shouhu.platform.settings import ServiceSettings


class SmsProvider(StrEnum):
    """Who carries SMS."""

    FILE = "file"  # embedded mode: `<data_dir>/sms.jsonl`
    ALIYUN = "aliyun"  # Alibaba Cloud SMS
    WEBHOOK = "webhook"  # a district's gateway taking a JSON POST


class NotificationsSettings(ServiceSettings):
    """Notifications settings; `SHOUHU_*` variables."""

    service_name: str = "notifications"
    database_url: str = "sqlite:///./data/notifications.db"
    # Where embedded mode's files go (`SHOUHU_DATA_DIR`, as `make run` uses it).
    data_dir: Path = Path("data")

    sms_provider: SmsProvider = SmsProvider.FILE
    # Provider template code by notification kind, as JSON: {"CHILD_REGISTERED": "SMS_123"}.
    sms_template_codes: dict[str, str] = Field(default_factory=dict)
    sms_timeout_seconds: float = Field(default=10.0, gt=0)
    aliyun_access_key_id: str = ""
    aliyun_access_key_secret: SecretStr = SecretStr("")
    # The approved sign name (签名) the provider puts in 【】 before every message.
    aliyun_sign_name: str = ""
    aliyun_endpoint: str = ALIYUN_ENDPOINT
    aliyun_region: str = "cn-hangzhou"
    sms_webhook_url: str = ""
    # With a secret, each POST carries `X-Shouhu-Signature: sha256=<HMAC of the body>`.
    sms_webhook_secret: SecretStr = SecretStr("")

    @model_validator(mode="after")
    def _providers_complete(self) -> NotificationsSettings:
        missing: list[str] = []
        if self.sms_provider is SmsProvider.ALIYUN:
            missing += [
                name
                for name, value in (
                    ("aliyun_access_key_id", self.aliyun_access_key_id),
                    ("aliyun_access_key_secret", self.aliyun_access_key_secret.get_secret_value()),
                    ("aliyun_sign_name", self.aliyun_sign_name),
                    ("sms_template_codes", self.sms_template_codes),
                )
                if not value
            ]
        if self.sms_provider is SmsProvider.WEBHOOK and not self.sms_webhook_url:
            missing.append("sms_webhook_url")
        if missing:
            raise ValueError(f"notification channel settings missing: {', '.join(missing)}")
        return self
