"""Education bench (issue 14), the dropout watch (控辍保学), on PostgreSQL:

- the daily sweep over the children's projection: 1,000,000 children, 200,000 of them of
  compulsory-school age (6 to 15 on the day), 190,000 of those enrolled: the 10,000 out of school
  opened as risks, with their events, in < 30 s; the same sweep again opens nothing;
- `dropoutRisks` first page (20) for the district, a town and a village: p95 < 50 ms each, over
  HTTP from the education service (production mode, as the gateway reads it);
- a school's roster (花名册) of 50,000 rows, XLSX, imported < 60 s with the education process's
  peak memory (VmHWM) < 300 MB: the three calls of `importRoster` (education reads the file's
  numbers, the registry matches them to its files through the keyed hash, education imports in
  the default mode, ALL_OR_NOTHING), 45,000 of the children transferred from another school of
  the district and 5,000 enrolled for the first time.

    uv run python bench/education.py [--children 1000000] [--requests 200] [--roster-rows 50000]
        [--only sweep,pages,roster]

The projection and the enrolments are loaded with COPY. Prints each figure beside its budget and
a calibration line; exits non-zero when one misses.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import time
import uuid
from datetime import UTC, date, datetime, timedelta

import generate
import httpx
import openpyxl
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

from shouhu.education.app import MIGRATIONS, seed_demo
from shouhu.education.dropout import jobs
from shouhu.education.dropout.rules import load as watch
from shouhu.platform.clock import today
from shouhu.platform.db import make_engine, migrate
from shouhu.registry.app import MIGRATIONS as REGISTRY_MIGRATIONS
from shouhu.registry.app import seed as seed_registry

SCHOOL = "2111090002"  # a demo primary school (seeded)
ROSTER_SCHOOL = "2111090005"  # a demo nine-year school (primary and junior secondary), seeded
FIGURES = ("sweep", "pages", "roster")
COMPULSORY_SHARE = 0.2
ENROLLED_SHARE = 0.95  # of those of compulsory-school age


def _day_between(rng: random.Random, after: date, up_to: date) -> date:
    """A day after `after`, up to `up_to`."""
    return after + timedelta(days=rng.randrange(1, (up_to - after).days + 1))


def load(url: str, count: int) -> tuple[int, int]:
    """`count` children in villages weighted like Mentougou's, a fifth of compulsory-school age,
    19 in 20 of those enrolled; (of age, enrolled)."""
    rng = random.Random(14)
    places = generate.villages()
    weights = [v.weight for v in places]
    day, now = today(), datetime.now(UTC)
    after, up_to = watch().born_between(day)  # of age: born after `after`, up to `up_to`
    eighteen = date(day.year - 18, day.month, 1)
    of_age = round(count * COMPULSORY_SHARE)
    enrolled = round(of_age * ENROLLED_SHARE)
    enrolled_ids: list[str] = []
    with psycopg.connect(url.replace("+psycopg", "")) as connection, connection.cursor() as cursor:
        with cursor.copy(
            "COPY child_projection (child_id, name, birth_date, residence_division_code, "
            "town_code, status, classifications, primary_category, left_behind, disabled, "
            "updated_at) FROM STDIN"
        ) as copy:
            for n in range(count):
                child_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                village = rng.choices(places, weights)[0]
                if n < of_age:
                    birth = _day_between(rng, after, up_to)
                elif rng.random() < 0.75:  # younger: 0 to 5
                    birth = _day_between(rng, up_to, day)
                else:  # 16 or 17
                    birth = _day_between(rng, eighteen, after)
                copy.write_row(
                    (
                        child_id,
                        rng.choice(generate.SURNAMES) + rng.choice(generate.GIVEN),
                        birth,
                        village.code,
                        village.town,
                        "ACTIVE",
                        psycopg.types.json.Jsonb([]),
                        "NONE",
                        False,
                        False,
                        now,
                    )
                )
                if n < enrolled:
                    enrolled_ids.append(child_id)
        with cursor.copy(
            "COPY enrolment (id, child_id, school_code, stage, grade, since, status, "
            "recorded_by, created_at, updated_at) FROM STDIN"
        ) as copy:
            for child_id in enrolled_ids:
                copy.write_row(
                    (
                        str(uuid.uuid4()),
                        child_id,
                        SCHOOL,
                        "PRIMARY",
                        1,
                        date(day.year - 1, 9, 1),
                        "ACTIVE",
                        "bench",
                        now,
                        now,
                    )
                )
        connection.commit()
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    return of_age, enrolled


def sweep(url: str, children: int, expected: int) -> list[Verdict]:
    engine = make_engine(url)
    started = time.perf_counter()
    swept = jobs.sweep(engine, today())
    seconds = time.perf_counter() - started
    assert swept is not None
    print(f"  sweep: {swept.opened:,} opened, {swept.closed:,} closed in {seconds:.1f} s")
    if swept.opened != expected:
        raise SystemExit(f"the sweep opened {swept.opened:,} risks, expected {expected:,}")
    started = time.perf_counter()
    again = jobs.sweep(engine, today())
    twice = time.perf_counter() - started
    assert again is not None
    print(f"  the same sweep again: {again.opened:,} opened in {twice:.1f} s (idempotent)")
    if again.opened:
        raise SystemExit("the second sweep opened risks")
    engine.dispose()
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE dropout_risk")
    return [
        Verdict(f"dropout sweep over {children:,} children ({expected:,} opened)", seconds, 30, "s")
    ]


def pages(url: str, issuer: Issuer, requests: int) -> list[Verdict]:
    env = {
        **issuer.env(),
        "SHOUHU_DATABASE_URL": url,
        "SHOUHU_DATA_KEY": DATA_KEY,
        "SHOUHU_TRANSPORT": "inprocess",
        "SHOUHU_RUN_WORKER": "false",
        "SHOUHU_TELEMETRY_EXPORTER": "none",
    }
    verdicts = []
    with service("education", env) as education, httpx.Client(base_url=education.url) as http:
        for level, division, user in (
            ("district", "110109", "education.district"),
            ("town", "110109001", "worker.110109001"),
            ("village", "110109001001", "supervisor.110109001001"),
        ):
            headers = issuer.headers(user)
            params = {"divisionCode": division, "first": 20}

            def call(params: dict[str, object] = params, headers: dict[str, str] = headers) -> None:
                response = http.get("/dropout-risks", params=params, headers=headers)
                response.raise_for_status()

            first = http.get("/dropout-risks", params=params, headers=headers).json()
            samples = timed(call, requests)
            describe(f"dropoutRisks first page, {level} ({len(first['edges'])} rows)", samples)
            verdicts.append(
                Verdict(f"dropoutRisks first page p95, {level}", percentile(samples, 95), 50, "ms")
            )
    return verdicts


def _roster_children(
    url: str, count: int
) -> tuple[bytes, dict[str, str], list[generate.SyntheticChild]]:
    """`count` children of 7 to 14 on the first day, nine in ten enrolled at another school,
    loaded into the projection with COPY; their roster as XLSX, the matches the registry should
    answer, and the children for the registry's files."""
    rng = random.Random(1414)
    places = generate.villages()
    day, now = today(), datetime.now(UTC)
    since = date(day.year if day >= date(day.year, 9, 1) else day.year - 1, 9, 1)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["身份证号", "姓名", "学段", "年级", "入学日期", "寄宿"])
    matches: dict[str, str] = {}
    files: list[generate.SyntheticChild] = []
    with psycopg.connect(url.replace("+psycopg", "")) as connection, connection.cursor() as cursor:
        enrolled: list[str] = []
        with cursor.copy(
            "COPY child_projection (child_id, name, birth_date, residence_division_code, "
            "town_code, status, classifications, primary_category, left_behind, disabled, "
            "updated_at) FROM STDIN"
        ) as copy:
            while len(matches) < count:
                birth = since - timedelta(days=rng.randrange(7 * 365 + 2, 15 * 365 - 2))
                number = identity_number(
                    birth, male=rng.random() < 0.5, seq=rng.randrange(1, 499), division="110109"
                )
                if number in matches:
                    continue
                child_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                matches[number] = child_id
                village = rng.choice(places)
                name = rng.choice(generate.SURNAMES) + rng.choice(generate.GIVEN)
                gender = "MALE" if int(number[16]) % 2 else "FEMALE"
                files.append(
                    generate.SyntheticChild(
                        child_id, name, gender, birth, number, village, since, []
                    )
                )
                copy.write_row(
                    (
                        child_id,
                        name,
                        birth,
                        village.code,
                        village.town,
                        "ACTIVE",
                        psycopg.types.json.Jsonb([]),
                        "NONE",
                        False,
                        False,
                        now,
                    )
                )
                age = (
                    since.year - birth.year - ((since.month, since.day) < (birth.month, birth.day))
                )
                stage, grade = (
                    ("小学", min(6, max(1, age - 5))) if age <= 11 else ("初中", min(3, age - 11))
                )
                sheet.append(
                    [number, name, stage, grade, since, "是" if rng.random() < 0.1 else "否"]
                )
                if len(matches) % 10 != 0:
                    enrolled.append(child_id)
        with cursor.copy(
            "COPY enrolment (id, child_id, school_code, stage, grade, since, status, "
            "recorded_by, created_at, updated_at) FROM STDIN"
        ) as copy:
            for child_id in enrolled:
                copy.write_row(
                    (
                        str(uuid.uuid4()),
                        child_id,
                        SCHOOL,
                        "PRIMARY",
                        1,
                        date(since.year - 1, 9, 1),
                        "ACTIVE",
                        "bench",
                        now,
                        now,
                    )
                )
        connection.commit()
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), matches, files


def roster(url: str, registry_url: str, issuer: Issuer, rows: int) -> list[Verdict]:
    """A school's roster of `rows` rows through the three calls of `importRoster`: education
    reads the file's numbers, the registry matches them to its files, education imports (the
    default mode, ALL_OR_NOTHING: the whole file checked before a row is written)."""
    content, matches, files = _roster_children(url, rows)
    generate.load(registry_url, len(files), DATA_KEY, given=files)
    print(f"  roster of {rows:,} rows: {len(content) / 1e6:.1f} MB of XLSX", flush=True)
    env = {
        **issuer.env(),
        "SHOUHU_DATA_KEY": DATA_KEY,
        "SHOUHU_TRANSPORT": "inprocess",
        "SHOUHU_RUN_WORKER": "false",
        "SHOUHU_TELEMETRY_EXPORTER": "none",
    }
    headers = issuer.headers("education.district")
    with (
        service("education", {**env, "SHOUHU_DATABASE_URL": url}) as education,
        service("registry", {**env, "SHOUHU_DATABASE_URL": registry_url}) as registry,
        httpx.Client(base_url=education.url, timeout=600) as http,
    ):
        at_rest = education.peak_rss_mb()
        started = time.monotonic()
        found = http.post(
            "/rosters/identities",
            data={"schoolCode": ROSTER_SCHOOL},
            files={"file": ("花名册.xlsx", content)},
            headers=headers,
        )
        found.raise_for_status()
        numbers = found.json()["idNumbers"]
        read = time.monotonic() - started
        matched = httpx.post(
            f"{registry.url}/children/match",
            json={"idNumbers": numbers},
            headers=headers,
            timeout=600,
        )
        matched.raise_for_status()
        answer = matched.json()["matches"]
        match_seconds = time.monotonic() - started - read
        if answer != {n: matches[n] for n in numbers}:
            raise SystemExit("the registry's matches differ from the children loaded")
        response = http.post(
            "/rosters",
            data={"schoolCode": ROSTER_SCHOOL, "mode": "ALL_OR_NOTHING"},
            files={
                "file": ("花名册.xlsx", content),
                "matches": ("matches.json", json.dumps(answer).encode(), "application/json"),
            },
            headers=headers,
        )
        seconds = time.monotonic() - started
        response.raise_for_status()
        report_ = response.json()
        peak = education.peak_rss_mb()
    print(
        f"  {len(numbers):,} numbers read in {read:.1f} s, matched by the registry in "
        f"{match_seconds:.1f} s; enrolled {report_['enrolledRows']:,}, transferred "
        f"{report_['transferredRows']:,}, rejected {report_['rejectedRows']:,}, unmatched "
        f"{report_['unmatchedRows']:,}, in {seconds:.1f} s in all; education RSS at rest "
        f"{at_rest:.0f} MB",
        flush=True,
    )
    written = report_["enrolledRows"] + report_["transferredRows"]
    if written != rows:
        raise SystemExit(f"the roster wrote {written:,} enrolments, expected {rows:,}")
    return [
        Verdict(f"a {rows:,}-row roster import (XLSX, read + match + import)", seconds, 60, "s"),
        Verdict("education peak memory in the roster import (VmHWM)", peak, 300, "MB"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--roster-rows", type=int, default=50_000)
    parser.add_argument(
        "--only", default=",".join(FIGURES), help=f"figures to run, of {','.join(FIGURES)}"
    )
    args = parser.parse_args()
    only = {f.strip() for f in args.only.split(",") if f.strip()}
    if not only <= set(FIGURES):
        parser.error(f"--only takes {', '.join(FIGURES)}")
    issuer = Issuer()
    with postgres() as pg:
        url = pg.create_database("bench_education")
        calibration = calibrate(url)
        migrate(url, MIGRATIONS)
        seed_demo(make_engine(url))
        verdicts: list[Verdict] = []
        if only & {"sweep", "pages"}:
            started = time.monotonic()
            print(f"loading {args.children:,} children into education's projection …", flush=True)
            of_age, enrolled = load(url, args.children)
            print(
                f"  {of_age:,} of compulsory-school age, {enrolled:,} enrolled; "
                f"ready in {time.monotonic() - started:.0f} s",
                flush=True,
            )
            if "sweep" in only:
                verdicts += sweep(url, args.children, of_age - enrolled)
            if "pages" in only:
                verdicts += pages(url, issuer, args.requests)
        if "roster" in only:  # last: its children do not change the figures above
            print(f"a school's roster of {args.roster_rows:,} rows …", flush=True)
            registry_url = pg.create_database("bench_education_registry")
            migrate(registry_url, REGISTRY_MIGRATIONS)
            seed_registry(make_engine(registry_url))
            verdicts += roster(url, registry_url, issuer, args.roster_rows)
    return report(verdicts, calibration)


if __name__ == "__main__":
    raise SystemExit(main())
