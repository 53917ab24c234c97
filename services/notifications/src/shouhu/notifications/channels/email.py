"""Email (电子邮件) over SMTP: STARTTLS, implicit TLS or plain, with or without AUTH."""

from __future__ import annotations

import asyncio
import logging
import re
import smtplib
import ssl
import uuid
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from enum import StrEnum
from pathlib import Path

from shouhu.notifications.channels.base import JsonLines, Message, SendResult, utc_timestamp

log = logging.getLogger(__name__)

ADDRESS_MESSAGE = "邮箱地址格式不正确"
# One address, no spaces or line breaks (which would let a value write its own headers).
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class SmtpSecurity(StrEnum):
    """How the SMTP connection is protected."""

    STARTTLS = "starttls"  # plain connect, then STARTTLS before AUTH (port 587)
    TLS = "tls"  # TLS from the first byte (port 465)
    PLAIN = "plain"  # no TLS: a relay on loopback or in the same pod only


def is_address(value: str) -> bool:
    """Whether `value` is one plausible email address."""
    return _ADDRESS.fullmatch(value) is not None


def compose(message: Message, from_address: str) -> EmailMessage:
    """The MIME message: UTF-8 text, the subject encoded per RFC 2047 by the email package."""
    email = EmailMessage()
    # A line break in a subject would end the header; the subject is one line.
    email["Subject"] = " ".join(message.subject.split())
    email["From"] = from_address
    email["To"] = message.address
    email["Date"] = format_datetime(datetime.now(UTC))
    domain = parseaddr(from_address)[1].rpartition("@")[2] or "shouhu.invalid"
    email["Message-ID"] = make_msgid(domain=domain)
    email["X-Shouhu-Notification"] = message.notification_id
    email.set_content(message.body, charset="utf-8")
    return email


def _logged(channel: str, message: Message, result: SendResult) -> SendResult:
    log.info(
        "%s %s notification=%s %s",
        channel,
        result.outcome.value,
        message.notification_id,
        result.reason or "",
    )
    return result


def _by_code(code: int, text: bytes | str) -> SendResult:
    """An SMTP reply: 5xx is final, anything else (4xx) is worth another try."""
    said = text.decode(errors="replace") if isinstance(text, bytes) else text
    if 500 <= code < 600:
        return SendResult.refused(f"邮件服务器拒绝（{code}）：{said}")
    return SendResult.transient(f"邮件服务器暂时拒绝（{code}）：{said}")


class SmtpEmail:
    """Sends through an SMTP server; smtplib in a worker thread (stdlib, one message per call)."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        from_address: str,
        security: SmtpSecurity = SmtpSecurity.STARTTLS,
        username: str = "",
        password: str = "",
        timeout_seconds: float = 10.0,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        self._host = host
        self._port = port
        self._from = from_address
        self._security = security
        self._username = username
        self._password = password
        self._timeout = timeout_seconds
        self._tls = tls_context or ssl.create_default_context()

    async def send(self, message: Message) -> SendResult:
        """Send one email; the server's answer as a `SendResult`."""
        if not is_address(message.address):
            return _logged("smtp", message, SendResult.refused(ADDRESS_MESSAGE))
        email = compose(message, self._from)
        try:
            await asyncio.to_thread(self._deliver, email)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            return _logged("smtp", message, _by_code(code, text))
        except smtplib.SMTPResponseException as exc:
            return _logged("smtp", message, _by_code(exc.smtp_code, exc.smtp_error))
        except smtplib.SMTPNotSupportedError as exc:
            reason = f"邮件服务器不支持所需功能：{exc}"
            return _logged("smtp", message, SendResult.refused(reason))
        except (TimeoutError, smtplib.SMTPServerDisconnected):
            # smtplib reports a reply that timed out as a disconnection.
            return _logged("smtp", message, SendResult.transient("邮件服务器连接中断或超时"))
        except (smtplib.SMTPException, OSError) as exc:
            reason = f"无法连接邮件服务器（{type(exc).__name__}）"
            return _logged("smtp", message, SendResult.transient(reason))
        return _logged("smtp", message, SendResult.sent(str(email["Message-ID"])))

    def _deliver(self, email: EmailMessage) -> None:
        smtp: smtplib.SMTP
        if self._security is SmtpSecurity.TLS:
            smtp = smtplib.SMTP_SSL(
                self._host, self._port, timeout=self._timeout, context=self._tls
            )
        else:
            smtp = smtplib.SMTP(self._host, self._port, timeout=self._timeout)
        with smtp:
            smtp.ehlo()
            if self._security is SmtpSecurity.STARTTLS:
                smtp.starttls(context=self._tls)
                smtp.ehlo()
            if self._username:
                smtp.login(self._username, self._password)
            smtp.send_message(email)


class FileEmail:
    """Embedded mode: each email is one JSON line appended to a file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines = JsonLines(path)

    async def send(self, message: Message) -> SendResult:
        """Append one email to the file."""
        if not is_address(message.address):
            return _logged("file-email", message, SendResult.refused(ADDRESS_MESSAGE))
        provider_id = f"file-{uuid.uuid4().hex}"
        await self._lines.append(
            {
                "id": provider_id,
                "at": utc_timestamp(),
                "notificationId": message.notification_id,
                "kind": message.kind,
                "to": message.address,
                "subject": message.subject,
                "body": message.body,
            }
        )
        return _logged("file-email", message, SendResult.sent(provider_id))
