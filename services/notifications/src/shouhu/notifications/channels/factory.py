"""The channels the settings name."""

from __future__ import annotations

import ssl

from shouhu.notifications.channels.base import Channel
from shouhu.notifications.channels.email import FileEmail, SmtpEmail
from shouhu.notifications.channels.sms import AliyunSms, FileSms, WebhookSms
from shouhu.notifications.settings import EmailProvider, NotificationsSettings, SmsProvider


def sms_from(settings: NotificationsSettings) -> Channel:
    """The SMS channel of the settings."""
    codes = settings.sms_template_codes
    if settings.sms_provider is SmsProvider.ALIYUN:
        return AliyunSms(
            access_key_id=settings.aliyun_access_key_id,
            access_key_secret=settings.aliyun_access_key_secret.get_secret_value(),
            sign_name=settings.aliyun_sign_name,
            template_codes=codes,
            endpoint=settings.aliyun_endpoint,
            region=settings.aliyun_region,
            timeout_seconds=settings.sms_timeout_seconds,
        )
    if settings.sms_provider is SmsProvider.WEBHOOK:
        return WebhookSms(
            url=settings.sms_webhook_url,
            secret=settings.sms_webhook_secret.get_secret_value(),
            template_codes=codes,
            timeout_seconds=settings.sms_timeout_seconds,
        )
    return FileSms(settings.data_dir / "sms.jsonl", template_codes=codes)


def email_from(settings: NotificationsSettings) -> Channel:
    """The email channel of the settings."""
    if settings.email_provider is EmailProvider.SMTP:
        ca_file = str(settings.smtp_ca_file) if settings.smtp_ca_file else None
        return SmtpEmail(
            host=settings.smtp_host,
            port=settings.smtp_port,
            from_address=settings.smtp_from_address,
            security=settings.smtp_security,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value(),
            timeout_seconds=settings.smtp_timeout_seconds,
            tls_context=ssl.create_default_context(cafile=ca_file),
        )
    return FileEmail(settings.data_dir / "email.jsonl")


def channels_from(settings: NotificationsSettings) -> dict[str, Channel]:
    """Every channel by name: `sms` and `email`."""
    return {"sms": sms_from(settings), "email": email_from(settings)}
