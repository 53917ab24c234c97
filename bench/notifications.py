"""Live notifications bench (issue 10): frames through the gateway's subscription, real stack.

    uv run python bench/notifications.py [--subscribers 100] [--rounds 5] [--fanout 10000]
                                         [--no-kafka-fanout] [--idle 1000]

PostgreSQL, Kafka and Keycloak as local processes; registry, notifications and the gateway each
their own uvicorn process in production mode (the gateway one worker: its memory is the relay's).
`--subscribers` village supervisors (Keycloak users made for the run, one village each) hold a
graphql-transport-ws socket on the gateway, subscribed to `notificationReceived`.

1. Latency: the district's clerk registers a child in each village through the registry, one
   round after another; the registry's event goes through its outbox and Kafka to notifications,
   whose handler commits the notification. From its `createdAt` (set in that transaction) to the
   frame at the client, p95 (budget 300 ms).
2. Fan-out: `--fanout` notifications spread over the villages, written by the notifications
   service's own handler (on_child_registered) into its database, 500 a transaction, as fast as
   it goes: from the first write to the last frame (budget 30 s). Then (information, no budget;
   `--no-kafka-fanout` skips it) as many registry.child.registered events published to Kafka at
   once, applied by the service's consumer one event a transaction: the consumer's pace.
3. Memory: `--idle` subscriptions (sockets spread over the supervisors) held idle; the gateway
   process's resident memory once each has had one frame (budget 200 MB).

Prints each figure beside its budget and exits non-zero when one misses.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
import uuid
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp
import generate
import httpx
from harness import (
    Verdict,
    calibrate,
    new_child,
    percentile,
    postgres,
    real_stack_env,
    report,
    service,
)
from sqlmodel import Session, select

from shouhu.localstack import start_kafka, start_keycloak
from shouhu.notifications.handlers import on_child_registered
from shouhu.notifications.inapp.service import cursor_of
from shouhu.notifications.models import PostHolder
from shouhu.platform.auth import Role
from shouhu.platform.db import make_engine
from shouhu.platform.events import Envelope
from shouhu.platform.settings import topic_of
from shouhu.platform.transport import KafkaTransport, Message

PASSWORD = "bench-live-1"
LIVE = """subscription Live($after: String) {
  notificationReceived(after: $after) { cursor childId createdAt } }"""


@dataclass
class Supervisor:
    """A village supervisor of the run, with a token."""

    username: str
    village: str
    token: str = ""


@dataclass
class Socket:
    """One subscribed socket and the frames it received: (arrival, frame)."""

    supervisor: Supervisor
    frames: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    ws: Any = None
    task: asyncio.Task[None] | None = None


def make_supervisors(keycloak: Any, villages: list[str]) -> list[Supervisor]:
    """One Keycloak user per village, the village supervisor role and its division code."""
    from keycloak import KeycloakAdmin

    admin = KeycloakAdmin(
        server_url=keycloak.base_url,
        username=keycloak.admin_username,
        password=keycloak.admin_password,
        realm_name="shouhu",
        user_realm_name="master",
    )
    role = admin.get_realm_role(Role.VILLAGE_SUPERVISOR.value)
    supervisors = []
    for village in villages:
        username = f"bench.supervisor.{village}"
        user_id = admin.create_user(
            {
                "username": username,
                "enabled": True,
                "emailVerified": True,
                "firstName": "Bench",
                "lastName": "Supervisor",
                "email": f"{username}@shouhu.test",
                "attributes": {"division_code": [village]},
                "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}],
            },
            exist_ok=True,
        )
        admin.assign_realm_roles(user_id, [role])
        supervisors.append(Supervisor(username, village))
    return supervisors


def password_token(token_url: str, username: str, password: str) -> str:
    answer = httpx.post(
        token_url,
        data={
            "grant_type": "password",
            "client_id": "shouhu-console",
            "username": username,
            "password": password,
        },
        timeout=60,
    )
    answer.raise_for_status()
    token: str = answer.json()["access_token"]
    return token


def sign_in(token_url: str, supervisors: list[Supervisor]) -> None:
    """Fresh tokens (they live 15 minutes) for every supervisor, a few at a time."""
    with ThreadPoolExecutor(4) as pool:
        tokens = pool.map(lambda s: password_token(token_url, s.username, PASSWORD), supervisors)
        for supervisor, token in zip(supervisors, tokens, strict=True):
            supervisor.token = token


async def open_socket(
    session: aiohttp.ClientSession, url: str, socket: Socket, after: str | None
) -> None:
    """Connect, prove the token in connection_init, subscribe, and read frames until closed."""
    # Offering permessage-deflate as browsers do; the gateway declines it, as its image does.
    ws = await session.ws_connect(url, protocols=("graphql-transport-ws",), compress=15)
    await ws.send_json(
        {
            "type": "connection_init",
            "payload": {"Authorization": f"Bearer {socket.supervisor.token}"},
        }
    )
    ack = await ws.receive_json(timeout=60)
    assert ack["type"] == "connection_ack", ack
    payload = {"query": LIVE, "variables": {"after": after}}
    await ws.send_json({"id": "live", "type": "subscribe", "payload": payload})
    socket.ws = ws

    async def read() -> None:
        async for message in ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            arrived = time.time()
            data = json.loads(message.data)
            if data.get("type") == "next" and "data" in data["payload"]:
                socket.frames.append((arrived, data["payload"]["data"]["notificationReceived"]))
            elif data.get("type") == "ping":
                await ws.send_json({"type": "pong"})
            elif data.get("type") in ("error", "complete") or data["payload"].get("errors"):
                raise RuntimeError(f"{socket.supervisor.username}: {data}")

    socket.task = asyncio.create_task(read())


async def open_all(
    session: aiohttp.ClientSession, url: str, sockets: list[Socket], after: dict[str, str | None]
) -> None:
    gate = asyncio.Semaphore(50)

    async def one(socket: Socket) -> None:
        async with gate:
            await open_socket(session, url, socket, after[socket.supervisor.username])

    await asyncio.gather(*(one(s) for s in sockets))


async def close_all(sockets: list[Socket]) -> None:
    for socket in sockets:
        if socket.ws is not None:
            await socket.ws.close()
    await asyncio.gather(*(s.task for s in sockets if s.task), return_exceptions=True)


async def wait_for(sockets: list[Socket], frames_each: int, timeout: float) -> None:
    """Until every socket has `frames_each` frames; a failed reader or the timeout raises."""
    deadline = time.monotonic() + timeout
    while any(len(s.frames) < frames_each for s in sockets):
        for socket in sockets:
            if socket.task is not None and socket.task.done():
                socket.task.result()
                raise RuntimeError(f"{socket.supervisor.username}: the socket closed")
        if time.monotonic() > deadline:
            short = sum(1 for s in sockets if len(s.frames) < frames_each)
            raise TimeoutError(f"{short} sockets short of {frames_each} frames after {timeout}s")
        await asyncio.sleep(0.01)


async def register(
    session: aiohttp.ClientSession, registry: str, clerk: str, villages: Iterable[str]
) -> None:
    """One child per village through the registry's own route, a few at a time."""
    gate = asyncio.Semaphore(4)
    headers = {"Authorization": f"Bearer {clerk}"}

    async def one(village: str) -> None:
        async with gate:
            url = f"{registry}/children"
            async with session.post(url, json=new_child(village), headers=headers) as answer:
                if answer.status != 201:
                    raise RuntimeError(
                        f"register in {village}: {answer.status} {await answer.text()}"
                    )

    await asyncio.gather(*(one(v) for v in villages))


async def hold_posts(
    session: aiohttp.ClientSession, registry: str, admin: str, supervisors: list[Supervisor]
) -> None:
    """Each run's supervisor holds its village's post in the registry's workforce, so that
    notifications reach the village and do not go up to the town (nobody holding it)."""
    headers = {"Authorization": f"Bearer {admin}"}
    for n, supervisor in enumerate(supervisors):
        post = {
            "post": "SUPERVISOR",
            "name": "督导员",
            "phone": f"139{n:08d}",
            "employment": "PART_TIME",
            "since": "2024-01-01",
            "username": supervisor.username,
        }
        url = f"{registry}/divisions/{supervisor.village}/workforce"
        async with session.post(url, json=post, headers=headers) as answer:
            if answer.status != 201:
                raise RuntimeError(f"assign {supervisor.village}: {await answer.text()}")


def holders_known(database: str, villages: list[str]) -> bool:
    """Whether notifications has projected a holder for every village yet."""
    engine = make_engine(database)
    try:
        with Session(engine) as session:
            rows = session.exec(select(PostHolder.division_code)).all()
        return set(villages) <= set(rows)
    finally:
        engine.dispose()


def latency_ms(arrived: float, frame: dict[str, Any]) -> float:
    return (arrived - datetime.fromisoformat(frame["createdAt"]).timestamp()) * 1000


def registered(village: str, n: int) -> Envelope:
    """The registry's event of a child registered in `village`, as it publishes it."""
    child_id = str(uuid.uuid4())
    return Envelope(
        type="registry.child.registered",
        source="registry",
        subject=child_id,
        data={
            "childId": child_id,
            "name": f"扇出{n}",
            "gender": "FEMALE",
            "birthDate": "2015-06-01",
            "residenceDivisionCode": village,
            "townDivisionCode": village[:9],
            "registeredBy": "bench",
        },
    )


def publish(bootstrap: str, villages: list[str], each: int) -> float:
    """`each` registry.child.registered events per village on the registry's topic; seconds."""
    transport = KafkaTransport(bootstrap)
    started = time.perf_counter()
    for n in range(each):
        for village in villages:
            envelope = registered(village, n)
            transport.send(
                Message(
                    topic=topic_of("registry"),
                    key=envelope.subject,
                    value=envelope.to_bytes(),
                    headers=[("event_type", envelope.type.encode())],
                )
            )
    transport.flush()
    return time.perf_counter() - started


def write_through_handler(database_url: str, villages: list[str], each: int) -> float:
    """`each` notifications per village by the service's own handler, 500 a commit; seconds."""
    engine = make_engine(database_url)
    started = time.perf_counter()
    envelopes = [registered(village, n) for n in range(each) for village in villages]
    for start in range(0, len(envelopes), 500):
        with Session(engine) as session:
            for envelope in envelopes[start : start + 500]:
                on_child_registered(session, envelope)
            session.commit()
    engine.dispose()
    return time.perf_counter() - started


def fan_out(
    how: str, sockets: list[Socket], before: list[int], started: float, sent: float
) -> Verdict:
    """The figures of one fan-out: when the last notification committed, the last frame came."""
    fresh = [f for s, n in zip(sockets, before, strict=True) for f in s.frames[n:]]
    last_frame = max(arrived for arrived, _ in fresh) - started
    last_commit = max(datetime.fromisoformat(f["createdAt"]).timestamp() for _, f in fresh)
    lags = [latency_ms(arrived, frame) for arrived, frame in fresh]
    print(
        f"fan-out {how}, {len(fresh):,} notifications to {len(sockets)} subscribers: written in "
        f"{sent:.1f} s, last committed at {last_commit - started:.1f} s, last frame at "
        f"{last_frame:.1f} s; commit → frame median {statistics.median(lags):.0f} ms, "
        f"p95 {percentile(lags, 95):.0f} ms",
        flush=True,
    )
    return Verdict(f"{len(fresh):,} notifications fanned out {how}", last_frame, 30, "s")


def rss_mb(pid: int, field_name: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field_name}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Stack:
    registry: str
    gateway_ws: str
    gateway_pid: int
    notifications_pid: int
    bootstrap: str
    token_url: str
    notifications_db: str


async def run(
    args: argparse.Namespace, stack: Stack, supervisors: list[Supervisor]
) -> list[Verdict]:
    verdicts: list[Verdict] = []
    clerk = password_token(stack.token_url, "clerk.district", "shouhu-dev")
    admin = password_token(stack.token_url, "admin.district", "shouhu-dev")
    villages = [s.village for s in supervisors]
    print(f"gateway RSS at rest: {rss_mb(stack.gateway_pid):.0f} MB", flush=True)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        await hold_posts(session, stack.registry, admin, supervisors)
        deadline = time.time() + 120
        while not await asyncio.to_thread(holders_known, stack.notifications_db, villages):
            if time.time() > deadline:
                raise TimeoutError("notifications never learnt who holds the villages' posts")
            await asyncio.sleep(0.5)
        # 1. Latency. From cursor 0: nothing before the subscription can be missed.
        sockets = [Socket(s) for s in supervisors]
        start = {s.username: cursor_of(0) for s in supervisors}
        await open_all(session, stack.gateway_ws, sockets, start)
        await register(session, stack.registry, clerk, villages)  # warm-up: every stream open
        await wait_for(sockets, 1, timeout=120)
        samples: list[float] = []
        for round_ in range(args.rounds):
            await register(session, stack.registry, clerk, villages)
            await wait_for(sockets, round_ + 2, timeout=120)
        for socket in sockets:
            samples += [latency_ms(arrived, frame) for arrived, frame in socket.frames[1:]]
        print(
            f"latency, commit → frame, {len(samples)} frames over {len(sockets)} subscribers: "
            f"median {statistics.median(samples):.0f} ms, p95 {percentile(samples, 95):.0f} ms, "
            f"max {max(samples):.0f} ms",
            flush=True,
        )
        verdicts.append(
            Verdict("commit → frame at the client, p95", percentile(samples, 95), 300, "ms")
        )

        # 2. Fan-out: through the service's handler, committed in batches as fast as it goes.
        each = args.fanout // len(villages)
        before = [len(s.frames) for s in sockets]
        started = time.time()
        database = stack.notifications_db
        written = await asyncio.to_thread(write_through_handler, database, villages, each)
        await wait_for(sockets, max(before) + each, timeout=300)
        verdicts.append(fan_out("through the handler", sockets, before, started, written))
        # The same through Kafka and the service's consumer: its pace, not the stream's.
        if args.kafka_fanout:
            before = [len(s.frames) for s in sockets]
            started = time.time()
            published = await asyncio.to_thread(publish, stack.bootstrap, villages, each)
            await wait_for(sockets, max(before) + each, timeout=600)
            fan_out("through Kafka and the consumer", sockets, before, started, published)
        last = {s.supervisor.username: s.frames[-1][1]["cursor"] for s in sockets}
        await close_all(sockets)

        after = rss_mb(stack.gateway_pid)
        print(f"gateway RSS after the fan-out, its sockets closed: {after:.0f} MB", flush=True)

        # 3. Memory with idle subscriptions, sockets spread over the supervisors.
        sign_in(stack.token_url, supervisors)
        idle = [Socket(supervisors[n % len(supervisors)]) for n in range(args.idle)]
        await open_all(session, stack.gateway_ws, idle, {u: c for u, c in last.items()})
        await register(session, stack.registry, clerk, villages)  # every stream open and used
        await wait_for(idle, 1, timeout=180)
        await asyncio.sleep(args.settle)
        rss, peak = rss_mb(stack.gateway_pid), rss_mb(stack.gateway_pid, "VmHWM")
        print(
            f"{len(idle):,} idle subscriptions: gateway RSS {rss:.0f} MB (peak {peak:.0f} MB), "
            f"notifications RSS {rss_mb(stack.notifications_pid):.0f} MB",
            flush=True,
        )
        verdicts.append(
            Verdict(f"gateway RSS with {len(idle):,} idle subscriptions", rss, 200, "MB")
        )
        await close_all(idle)
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--fanout", type=int, default=10_000)
    parser.add_argument("--kafka-fanout", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--idle", type=int, default=1000)
    parser.add_argument("--settle", type=float, default=5.0, help="seconds idle before measuring")
    args = parser.parse_args()
    villages = sorted(v.code for v in generate.villages())[: args.subscribers]
    kafka = start_kafka()
    keycloak = start_keycloak(full_jit=True)
    try:
        with postgres() as pg:
            urls = {
                "registry": pg.create_database("bench_live_registry"),
                "notifications": pg.create_database("bench_live_notifications"),
            }
            calibration = calibrate(urls["notifications"])
            print(f"making {len(villages)} village supervisors in Keycloak …", flush=True)
            supervisors = make_supervisors(keycloak, villages)
            common = real_stack_env(kafka, keycloak)
            with (
                service(
                    "registry", {**common, "SHOUHU_DATABASE_URL": urls["registry"]}
                ) as registry,
                service(
                    "notifications", {**common, "SHOUHU_DATABASE_URL": urls["notifications"]}
                ) as notifications,
                service(
                    "gateway",
                    {
                        **common,
                        "SHOUHU_REGISTRY_URL": registry.url,
                        "SHOUHU_NOTIFICATIONS_URL": notifications.url,
                        "UVICORN_WS_PER_MESSAGE_DEFLATE": "false",  # as gateway/Dockerfile
                    },
                ) as gateway,
            ):
                sign_in(keycloak.token_url, supervisors)
                stack = Stack(
                    registry=registry.url,
                    gateway_ws=gateway.url.replace("http", "ws", 1) + "/graphql",
                    gateway_pid=gateway.popen.pid,
                    notifications_pid=notifications.popen.pid,
                    bootstrap=kafka.bootstrap,
                    token_url=keycloak.token_url,
                    notifications_db=urls["notifications"],
                )
                verdicts = asyncio.run(run(args, stack, supervisors))
    finally:
        keycloak.stop()
        kafka.stop()
    return report(verdicts, calibration)


if __name__ == "__main__":
    raise SystemExit(main())
