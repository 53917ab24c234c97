"""Email through a real SMTP server on loopback (aiosmtpd): STARTTLS, implicit TLS, AUTH."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import socket
import ssl
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from shouhu.notifications.channels.base import Message, Outcome
from shouhu.notifications.channels.email import FileEmail, SmtpEmail
from shouhu.notifications.channels.factory import email_from
from shouhu.notifications.settings import NotificationsSettings
from shouhu.platform.testing import free_port

USER, PASSWORD = "notifier", "s3cret-password"
FROM = "守护平台 <noreply@shouhu.example.org>"
SUBJECT = "【守护】紧急：走访发现高风险儿童"
BODY = (
    "您好：\n\n腮林忽洞村儿童欧***在2024-05-01的走访中被评估为高风险，请立即核实并采取保护措施。\n"
)


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    tls: bool
    login: bytes | None


class Mailbox:
    """An SMTP handler that keeps what it is given and answers by recipient."""

    def __init__(self) -> None:
        self.received: list[Received] = []

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address.startswith("busy@"):
            return "451 4.2.1 Mailbox busy, try again later"
        if address.startswith("nobody@"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        login = session.auth_data.login if session.authenticated else None
        self.received.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                envelope.original_content or envelope.content,
                server.transport.get_extra_info("ssl_object") is not None,
                login,
            )
        )
        return "250 2.0.0 Ok: queued"


def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    # Not `handled`: aiosmtpd then answers a failure with 535 itself.
    return AuthResult(success=ok, handled=False, auth_data=data)


@dataclass
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for 127.0.0.1, made for this run."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "shouhu test smtp")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("smtp-tls")
    paths = Certificate(folder / "cert.pem", folder / "key.pem")
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


@dataclass
class Server:
    mailbox: Mailbox
    port: int


@pytest.fixture
def smtp_server(request: pytest.FixtureRequest, certificate: Certificate) -> Iterator[Server]:
    """A loopback SMTP server; `indirect` parameter: starttls (default), tls or plain."""
    mode = getattr(request, "param", "starttls")
    mailbox, port = Mailbox(), free_port()
    options: dict[str, Any] = {}
    if mode == "starttls":
        options = {
            "tls_context": certificate.server_context(),
            "require_starttls": True,
            "authenticator": authenticate,
            "auth_required": True,
            "auth_require_tls": True,
        }
    elif mode == "tls":
        options = {
            "ssl_context": certificate.server_context(),
            "authenticator": authenticate,
            "auth_required": True,
            # aiosmtpd counts STARTTLS only as TLS; this connection is TLS from the first byte.
            "auth_require_tls": False,
        }
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    yield Server(mailbox, port)
    controller.stop()


def smtp(server: Server, certificate: Certificate, **changes: Any) -> SmtpEmail:
    settings: dict[str, Any] = {
        "email_provider": "smtp",
        "smtp_host": "127.0.0.1",
        "smtp_port": server.port,
        "smtp_security": "starttls",
        "smtp_username": USER,
        "smtp_password": PASSWORD,
        "smtp_from_address": FROM,
        "smtp_ca_file": certificate.cert,
        "smtp_timeout_seconds": 5,
    }
    channel = email_from(NotificationsSettings(**{**settings, **changes}))
    assert isinstance(channel, SmtpEmail)
    return channel


def message(address: str = "zhuren@village.example.org", **changes: Any) -> Message:
    fields: dict[str, Any] = {
        "notification_id": str(uuid.uuid4()),
        "kind": "VISIT_HIGH_RISK",
        "address": address,
        "subject": SUBJECT,
        "body": BODY,
    }
    return Message(**{**fields, **changes})


def read_back(received: Received) -> EmailMessage:
    parsed = message_from_bytes(received.content, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


async def test_starttls_and_auth_deliver_a_chinese_message(
    smtp_server: Server, certificate: Certificate
) -> None:
    sent = message()
    result = await smtp(smtp_server, certificate).send(sent)
    assert result.outcome is Outcome.SENT, result.reason
    (received,) = smtp_server.mailbox.received
    assert received.tls and received.login == USER.encode()
    assert received.mail_from == "noreply@shouhu.example.org"
    assert received.rcpt_tos == ["zhuren@village.example.org"]
    # Encoded for any server: headers in RFC 2047 words, the body in a transfer encoding.
    received.content.decode("ascii")
    email = read_back(received)
    assert email["Subject"] == SUBJECT
    assert email["From"].addresses[0].display_name == "守护平台"
    assert email["From"].addresses[0].addr_spec == "noreply@shouhu.example.org"
    assert email["To"] == "zhuren@village.example.org"
    assert email.get_content_type() == "text/plain"
    assert email.get_content_charset() == "utf-8"
    assert email.get_content() == BODY
    assert email["X-Shouhu-Notification"] == sent.notification_id
    assert result.provider_id == email["Message-ID"]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
@pytest.mark.parametrize("smtp_server", ["tls"], indirect=True)
async def test_implicit_tls(smtp_server: Server, certificate: Certificate) -> None:
    result = await smtp(smtp_server, certificate, smtp_security="tls").send(message())
    assert result.outcome is Outcome.SENT, result.reason
    (received,) = smtp_server.mailbox.received
    assert received.tls and received.login == USER.encode()
    assert read_back(received)["Subject"] == SUBJECT


@pytest.mark.parametrize("smtp_server", ["plain"], indirect=True)
async def test_plain_without_auth_on_loopback(
    smtp_server: Server, certificate: Certificate
) -> None:
    channel = smtp(smtp_server, certificate, smtp_security="plain", smtp_username="")
    result = await channel.send(message())
    assert result.outcome is Outcome.SENT, result.reason
    (received,) = smtp_server.mailbox.received
    assert not received.tls and received.login is None
    assert read_back(received).get_content() == BODY


async def test_a_wrong_password_is_refused(smtp_server: Server, certificate: Certificate) -> None:
    result = await smtp(smtp_server, certificate, smtp_password="guessed").send(message())
    assert result.outcome is Outcome.REFUSED
    assert result.reason is not None and result.reason.startswith("邮件服务器拒绝（535）")
    assert smtp_server.mailbox.received == []


async def test_a_server_requiring_starttls_refuses_a_plain_client(
    smtp_server: Server, certificate: Certificate
) -> None:
    channel = smtp(smtp_server, certificate, smtp_security="plain", smtp_username="")
    result = await channel.send(message())
    assert result.outcome is Outcome.REFUSED
    assert result.reason is not None and result.reason.startswith("邮件服务器拒绝（530）")
    assert smtp_server.mailbox.received == []


async def test_an_untrusted_certificate_is_not_sent_to(
    smtp_server: Server, certificate: Certificate
) -> None:
    # The system's CAs only: the server's self-signed certificate must not be accepted.
    result = await smtp(smtp_server, certificate, smtp_ca_file=None).send(message())
    assert result.outcome is Outcome.TRANSIENT
    assert result.reason == "无法连接邮件服务器（SSLCertVerificationError）"
    assert smtp_server.mailbox.received == []


async def test_a_4xx_is_transient(smtp_server: Server, certificate: Certificate) -> None:
    result = await smtp(smtp_server, certificate).send(message("busy@village.example.org"))
    assert result.outcome is Outcome.TRANSIENT
    assert result.reason == "邮件服务器暂时拒绝（451）：4.2.1 Mailbox busy, try again later"


async def test_a_5xx_is_refused(smtp_server: Server, certificate: Certificate) -> None:
    result = await smtp(smtp_server, certificate).send(message("nobody@village.example.org"))
    assert result.outcome is Outcome.REFUSED
    assert result.reason == "邮件服务器拒绝（550）：5.1.1 No such user here"


async def test_a_line_break_in_the_subject_writes_no_header(
    smtp_server: Server, certificate: Certificate
) -> None:
    sneaky = message(subject="走访提醒\r\nBcc: someone@elsewhere.example.org")
    result = await smtp(smtp_server, certificate).send(sneaky)
    assert result.outcome is Outcome.SENT, result.reason
    (received,) = smtp_server.mailbox.received
    email = read_back(received)
    assert email["Bcc"] is None and received.rcpt_tos == ["zhuren@village.example.org"]
    assert email["Subject"] == "走访提醒 Bcc: someone@elsewhere.example.org"


async def test_a_malformed_address_is_refused_before_the_server(
    smtp_server: Server, certificate: Certificate
) -> None:
    for address in ["zhuren", "a@b@example.org", "zhuren@example.org\nBcc: x@example.org"]:
        result = await smtp(smtp_server, certificate).send(message(address))
        assert result.outcome is Outcome.REFUSED and result.reason == "邮箱地址格式不正确"
    assert smtp_server.mailbox.received == []


async def test_a_server_that_never_answers_is_transient(certificate: Certificate) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # the kernel accepts; nobody ever says 220
        port = silent.getsockname()[1]
        channel = smtp(Server(Mailbox(), port), certificate, smtp_timeout_seconds=0.3)
        result = await channel.send(message())
    assert result.outcome is Outcome.TRANSIENT
    assert result.reason == "邮件服务器连接中断或超时"


async def test_an_unreachable_server_is_transient(certificate: Certificate) -> None:
    result = await smtp(Server(Mailbox(), free_port()), certificate).send(message())
    assert result.outcome is Outcome.TRANSIENT
    assert result.reason == "无法连接邮件服务器（ConnectionRefusedError）"


async def test_embedded_mode_appends_json_lines_under_the_data_dir(tmp_path: Path) -> None:
    channel = email_from(NotificationsSettings(data_dir=tmp_path))
    assert isinstance(channel, FileEmail)
    sent = message()
    result = await channel.send(sent)
    assert result.outcome is Outcome.SENT
    text = (tmp_path / "email.jsonl").read_text(encoding="utf-8")
    assert SUBJECT in text
    (line,) = [json.loads(x) for x in text.splitlines()]
    assert (line["to"], line["subject"], line["body"]) == (sent.address, SUBJECT, BODY)
    assert (line["id"], line["notificationId"]) == (result.provider_id, sent.notification_id)
