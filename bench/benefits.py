"""Benefits bench (issue 4): re-deciding 100,000 children after a standard change, on PostgreSQL
with the events published to Kafka, and a 100,000-line payment batch.

    uv run python bench/benefits.py [--children 100000] [--runs 3] [--replicas 2]

The children are hardship children with the registry's shares of subtypes (bench/generate.py).
Each run raises the hardship living allowance's standard for this year: every child's decision
changes and is published. Then the two disability subsidies are raised above it: every disabled
child switches at the month boundary (a decision and two entitlement events each). Prints each
figure beside its budget and exits non-zero when one misses.

Benefits runs as `--replicas` processes (uvicorn workers, as replicas of the chart would): the
consumers share the ranges of children; one relay at a time publishes (the outbox lock). The
relay of the platform publishes about 1,000-2,000 events a second, which bounds one process.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import generate
import httpx
import psycopg
from harness import DATA_KEY, Issuer, Verdict, calibrate, postgres, report, service
from sqlmodel import Session

from shouhu.benefits.app import MIGRATIONS, seed
from shouhu.benefits.decisions import service as decisions
from shouhu.localstack import start_kafka
from shouhu.platform.clock import today
from shouhu.platform.db import make_engine, migrate

GROUP_OF = {s.value: g.value for s, g in generate.GROUP_OF.items()}
# The work of a re-decision: one event per range of children, on benefits' own queue.
WORK = ["benefits.redecision.requested"]
CONSUMERS = 1  # per benefits process, reading the registry's topic and its own work queue


def load_children(url: str, count: int) -> list[str]:
    """`count` hardship children in the projection, in villages weighted like Mentougou's."""
    rng = random.Random(69)
    places = generate.villages()
    weights = [v.weight for v in places]
    subtypes, shares = list(generate.HARDSHIP_SUBTYPES), list(generate.HARDSHIP_SUBTYPES.values())
    day, now = today(), datetime.now(UTC)
    ids: list[str] = []
    with psycopg.connect(url.replace("+psycopg", "")) as connection, connection.cursor() as cursor:
        with cursor.copy(
            "COPY child_facts (child_id, name, birth_date, residence_division_code, town_code, "
            "status, classifications, guardian_present, updated_at) FROM STDIN"
        ) as copy:
            for _ in range(count):
                child_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                chosen = {rng.choices(subtypes, shares)[0] for _ in range(rng.choice((1, 1, 2)))}
                village = rng.choices(places, weights)[0]
                birth = date(day.year - rng.randrange(1, 17), rng.randrange(1, 13), 1)
                classes = [
                    {"group": GROUP_OF[s.value], "subtype": s.value, "since": "2025-01-01"}
                    for s in chosen
                ]
                copy.write_row(
                    (
                        child_id,
                        rng.choice(generate.SURNAMES) + rng.choice(generate.GIVEN),
                        birth,
                        village.code,
                        village.town,
                        "ACTIVE",
                        psycopg.types.json.Jsonb(classes),
                        rng.random() < 0.9,
                        now,
                    )
                )
                ids.append(child_id)
        connection.commit()
    return ids


def first_decisions(url: str, ids: list[str]) -> None:
    """Decide every child once (not timed), and mark those events as long published."""
    engine = make_engine(url)
    for start in range(0, len(ids), 2000):
        with Session(engine) as session:
            decisions.redecide(session, ids[start : start + 2000], today(), "bench")
            session.commit()
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE outbox SET published_at = now()")
        # What the calendar would do today is what was just done: the day's run is behind us.
        connection.exec_driver_sql(
            "INSERT INTO calendar_day (day, changed, finished_at) VALUES (%(day)s, 0, now())",
            {"day": today()},
        )
    engine.dispose()
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def scalar(url: str, sql: str, *params: Any) -> int:
    with psycopg.connect(url.replace("+psycopg", "")) as connection:
        row = connection.execute(sql, params).fetchone()
        return int(row[0]) if row else 0


def settle(url: str, since: datetime, after_seq: int, timeout: float = 600) -> float:
    """Wait until every re-decision asked for since `since` is done and every event published;
    returns when (monotonic) the last range was decided."""
    # Cheap queries only (an index each, or benefits' small inbox): the bench must not load
    # the database it measures.
    asked = scalar(
        url,
        "SELECT count(*) FROM outbox WHERE seq > %s AND event_type = ANY(%s)",
        after_seq,
        WORK,
    )
    if not asked:
        raise RuntimeError("the change asked for no re-decision")
    deadline = time.monotonic() + timeout
    decided = 0.0
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        while time.monotonic() < deadline:
            if not decided:
                row = connection.execute(
                    "SELECT count(*) FROM inbox WHERE processed_at >= %s AND event_type = ANY(%s)",
                    (since, WORK),
                ).fetchone()
                if row is not None and row[0] == asked:
                    decided = time.monotonic()
            if decided:
                row = connection.execute(
                    "SELECT count(*) FROM outbox WHERE published_at IS NULL"
                ).fetchone()
                if row is not None and row[0] == 0:
                    return decided
            time.sleep(0.25)
    raise RuntimeError("re-decision did not settle")


def joined(bootstrap: str, group: str, members: int, timeout: float = 120) -> float:
    """Wait until the replicas' consumers form a stable group; seconds waited."""
    from kafka.admin import KafkaAdminClient

    started = time.monotonic()
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        while time.monotonic() - started < timeout:
            found = admin.describe_groups([group]).get(group) or {}
            if found.get("group_state") == "Stable" and len(found.get("members", [])) >= members:
                return time.monotonic() - started
            time.sleep(0.5)
    finally:
        admin.close()
    raise RuntimeError(f"consumer group {group} did not settle")


def change_standard(
    http: httpx.Client, url: str, headers: dict[str, str], programme: str, fen: int
) -> tuple[float, int, int]:
    """Seconds until every affected child is re-decided and every event published; and how many
    decisions and entitlement events that made."""
    since = datetime.now(UTC)
    after_seq = scalar(url, "SELECT coalesce(max(seq), 0) FROM outbox")
    started = time.monotonic()
    response = http.put(
        f"/programmes/{programme}/standards/{today().year}",
        json={"monthlyAmountFen": fen},
        headers=headers,
    )
    response.raise_for_status()
    decided = settle(url, since, after_seq) - started
    seconds = time.monotonic() - started
    print(f"    every range decided after {decided:.1f} s, all published after {seconds:.1f} s")
    made = scalar(
        url,
        "SELECT count(*) FROM outbox WHERE seq > %s AND event_type = %s",
        after_seq,
        "benefits.decision.made",
    )
    changed = scalar(
        url,
        "SELECT count(*) FROM outbox WHERE seq > %s AND event_type = %s",
        after_seq,
        "benefits.entitlement.changed",
    )
    return seconds, made, changed


def payment_batch(
    http: httpx.Client, url: str, headers: dict[str, str], runs: int
) -> list[Verdict]:
    """This month's batch, computed afresh `runs` times (the bench deletes it in between)."""
    month = today().strftime("%Y-%m")
    samples: list[float] = []
    lines = 0
    for _ in range(runs):
        with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
            connection.execute("DELETE FROM payment_total")
            connection.execute("DELETE FROM payment_line")
            connection.execute("DELETE FROM payment_batch")
        started = time.monotonic()
        response = http.post(
            "/payment-batches", json={"month": month}, headers=headers, timeout=600
        )
        samples.append(time.monotonic() - started)
        response.raise_for_status()
        lines = response.json()["lineCount"]
    print(f"  batch {month}: {lines:,} lines; runs {', '.join(f'{s:.1f}' for s in samples)} s")
    started = time.monotonic()
    again = http.post("/payment-batches", json={"month": month}, headers=headers, timeout=600)
    again.raise_for_status()
    assert again.status_code == 200 and again.json()["lineCount"] == lines
    print(f"  the same month again: {time.monotonic() - started:.2f} s, nothing paid twice")
    for kind in ("csv", "xlsx"):
        started = time.monotonic()
        export = http.get(f"/payment-batches/{month}/export.{kind}", headers=headers, timeout=600)
        export.raise_for_status()
        print(
            f"  export {kind}: {len(export.content) / 1e6:.1f} MB in "
            f"{time.monotonic() - started:.1f} s"
        )
    return [
        Verdict(
            f"payment batch of {lines:,} lines, median of {runs}",
            statistics.median(samples),
            30,
            "s",
        )
    ]


def peak_rss_mb(pid: int) -> float:
    """The largest high-water resident memory (VmHWM) of a process and its children."""
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        pids += [int(p) for p in (task / "children").read_text().split()]
    peaks = []
    for each in pids:
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--replicas", type=int, default=2, help="benefits processes (consumers share the work)"
    )
    args = parser.parse_args()
    issuer = Issuer()
    verdicts: list[Verdict] = []
    kafka = start_kafka()
    try:
        with postgres() as pg:
            url = pg.create_database("bench_benefits")
            calibration = calibrate(url)
            migrate(url, MIGRATIONS)
            seed(make_engine(url))
            started = time.monotonic()
            print(f"loading {args.children:,} hardship children and deciding them …", flush=True)
            ids = load_children(url, args.children)
            first_decisions(url, ids)
            print(f"  ready in {time.monotonic() - started:.0f} s", flush=True)
            env = {
                **issuer.env(),
                "SHOUHU_DATABASE_URL": url,
                "SHOUHU_DATA_KEY": DATA_KEY,
                "SHOUHU_TRANSPORT": "kafka",
                "SHOUHU_KAFKA_BOOTSTRAP": kafka.bootstrap,
            }
            with (
                service("benefits", env, workers=args.replicas) as benefits,
                httpx.Client(base_url=benefits.url, timeout=60) as http,
            ):
                admin = issuer.headers("admin.district")
                # Replicas run long before a standard changes: measure once their consumers have
                # shared the partitions (a change during the first rebalance waits for it).
                waited = joined(kafka.bootstrap, "benefits", args.replicas * CONSUMERS)
                print(f"  consumer group stable after {waited:.1f} s", flush=True)
                samples = []
                for run in range(args.runs):
                    fen = 190_000 + 1_000 * run
                    seconds, made, changed = change_standard(
                        http, url, admin, "HARDSHIP_LIVING_ALLOWANCE", fen
                    )
                    samples.append(seconds)
                    print(
                        f"  hardship allowance to {fen / 100:.2f} yuan: {seconds:.1f} s, "
                        f"{made:,} decisions and {changed:,} entitlement events published",
                        flush=True,
                    )
                verdicts.append(
                    Verdict(
                        f"re-decide {args.children:,} children after a standard change "
                        f"({args.replicas} proc.), median",
                        statistics.median(samples),
                        60,
                        "s",
                    )
                )
                seconds, made, changed = change_standard(
                    http, url, admin, "DISABILITY_TWO_SUBSIDIES", 400_000
                )
                print(
                    f"  two disability subsidies above it: {seconds:.1f} s, {made:,} decisions "
                    f"and {changed:,} entitlement events (switches at the month boundary)"
                )
                verdicts.append(
                    Verdict(
                        f"re-decide {args.children:,}, every disabled one switching "
                        f"({args.replicas} proc.)",
                        seconds,
                        60,
                        "s",
                    )
                )
                verdicts += payment_batch(http, url, admin, args.runs)
                peak = peak_rss_mb(benefits.popen.pid)
                print(f"  benefits peak memory {peak:.0f} MB (its largest process)")
    finally:
        kafka.stop()
    return report(verdicts, calibration)


if __name__ == "__main__":
    raise SystemExit(main())
