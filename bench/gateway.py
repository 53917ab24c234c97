"""Gateway bench (issue 8): the gateway beside the registry's own route, nested pages, throughput.

    uv run python bench/gateway.py [--children 20000] [--seconds 5]

Registry, benefits and the gateway each run as their own uvicorn process in production mode on
PostgreSQL; the load comes from one asyncio client (aiohttp) so the client costs little of the
two cores. Prints each figure beside its budget and exits non-zero when one misses.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import generate
import httpx
from harness import (
    DATA_KEY,
    Issuer,
    Verdict,
    calibrate,
    cpu_per_request,
    cpu_seconds,
    percentile,
    postgres,
    report,
    service,
)

from shouhu.platform.db import make_engine, migrate

TOWN = "110109001"
NESTED_PAGE = """query NestedPage($division: String!) {
  children(filter: {divisionCode: $division}, first: 20) { edges { node {
    id name residenceDivision { code name parent { code } }
    classifications { group subtype } visits { visitedOn } supportPlan { measures { kind } }
    benefits { decisions { programme { code } eligible } }
  } } } }"""
DIVISION_TREE = "{ divisions { code children { code workforce { divisionCode } } } }"
Call = Callable[[aiohttp.ClientSession], Awaitable[None]]
CHILD = "query Child($id: ID!) { child(id: $id) { id name age status primaryCategory } }"
ME = "{ me { username roles divisionCode } }"
ROUNDS = 4  # direct and gateway calls alternate this many times
PACE_SECONDS = 0.003  # about what the gateway and the client spend around each registry call
SIMPLE = '{ division(code: "110109001") { code name level } }'


async def _load(call: Call, connections: int, requests: int) -> tuple[list[float], int]:
    """`requests` calls over `connections` concurrent connections: each call's ms, and errors."""
    samples: list[float] = []
    errors = 0
    remaining = requests
    connector = aiohttp.TCPConnector(limit=connections)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            nonlocal remaining, errors
            while remaining > 0:
                remaining -= 1
                started = time.perf_counter()
                try:
                    await call(session)
                except Exception:
                    errors += 1
                samples.append((time.perf_counter() - started) * 1000)

        for _ in range(min(5, requests)):  # warm the connections and the caches
            await call(session)
        await asyncio.gather(*(worker() for _ in range(connections)))
    return samples, errors


async def _throughput(call: Call, connections: int, seconds: float) -> tuple[float, int]:
    """Completed calls per second over `seconds`, and errors."""
    done = errors = 0
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=connections)
    async with aiohttp.ClientSession(connector=connector) as session:
        await call(session)

        async def worker() -> None:
            nonlocal done, errors
            while time.perf_counter() < deadline:
                try:
                    await call(session)
                    done += 1
                except Exception:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
    return done / (time.perf_counter() - started), errors


def graphql_call(
    url: str, headers: dict[str, str], query: str, variables: dict[str, Any] | None = None
) -> Call:
    body = json.dumps({"query": query, "variables": variables or {}})
    send = {**headers, "content-type": "application/json"}

    async def call(session: aiohttp.ClientSession) -> None:
        async with session.post(f"{url}/graphql", data=body, headers=send) as response:
            answer = await response.json()
            if response.status != 200 or answer.get("errors"):
                raise RuntimeError(str(answer)[:300])

    return call


def get_call(url: str, headers: dict[str, str]) -> Call:
    async def call(session: aiohttp.ClientSession) -> None:
        async with session.get(url, headers=headers) as response:
            await response.read()
            if response.status != 200:
                raise RuntimeError(f"{url}: {response.status}")

    return call


def ping_pong_ms(rounds: int = 2000) -> float:
    """Median round trip of one byte to another process and back over loopback TCP.

    What each extra HTTP hop pays before any work: on a small virtual machine, waking the other
    process (and being woken) costs far more than the bytes.
    """
    import socket
    import subprocess
    import sys

    echo = (
        "import socket\n"
        "s = socket.create_server(('127.0.0.1', 0)); print(s.getsockname()[1], flush=True)\n"
        "c, _ = s.accept(); c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)\n"
        "while (b := c.recv(1)):\n    c.sendall(b)\n"
    )
    server = subprocess.Popen([sys.executable, "-c", echo], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            samples = []
            for _ in range(rounds):
                started = time.perf_counter()
                client.sendall(b"x")
                client.recv(1)
                samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples)
    finally:
        server.kill()
        server.wait()


def paced(call: Call, idle_seconds: float) -> Call:
    """The call after an idle gap, as a service sees calls that come through the gateway."""

    async def after_a_gap(session: aiohttp.ClientSession) -> None:
        time.sleep(idle_seconds)  # the whole process idle, as the caller is between calls
        await call(session)

    return after_a_gap


def post_call(url: str, headers: dict[str, str], body: Any) -> Call:
    data = json.dumps(body)
    send = {**headers, "content-type": "application/json"}

    async def call(session: aiohttp.ClientSession) -> None:
        async with session.post(url, data=data, headers=send) as response:
            await response.read()
            if response.status != 200:
                raise RuntimeError(f"{url}: {response.status}")

    return call


def calls_per_service(span_files: dict[str, Path], trace_id: str) -> Counter[str]:
    """HTTP requests each service served within one trace: its server spans."""
    counted: Counter[str] = Counter()
    for name, path in span_files.items():
        lines = path.read_text().splitlines() if path.exists() else []
        for span in map(json.loads, lines):
            if span["context"]["trace_id"] == f"0x{trace_id}" and span["kind"].endswith("SERVER"):
                counted[name] += 1
    return counted


def traced_calls(
    gateway: str,
    headers: dict[str, str],
    query: str,
    variables: dict[str, Any] | None,
    span_files: dict[str, Path],
) -> Counter[str]:
    """One sampled request (the others are not); how many calls each service served for it."""
    body = {"query": query, "variables": variables or {}}
    for _ in range(16):  # every gateway worker's reference caches warm
        httpx.post(f"{gateway}/graphql", json=body, headers=headers, timeout=30)
    trace_id = secrets.token_hex(16)
    traced = {**headers, "traceparent": f"00-{trace_id}-{secrets.token_hex(8)}-01"}
    answer = httpx.post(f"{gateway}/graphql", json=body, headers=traced, timeout=30)
    assert not answer.json().get("errors"), answer.text
    found: Counter[str] = Counter()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # the exporters write in batches: wait until it settles
        time.sleep(1)
        again = calls_per_service(span_files, trace_id)
        if again and again == found:
            break
        found = again
    return found


@dataclass
class Stack:
    """Registry, benefits and the gateway, each its own uvicorn process."""

    registry: str
    benefits: str
    gateway: str
    pids: dict[str, int | str]


@contextmanager
def stack(
    args: argparse.Namespace, common: dict[str, str], urls: dict[str, str], spans: Path | None
) -> Iterator[Stack]:
    """The three services; with `spans`, each writes the sampled requests' spans there."""

    def env(name: str, **extra: str) -> dict[str, str]:
        telemetry = {"SHOUHU_TELEMETRY_EXPORTER": "none"}
        if spans is not None:  # only requests that arrive sampled are traced (ratio 0)
            telemetry = {
                "SHOUHU_TELEMETRY_EXPORTER": "file",
                "SHOUHU_TELEMETRY_SAMPLE_RATIO": "0",
                "SHOUHU_TELEMETRY_FILE": str(spans / f"{name}.jsonl"),
            }
        return {**common, **telemetry, **extra}

    with (
        service(
            "registry",
            env("registry", SHOUHU_DATABASE_URL=urls["registry"]),
            workers=args.registry_workers,
        ) as registry,
        service("benefits", env("benefits", SHOUHU_DATABASE_URL=urls["benefits"])) as benefits,
        service(
            "gateway",
            env(
                "gateway",
                SHOUHU_REGISTRY_URL=registry.url,
                SHOUHU_BENEFITS_URL=benefits.url,
                SHOUHU_RATE_LIMIT_PER_SECOND="100000",
                SHOUHU_RATE_LIMIT_BURST="100000",
            ),
            workers=args.gateway_workers,
        ) as gateway,
    ):
        pids: dict[str, int | str] = {
            "gateway": gateway.popen.pid,
            "registry": registry.popen.pid,
            "benefits": benefits.popen.pid,
        }
        yield Stack(registry.url, benefits.url, gateway.url, pids)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--gateway-workers", type=int, default=2)
    parser.add_argument("--registry-workers", type=int, default=2)
    args = parser.parse_args()
    issuer = Issuer()
    verdicts: list[Verdict] = []
    with postgres() as pg:
        from shouhu.benefits.app import MIGRATIONS as BENEFITS_MIGRATIONS
        from shouhu.registry.app import MIGRATIONS as REGISTRY_MIGRATIONS
        from shouhu.registry.app import seed

        urls = {
            "registry": pg.create_database("bench_gw_registry"),
            "benefits": pg.create_database("bench_gw_benefits"),
        }
        calibration = calibrate(urls["registry"])
        print(f"calibration: process ping-pong over loopback {ping_pong_ms():.3f} ms (median)")
        migrate(urls["registry"], REGISTRY_MIGRATIONS)
        migrate(urls["benefits"], BENEFITS_MIGRATIONS)
        seed(make_engine(urls["registry"]))
        print(f"loading {args.children:,} synthetic children …", flush=True)
        generate.load(urls["registry"], args.children, DATA_KEY)
        common = {**issuer.env(), "SHOUHU_DATA_KEY": DATA_KEY, "SHOUHU_TRANSPORT": "inprocess"}
        # First the calls each page costs, from the services' spans; then the timings with the
        # exporter off, as production runs without one.
        spans = Path(tempfile.mkdtemp(prefix="bench-spans-"))
        with stack(args, common, urls, spans) as counted:
            verdicts += count_calls(issuer, counted, spans)
        with stack(args, common, urls, None) as timed:
            verdicts += run(args, issuer, timed)
    return report(verdicts, calibration)


def pages(issuer: Issuer) -> list[tuple[str, dict[str, str], str, dict[str, Any] | None]]:
    """The nested page and the division tree: name, caller, query, variables."""
    return [
        ("20-child nested page", issuer.headers("clerk.district"), NESTED_PAGE, {"division": TOWN}),
        ("division tree", issuer.headers("admin.district"), DIVISION_TREE, None),
    ]


def count_calls(issuer: Issuer, on: Stack, spans: Path) -> list[Verdict]:
    verdicts = []
    files = {name: spans / f"{name}.jsonl" for name in ("registry", "benefits")}
    for name, headers, query, variables in pages(issuer):
        # A worker's first request also fills its reference caches (divisions, programmes):
        # the steady state is the fewest calls of three traced requests.
        traced = [traced_calls(on.gateway, headers, query, variables, files) for _ in range(3)]
        calls = min(traced, key=lambda c: sum(c.values()))
        print(
            f"{name}: calls per service {dict(calls)} (three traced: {[dict(c) for c in traced]})"
        )
        busiest = max(calls.values(), default=0)
        verdicts.append(Verdict(f"{name}: calls to the busiest service", busiest, 1, ""))
    return verdicts


def run(args: argparse.Namespace, issuer: Issuer, on: Stack) -> list[Verdict]:
    registry, benefits_url, gateway, pids = on.registry, on.benefits, on.gateway, on.pids
    clerk = issuer.headers("clerk.district")
    page = httpx.post(
        f"{registry}/children/search",
        json={"filter": {"divisionCode": TOWN}, "first": 100},
        headers=clerk,
    ).json()
    ids = [edge["node"]["id"] for edge in page["edges"]]
    verdicts: list[Verdict] = []
    print("child(id) through the gateway beside GET /children/{id} on the registry:")
    for connections in (1, 8):
        direct: list[float] = []
        through: list[float] = []
        errors = 0
        # In alternating rounds, so both see the same moments of a noisy machine.
        for round_ in range(ROUNDS):
            child = ids[round_ % len(ids)]
            samples, _ = asyncio.run(
                _load(
                    get_call(f"{registry}/children/{child}", clerk),
                    connections,
                    args.requests // ROUNDS,
                )
            )
            direct += samples
            samples, failed = asyncio.run(
                _load(
                    graphql_call(gateway, clerk, CHILD, {"id": child}),
                    connections,
                    args.requests // ROUNDS,
                )
            )
            through += samples
            errors += failed
        ratio = statistics.median(through) / statistics.median(direct)
        print(
            f"  {connections} conn: direct p50 {statistics.median(direct):.1f} "
            f"p99 {percentile(direct, 99):.1f} ms; gateway p50 {statistics.median(through):.1f} "
            f"p99 {percentile(through, 99):.1f} ms; ratio {ratio:.2f}; errors {errors}"
        )
        if connections == 1:  # what the gateway costs by itself, with no service call
            alone, _ = asyncio.run(_load(graphql_call(gateway, clerk, ME), 1, args.requests))
            print(f"  the gateway alone ({{ me }}), 1 conn: p50 {statistics.median(alone):.1f} ms")
            # Through the gateway, the registry is called at intervals, not back to back; on
            # this machine an idle gap alone makes the same call slower (information only).
            paced_call = paced(get_call(f"{registry}/children/{ids[0]}", clerk), PACE_SECONDS)
            paced_samples, _ = asyncio.run(_load(paced_call, 1, args.requests))
            print(
                f"  direct, {PACE_SECONDS * 1000:.0f} ms idle between calls, 1 conn: "
                f"p50 {statistics.median(paced_samples):.1f} ms"
            )
        label = f"child(id) gateway p50 / direct p50, {connections} conn"
        verdicts.append(Verdict(label, ratio, 2, "x"))
    search = {
        "filter": {"divisionCode": TOWN},
        "first": 20,
        "include": ["classifications", "plan", "visits"],
    }
    benefits = {"childIds": ids[:20]}
    for label, url, body in (
        ("registry search with the page's parts", f"{registry}/children/search", search),
        ("benefits of 20 children", f"{benefits_url}/children/benefits", benefits),
    ):
        for connections in (1, 8):
            before = {n: cpu_seconds(pid) for n, pid in pids.items()}
            samples, _ = asyncio.run(
                _load(post_call(url, clerk, body), connections, args.requests // 2)
            )
            print(
                f"{label}, direct, {connections} conn: p50 {statistics.median(samples):.1f} "
                f"p95 {percentile(samples, 95):.1f} ms; CPU ms per request: "
                + cpu_per_request(pids, before, len(samples))
            )
    for name, headers, query, variables in pages(issuer):
        before = {n: cpu_seconds(pid) for n, pid in pids.items()}
        samples, errors = asyncio.run(
            _load(graphql_call(gateway, headers, query, variables), 8, args.requests // 2)
        )
        print(
            f"  at 8 conn: p50 {statistics.median(samples):.1f} "
            f"p95 {percentile(samples, 95):.1f} ms, errors {errors}; CPU ms per request: "
            + cpu_per_request(pids, before, len(samples))
        )
        if query is NESTED_PAGE:  # the issue sets the page's latency budget, not the tree's
            verdicts.append(Verdict(f"{name} at 8 conn, p95", percentile(samples, 95), 150, "ms"))
        verdicts.append(Verdict(f"{name} at 8 conn, errors", errors, 0, ""))
    rate, errors = asyncio.run(_throughput(graphql_call(gateway, clerk, SIMPLE), 16, args.seconds))
    print(f"simple queries: {rate:.0f}/s at 16 connections, errors {errors}")
    # Budgets are ceilings: ≥ 1,000 queries/s is ≤ 1,000 ms for 1,000 queries.
    verdicts.append(Verdict("simple queries: ms per 1,000 (≥ 1,000/s)", 1e6 / rate, 1000, "ms"))
    verdicts.append(Verdict("simple queries, errors", errors, 0, ""))
    return verdicts


if __name__ == "__main__":
    raise SystemExit(main())
