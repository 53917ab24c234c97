"""Protection cases bench (issue 12): a mandatory report reaching the police's live stream, and
the accountability figures over a year of cases, on real Kafka and PostgreSQL.

    uv run python bench/cases.py [--reports 20] [--rounds 10] [--cases 100000] [--workers 2]

PostgreSQL and Kafka as local processes; registry, notifications and the gateway each their own
uvicorn process in production mode (`--workers` processes each, the chart's default), their
events through their outboxes and Kafka; tokens signed with the embedded provider's keys (nobody
signs in: no Keycloak), for demo users and for users made for the run (a police station, a
school's mandated reporter, a town worker, a teacher in each town). Before the services start,
the registry is loaded with direct SQL (COPY): `--cases` protection cases reported over the year
before the run, with their timelines (case_step), spread over the towns and villages as the
seeded divisions weigh (an urban community three times a village, one case in twelve placed at a
town itself); reported by a few hundred institutions (each village's committee, the schools,
kindergartens and health centres of each town, the district's hospitals, agencies and welfare
institutions) and by staff (the hotline on a caller's behalf, town workers, supervisors, police,
teachers); kinds in plausible shares, a fifth urgent. Each step's delay is lognormal: found →
reported median 3 hours (1 when urgent; about 5 % over a day), reported → accepted 20 minutes
(8), accepted → 通报 5 hours (2), 通报 → assessed 30 hours (12); so a few of each are late by
`cases/deadlines.yaml`. A step not yet reached by the run's moment is missing, and some cases
are stuck (0.5 % never accepted, 3 % never assessed); 6 % are closed by the police without
通报; assessed cases close after about 25 days, but a fifth stay open (services going on).

1. Report → police frame: the police of each of the district's 13 towns (role `police`, the
   town's division code: the post `police@<town>` the notifications service addresses a report
   to, the town's station; nobody holds it in the workforce, so it is never "empty") holds a
   graphql-transport-ws socket on the gateway, subscribed to `notificationReceived`. Each round,
   `--reports` reports at once through the registry's route of `fileReport` (POST /reports), for
   places spread over the towns (a village mostly, now and then a town itself), three in four by
   a school's mandated reporter of the town, the rest by staff (the district's hotline clerk on a
   caller's behalf, the town's worker, the village's supervisor, a teacher); one in five urgent,
   one in five without the day it happened. Per report, from the start of its POST to the
   arrival at its town's station of its REPORT_FILED frame (severity URGENT, requiresAck), p95
   over `--rounds` rounds after a warm-up round (budget 500 ms). A round starts once the last
   frame of the one before has come and a second has passed. The path: the registry's
   transaction → its outbox relay → Kafka → the notifications consumer's transaction → the live
   hub's look → SSE to the gateway → the websocket. For information: the POST's own latency; the
   rest of the way split where the relay marked the event published (the outbox row's
   `published_at`) and where the notification committed (the frame's `createdAt`), all on this
   machine's clock; and each process's CPU per report beyond what it spends at rest (its pollers),
   PostgreSQL and Kafka being this run's own servers.
2. Accountability: GET /case-statistics?from=&to= over the year as the district's auditor (the
   registry's REST face of the accountability figures), median of 20 after two warm-ups (budget
   1 s). A registry without that route (404), or refusing the call, counts as a miss. Its total
   of reports and of late steps is printed beside the loader's own count of what it drew late
   (ended, or unfinished at the close or now, past the limit), a check of the two against each
   other.

Prints the calibration line and each figure beside its budget; exits non-zero when one misses.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import aiohttp
import generate
import httpx
import psycopg
from harness import (
    Issuer,
    Verdict,
    calibrate,
    cpu_seconds,
    describe,
    find_process,
    kafka_stack,
    percentile,
    report,
    service,
    timed,
)

from shouhu.platform import divisions as shipped_divisions
from shouhu.platform.auth import Role
from shouhu.platform.clock import DISTRICT_TZ
from shouhu.platform.db import make_engine, migrate
from shouhu.platform.idp import DemoUser
from shouhu.platform.labels import REPORT_KIND_NAMES
from shouhu.registry.app import MIGRATIONS, seed
from shouhu.registry.cases import deadlines
from shouhu.registry.cases.deadlines import Step
from shouhu.registry.cases.schemas import Assessment, ReportKind, assessment_of
from shouhu.registry.visits.schemas import RiskLevel

DISTRICT = "110109"
PREFIX = "MTG-BG"  # the registry's default case number prefix
AUDITOR = "auditor.district"
HOTLINE = "clerk.district"
LIVE = """subscription Live {
  notificationReceived { kind severity requiresAck subjectRef createdAt } }"""
REST_SECONDS = 1.0
K = ReportKind
KINDS = {
    K.NEGLECT: 30,
    K.GUARDIAN_UNABLE: 15,
    K.ABUSE: 14,
    K.OTHER: 10,
    K.SELF_HARM_RISK: 9,
    K.WANDERING: 8,
    K.MISSING: 8,
    K.ABANDONMENT: 3,
}
DESCRIPTIONS = {
    K.NEGLECT: ("孩子连续多日无人照看，衣着单薄，午饭常不吃。", "家中无成年人，孩子独自照顾弟妹。"),
    K.GUARDIAN_UNABLE: ("祖母卧病在床，无力照料孩子。", "父亲服刑，母亲离家，孩子无人监护。"),
    K.ABUSE: ("孩子手臂有多处淤青，称被家长打伤。", "孩子反映在家中遭受体罚，情绪低落。"),
    K.OTHER: ("孩子长期旷课，家长联系不上。", "孩子家中断水断电，生活困难。"),
    K.SELF_HARM_RISK: ("孩子在作业本上写下轻生的话。", "孩子手腕有划伤，情绪极不稳定。"),
    K.WANDERING: ("孩子在车站附近乞讨，说不清家庭住址。", "深夜发现孩子独自在街头游荡。"),
    K.MISSING: ("孩子放学后未回家，家长已寻找半日。", "孩子离家出走，已一天未归。"),
    K.ABANDONMENT: ("医院发现一名被遗弃的婴儿。", "孩子被家长留在村委会门口后离开。"),
}
# Who reports, as a share of the cases: mandated reporters name their institution.
REPORTERS = {
    "mandated_reporter": 72,
    "intake_clerk": 12,
    "town_social_worker": 6,
    "village_supervisor": 5,
    "police": 3,
    "school_staff": 2,
}
# Which kind of institution a mandated reporter is.
INSTITUTION_KINDS = {"SCHOOL": 45, "COMMITTEE": 25, "HOSPITAL": 20, "AGENCY": 5, "WELFARE": 5}
DISTRICT_INSTITUTIONS = {
    "HOSPITAL": ("北京市门头沟区医院", "门头沟区中医医院", "门头沟区妇幼保健院", "京煤集团总医院"),
    "AGENCY": (
        "门头沟区阳光社会工作事务所",
        "门头沟区春晖社会工作服务中心",
        "门头沟区启明社工事务所",
    ),
    "WELFARE": ("门头沟区救助管理站", "门头沟区儿童福利院", "门头沟区未成年人救助保护中心"),
    "SCHOOL": ("北京市大峪中学", "北京市门头沟区育园中学", "北京市门头沟区特殊教育学校"),
}
TOWN_SCHOOLS = ("中心小学", "第二小学", "中学", "中心幼儿园")


def lognormal_hours(rng: random.Random, median: float, sigma: float) -> timedelta:
    return timedelta(hours=rng.lognormvariate(math.log(median), sigma))


# ---- the district: places and institutions ----------------------------------------------------


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    town: str


def divisions() -> dict[str, Division]:
    """The district's towns and villages, by code."""
    rows = [r for r in shipped_divisions.rows() if r["level"] in ("town", "village")]
    return {
        r["code"]: Division(
            r["code"], r["name"], r["code"] if r["level"] == "town" else r["parent_code"]
        )
        for r in rows
    }


def short(town_name: str) -> str:
    """大峪街道 → 大峪, 潭柘寺镇 → 潭柘寺, 王平地区 → 王平."""
    for suffix in ("街道", "地区", "镇"):
        if town_name.endswith(suffix):
            return town_name[: -len(suffix)]
    return town_name


@dataclass(frozen=True)
class Institution:
    """A mandated reporter's institution and the account that reports for it."""

    name: str
    kind: str
    division: str  # where it is: a village, a town or the district
    username: str


def institutions(places: dict[str, Division]) -> dict[str, list[Institution]]:
    """By kind: every village's committee, each town's schools and health centre, and the
    district's hospitals, schools, agencies and welfare institutions (a few hundred)."""
    found: dict[str, list[Institution]] = {kind: [] for kind in INSTITUTION_KINDS}
    for division in places.values():
        if division.code == division.town:
            town = short(division.name)
            found["SCHOOL"] += [
                Institution(f"门头沟区{town}{school}", "SCHOOL", division.code, "")
                for school in TOWN_SCHOOLS
            ]
            found["HOSPITAL"].append(
                Institution(f"{town}社区卫生服务中心", "HOSPITAL", division.code, "")
            )
        else:
            found["COMMITTEE"].append(Institution(division.name, "COMMITTEE", division.code, ""))
    for kind, names in DISTRICT_INSTITUTIONS.items():
        found[kind] += [Institution(name, kind, DISTRICT, "") for name in names]
    return {
        kind: [
            Institution(i.name, i.kind, i.division, f"reporter.{kind.lower()}.{n:03d}")
            for n, i in enumerate(listed)
        ]
        for kind, listed in found.items()
    }


# ---- the year of cases, loaded ----------------------------------------------------------------


CASE_COLUMNS = (
    "id",
    "case_number",
    "status",
    "kind",
    "urgent",
    "division_code",
    "town_code",
    "child_id",
    "child_name",
    "child_age",
    "occurred_on",
    "found_at",
    "description",
    "reporter",
    "reporter_role",
    "reporter_division_code",
    "institution",
    "on_behalf_of_name",
    "on_behalf_of_phone",
    "deadlines_version",
    "reported_at",
    "accepted_at",
    "accepted_by",
    "town_notified_at",
    "town_notified_by",
    "town_note",
    "assessment_due_at",
    "assessed_at",
    "assessed_by",
    "assessment",
    "highest_risk",
    "supervisor_request",
    "missing_alert_since",
    "closed_at",
    "closed_by",
    "outcome",
    "version",
)
STEP_COLUMNS = ("case_id", "at", "actor", "action", "note")
RISKS = (RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH)


def assessments(rng: random.Random) -> list[tuple[dict[str, Any], str]]:
    """A few dozen assessments as the registry keeps them (AssessmentIn through its own
    `assessment_of`), with their highest risk."""
    found = []
    for _ in range(40):
        levels = {d: rng.choices(RISKS, (5, 3, 1))[0] for d in ("safety", "guardianship", "health")}
        data = Assessment.model_validate(
            {
                **{d: level.value for d, level in levels.items()},
                "guardianshipNote": "监护人能力不足" if levels["guardianship"] != "LOW" else None,
                "education": rng.choice(RISKS).value,
                "summary": "已入户评估，制定帮扶措施。",
            }
        )
        kept = {**assessment_of(data), "measureIds": []}
        found.append((kept, max(levels.values(), key=RISKS.index).value))
    return found


@dataclass
class Late:
    """Steps late by the district's clocks, and steps missing, for the loader's summary."""

    late: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)

    def count(
        self, step: Step, start: datetime, end: datetime | None, urgent: bool, stopped: datetime
    ) -> None:
        """A step that ended past its limit is late, as is one that ran past it unfinished until
        `stopped` (the case's close, else now), as the registry's clocks count them."""
        if end is None:
            self.missing[step.value] += 1
        if (end or stopped) - start > deadlines.current().steps[step].of(urgent):
            self.late[step.value] += 1


class Loader:
    """Draws the cases of a year, one at a time, as the registry's rows."""

    def __init__(self, now: datetime, seed_: int = 12) -> None:
        self.rng = random.Random(seed_)
        self.now = now
        self.places = divisions()
        villages = generate.villages()
        town_weight: dict[str, float] = {}
        for village in villages:
            town_weight[village.town] = town_weight.get(village.town, 0.0) + village.weight
        self.village_codes = [v.code for v in villages]
        self.village_weights = [v.weight for v in villages]
        self.town_codes = list(town_weight)
        self.town_weights = list(town_weight.values())
        self.institutions = institutions(self.places)
        self.assessments = assessments(self.rng)
        self.kinds, self.kind_weights = list(KINDS), list(KINDS.values())
        self.roles, self.role_weights = list(REPORTERS), list(REPORTERS.values())
        self.ikinds, self.ikind_weights = list(INSTITUTION_KINDS), list(INSTITUTION_KINDS.values())
        self.tally = Late()

    def place(self) -> Division:
        if self.rng.random() < 1 / 12:
            return self.places[self.rng.choices(self.town_codes, self.town_weights)[0]]
        return self.places[self.rng.choices(self.village_codes, self.village_weights)[0]]

    def institution(self, kind: str, place: Division) -> Institution:
        rng = self.rng
        listed = self.institutions[kind]
        if kind == "COMMITTEE" and place.code != place.town and rng.random() < 0.85:
            return next(i for i in listed if i.division == place.code)
        if kind in ("SCHOOL", "HOSPITAL", "COMMITTEE") and rng.random() < 0.9:
            near = [i for i in listed if i.division.startswith(place.town)]
            if near:
                return rng.choice(near)
        return rng.choice(listed)

    def reporter(self, place: Division) -> tuple[str, str, str, str | None, tuple[str, str] | None]:
        """(username, role, division, institution, caller on the hotline)."""
        rng = self.rng
        role = rng.choices(self.roles, self.role_weights)[0]
        if role == "mandated_reporter":
            found = self.institution(rng.choices(self.ikinds, self.ikind_weights)[0], place)
            return found.username, role, found.division, found.name, None
        if role == "intake_clerk":
            name = rng.choice(generate.SURNAMES) + rng.choice(("先生", "女士"))
            return HOTLINE, role, DISTRICT, None, (name, f"139{rng.randrange(10**8):08d}")
        if role == "school_staff":
            school = self.institution("SCHOOL", place)
            return f"teacher.{place.town}", role, place.town, school.name, None
        if role == "village_supervisor" and place.code != place.town:
            return f"supervisor.{place.code}", role, place.code, None, None
        if role == "police":
            return f"police.{place.town}", role, place.town, None, None
        return f"worker.{place.town}", "town_social_worker", place.town, None, None

    def case(self) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
        """One case as it stands at the run's moment, and its timeline."""
        rng, now = self.rng, self.now
        case_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        kind = rng.choices(self.kinds, self.kind_weights)[0]
        urgent = rng.random() < (0.7 if kind in (K.MISSING, K.ABANDONMENT) else 0.15)
        place = self.place()
        username, role, reporter_division, institution, caller = self.reporter(place)
        reported = now - timedelta(seconds=rng.uniform(600, 365 * 86400))
        found = reported - lognormal_hours(rng, 1 if urgent else 3, 1.4)
        found_day = found.astimezone(DISTRICT_TZ).date()
        occurred: date | None = found_day - timedelta(days=rng.choice((0, 0, 0, 0, 0, 1, 1, 3)))
        if rng.random() < 0.05:
            occurred = None
        police, worker = f"police.{place.town}", f"worker.{place.town}"

        def after(start: datetime | None, median: float, sigma: float) -> datetime | None:
            if start is None:
                return None
            at = start + lognormal_hours(rng, median, sigma)
            return at if at <= now else None

        accepted = None if rng.random() < 0.005 else after(reported, 0.13 if urgent else 0.33, 1.0)
        closed_unreferred = accepted is not None and rng.random() < 0.06
        notified = None if closed_unreferred else after(accepted, 2 if urgent else 5, 1.0)
        assessed = None if rng.random() < 0.03 else after(notified, 12 if urgent else 30, 0.6)
        followed = assessed is not None and rng.random() < 0.2  # services go on: not closed
        closed = (
            None
            if followed
            else after(
                accepted if closed_unreferred else assessed,
                24 * (1 if closed_unreferred else 25),
                0.8,
            )
        )
        tally = self.tally
        stopped = closed or now  # where a step left unfinished stops: the close, else now
        tally.count(Step.FOUND_TO_REPORTED, found, reported, urgent, stopped)
        tally.count(Step.REPORTED_TO_ACCEPTED, reported, accepted, urgent, stopped)
        if accepted is not None:
            tally.count(Step.ACCEPTED_TO_NOTIFIED, accepted, notified, urgent, stopped)
        if notified is not None:
            tally.count(Step.NOTIFIED_TO_ASSESSED, notified, assessed, urgent, stopped)
        status = (
            "CLOSED"
            if closed
            else "ASSESSED"
            if assessed
            else "REFERRED_TO_TOWN"
            if notified
            else "ACCEPTED"
            if accepted
            else "REPORTED"
        )
        tally.statuses[status] += 1
        assessment, risk = rng.choice(self.assessments) if assessed else (None, None)
        limits = deadlines.current()
        said = REPORT_KIND_NAMES[kind.value] + ("（紧急）" if urgent else "")
        steps: list[tuple[Any, ...]] = [
            (
                case_id,
                reported,
                username,
                "REPORTED",
                said
                + (f"，{institution}" if institution else "")
                + (f"，代来电人{caller[0]}登记" if caller else ""),
            )
        ]
        for at, actor, action, note in (
            (accepted, police, "ACCEPTED", None),
            (notified, police, "TOWN_NOTIFIED", "请尽快入户评估"),
            (assessed, worker, "ASSESSED", "已评估"),
            (closed, worker if assessed else police, "CLOSED", "已结案"),
        ):
            if at is not None:
                steps.append((case_id, at, actor, action, note))
        known = rng.random() < 0.75
        row = {
            "id": case_id,
            "case_number": "",  # numbered in the order reported, once the year is drawn
            "status": status,
            "kind": kind.value,
            "urgent": urgent,
            "division_code": place.code,
            "town_code": place.town,
            "child_id": None,
            "child_name": (
                rng.choice(generate.SURNAMES) + "".join(rng.choices(generate.GIVEN, k=2))
                if known
                else None
            ),
            "child_age": min(17, max(0, round(rng.gauss(10, 4)))),
            "occurred_on": occurred,
            "found_at": found,
            "description": rng.choice(DESCRIPTIONS[kind]),
            "reporter": username,
            "reporter_role": role,
            "reporter_division_code": reporter_division,
            "institution": institution,
            "on_behalf_of_name": caller[0] if caller else None,
            "on_behalf_of_phone": caller[1] if caller else None,
            "deadlines_version": limits.version,
            "reported_at": reported,
            "accepted_at": accepted,
            "accepted_by": police if accepted else None,
            "town_notified_at": notified,
            "town_notified_by": police if notified else None,
            "town_note": "请尽快入户评估" if notified else None,
            "assessment_due_at": notified + limits.assessment.of(urgent) if notified else None,
            "assessed_at": assessed,
            "assessed_by": worker if assessed else None,
            "assessment": json.dumps(assessment, ensure_ascii=False) if assessment else None,
            "highest_risk": risk,
            "supervisor_request": "请每周走访一次" if assessed and rng.random() < 0.5 else None,
            "missing_alert_since": None,
            "closed_at": closed,
            "closed_by": steps[-1][2] if closed else None,
            "outcome": ("经核实，已妥善处置" if closed_unreferred else "帮扶措施已落实")
            if closed
            else None,
            "version": len(steps),
        }
        return row, steps


def load_cases(url: str, count: int, batch: int = 10_000) -> Late:
    """COPY `count` cases reported over the year before now into a seeded registry, numbered
    per year in the order reported, and the case number sequence after them; what was late."""
    loader = Loader(datetime.now(UTC))
    drawn = sorted((loader.case() for _ in range(count)), key=lambda c: c[0]["reported_at"])
    numbers: Counter[int] = Counter()
    for row, _ in drawn:
        year = row["reported_at"].astimezone(DISTRICT_TZ).year
        numbers[year] += 1
        row["case_number"] = f"{PREFIX}-{year}-{numbers[year]:06d}"
    with psycopg.connect(url.replace("+psycopg", "")) as connection:
        for start in range(0, len(drawn), batch):
            chunk = drawn[start : start + batch]
            with connection.cursor() as cursor:
                columns = ", ".join(CASE_COLUMNS)
                with cursor.copy(f"COPY protection_case ({columns}) FROM STDIN") as copy:
                    for row, _ in chunk:
                        copy.write_row(tuple(row[c] for c in CASE_COLUMNS))
                with cursor.copy(f"COPY case_step ({', '.join(STEP_COLUMNS)}) FROM STDIN") as copy:
                    for _, steps in chunk:
                        for step in steps:
                            copy.write_row(step)
        connection.cursor().executemany(
            "INSERT INTO receipt_sequence (prefix, year, last) VALUES (%s, %s, %s) "
            "ON CONFLICT (prefix, year) DO UPDATE SET last = EXCLUDED.last",
            [(PREFIX, year, last) for year, last in numbers.items()],
        )
        connection.commit()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE")
    return loader.tally


# ---- 1. report → the police's frame -----------------------------------------------------------


@dataclass
class Station:
    """A town's police station on the gateway: the frames of reports, by case."""

    town: str
    user: DemoUser
    frames: dict[str, tuple[float, dict[str, Any]]] = field(default_factory=dict)
    others: int = 0
    ws: Any = None
    task: asyncio.Task[None] | None = None


async def subscribe(session: aiohttp.ClientSession, url: str, station: Station, token: str) -> None:
    """Connect, prove the token in connection_init, subscribe, and read frames until closed."""
    ws = await session.ws_connect(url, protocols=("graphql-transport-ws",))
    await ws.send_json({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
    ack = await ws.receive_json(timeout=60)
    assert ack["type"] == "connection_ack", ack
    await ws.send_json({"id": "live", "type": "subscribe", "payload": {"query": LIVE}})
    station.ws = ws

    async def read() -> None:
        async for message in ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            arrived = time.time()
            data = json.loads(message.data)
            if data.get("type") == "next" and "data" in data["payload"]:
                frame = data["payload"]["data"]["notificationReceived"]
                if frame["kind"] == "REPORT_FILED":
                    station.frames[frame["subjectRef"]] = (arrived, frame)
                else:
                    station.others += 1
            elif data.get("type") == "ping":
                await ws.send_json({"type": "pong"})
            elif data.get("type") in ("error", "complete") or data["payload"].get("errors"):
                raise RuntimeError(f"{station.user.username}: {data}")

    station.task = asyncio.create_task(read())


@dataclass
class Filed:
    """One report: its case, its town, when its POST started and was answered (epoch s)."""

    case_ref: str
    town: str
    started: float
    answered: float


@dataclass
class Reporters:
    """The accounts that file the run's reports, by town."""

    schools: dict[str, tuple[DemoUser, str]]  # town → (mandated reporter, institution)
    workers: dict[str, DemoUser]
    teachers: dict[str, tuple[DemoUser, str]]
    supervisors: dict[str, DemoUser]  # village → its supervisor


def reporters(places: dict[str, Division]) -> Reporters:
    towns = sorted(c for c, d in places.items() if d.town == c)
    villages = sorted(c for c, d in places.items() if d.town != c)
    return Reporters(
        schools={
            t: (
                DemoUser(f"reporter.school.{t}", Role.MANDATED_REPORTER, t),
                f"门头沟区{short(places[t].name)}中心小学",
            )
            for t in towns
        },
        workers={t: DemoUser(f"worker.{t}", Role.TOWN_SOCIAL_WORKER, t) for t in towns},
        teachers={
            t: (
                DemoUser(f"teacher.{t}", Role.SCHOOL_STAFF, t),
                f"门头沟区{short(places[t].name)}中学",
            )
            for t in towns
        },
        supervisors={v: DemoUser(f"supervisor.{v}", Role.VILLAGE_SUPERVISOR, v) for v in villages},
    )


def report_body(
    n: int, place: Division, who: Reporters, rng: random.Random
) -> tuple[DemoUser, dict[str, Any]]:
    """The `n`-th report of the run, for `place`: who files it, and what they send."""
    kind = rng.choices(list(KINDS), list(KINDS.values()))[0]
    found = datetime.now(DISTRICT_TZ) - timedelta(minutes=rng.randrange(5, 240))
    body: dict[str, Any] = {
        "divisionCode": place.code,
        "kind": kind.value,
        "foundAt": found.isoformat(),
        "urgent": n % 5 == 0,
        "description": rng.choice(DESCRIPTIONS[kind]),
        "childAge": rng.randrange(3, 17),
    }
    if n % 5 != 2:  # one in five does not know the day it happened
        body["occurredOn"] = (found.date() - timedelta(days=rng.choice((0, 0, 1)))).isoformat()
    if rng.random() < 0.7:
        body["childName"] = rng.choice(generate.SURNAMES) + "".join(
            rng.choices(generate.GIVEN, k=2)
        )
    staff = n % 4 == 3
    if not staff:
        user, school = who.schools[place.town]
        return user, {**body, "institution": school}
    match (n // 4) % 4:
        case 0:
            caller = {"name": "张女士", "phone": f"139{n:08d}"}
            return DemoUser(HOTLINE, Role.INTAKE_CLERK, DISTRICT), {**body, "onBehalfOf": caller}
        case 1 if place.code in who.supervisors:
            return who.supervisors[place.code], body
        case 2:
            user, school = who.teachers[place.town]
            return user, {**body, "institution": school}
        case _:
            return who.workers[place.town], body


async def file(
    session: aiohttp.ClientSession, registry: str, token: str, body: dict[str, Any], town: str
) -> Filed:
    started = time.time()
    headers = {"Authorization": f"Bearer {token}"}
    async with session.post(f"{registry}/reports", json=body, headers=headers) as answer:
        if answer.status != 201:
            raise RuntimeError(f"fileReport: {answer.status} {await answer.text()}")
        case = await answer.json()
    return Filed(f"case:{case['id']}", town, started, time.time())


def round_places(places: dict[str, Division], round_: int, count: int) -> Iterator[Division]:
    """`count` places of a round over every town in turn: a village of the town, a different
    one each time, now and then the town itself."""
    towns = sorted(c for c, d in places.items() if d.town == c)
    villages = {t: sorted(c for c, d in places.items() if d.town == t and c != t) for t in towns}
    for i in range(count):
        n = round_ * count + i
        town = towns[n % len(towns)]
        visit = n // len(towns)
        if visit % 6 == 5:
            yield places[town]
        else:
            yield places[villages[town][visit % len(villages[town])]]


async def until_framed(stations: dict[str, Station], filed: list[Filed], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while any(f.case_ref not in stations[f.town].frames for f in filed):
        for station in stations.values():
            if station.task is not None and station.task.done():
                station.task.result()
                raise RuntimeError(f"{station.user.username}: the socket closed")
        if time.monotonic() > deadline:
            short_ = [f for f in filed if f.case_ref not in stations[f.town].frames]
            wrong = [
                f.case_ref
                for f in short_
                for s in stations.values()
                if s.town != f.town and f.case_ref in s.frames
            ]
            raise TimeoutError(
                f"{len(short_)} of {len(filed)} reports never reached their station's stream "
                f"after {timeout}s ({len(wrong)} reached another town's)"
            )
        await asyncio.sleep(0.01)


async def cpu_at_rest(pids: dict[str, int | str], windows: int) -> dict[str, float]:
    """Each process's CPU while nothing is asked of it (its pollers), ms per second: the least
    of `windows` one-second windows (a timed job's first run falls in one of them at most)."""
    least = {name: math.inf for name in pids}
    for _ in range(windows):
        before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        await asyncio.sleep(1.0)
        for name, pid in pids.items():
            least[name] = min(least[name], (cpu_seconds(pid) - before[name]) * 1000)
    return least


def cpu_beyond_rest(
    pids: dict[str, int | str],
    before: dict[str, float],
    at_rest: dict[str, float],
    seconds: float,
    reports: int,
) -> str:
    """CPU per report over what the processes spend at rest in as long."""
    spent = {
        name: ((cpu_seconds(pid) - before[name]) * 1000 - at_rest[name] * seconds) / reports
        for name, pid in pids.items()
    }
    return ", ".join(f"{name} {ms:.1f}" for name, ms in spent.items())


def published(registry_db: str) -> dict[str, float]:
    """When the registry's relay marked each case's report published (epoch s), by case."""
    with psycopg.connect(registry_db.replace("+psycopg", "")) as connection:
        rows = connection.execute(
            "SELECT key, published_at FROM outbox WHERE event_type = 'registry.case.reported' "
            "AND published_at IS NOT NULL"
        ).fetchall()
    return {f"case:{key}": at.timestamp() for key, at in rows}


async def to_the_police(
    registry: str,
    gateway_ws: str,
    issuer: Issuer,
    count: int,
    rounds: int,
    registry_db: str,
    pids: dict[str, int | str],
) -> list[Verdict]:
    """Figure 1: rounds of `count` reports at once, each to its town's station's stream."""
    places = divisions()
    who = reporters(places)
    rng = random.Random(1212)
    towns = sorted(c for c, d in places.items() if d.town == c)
    stations = {t: Station(t, DemoUser(f"police.{t}", Role.POLICE, t)) for t in towns}
    tokens: dict[str, str] = {}

    def token(user: DemoUser) -> str:
        if user.username not in tokens:
            tokens[user.username] = issuer.token(user)
        return tokens[user.username]

    numbers = iter(range(10**6))

    async def one_round(session: aiohttp.ClientSession, index: int, size: int) -> list[Filed]:
        reports = [
            (place.town, *report_body(next(numbers), place, who, rng))
            for place in round_places(places, index, size)
        ]
        filed = await asyncio.gather(
            *(file(session, registry, token(user), body, town) for town, user, body in reports)
        )
        await until_framed(stations, filed, 60)
        return filed

    samples: list[Filed] = []
    # Idle connections dropped before uvicorn's keep-alive (5 s) ends them under a request.
    connector = aiohttp.TCPConnector(limit=0, keepalive_timeout=2)
    async with aiohttp.ClientSession(connector=connector) as session:
        for station in stations.values():
            await subscribe(session, gateway_ws, station, token(station.user))
        try:
            await asyncio.sleep(1)  # every stream open at the notifications service
            await one_round(session, 0, len(towns))  # warm-up: every town's path once
            await asyncio.sleep(REST_SECONDS)
            at_rest = await cpu_at_rest(pids, 4)
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            started = time.monotonic()
            for index in range(1, rounds + 1):
                await asyncio.sleep(REST_SECONDS)
                samples += await one_round(session, index, count)
            spent = cpu_beyond_rest(pids, before, at_rest, time.monotonic() - started, len(samples))
        finally:
            for station in stations.values():
                if station.ws is not None:
                    await station.ws.close()
            await asyncio.gather(
                *(s.task for s in stations.values() if s.task), return_exceptions=True
            )
    frames = [stations[f.town].frames[f.case_ref] for f in samples]
    assert all(frame["severity"] == "URGENT" and frame["requiresAck"] for _, frame in frames), (
        "a report's frame not urgent, or not to be acknowledged"
    )
    total = [(arrived - f.started) * 1000 for f, (arrived, _) in zip(samples, frames, strict=True)]
    posts = [(f.answered - f.started) * 1000 for f in samples]
    committed = [datetime.fromisoformat(frame["createdAt"]).timestamp() for _, frame in frames]
    relayed = published(registry_db)
    sent = [relayed[f.case_ref] for f in samples]
    to_relay = [(r - f.answered) * 1000 for f, r in zip(samples, sent, strict=True)]
    to_commit = [(c - r) * 1000 for r, c in zip(sent, committed, strict=True)]
    to_frame = [(a - c) * 1000 for (a, _), c in zip(frames, committed, strict=True)]
    describe(f"POST /reports, {count} at once", posts)
    describe(
        f"  answered → published to Kafka by the registry's relay ({len(set(sent))} batches)",
        to_relay,
    )
    describe("  published → the notification committed (Kafka, consumer)", to_commit)
    describe("  committed → the frame at the station (hub, SSE, gateway)", to_frame)
    describe("start of the POST → the frame at the station", total)
    print(
        f"  CPU, ms per report beyond the processes' rest: {spent}; at rest, ms per second: "
        + ", ".join(f"{name} {ms:.1f}" for name, ms in at_rest.items()),
        flush=True,
    )
    strays = sum(s.others for s in stations.values())
    if strays:
        print(f"  other frames at the stations (not reports): {strays}", flush=True)
    return [
        Verdict(
            f"{count} reports at once: POST → police station's frame, p95",
            percentile(total, 95),
            500,
            "ms",
        )
    ]


# ---- 2. the accountability figures ------------------------------------------------------------


def accountability(http: httpx.Client, issuer: Issuer, cases: int) -> list[Verdict]:
    headers = issuer.headers(AUDITOR)
    until_day = datetime.now(DISTRICT_TZ).date()
    period = {"from": (until_day - timedelta(days=365)).isoformat(), "to": until_day.isoformat()}
    name = f"case statistics for the district, a year of {cases:,} cases, median"
    probe = http.get("/case-statistics", params=period, headers=headers, timeout=60)
    if probe.status_code == 404:
        print("  GET /case-statistics: 404, not in this registry yet", flush=True)
        return [Verdict(name, math.inf, 1000, "ms")]
    if probe.status_code != 200:
        print(f"  GET /case-statistics: {probe.status_code} {probe.text[:500]}", flush=True)
        return [Verdict(name, math.inf, 1000, "ms")]
    answer = probe.json()
    total = answer.get("total") or {}
    late = ", ".join(f"{s['step']} {s['late']:,}" for s in total.get("steps", []))
    print(
        f"  GET /case-statistics: {total.get('reports', 0):,} reports, "
        f"{len(answer.get('byTown', []))} towns, {len(answer.get('byReporter', []))} reporters; "
        f"late: {late}",
        flush=True,
    )

    def once() -> None:
        http.get("/case-statistics", params=period, headers=headers, timeout=60).raise_for_status()

    samples = timed(once, 20, warmup=2)
    describe("case statistics for the district over a year", samples)
    return [Verdict(name, statistics.median(samples), 1000, "ms")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=20, help="reports at once, each round")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn processes per service")
    args = parser.parse_args()
    issuer = Issuer()
    verdicts: list[Verdict] = []
    with kafka_stack("cases", ("registry", "notifications"), issuer) as platform:
        urls = platform.urls
        calibration = calibrate(urls["registry"])
        migrate(urls["registry"], MIGRATIONS)
        seed(make_engine(urls["registry"]))
        started = time.monotonic()
        print(f"loading {args.cases:,} cases …", flush=True)
        tally = load_cases(urls["registry"], args.cases)
        print(
            f"  loaded in {time.monotonic() - started:.0f} s; "
            + ", ".join(f"{s} {n:,}" for s, n in tally.statuses.most_common())
            + "\n  late by deadlines.yaml (ended, or unfinished at close or now, past it): "
            + ", ".join(f"{s} {tally.late[s.value]:,}" for s in Step)
            + "\n  not reached: "
            + ", ".join(f"{s} {tally.missing[s.value]:,}" for s in Step),
            flush=True,
        )
        with contextlib.ExitStack() as stack:
            registry = stack.enter_context(
                service("registry", platform.env("registry"), workers=args.workers)
            )
            notifications = stack.enter_context(
                service("notifications", platform.env("notifications"), workers=args.workers)
            )
            gateway = stack.enter_context(
                service(
                    "gateway",
                    {
                        **platform.common,
                        "SHOUHU_REGISTRY_URL": registry.url,
                        "SHOUHU_NOTIFICATIONS_URL": notifications.url,
                        "UVICORN_WS_PER_MESSAGE_DEFLATE": "false",  # as gateway/Dockerfile
                    },
                    workers=args.workers,
                )
            )
            gateway_ws = gateway.url.replace("http", "ws", 1) + "/graphql"
            pids: dict[str, int | str] = {
                "registry": registry.popen.pid,
                "notifications": notifications.popen.pid,
                "gateway": gateway.popen.pid,
                # This run's servers (other processes of those names may share the machine).
                "PostgreSQL": find_process(f"port={platform.pg.port} ") or "postgres",
                "Kafka": find_process("kafka.Kafka", parent=os.getpid()) or "java",
            }
            verdicts += asyncio.run(
                to_the_police(
                    registry.url,
                    gateway_ws,
                    issuer,
                    args.reports,
                    args.rounds,
                    urls["registry"],
                    pids,
                )
            )
            with httpx.Client(base_url=registry.url, timeout=30) as http:
                verdicts += accountability(http, issuer, args.cases)
    return report(verdicts, calibration)


if __name__ == "__main__":
    raise SystemExit(main())
