"""Settings of notifications."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr, model_validator

from shouhu.notifications.channels.email import SmtpSecurity
from shouhu.notifications.channels.sms import ALIYUN_ENDPOINT
from shouhu.platform.settings import ServiceSettings


class SmsProvider(StrEnum):
    """Who carries SMS."""

    FILE = "file"  # embedded mode: `<data_dir>/sms.jsonl`
    ALIYUN = "aliyun"  # Alibaba Cloud SMS
    WEBHOOK = "webhook"  # a district's gateway taking a JSON POST


class EmailProvider(StrEnum):
    """Who carries email."""

    FILE = "file"  # embedded mode: `<data_dir>/email.jsonl`
    SMTP = "smtp"


class NotificationsSettings(ServiceSettings):
    """Notifications settings; `SHOUHU_*` variables."""

    service_name: str = "notifications"
    database_url: str = "sqlite:///./data/notifications.db"
    escalate_every_seconds: float = 5.0
    deliver_every_seconds: float = 2.0
    # Where embedded mode's files go (`SHOUHU_DATA_DIR`, as `make run` uses it).
    data_dir: Path = Path("data")
    # Templates of every kind and channel; the ones shipped with the service unless set.
    templates_dir: Path | None = None

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

    email_provider: EmailProvider = EmailProvider.FILE
    smtp_host: str = ""
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: SmtpSecurity = SmtpSecurity.STARTTLS
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    # e.g. `守护平台 <noreply@example.gov.cn>`
    smtp_from_address: str = ""
    # A private CA's certificate (PEM) for the SMTP server; the system's CAs otherwise.
    smtp_ca_file: Path | None = None
    smtp_timeout_seconds: float = Field(default=10.0, gt=0)

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
        if self.email_provider is EmailProvider.SMTP:
            missing += [
                name
                for name, value in (
                    ("smtp_host", self.smtp_host),
                    ("smtp_from_address", self.smtp_from_address),
                )
                if not value
            ]
        if missing:
            raise ValueError(f"notification channel settings missing: {', '.join(missing)}")
        # smtplib sends AUTH credentials as ASCII and fails on anything else at the first send.
        if not (self.smtp_username + self.smtp_password.get_secret_value()).isascii():
            raise ValueError("smtp_username and smtp_password must be ASCII")
        return self

    # The live stream (docs/notifications.md "Live"): how often the hub looks for new rows; how
    # often an idle stream says it is alive (the gateway's read timeout must be longer); how long
    # a missing seq may still be a transaction committing before the hub moves past it.
    live_poll_seconds: float = Field(default=0.05, gt=0)
    live_heartbeat_seconds: float = Field(default=15.0, gt=0)
    live_gap_grace_seconds: float = Field(default=10.0, ge=0)
