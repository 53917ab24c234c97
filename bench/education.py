"""Education bench (issue 14), the dropout watch (控辍保学), on PostgreSQL:

- the daily sweep over the children's projection: 1,000,000 children, 200,000 of them of
  compulsory-school age (6 to 15 on the day), 190,000 of those enrolled: the 10,000 out of school
  opened as risks, with their events, in < 30 s; the same sweep again opens nothing;
- `dropoutRisks` first page (20) for the district, a town and a village: p95 < 50 ms each, over
  HTTP from the education service (production mode, as the gateway reads it).

    uv run python bench/education.py [--children 1000000] [--requests 200]

The projection and the enrolments are loaded with COPY. Prints each figure beside its budget and
a calibration line; exits non-zero when one misses.
"""

from __future__ import annotations

import argparse
import random
import time
import uuid
from datetime import UTC, date, datetime, timedelta

import generate
import httpx
import psycopg
from harness import (
    DATA_KEY,
    Issuer,
    Verdict,
    calibrate,
    describe,
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

SCHOOL = "2111090002"  # a demo primary school (seeded)
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    issuer = Issuer()
    with postgres() as pg:
        url = pg.create_database("bench_education")
        calibration = calibrate(url)
        migrate(url, MIGRATIONS)
        seed_demo(make_engine(url))
        started = time.monotonic()
        print(f"loading {args.children:,} children into education's projection …", flush=True)
        of_age, enrolled = load(url, args.children)
        print(
            f"  {of_age:,} of compulsory-school age, {enrolled:,} enrolled; "
            f"ready in {time.monotonic() - started:.0f} s",
            flush=True,
        )
        verdicts = sweep(url, args.children, of_age - enrolled)
        verdicts += pages(url, issuer, args.requests)
    return report(verdicts, calibration)


if __name__ == "__main__":
    raise SystemExit(main())
