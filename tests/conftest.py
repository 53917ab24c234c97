"""Cross-service fixtures: the embedded platform and the real stack, each as real processes."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from keycloak import KeycloakOpenID

from shouhu.notifications.templating import Templates
from shouhu.notifications.testing import KEY_ID, SECRET, SIGN_NAME, ProviderThread
from shouhu.platform.testing import free_port

SERVICES = ("registry", "benefits", "education", "volunteers", "notifications")


@dataclass
class Process:
    """A server we started, with its log."""

    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def start(name: str, args: list[str], env: dict[str, str], workdir: Path) -> Process:
    log = workdir / f"{name}.log"
    popen = subprocess.Popen(
        [sys.executable, *args],
        env={**os.environ, **env},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        cwd=workdir,
    )
    return Process(name, popen, log)


def wait_ready(process: Process, url: str, timeout: float = 120.0) -> None:
    """Poll `/readyz` until it answers 200; fail with the log tail if the process dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise RuntimeError(f"{process.name} exited:\n{process.tail()}")
        try:
            if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{process.name} not ready in {timeout}s:\n{process.tail()}")


@dataclass
class Platform:
    """A running platform as a client sees it."""

    graphql_url: str
    idp_url: str
    urls: dict[str, str]
    span_files: list[Path]
    processes: list[Process] = field(default_factory=list)
    databases: dict[str, str] = field(default_factory=dict)
    gateway_key: str = ""
    # The platform's clock (SHOUHU_CLOCK_OFFSET_FILE) and the SMS provider it sends through.
    clock_file: Path | None = None
    sms: ProviderThread | None = None
    # On the real stack: each service's environment (to start more of its processes) and the
    # folder its processes run and log in.
    service_env: dict[str, dict[str, str]] = field(default_factory=dict)
    workdir: Path | None = None

    def move_clock(self, seconds: float) -> None:
        """Move every process's clock; 0 puts it back."""
        assert self.clock_file is not None
        self.clock_file.write_text(str(seconds), encoding="utf-8")

    def token(self, username: str, password: str = "shouhu-dev") -> str:
        """A password-grant access token, asked for as any Keycloak client would."""
        oidc = KeycloakOpenID(
            server_url=self.idp_url, realm_name="shouhu", client_id="shouhu-console"
        )
        token: str = oidc.token(username, password)["access_token"]
        return token

    def service_token(self, client_id: str, secret: str = "shouhu-dev-secret") -> str:
        """A department system's token: client credentials of its service account."""
        oidc = KeycloakOpenID(
            server_url=self.idp_url,
            realm_name="shouhu",
            client_id=client_id,
            client_secret_key=secret,
        )
        token: str = oidc.token(grant_type="client_credentials")["access_token"]
        return token

    def spans(self) -> list[dict[str, Any]]:
        """Every span exported so far by every process."""
        spans = []
        for path in self.span_files:
            if path.exists():
                text = path.read_text()
                # A process may be writing its last line as we read: whole lines only.
                lines = text.splitlines() if text.endswith("\n") else text.splitlines()[:-1]
                spans.extend(json.loads(line) for line in lines if line)
        return spans


_provider: list[ProviderThread] = []


def sms_provider() -> ProviderThread:
    """The fake Alibaba Cloud SMS every platform of the run sends through (started once)."""
    if not _provider:
        _provider.append(ProviderThread().start())
    return _provider[0]


def notification_env(workdir: Path) -> dict[str, str]:
    """Send SMS through the provider's adapter to the local fake; a clock tests may move."""
    provider = sms_provider()
    codes = {kind: f"SMS_{n:06d}" for n, kind in enumerate(sorted(Templates.load().kinds))}
    return {
        "SHOUHU_SMS_PROVIDER": "aliyun",
        "SHOUHU_ALIYUN_ENDPOINT": provider.url,
        "SHOUHU_ALIYUN_ACCESS_KEY_ID": KEY_ID,
        "SHOUHU_ALIYUN_ACCESS_KEY_SECRET": SECRET,
        "SHOUHU_ALIYUN_SIGN_NAME": SIGN_NAME,
        "SHOUHU_SMS_TEMPLATE_CODES": json.dumps(codes),
        "SHOUHU_CLOCK_OFFSET_FILE": str(workdir / "clock-offset"),
    }


@pytest.fixture(scope="session")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """`make run`'s embedded platform, as its own process on a free port."""
    with embedded_platform(tmp_path_factory.mktemp("embedded")) as platform:
        yield platform


@pytest.fixture(scope="module")
def own_embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """An embedded platform for one test module alone: for tests that change district rules."""
    with embedded_platform(tmp_path_factory.mktemp("own-embedded")) as platform:
        yield platform


@pytest.fixture
def pairing_application() -> Any:
    """An application at the single window for a new child of a village with these needs (the
    volunteers' flows): `pairing_application(village, needs)`."""
    from datetime import date

    from shouhu.platform.testing import fresh_identity_number

    def application(village: str, needs: list[str]) -> dict[str, Any]:
        birth = date(2015, 5, 20)
        return {
            "child": {
                "name": f"结对{secrets.token_hex(2)}",
                "gender": "MALE",
                "birthDate": birth.isoformat(),
                "idNumber": fresh_identity_number(birth, male=True),
                "residenceDivisionCode": village,
            },
            "applicantName": "李大山",
            "applicantRelation": "PARENT",
            "applicantPhone": f"139{secrets.randbelow(10**8):08d}",
            "needs": needs,
            "materials": ["户口簿", "身份证"],
        }

    return application


@pytest.fixture(scope="module")
def fast_vetting_embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """An embedded platform for one test module whose vetting job looks every second (tests
    that move the clock past a record check's last day)."""
    env = {"SHOUHU_VETTING_EVERY_SECONDS": "1"}
    with embedded_platform(tmp_path_factory.mktemp("fast-vetting"), env) as platform:
        yield platform


@contextmanager
def embedded_platform(workdir: Path, env: dict[str, str] | None = None) -> Iterator[Platform]:
    """`make run`'s embedded platform with its data in `workdir` (and `env` on top)."""
    port = free_port()
    spans = workdir / "spans.jsonl"
    process = start(
        "embedded",
        ["-m", "shouhu.gateway.embedded"],
        {
            "SHOUHU_PORT": str(port),
            "SHOUHU_DATA_DIR": str(workdir / "data"),
            "SHOUHU_TELEMETRY_EXPORTER": "file",
            "SHOUHU_TELEMETRY_FILE": str(spans),
            **notification_env(workdir),
            **(env or {}),
        },
        workdir,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(process, base)
        yield Platform(
            graphql_url=f"{base}/graphql",
            idp_url=base,
            urls={"gateway": base, **{s: f"{base}/services/{s}" for s in SERVICES}},
            span_files=[spans],
            processes=[process],
            databases={s: f"sqlite:///{workdir / 'data' / s}.db" for s in SERVICES},
            clock_file=workdir / "clock-offset",
            sms=sms_provider(),
        )
    finally:
        process.stop()


def accounts_env(keycloak: Any) -> dict[str, str]:
    """Volunteers make their accounts in this Keycloak, as the realm's admin client."""
    realm_file = Path(__file__).resolve().parents[1] / "infra/keycloak/shouhu-realm.json"
    realm = json.loads(realm_file.read_text(encoding="utf-8"))
    (client,) = [c for c in realm["clients"] if c["clientId"] == "shouhu-volunteers-admin"]
    return {
        "SHOUHU_ACCOUNTS": "keycloak",
        "SHOUHU_KEYCLOAK_URL": keycloak.base_url,
        "SHOUHU_ACCOUNTS_CLIENT_SECRET": client["secret"],
    }


@pytest.fixture(scope="session")
def real_stack(
    postgres: Any, kafka: Any, keycloak: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    """Each service and the gateway as its own process on PostgreSQL, Kafka and Keycloak."""
    with stack_platform(postgres, kafka, keycloak, tmp_path_factory.mktemp("stack")) as platform:
        yield platform


@dataclass(frozen=True)
class StackTools:
    """What a folder's own stack is built with (tests/faults): the platform on given servers,
    and a process started and waited for as the platform's are."""

    platform: Any
    start: Any
    wait_ready: Any


@pytest.fixture(scope="session")
def stack_tools() -> StackTools:
    """`stack_platform`, `start` and `wait_ready`, for conftests below this one."""
    return StackTools(stack_platform, start, wait_ready)


def worker_args(name: str, port: int) -> list[str]:
    """A service's worker alone (`shouhu.platform.run worker`), as its Deployment runs it."""
    return ["-m", "shouhu.platform.run", "worker", name, "--host", "127.0.0.1", "--port", str(port)]


@contextmanager
def stack_platform(
    postgres: Any,
    kafka: Any,
    keycloak: Any,
    workdir: Path,
    *,
    separate_workers: bool = False,
    env: dict[str, str] | None = None,
) -> Iterator[Platform]:
    """Each service and the gateway as its own process on the given servers; with
    `separate_workers`, each service's worker as a process of its own (`<service>-worker`)."""
    gateway_key = secrets.token_urlsafe(32)
    common = {
        "SHOUHU_MODE": "production",
        "SHOUHU_TRANSPORT": "kafka",
        "SHOUHU_KAFKA_BOOTSTRAP": kafka.bootstrap,
        "SHOUHU_OIDC_ISSUER": keycloak.issuer,
        "SHOUHU_DATA_KEY": secrets.token_urlsafe(32),
        "SHOUHU_GATEWAY_KEY": gateway_key,
        "SHOUHU_TELEMETRY_EXPORTER": "file",
        **notification_env(workdir),
        **accounts_env(keycloak),
        **(env or {}),
    }
    processes: list[Process] = []
    urls: dict[str, str] = {}
    databases: dict[str, str] = {}
    span_files: list[Path] = []
    service_env: dict[str, dict[str, str]] = {}
    try:
        for name in SERVICES:
            port = free_port()
            databases[name] = postgres.create_database(f"shouhu_{name}")
            span_files.append(workdir / f"spans-{name}.jsonl")
            service_env[name] = {
                **common,
                "SHOUHU_SERVICE_NAME": name,
                "SHOUHU_DATABASE_URL": databases[name],
                "SHOUHU_TELEMETRY_FILE": str(span_files[-1]),
            }
            api_env = {**service_env[name]}
            if separate_workers:
                api_env["SHOUHU_RUN_WORKER"] = "false"
            args = ["-m", "uvicorn", "--factory", f"shouhu.{name}.app:create_app"]
            args += ["--host", "127.0.0.1", "--port", str(port)]
            processes.append(start(name, args, api_env, workdir))
            urls[name] = f"http://127.0.0.1:{port}"
        port = free_port()
        span_files.append(workdir / "spans-gateway.jsonl")
        gateway_env = {
            **common,
            "SHOUHU_SERVICE_NAME": "gateway",
            "SHOUHU_TELEMETRY_FILE": str(span_files[-1]),
            **{f"SHOUHU_{name.upper()}_URL": url for name, url in urls.items()},
        }
        args = ["-m", "uvicorn", "--factory", "shouhu.gateway.app:create_app"]
        args += ["--host", "127.0.0.1", "--port", str(port)]
        processes.append(start("gateway", args, gateway_env, workdir))
        urls["gateway"] = f"http://127.0.0.1:{port}"
        if separate_workers:
            # Beside the APIs, not after them: a worker's loops simply run again until its API
            # has migrated the database.
            for name in SERVICES:
                port = free_port()
                processes.append(
                    start(f"{name}-worker", worker_args(name, port), service_env[name], workdir)
                )
                urls[f"{name}-worker"] = f"http://127.0.0.1:{port}"
        for process in processes:
            wait_ready(process, urls[process.name])
        yield Platform(
            graphql_url=f"{urls['gateway']}/graphql",
            idp_url=keycloak.base_url,
            urls=urls,
            span_files=span_files,
            processes=processes,
            databases=databases,
            gateway_key=gateway_key,
            clock_file=workdir / "clock-offset",
            sms=sms_provider(),
            service_env=service_env,
            workdir=workdir,
        )
    finally:
        for process in processes:
            process.stop()
