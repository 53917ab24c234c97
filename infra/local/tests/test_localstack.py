"""The real services start, answer, and carry what the platform relies on."""

from __future__ import annotations

import base64
import json
import urllib.parse
import urllib.request
import uuid
from typing import Any

import psycopg
import pytest
from kafka import KafkaConsumer, KafkaProducer

from shouhu.localstack import start_kafka, start_keycloak, start_postgres
from shouhu.localstack._common import StartupError
from shouhu.localstack.kafka import KafkaHandle
from shouhu.localstack.keycloak import KeycloakHandle
from shouhu.localstack.postgres import PostgresHandle


def _claims(token: str) -> dict[str, Any]:
    """Decode a JWT's payload without verifying it."""
    payload = token.split(".")[1]
    payload += "=" * (-len(payload) % 4)
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload))
    return claims


def _header(token: str) -> dict[str, Any]:
    """Decode a JWT's header."""
    header = token.split(".")[0]
    header += "=" * (-len(header) % 4)
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(header))
    return decoded


def _token(keycloak: KeycloakHandle, **form: str) -> str:
    """POST a grant to the token endpoint and return the access token."""
    request = urllib.request.Request(
        keycloak.token_url, data=urllib.parse.urlencode(form).encode(), method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.load(response)
    assert body["token_type"].lower() == "bearer"
    token: str = body["access_token"]
    return token


def test_postgres_accepts_connections_and_creates_databases(postgres: PostgresHandle) -> None:
    with postgres.connect() as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
        assert conn.execute("SHOW max_connections").fetchone() == ("300",)
    name = f"ls_{uuid.uuid4().hex[:8]}"
    url = postgres.create_database(name)
    assert (
        url
        == f"postgresql+psycopg://shouhu:{postgres.password}@{postgres.host}:{postgres.port}/{name}"
    )
    assert postgres.create_database(name) == url  # idempotent
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute("CREATE TABLE child (id int PRIMARY KEY, name text NOT NULL)")
        conn.execute("INSERT INTO child VALUES (1, '小明')")
        assert conn.execute("SELECT name, current_database() FROM child").fetchone() == (
            "小明",
            name,
        )


def test_kafka_round_trips_a_message(kafka: KafkaHandle) -> None:
    topic = f"localstack-{uuid.uuid4().hex[:8]}"
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap, acks="all")
    try:
        producer.send(topic, key=b"k", value=b"hello shouhu").get(timeout=30)
    finally:
        producer.close()
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=kafka.bootstrap,
        group_id=f"g-{topic}",
        auto_offset_reset="earliest",
        consumer_timeout_ms=30_000,
    )
    try:
        message = next(iter(consumer))
        assert (message.key, message.value) == (b"k", b"hello shouhu")
        assert len(consumer.partitions_for_topic(topic)) == 3
    finally:
        consumer.close()


def test_keycloak_password_grant_carries_division_and_role(keycloak: KeycloakHandle) -> None:
    assert keycloak.issuer == f"{keycloak.base_url}/realms/shouhu"
    token = _token(
        keycloak,
        grant_type="password",
        client_id="shouhu-console",
        username="supervisor.110109001001",
        password="shouhu-dev",
        scope="openid",
    )
    claims = _claims(token)
    assert claims["division_code"] == "110109001001"
    assert "village_supervisor" in claims["realm_access"]["roles"]
    assert "shouhu-api" in claims["aud"]
    assert claims["azp"] == "shouhu-console"
    assert claims["iss"] == keycloak.issuer
    assert claims["preferred_username"] == "supervisor.110109001001"
    assert claims["exp"] - claims["iat"] == 900
    with urllib.request.urlopen(keycloak.jwks_url, timeout=10) as response:
        kids = {key["kid"] for key in json.load(response)["keys"]}
    assert _header(token)["kid"] in kids


def test_keycloak_client_credentials_for_department(keycloak: KeycloakHandle) -> None:
    token = _token(
        keycloak,
        grant_type="client_credentials",
        client_id="dept-police",
        client_secret="shouhu-dev-secret",
    )
    claims = _claims(token)
    assert "police" in claims["realm_access"]["roles"]
    assert claims["division_code"] == "110109"
    assert claims["azp"] == "dept-police"
    assert "shouhu-api" in claims["aud"]
    assert claims["preferred_username"] == "service-account-dept-police"


@pytest.mark.parametrize(
    ("username", "role", "division"),
    [
        ("admin.district", "civil_affairs", "110109"),
        ("worker.110109101", "town_social_worker", "110109101"),
        ("reporter.school.110109001", "mandated_reporter", "110109001"),
    ],
)
def test_keycloak_users(keycloak: KeycloakHandle, username: str, role: str, division: str) -> None:
    claims = _claims(
        _token(
            keycloak,
            grant_type="password",
            client_id="shouhu-console",
            username=username,
            password="shouhu-dev",
        )
    )
    assert role in claims["realm_access"]["roles"]
    assert claims["division_code"] == division


def test_env_provider_attaches_to_running_services(
    monkeypatch: pytest.MonkeyPatch,
    postgres: PostgresHandle,
    kafka: KafkaHandle,
    keycloak: KeycloakHandle,
) -> None:
    monkeypatch.setenv("SHOUHU_POSTGRES_URL", postgres.server_url)
    monkeypatch.setenv("SHOUHU_KAFKA_BOOTSTRAP", kafka.bootstrap)
    monkeypatch.setenv("SHOUHU_KEYCLOAK_URL", keycloak.base_url)
    attached_pg = start_postgres()
    assert attached_pg.provider == "env"
    assert (attached_pg.port, attached_pg.password) == (postgres.port, postgres.password)
    attached_pg.create_database("ls_env")
    attached_pg.stop()  # attaching never stops the server
    with postgres.connect("ls_env") as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    attached_kafka = start_kafka()
    assert (attached_kafka.provider, attached_kafka.bootstrap) == ("env", kafka.bootstrap)
    attached_kc = start_keycloak()
    assert attached_kc.provider == "env"
    assert attached_kc.issuer == keycloak.issuer
    assert attached_kc.token_url == keycloak.token_url


def test_a_local_server_halts_and_resumes_with_its_data() -> None:
    # A server of the test's own: halting the session's would disturb the other tests.
    handle = start_postgres()
    try:
        if handle.provider != "local":
            with pytest.raises(StartupError, match="cannot be halted"):
                handle.halt()
            return
        handle.create_database("ls_halt")
        with handle.connect("ls_halt", autocommit=True) as conn:
            conn.execute("CREATE TABLE kept (n int)")
            conn.execute("INSERT INTO kept VALUES (1)")
        handle.halt()
        with pytest.raises(psycopg.OperationalError):
            handle.connect("ls_halt")
        handle.resume()
        with handle.connect("ls_halt") as conn:
            assert conn.execute("SELECT n FROM kept").fetchall() == [(1,)]
    finally:
        handle.stop()


def test_keycloak_boots_on_the_client_compiler_unless_a_bench_asks_for_the_full_jit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from shouhu.localstack import keycloak

    monkeypatch.setenv("JAVA_OPTS_APPEND", "-Xmx8g")  # the caller's own options never leak in
    assert keycloak._java_env()["JAVA_OPTS_APPEND"] == "-XX:TieredStopAtLevel=1"
    assert "JAVA_OPTS_APPEND" not in keycloak._java_env(full_jit=True)
