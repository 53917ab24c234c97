"""Registry bench (issue 3): search, lookup, statistics on 1,000,000 children; a 100,000-row import.

    uv run python bench/registry.py [--count 1000000] [--import-rows 100000] [--runs 200]

Prints each figure beside its budget and exits non-zero when one misses.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import generate
import httpx
from harness import (
    DATA_KEY,
    Issuer,
    Service,
    Verdict,
    calibrate,
    describe,
    percentile,
    postgres,
    report,
    service,
    timed,
)

from shouhu.platform.db import make_engine, migrate
from shouhu.registry.app import MIGRATIONS, seed

TOWNS = [
    "110109001",
    "110109002",
    "110109003",
    "110109004",
    "110109005",
    "110109006",
    "110109007",
    "110109101",
    "110109104",
    "110109105",
    "110109106",
    "110109107",
    "110109108",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    issuer = Issuer()
    verdicts: list[Verdict] = []
    with postgres() as pg:
        url = pg.create_database("bench_registry")
        calibration = calibrate(url)
        migrate(url, MIGRATIONS)
        seed(make_engine(url))
        started = time.monotonic()
        print(f"loading {args.count:,} synthetic children …", flush=True)
        generate.load(url, args.count, DATA_KEY)
        print(f"  loaded in {time.monotonic() - started:.0f} s")
        env = {
            **issuer.env(),
            "SHOUHU_DATABASE_URL": url,
            "SHOUHU_DATA_KEY": DATA_KEY,
            "SHOUHU_TRANSPORT": "inprocess",
        }
        with service("registry", env) as registry, httpx.Client(base_url=registry.url) as http:
            clerk = issuer.headers("clerk.district")
            rng = random.Random(1)

            def search() -> None:
                body = {
                    "filter": {
                        "divisionCode": rng.choice([*TOWNS, "110109"]),
                        "primaryCategory": rng.choice(["HARDSHIP", "LEFT_BEHIND"]),
                    },
                    "first": 20,
                }
                response = http.post("/children/search", json=body, headers=clerk)
                response.raise_for_status()
                assert response.json()["edges"], "a search found nothing"

            samples = timed(search, args.runs)
            describe("search by division + category, first page", samples)
            verdicts.append(
                Verdict(
                    "search by division + category, first page, p95",
                    percentile(samples, 95),
                    50,
                    "ms",
                )
            )
            numbers = [c.id_number for c in generate.children(min(args.count, 5000))]

            def lookup() -> None:
                response = http.post(
                    "/children/lookup", json={"idNumber": rng.choice(numbers)}, headers=clerk
                )
                response.raise_for_status()

            samples = timed(lookup, args.runs)
            describe("lookup by identity number", samples)
            verdicts.append(
                Verdict("lookup by identity number, p95", percentile(samples, 95), 10, "ms")
            )
            admin = issuer.headers("admin.district")

            def district_statistics() -> None:
                http.get("/statistics/110109", headers=admin, timeout=60).raise_for_status()

            samples = timed(district_statistics, max(10, args.runs // 10), warmup=2)
            describe("childStatistics for the district", samples)
            verdicts.append(
                Verdict(
                    "childStatistics for the district, median",
                    statistics.median(samples),
                    500,
                    "ms",
                )
            )
            if args.import_rows:
                verdicts += ledger_import(http, registry, issuer, args.import_rows)
    return report(verdicts, calibration)


def ledger_import(
    http: httpx.Client, registry: Service, issuer: Issuer, rows: int
) -> list[Verdict]:
    """A village ledger of `rows` rows, imported whole; time and the registry's peak memory."""
    path = Path(tempfile.mkdtemp()) / "ledger.xlsx"
    generate.write_xlsx(str(path), rows)
    print(f"  ledger of {rows:,} rows: {path.stat().st_size / 1e6:.1f} MB")
    started = time.monotonic()
    with path.open("rb") as handle:
        response = http.post(
            "/imports",
            files={"file": ("ledger.xlsx", handle)},
            data={"mode": "VALID_ROWS"},
            headers=issuer.headers("clerk.district"),
            timeout=600,
        )
    seconds = time.monotonic() - started
    response.raise_for_status()
    result = response.json()
    print(f"  imported {result['importedRows']:,} rows, rejected {result['rejectedRows']:,}")
    peak = registry.peak_rss_mb()
    return [
        Verdict(f"import of a {rows:,}-row XLSX", seconds, 90, "s"),
        Verdict("registry peak memory (whole process, VmHWM)", peak, 300, "MB"),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
