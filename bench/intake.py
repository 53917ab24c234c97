"""Single-window bench (issue 11): applications reaching every department's board, the board of a
busy department, and the district's statistics, on real Kafka and PostgreSQL.

    uv run python bench/intake.py [--applications 50] [--poll-ms 20] [--tasks 200000]
                                  [--board-tasks 100000] [--children 50000] [--runs 200]
                                  [--workers 2]

PostgreSQL and Kafka as local processes; registry (then benefits and notifications) each their
own uvicorn process in production mode (`--workers` processes each, the chart's default), their
events through their outboxes and Kafka; tokens signed with the embedded provider's keys (nobody
signs in: no Keycloak). Before they start, the registry is loaded with direct SQL (COPY):
`--children` synthetic children (bench/generate.py) and, over the year before the run, `--tasks`
department tasks with their applications and timelines, `--board-tasks` of them civil affairs'
and the rest spread over the other departments; towns as the children's villages weigh; most
tasks finished (finished_at), 3 % stuck (so overdue once past their deadline), some waiting for
materials, 1 % of the applications withdrawn.

1. Visibility: `--applications` applications at once (POST /intakes by the district's clerk),
   each for a new child with LIVING_ALLOWANCE, EDUCATION_AID and LEGAL_AID: three tasks, at civil
   affairs, education and the judicial department, while each department's user polls its board
   (GET /department-tasks?first=50) every `--poll-ms`. Per task, from the start of its
   submission to the first poll answer showing it, p95 (budget 1 s). The tasks are written in
   the application's own transaction, so this is the registry's latency under the burst plus the
   board's visibility: measured with the registry, its PostgreSQL and Kafka (its relay
   publishing) alone on the machine, as they would have their own cores in a deployment. Then,
   for information, the same burst again with benefits and notifications consuming beside them
   on the same two cores: the POSTs, the boards, how long benefits took to answer civil affairs'
   tasks by itself (registry outbox → Kafka → benefits → Kafka → registry), and each process's
   CPU per application.
2. Board: civil affairs' board (`--board-tasks` tasks) as its user, the stack quiet again, first
   page of 50 newest first: unfiltered, PENDING only, overdue only; p95 of `--runs` each
   (budget 50 ms each).
3. Statistics: GET /intake-statistics over the year of `--tasks` tasks as the district's
   auditor (the registry's REST face of `intakeStatistics`), median of 20 (budget 1 s). A
   registry without that route (404) counts as a miss.

Prints the calibration line and each figure beside its budget; exits non-zero when one misses.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import random
import statistics
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

import aiohttp
import generate
import httpx
import psycopg
from harness import (
    DATA_KEY,
    Issuer,
    Verdict,
    calibrate,
    cpu_per_request,
    cpu_seconds,
    describe,
    kafka_stack,
    new_child,
    percentile,
    report,
    service,
    timed,
)

from shouhu.platform.clock import DISTRICT_TZ
from shouhu.platform.db import make_engine, migrate
from shouhu.platform.workdays import add_working_days, end_of_day
from shouhu.registry.app import MIGRATIONS, seed
from shouhu.registry.intakes import routing
from shouhu.registry.intakes.schemas import IntakeNeed, TaskDepartment

N = IntakeNeed
NEEDS = [N.LIVING_ALLOWANCE, N.EDUCATION_AID, N.LEGAL_AID]
# Who watches each board of figure 1 (their realm role is the department's).
BOARDS = {
    TaskDepartment.CIVIL_AFFAIRS: "admin.district",
    TaskDepartment.EDUCATION: "education.district",
    TaskDepartment.JUDICIAL: "judicial.district",
}
BUSY = TaskDepartment.CIVIL_AFFAIRS  # the department of figure 2's board
FINAL = {"DONE", "DECLINED"}
REST_SECONDS = 5
PREFIX = "MTG"  # the registry's default receipt prefix
CLERK = "clerk.district"
# Shares of the needs of the loaded applications beside civil affairs' own.
CIVIL_NEEDS = {N.LIVING_ALLOWANCE: 7, N.GUARDIANSHIP_SUPPORT: 3}
OTHER_NEEDS = {
    N.EDUCATION_AID: 25,
    N.MEDICAL_ASSISTANCE: 15,
    N.PSYCHOLOGICAL_SUPPORT: 10,
    N.REHABILITATION: 10,
    N.LEGAL_AID: 10,
    N.HOUSING: 8,
    N.PARENT_EMPLOYMENT: 8,
    N.VOLUNTEER_PAIRING: 8,
    N.HUKOU_REGISTRATION: 6,
}
ACTORS = {
    "CIVIL_AFFAIRS": "benefits",
    "EDUCATION": "education.district",
    "HEALTH": "health.district",
    "DISABLED_PERSONS_FEDERATION": "disabledfed.district",
    "JUDICIAL": "judicial.district",
    "HOUSING": "housing.district",
    "HUMAN_RESOURCES": "hr.district",
    "POLICE": "police.district",
    "YOUTH_LEAGUE": "youthleague.district",
}


# ---- the year of applications, loaded ---------------------------------------------------------


@cache
def due(start: date, days: int) -> date:
    """As the registry counts deadlines (weekdays past the calendar's years)."""
    return add_working_days(start, days, weekdays_beyond=True)


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass
class Rows:
    """What a batch of applications writes, table by table."""

    intakes: list[tuple[Any, ...]] = field(default_factory=list)
    tasks: list[tuple[Any, ...]] = field(default_factory=list)
    steps: list[tuple[Any, ...]] = field(default_factory=list)


def drafts(tasks: int, board: int, now: datetime, rng: random.Random) -> list[tuple[Any, ...]]:
    """(submitted, needs) of applications over the year before `now`, oldest first, with
    `tasks` tasks in all and `board` of them civil affairs'."""
    civil, civil_weights = list(CIVIL_NEEDS), list(CIVIL_NEEDS.values())
    others, other_weights = list(OTHER_NEEDS), list(OTHER_NEEDS.values())
    wanted_civil, wanted_other = board, tasks - board
    found = []
    while wanted_civil or wanted_other:
        needs: list[IntakeNeed] = []
        if wanted_civil:
            needs.append(rng.choices(civil, civil_weights)[0])
            wanted_civil -= 1
        extra = min(wanted_other, max(rng.choice((0, 1, 1, 2)), 0 if needs else 1))
        wanted_other -= extra
        target = len(needs) + extra
        while len(needs) < target:
            need = rng.choices(others, other_weights)[0]
            if need not in needs:
                needs.append(need)
        found.append((now - timedelta(seconds=rng.uniform(3600, 365 * 86400)), needs))
    return sorted(found)


def application(
    rows: Rows,
    rng: random.Random,
    receipt: str,
    child: tuple[str, str, str],
    submitted: datetime,
    needs: list[IntakeNeed],
    now: datetime,
) -> None:
    """One application as it stands at `now`: its tasks, each finished after a while (a few
    stuck), and its timeline."""
    intake_id = new_id(rng)
    child_id, village, town = child
    routes = routing.current()
    day = submitted.astimezone(DISTRICT_TZ).date()
    age = (now - submitted).total_seconds() / 86400
    withdrawn = rng.random() < 0.01
    steps: list[tuple[Any, ...]] = [(intake_id, None, None, submitted, CLERK, "SUBMITTED")]
    finished: list[tuple[datetime, str]] = []
    count = 0
    seen: set[str] = set()  # departments with a task of this application already
    for need in needs:
        for route in routes.routes(need):
            count += 1
            task_id, department = new_id(rng), route.department.value
            due_on = due(day, route.working_days)
            due_at: datetime | None = end_of_day(due_on)
            takes = rng.lognormvariate(math.log(8), 0.8)  # days to finish, median 8
            status, paused, outcome, finished_at = "ACCEPTED", None, None, None
            if rng.random() > 0.03 and takes < age:  # 3 % stuck, never finished
                finished_at = submitted + timedelta(days=takes)
                status = "DONE" if rng.random() < 0.85 else "DECLINED"
                outcome = "已办结" if status == "DONE" else "不符合条件"
            elif rng.random() < 0.1:
                status, due_at = "NEEDS_MATERIALS", None
                paused = min(now, submitted + timedelta(days=1)).astimezone(DISTRICT_TZ).date()
            elif age < 1 or rng.random() < 0.3:
                status = "PENDING"
            stopped = withdrawn and finished_at is None
            rows.tasks.append(
                (
                    task_id,
                    intake_id,
                    child_id,
                    village,
                    town,
                    department,
                    need.value,
                    status,
                    route.working_days,
                    due_on,
                    None if stopped else due_at,
                    paused,
                    "[]",
                    "[]",
                    outcome,
                    stopped,
                    count == 1,
                    department not in seen,
                    1 if finished_at is None else 2,
                    submitted,
                    finished_at or submitted,
                    finished_at,
                )
            )
            seen.add(department)
            steps.append((intake_id, task_id, department, submitted, CLERK, "ROUTED"))
            if finished_at is not None:
                action = "COMPLETED" if status == "DONE" else "DECLINED"
                actor = ACTORS[department]
                steps.append((intake_id, task_id, department, finished_at, actor, action))
                finished.append((finished_at, actor))
    status, closed = "OPEN", None
    if len(finished) == count:
        status, (closed, actor) = "COMPLETED", max(finished)
        steps.append((intake_id, None, None, closed, actor, "INTAKE_COMPLETED"))
    elif withdrawn:
        status = "WITHDRAWN"
        closed = max([submitted, *(at for at, _ in finished)]) + (now - submitted) / 10
        steps.append((intake_id, None, None, closed, CLERK, "WITHDRAWN"))
    rows.intakes.append(
        (
            intake_id,
            receipt,
            child_id,
            village,
            town,
            status,
            CLERK,
            "110109",
            rng.choice(generate.SURNAMES) + "".join(rng.choices(generate.GIVEN, k=2)),
            rng.choice(("PARENT", "PARENT", "GUARDIAN", "RELATIVE")),
            f"139{rng.randrange(10**8):08d}",
            json.dumps([n.value for n in needs]),
            json.dumps(["户口簿", "身份证"], ensure_ascii=False),
            routes.version,
            submitted,
            closed,
            "家长撤回申请" if withdrawn and status == "WITHDRAWN" else None,
            1 if closed is None else 2,
        )
    )
    rows.steps += steps


INTAKE_COLUMNS = (
    "id, receipt_number, child_id, division_code, town_code, status, clerk, clerk_division_code, "
    "applicant_name, applicant_relation, applicant_phone, needs, materials, routing_version, "
    "submitted_at, closed_at, withdraw_reason, version"
)
TASK_COLUMNS = (
    "id, intake_id, child_id, division_code, town_code, department, need, status, working_days, "
    "due_on, due_at, paused_on, missing_materials, received_materials, outcome, withdrawn, "
    "first_of_intake, first_of_department, version, created_at, updated_at, finished_at"
)
STEP_COLUMNS = "intake_id, task_id, department, at, actor, action"


def load_intakes(url: str, tasks: int, board: int, batch: int = 10_000) -> Counter[str]:
    """COPY a year of applications with `tasks` tasks (`board` of them civil affairs') into a
    registry loaded with children; the receipt numbers go on from the last one loaded. The
    tasks per department."""
    rng = random.Random(11)
    now = datetime.now(UTC)
    numbers: Counter[int] = Counter()
    departments: Counter[str] = Counter()
    with psycopg.connect(url.replace("+psycopg", "")) as connection:
        children = connection.execute(
            "SELECT id, residence_division_code, town_code FROM child ORDER BY id"
        ).fetchall()
        rows = Rows()

        def flush() -> None:
            with connection.cursor() as cursor:
                for table, columns, values in (
                    ("intake", INTAKE_COLUMNS, rows.intakes),
                    ("department_task", TASK_COLUMNS, rows.tasks),
                    ("intake_step", STEP_COLUMNS, rows.steps),
                ):
                    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                        for row in values:
                            copy.write_row(row)
            departments.update(row[5] for row in rows.tasks)
            connection.commit()
            rows.intakes.clear()
            rows.tasks.clear()
            rows.steps.clear()

        for n, (submitted, needs) in enumerate(drafts(tasks, board, now, rng), start=1):
            year = submitted.astimezone(DISTRICT_TZ).year
            numbers[year] += 1
            receipt = f"{PREFIX}-{year}-{numbers[year]:06d}"
            application(rows, rng, receipt, rng.choice(children), submitted, needs, now)
            if n % batch == 0:
                flush()
        flush()
        connection.cursor().executemany(
            "INSERT INTO receipt_sequence (prefix, year, last) VALUES (%s, %s, %s)",
            [(PREFIX, year, last) for year, last in numbers.items()],
        )
        connection.commit()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE")
    return departments


# ---- 1. applications reaching the boards ------------------------------------------------------


@dataclass
class Sightings:
    """When a poll of a board first showed each task, and first showed it finished."""

    seen: dict[str, float] = field(default_factory=dict)
    finished: dict[str, float] = field(default_factory=dict)
    polls: int = 0


async def watch(
    session: aiohttp.ClientSession,
    registry: str,
    headers: dict[str, str],
    sightings: Sightings,
    stop: asyncio.Event,
    every: float,
) -> None:
    """Poll a department's board, first page, `every` seconds until `stop`."""
    while not stop.is_set():
        url = f"{registry}/department-tasks"
        async with session.get(url, params={"first": "50"}, headers=headers) as answer:
            if answer.status != 200:
                raise RuntimeError(f"board: {answer.status} {await answer.text()}")
            page = await answer.json()
        arrived = time.perf_counter()
        sightings.polls += 1
        for edge in page["edges"]:
            task = edge["node"]
            sightings.seen.setdefault(task["id"], arrived)
            if task["status"] in FINAL:
                sightings.finished.setdefault(task["id"], arrived)
        await asyncio.sleep(every)


def intake_body(village: str, n: int) -> dict[str, Any]:
    return {
        # Born in Chaoyang: no identity number of bench/generate.py's (Mentougou-born) children.
        "child": new_child(village, name="受理", birthplace="110105"),
        "applicantName": "李大山",
        "applicantRelation": "PARENT",
        "applicantPhone": f"1391{n:07d}",
        "needs": [need.value for need in NEEDS],
        "materials": ["户口簿", "身份证"],
    }


async def submit(
    session: aiohttp.ClientSession, registry: str, clerk: dict[str, str], body: dict[str, Any]
) -> tuple[float, float, dict[str, Any]]:
    """(started, answered, the application) of one POST /intakes."""
    started = time.perf_counter()
    async with session.post(f"{registry}/intakes", json=body, headers=clerk) as answer:
        if answer.status != 201:
            raise RuntimeError(f"submit: {answer.status} {await answer.text()}")
        intake: dict[str, Any] = await answer.json()
    return started, time.perf_counter(), intake


async def until(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.05)


async def burst(
    session: aiohttp.ClientSession,
    registry: str,
    clerk: dict[str, str],
    boards: dict[TaskDepartment, Sightings],
    bodies: list[dict[str, Any]],
) -> tuple[dict[str, tuple[float, str]], list[float], list[float]]:
    """The applications at once: each task's submission start and department, the POSTs'
    latencies, and each task's time from submission to its board (once all are seen)."""
    answers = await asyncio.gather(*(submit(session, registry, clerk, b) for b in bodies))
    submitted = {t["id"]: (s, t["department"]) for s, _, i in answers for t in i["tasks"]}
    assert len(submitted) == len(bodies) * len(NEEDS), "an application without its three tasks"
    await until(
        lambda: all(t in boards[BOARDS_OF[d]].seen for t, (_, d) in submitted.items()),
        120,
        "a task never reached its board",
    )
    seen = [boards[BOARDS_OF[d]].seen[t] - s for t, (s, d) in submitted.items()]
    return submitted, [answered - started for started, answered, _ in answers], seen


async def visibility(
    registry: str,
    issuer: Issuer,
    count: int,
    every: float,
    pids: dict[str, int | str],
    consumers: Any,
) -> list[Verdict]:
    """Figure 1 with the registry and its PostgreSQL and Kafka alone on the machine; then, for
    information, again with benefits and notifications consuming beside it on the same cores."""
    villages = sorted(v.code for v in generate.villages())
    step = max(1, len(villages) // count)
    clerk = issuer.headers(CLERK)
    boards = {d: Sightings() for d in BOARDS}
    stop = asyncio.Event()
    numbers = iter(range(1, 10 * count))

    def bodies() -> list[dict[str, Any]]:
        return [
            intake_body(villages[(n * step) % len(villages)], next(numbers)) for n in range(count)
        ]

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        watchers = [
            asyncio.create_task(watch(session, registry, issuer.headers(u), boards[d], stop, every))
            for d, u in BOARDS.items()
        ]
        try:
            # Warm-up: the code paths once.
            _, _, first = await submit(session, registry, clerk, intake_body(villages[-1], 0))
            await until(lambda: first["tasks"][0]["id"] in boards[BUSY].seen, 60, "warm-up")
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            await asyncio.sleep(REST_SECONDS)
            at_rest = cpu_per_request(pids, before, REST_SECONDS)
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            _, posts, seen = await burst(session, registry, clerk, boards, bodies())
            spent = cpu_per_request(pids, before, count)
            describe(
                f"POST /intakes, {count} at once, the registry alone", [s * 1000 for s in posts]
            )
            describe("submission → task on its department's board", [s * 1000 for s in seen])
            print(f"  CPU, ms per application: {spent}; at rest, ms per second: {at_rest}")

            # The same with benefits and notifications consuming on the same two cores.
            others = await asyncio.to_thread(consumers)
            pids = {**pids, **others}
            started = time.perf_counter()
            _, _, first = await submit(session, registry, clerk, intake_body(villages[-2], 0))
            civil = next(t["id"] for t in first["tasks"] if t["department"] == BUSY.value)
            await until(lambda: civil in boards[BUSY].finished, 300, "benefits never answered")
            print(
                f"  the whole stack: warm-up application answered by benefits after "
                f"{time.perf_counter() - started:.1f} s",
                flush=True,
            )
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            burst_started = time.perf_counter()
            submitted, stack_posts, stack_seen = await burst(
                session, registry, clerk, boards, bodies()
            )
            civil_tasks = [t for t, (_, d) in submitted.items() if d == BUSY.value]
            await until(
                lambda: all(t in boards[BUSY].finished for t in civil_tasks),
                300,
                "benefits did not answer every civil affairs task",
            )
            stack_spent = cpu_per_request(pids, before, count)
            lasted = time.perf_counter() - burst_started
        finally:
            stop.set()
            await asyncio.gather(*watchers)
    answered = [boards[BUSY].finished[t] - submitted[t][0] for t in civil_tasks]
    describe("  whole stack: POST /intakes", [s * 1000 for s in stack_posts])
    describe("  whole stack: submission → task on its board", [s * 1000 for s in stack_seen])
    print(
        f"  benefits answered civil affairs' {len(answered)} tasks: median "
        f"{statistics.median(answered):.1f} s, last {max(answered):.1f} s from submission; "
        f"{sum(b.polls for b in boards.values())} polls of the three boards",
        flush=True,
    )
    print(
        f"  CPU, ms per application over the {lasted:.1f} s to benefits' last answer: "
        f"{stack_spent}",
        flush=True,
    )
    return [
        Verdict(
            f"{count} applications × {len(NEEDS)} needs: task on its board, p95",
            percentile(seen, 95) * 1000,
            1000,
            "ms",
        )
    ]


BOARDS_OF = {d.value: d for d in BOARDS}


# ---- 2. the busy board, 3. the district's statistics ------------------------------------------


def board(http: httpx.Client, issuer: Issuer, runs: int, tasks: int) -> list[Verdict]:
    headers = issuer.headers(BOARDS[BUSY])
    verdicts = []
    for label, query in (
        ("", {}),
        (", PENDING", {"status": "PENDING"}),
        (", overdue", {"overdue": "true"}),
    ):

        def page(query: dict[str, str] = query) -> None:
            answer = http.get("/department-tasks", params={"first": "50", **query}, headers=headers)
            answer.raise_for_status()
            assert answer.json()["edges"], f"an empty page: {query}"

        samples = timed(page, runs)
        name = f"board of {tasks:,} tasks, first page of 50{label}"
        describe(name, samples)
        verdicts.append(Verdict(f"{name}, p95", percentile(samples, 95), 50, "ms"))
    return verdicts


def intake_statistics(http: httpx.Client, issuer: Issuer, tasks: int) -> list[Verdict]:
    headers = issuer.headers("auditor.district")
    until_day = datetime.now(DISTRICT_TZ).date()
    period = {"from": (until_day - timedelta(days=365)).isoformat(), "to": until_day.isoformat()}
    name = f"intakeStatistics for the district, a year of {tasks:,} tasks, median"
    probe = http.get("/intake-statistics", params=period, headers=headers, timeout=60)
    if probe.status_code == 404:
        print("  GET /intake-statistics: 404, not in this registry yet", flush=True)
        return [Verdict(name, math.inf, 1000, "ms")]
    probe.raise_for_status()
    answer = probe.json()
    assert answer["byTown"] and answer["byDepartment"], f"empty statistics: {answer}"

    def once() -> None:
        http.get(
            "/intake-statistics", params=period, headers=headers, timeout=60
        ).raise_for_status()

    samples = timed(once, 20, warmup=2)
    describe("intakeStatistics for the district over a year", samples)
    return [Verdict(name, statistics.median(samples), 1000, "ms")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=50)
    parser.add_argument("--poll-ms", type=float, default=50, help="between polls of a board")
    parser.add_argument("--tasks", type=int, default=200_000)
    parser.add_argument("--board-tasks", type=int, default=100_000)
    parser.add_argument("--children", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn processes per service")
    args = parser.parse_args()
    issuer = Issuer()
    verdicts: list[Verdict] = []
    names = ("registry", "benefits", "notifications")
    with kafka_stack("intake", names, issuer) as platform:
        urls = platform.urls
        calibration = calibrate(urls["registry"])
        migrate(urls["registry"], MIGRATIONS)
        seed(make_engine(urls["registry"]))
        started = time.monotonic()
        print(f"loading {args.children:,} children, {args.tasks:,} tasks …", flush=True)
        generate.load(urls["registry"], args.children, DATA_KEY)
        departments = load_intakes(urls["registry"], args.tasks, args.board_tasks)
        print(
            f"  loaded in {time.monotonic() - started:.0f} s; tasks per department: "
            + ", ".join(f"{d} {n:,}" for d, n in departments.most_common()),
            flush=True,
        )
        with (
            contextlib.ExitStack() as later,
            service("registry", platform.env("registry"), workers=args.workers) as registry,
            httpx.Client(base_url=registry.url, timeout=30) as http,
        ):
            pids: dict[str, int | str] = {
                "registry": registry.popen.pid,
                "PostgreSQL": "postgres",
                "Kafka": "java",
            }

            def consumers() -> dict[str, int | str]:
                """Benefits and notifications started beside the registry."""
                return {
                    name: later.enter_context(
                        service(name, platform.env(name), workers=args.workers)
                    ).popen.pid
                    for name in ("benefits", "notifications")
                }

            every = args.poll_ms / 1000
            verdicts += asyncio.run(
                visibility(registry.url, issuer, args.applications, every, pids, consumers)
            )
            verdicts += board(http, issuer, args.runs, departments[BUSY.value])
            verdicts += intake_statistics(http, issuer, args.tasks)
    return report(verdicts, calibration)


if __name__ == "__main__":
    raise SystemExit(main())
