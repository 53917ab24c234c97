"""Volunteers bench (issue 15), on PostgreSQL:

- `accounts`: a roster of 10,000 volunteers imported, each with an account made in a real
  Keycloak (< 5 minutes from the upload to the last account). The volunteers service under
  uvicorn in production mode (`SHOUHU_ACCOUNTS=keycloak`, the realm's `shouhu-volunteers-admin`
  client); the import answers once the volunteers are committed, and the service's worker makes
  the accounts after the commit, 200 a round, eight requests at once (the admin API creates one
  user a request; see docs/volunteers.md).

- `suggestions`: `suggestVolunteers` for a child over 20,000 volunteers (four in five vetted,
  their homes weighted like Mentougou's villages, serving their village, their town or the
  district; a third of them paired with one to three children already): p95 < 100 ms over HTTP
  from the volunteers service (production mode, as the gateway reads it), for children of 200
  villages in turn. The filtering (vetted, adult, area, organisation's area, load) and the
  scoring are SQL; the reasons are written for the first ten only.

    uv run python bench/volunteers.py [--volunteers 20000] [--requests 200] [--rows 10000]
        [--only suggestions,accounts]

The volunteers, their service areas (`volunteer_area`) and pairings are loaded with COPY, and
each volunteer's load set on its row as pairing keeps it. Prints each figure beside its
budget and a calibration line; exits non-zero when one misses.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import generate
import httpx
import psycopg
from harness import (
    DATA_KEY,
    Issuer,
    Verdict,
    calibrate,
    describe,
    identity_number,
    percentile,
    postgres,
    report,
    service,
    timed,
)
from sqlmodel import Session, select

from shouhu.platform.clock import today
from shouhu.platform.db import make_engine, migrate
from shouhu.platform.identity import KeyRing
from shouhu.volunteers.app import MIGRATIONS
from shouhu.volunteers.models import Organisation
from shouhu.volunteers.organisations import service as organisations

FIGURES = ("suggestions", "accounts")
ROOT = Path(__file__).resolve().parents[1]
VILLAGE = "110109001001"
BUDGET_SECONDS = 300.0
HEADER = ["姓名*", "身份证号*", "手机号码*", "技能*", "居住地区划代码*", "可服务时间"]
SKILLS = ["TUTORING", "PSYCHOLOGY", "MEDICAL", "LEGAL", "ARTS", "SPORTS", "COMPANIONSHIP"]
CHILDREN = 200


def _load(url: str, count: int) -> list[str]:
    """`count` volunteers of the Youth League's organisation, their checks and pairings; the ids
    of the children to ask about (in the projection, with needs)."""
    rng = random.Random(15)
    places = generate.villages()
    weights = [v.weight for v in places]
    keys = KeyRing.from_secrets(DATA_KEY, [])
    day, now = today(), datetime.now(UTC)
    with Session(make_engine(url)) as session:
        organisations.seed(session, demo=False)
        session.commit()
        league = session.exec(
            select(Organisation).where(Organisation.acting_role == "youth_league")
        ).one()
    children = []
    with psycopg.connect(url.replace("+psycopg", "")) as connection, connection.cursor() as cursor:
        with cursor.copy(
            "COPY volunteer_child (child_id, name, birth_date, residence_division_code, town_code,"
            " status, needs, updated_at) FROM STDIN"
        ) as copy:
            for village in rng.sample(places, CHILDREN):
                child_id = str(uuid.uuid4())
                children.append(child_id)
                needs = rng.sample(SKILLS, rng.randint(1, 3))
                birth = date(2012, 1, 1) + timedelta(days=rng.randrange(3000))
                copy.write_row(
                    (
                        child_id,
                        "儿童",
                        birth,
                        village.code,
                        village.town,
                        "ACTIVE",
                        json.dumps(needs),
                        now,
                    )
                )
        volunteer_ids: list[str] = []
        areas: list[tuple[str, list[str]]] = []
        with cursor.copy(
            "COPY volunteer (id, name, id_number_hash, id_number_cipher, id_number_key_id,"
            " birth_date, gender, phone, skills, division_code, organisation_id, availability,"
            " service_area, check_valid_until, trained, username, version, registered_by,"
            " registered_at, updated_at) FROM STDIN"
        ) as copy:
            seen: set[str] = set()
            while len(volunteer_ids) < count:
                birth = date(1960, 1, 1) + timedelta(days=rng.randrange(15000))
                male = rng.random() < 0.5
                number = identity_number(birth, male=male, seq=rng.randrange(1, 499))
                if number in seen:
                    continue
                seen.add(number)
                sealed = keys.seal(number)
                home = rng.choices(places, weights)[0]
                roll = rng.random()
                area = [home.code] if roll < 0.6 else [home.town] if roll < 0.9 else ["110109"]
                vetted = rng.random() < 0.8
                vid = str(uuid.uuid4())
                volunteer_ids.append(vid)
                areas.append((vid, area))
                copy.write_row(
                    (
                        vid, "志愿者", sealed.id_number_hash, sealed.id_number_cipher,
                        sealed.id_number_key_id, birth, "MALE" if male else "FEMALE",
                        "13800000000", json.dumps(rng.sample(SKILLS, rng.randint(1, 3))),
                        home.code, league.id, json.dumps(["WEEKEND_DAYTIME"]), json.dumps(area),
                        day + timedelta(days=rng.randrange(1, 360)) if vetted else None,
                        vetted, None, 1, "bench", now, now,
                    )
                )  # fmt: skip
        with cursor.copy(
            "COPY pairing (id, volunteer_id, child_id, organisation_id, status, started_on,"
            " version, created_by, created_at, updated_at) FROM STDIN"
        ) as copy:
            for vid in rng.sample(volunteer_ids, count // 3):
                for _ in range(rng.randint(1, 3)):
                    copy.write_row(
                        (str(uuid.uuid4()), vid, str(uuid.uuid4()), league.id, "ACTIVE",
                         day - timedelta(days=30), 1, "bench", now, now)
                    )  # fmt: skip
        with cursor.copy("COPY volunteer_area (volunteer_id, division_code) FROM STDIN") as copy:
            for vid, area in areas:
                for code in area:
                    copy.write_row((vid, code))
        # The load kept on each row, as pairing keeps it.
        cursor.execute(
            "UPDATE volunteer SET live_pairings = (SELECT count(*) FROM pairing"
            " WHERE pairing.volunteer_id = volunteer.id AND pairing.status <> 'ENDED')"
        )
        connection.commit()
        cursor.execute("ANALYZE")
    return children


def suggestions(url: str, issuer: Issuer, requests: int, count: int) -> list[Verdict]:
    """`suggestVolunteers` (first 10) for children of 200 villages in turn, over HTTP."""
    print(f"loading {count:,} volunteers …", flush=True)
    children = _load(url, count)
    env = {
        **issuer.env(),
        "SHOUHU_DATABASE_URL": url,
        "SHOUHU_DATA_KEY": DATA_KEY,
        "SHOUHU_TRANSPORT": "inprocess",
        "SHOUHU_RUN_WORKER": "false",
        "SHOUHU_TELEMETRY_EXPORTER": "none",
    }
    headers = issuer.headers("youthleague.district")
    turn = iter(range(10**9))
    found: list[int] = []
    with service("volunteers", env) as volunteers, httpx.Client(base_url=volunteers.url) as http:

        def call() -> None:
            child = children[next(turn) % len(children)]
            response = http.get(
                f"/children/{child}/volunteer-suggestions",
                params={"first": 10},
                headers=headers,
            )
            response.raise_for_status()
            found.append(len(response.json()["suggestions"]))

        samples = timed(call, requests)
    describe(
        f"suggestVolunteers, {count:,} volunteers (median {sorted(found)[len(found) // 2]} "
        "suggestions a child)",
        samples,
    )
    return [Verdict("suggestVolunteers p95", percentile(samples, 95), 100, "ms")]


def roster(rows: int) -> bytes:
    """A roster of `rows` distinct adult volunteers of one village."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("志愿者名册")
    sheet.append(HEADER)
    for n in range(rows):
        born = date(1970, 1, 1) + timedelta(days=n // 400)
        number = identity_number(born, male=n % 2 == 0, seq=n % 400)
        sheet.append(
            [f"志愿者{n:05d}", number, "13800000000", "学业辅导、陪伴", VILLAGE, "周末白天"]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def admin_secret() -> str:
    realm = json.loads((ROOT / "infra/keycloak/shouhu-realm.json").read_text(encoding="utf-8"))
    (client,) = [c for c in realm["clients"] if c["clientId"] == "shouhu-volunteers-admin"]
    return str(client["secret"])


def made(database_url: str) -> tuple[int, int]:
    """(accounts made, accounts waiting) in the service's database."""
    with psycopg.connect(database_url.replace("+psycopg", "")) as connection:
        row = connection.execute(
            "SELECT count(*) FILTER (WHERE made_at IS NOT NULL),"
            " count(*) FILTER (WHERE made_at IS NULL) FROM volunteer_account"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def keycloak_users(keycloak) -> int:
    """How many volunteers' users the realm holds."""
    from keycloak import KeycloakAdmin

    admin = KeycloakAdmin(
        server_url=keycloak.base_url,
        username=keycloak.admin_username,
        password=keycloak.admin_password,
        realm_name=keycloak.realm,
        user_realm_name="master",
    )
    return int(admin.users_count({"search": "vol."}))


def accounts(pg: Any, issuer: Issuer, rows: int) -> list[Verdict]:
    """A roster of `rows` volunteers imported, timed until Keycloak holds every account."""
    from shouhu.localstack import start_keycloak

    content = roster(rows)
    keycloak = start_keycloak(full_jit=True)
    try:
        url = pg.create_database("bench_volunteers_accounts")
        env = {
            **issuer.env(),
            "SHOUHU_DATABASE_URL": url,
            "SHOUHU_DATA_KEY": DATA_KEY,
            "SHOUHU_TELEMETRY_EXPORTER": "none",
            "SHOUHU_ACCOUNTS": "keycloak",
            "SHOUHU_KEYCLOAK_URL": keycloak.base_url,
            "SHOUHU_ACCOUNTS_CLIENT_SECRET": admin_secret(),
        }
        with service("volunteers", env) as volunteers:
            print(f"importing {rows} volunteers …", flush=True)
            started = time.perf_counter()
            answer = httpx.post(
                f"{volunteers.url}/volunteers/roster",
                files={"file": ("志愿者名册.xlsx", content, "application/octet-stream")},
                data={"mode": "ALL_OR_NOTHING"},
                headers=issuer.headers("youthleague.district"),
                timeout=BUDGET_SECONDS * 2,
            )
            imported = time.perf_counter() - started
            answer.raise_for_status()
            body = answer.json()
            assert body["registeredRows"] == rows, body["errors"][:5]
            print(f"imported in {imported:.1f} s; accounts being made …", flush=True)
            done = 0
            while time.perf_counter() - started < BUDGET_SECONDS * 1.5:
                done, waiting = made(url)
                if waiting == 0:
                    break
                print(f"  {done} accounts made, {waiting} waiting", flush=True)
                time.sleep(5)
            total = time.perf_counter() - started
        in_keycloak = keycloak_users(keycloak)
        print(f"Keycloak holds {in_keycloak} volunteers' users", flush=True)
    finally:
        keycloak.stop()
    complete = done == rows and in_keycloak >= rows
    verdicts = [
        Verdict(f"roster of {rows} volunteers: import answered", imported, BUDGET_SECONDS, "s"),
        Verdict(
            f"roster of {rows} volunteers: every account in Keycloak",
            total if complete else float("inf"),
            BUDGET_SECONDS,
            "s",
        ),
        Verdict("accounts made per second (informative)", rows / total, float("inf"), "/s"),
    ]
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--volunteers", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rows", type=int, default=10_000, help="the accounts figure's roster")
    parser.add_argument(
        "--only", default=",".join(FIGURES), help=f"figures to run, of {','.join(FIGURES)}"
    )
    args = parser.parse_args()
    only = {f.strip() for f in args.only.split(",") if f.strip()}
    if not only <= set(FIGURES):
        parser.error(f"--only takes {', '.join(FIGURES)}")
    issuer = Issuer()
    with postgres() as pg:
        url = pg.create_database("bench_volunteers")
        calibration = calibrate(url)
        migrate(url, MIGRATIONS)
        verdicts: list[Verdict] = []
        if "suggestions" in only:
            verdicts += suggestions(url, issuer, args.requests, args.volunteers)
        if "accounts" in only:
            verdicts += accounts(pg, issuer, args.rows)
    return report(verdicts, calibration)


if __name__ == "__main__":
    raise SystemExit(main())
