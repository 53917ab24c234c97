"""What the benches share: PostgreSQL, a token issuer, a service process, timing and verdicts."""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from shouhu.platform.idp import DEMO_USERS, DemoUser, EmbeddedIdentityProvider
from shouhu.platform.settings import ServiceSettings
from shouhu.platform.testing import free_port, identity_number

ROOT = Path(__file__).resolve().parents[1]
DATA_KEY = "YmVuY2gtZGF0YS1rZXktMDEyMzQ1Njc4OS1ub3QtYS1zZWNyZXQhIQ=="  # base64, as production wants
GATEWAY_KEY = "YmVuY2gtZ2F0ZXdheS1rZXktMDEyMzQ1Njc4OS1ub3Qtc2VjcmV0IQ=="


@dataclass
class Verdict:
    """One figure beside its budget."""

    name: str
    value: float
    budget: float
    unit: str

    @property
    def ok(self) -> bool:
        return self.value <= self.budget

    @property
    def margin(self) -> float:
        """How far under its budget the figure is, as a share of the budget (negative: over)."""
        return 1 - self.value / self.budget if self.budget else 0.0

    def line(self) -> str:
        mark = "ok  " if self.ok else "MISS"
        return (
            f"{mark} {self.name:<58} {self.value:>10.1f} {self.unit:<3} "
            f"(budget {self.budget:g}, margin {self.margin:+.0%})"
        )


@dataclass
class Calibration:
    """What this machine does in a fixed amount of work, to read the figures beside."""

    cpu_loop_ms: float
    postgres_round_trip_ms: float | None = None

    def line(self) -> str:
        pg = (
            f", PostgreSQL SELECT 1 round trip {self.postgres_round_trip_ms:.3f} ms (median)"
            if self.postgres_round_trip_ms is not None
            else ""
        )
        return f"calibration: CPU loop {self.cpu_loop_ms:.0f} ms (best of 5){pg}"


def cpu_loop_ms() -> float:
    """A fixed pure-Python workload (hashing, dict and str work), best of five, in ms."""
    import hashlib

    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        table: dict[str, int] = {}
        digest = b""
        for i in range(50_000):
            digest = hashlib.sha256(digest + str(i).encode()).digest()
            table[digest.hex()[:6]] = i
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def postgres_round_trip_ms(url: str, runs: int = 2000) -> float:
    """Median of `SELECT 1` over one open connection: the floor of any query's latency."""
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            connection.execute("SELECT 1").fetchone()
            samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def calibrate(url: str | None = None) -> Calibration:
    """Measure, print and return the machine's calibration figures."""
    calibration = Calibration(
        cpu_loop_ms=cpu_loop_ms(),
        postgres_round_trip_ms=postgres_round_trip_ms(url) if url else None,
    )
    print(calibration.line(), flush=True)
    return calibration


def report(verdicts: list[Verdict], calibration: Calibration | None = None) -> int:
    """Print each figure beside its budget; non-zero when one misses."""
    print()
    if calibration is not None:
        print(calibration.line())
    for verdict in verdicts:
        print(verdict.line())
    return 0 if all(v.ok for v in verdicts) else 1


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


def timed(call: Callable[[], Any], runs: int, warmup: int = 5) -> list[float]:
    """Milliseconds of each run after a few warm-up calls."""
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def describe(name: str, samples: list[float]) -> None:
    print(
        f"  {name}: median {statistics.median(samples):.1f} ms, "
        f"p95 {percentile(samples, 95):.1f} ms, max {max(samples):.1f} ms over {len(samples)}"
    )


def cpu_seconds(process: int | str) -> float:
    """User and system CPU, in seconds, of a process and its children (uvicorn's workers), or
    of every process of a name (PostgreSQL's backends)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, fields = text[text.index("(") + 1 : text.rindex(")")], text.rsplit(")", 1)[1].split()
        ours = (
            name == process
            if isinstance(process, str)
            else process
            in (
                int(stat.parent.name),
                int(fields[1]),
            )
        )
        if ours:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def find_process(needle: str, parent: int | None = None) -> int | None:
    """The process whose command line holds `needle` (and whose parent is `parent`, if given):
    a bench's own PostgreSQL (`port=N`) or Kafka, not another one on the machine."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
            stat = (cmdline.parent / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if needle in args and (parent is None or ppid == parent):
            return int(cmdline.parent.name)
    return None


def cpu_per_request(pids: dict[str, int | str], before: dict[str, float], requests: int) -> str:
    spent = {
        name: (cpu_seconds(pid) - before[name]) * 1000 / requests for name, pid in pids.items()
    }
    return ", ".join(f"{name} {ms:.1f}" for name, ms in spent.items())


class Issuer:
    """The embedded provider's keys, served on loopback to services in production mode."""

    def __init__(self) -> None:
        self.idp = EmbeddedIdentityProvider(
            ServiceSettings(oidc_issuer="http://bench/realms/shouhu")
        )
        jwks = json.dumps(self.idp.jwks()).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(jwks)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.jwks_url = f"http://127.0.0.1:{self._server.server_address[1]}/certs"
        self._users = {u.username: u for u in DEMO_USERS}

    def token(self, user: str | DemoUser) -> str:
        """A day's token of a demo user (by name), or of a user made for the run."""
        found = self._users[user] if isinstance(user, str) else user
        return self.idp.issue(found, "shouhu-console", lifetime=24 * 3600)

    def headers(self, user: str | DemoUser) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(user)}"}

    def env(self) -> dict[str, str]:
        return {
            "SHOUHU_OIDC_ISSUER": self.idp.issuer,
            "SHOUHU_OIDC_JWKS_URL": self.jwks_url,
            "SHOUHU_GATEWAY_KEY": GATEWAY_KEY,
        }


CHILDREN = itertools.count()  # each new child its own birth date and order: no duplicate


def new_child(village: str, *, name: str = "实时", birthplace: str = "110109") -> dict[str, Any]:
    """A new child's file for `village`, as the registry takes it; its identity number is unique
    within the run (born in `birthplace`: another than bench/generate.py's never meets its)."""
    n = next(CHILDREN)
    birth = date(2012, 1, 1) + timedelta(days=n // 499)
    return {
        "name": f"{name}{uuid.uuid4().hex[:8]}",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": identity_number(birth, male=True, seq=n % 499, division=birthplace),
        "residenceDivisionCode": village,
    }


def real_stack_env(kafka: Any, keycloak: Any) -> dict[str, str]:
    """What every process of a bench on the real stack shares: Kafka, Keycloak's realm, keys."""
    return {
        "SHOUHU_TRANSPORT": "kafka",
        "SHOUHU_KAFKA_BOOTSTRAP": kafka.bootstrap,
        "SHOUHU_OIDC_ISSUER": keycloak.issuer,
        "SHOUHU_DATA_KEY": DATA_KEY,
        "SHOUHU_GATEWAY_KEY": GATEWAY_KEY,
        "SHOUHU_TELEMETRY_EXPORTER": "none",
    }


@contextmanager
def postgres() -> Iterator[Any]:
    """A PostgreSQL server: `SHOUHU_POSTGRES_URL` if set, else a local one."""
    from shouhu.localstack import start_postgres

    handle = start_postgres()
    try:
        yield handle
    finally:
        handle.stop()


@dataclass
class Stack:
    """PostgreSQL with a database per service, Kafka, what every service's process shares."""

    pg: Any
    kafka: Any
    urls: dict[str, str]
    common: dict[str, str]

    def env(self, name: str) -> dict[str, str]:
        """The environment of service `name`: the shared part and its own database."""
        return {**self.common, "SHOUHU_DATABASE_URL": self.urls[name]}


@contextmanager
def kafka_stack(prefix: str, names: tuple[str, ...], issuer: Issuer) -> Iterator[Stack]:
    """A database `bench_<prefix>_<name>` for each service, Kafka, tokens from `issuer`."""
    from shouhu.localstack import start_kafka

    kafka = start_kafka()
    try:
        with postgres() as pg:
            urls = {name: pg.create_database(f"bench_{prefix}_{name}") for name in names}
            common = {
                **issuer.env(),
                "SHOUHU_DATA_KEY": DATA_KEY,
                "SHOUHU_TRANSPORT": "kafka",
                "SHOUHU_KAFKA_BOOTSTRAP": kafka.bootstrap,
                "SHOUHU_TELEMETRY_EXPORTER": "none",
                "SHOUHU_DATA_DIR": tempfile.mkdtemp(prefix=f"bench-{prefix}-"),  # the SMS file
            }
            yield Stack(pg, kafka, urls, common)
    finally:
        kafka.stop()


@dataclass
class Service:
    """A service process on a free port."""

    url: str
    popen: subprocess.Popen[bytes]

    def peak_rss_mb(self) -> float:
        """The process's high-water resident memory (VmHWM)."""
        for line in Path(f"/proc/{self.popen.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")


@contextmanager
def service(name: str, env: dict[str, str], workers: int = 1) -> Iterator[Service]:
    """Run `shouhu.<name>` under uvicorn in production mode until the block ends."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix=f"bench-{name}-", suffix=".log", delete=False)  # noqa: SIM115
    popen = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            f"shouhu.{name}.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--workers",
            str(workers),
        ],
        env={**os.environ, "SHOUHU_MODE": "production", **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            if popen.poll() is not None:
                raise RuntimeError(Path(log.name).read_text()[-3000:])
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start:\n{Path(log.name).read_text()[-3000:]}")
            time.sleep(0.3)
        yield Service(url, popen)
    finally:
        popen.terminate()
        popen.wait(timeout=30)
