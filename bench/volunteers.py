"""Volunteers' figures: a roster of 10,000 volunteers imported, each with an account made in a
real Keycloak (issue 15: < 5 minutes from the upload to the last account).

PostgreSQL and Keycloak as local processes; the volunteers service under uvicorn in production
mode (`SHOUHU_ACCOUNTS=keycloak`, the realm's `shouhu-volunteers-admin` client). The clock runs
from the upload until Keycloak holds every account: the import answers once the volunteers are
committed, and the service's worker makes the accounts after the commit, 200 a round, eight
requests at once (the admin API creates one user a request; see docs/volunteers.md).

    uv run python bench/volunteers.py [--rows 10000]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    DATA_KEY,
    Issuer,
    Verdict,
    calibrate,
    postgres,
    report,
    service,
)

from shouhu.platform.testing import identity_number

ROOT = Path(__file__).resolve().parents[1]
VILLAGE = "110109001001"
BUDGET_SECONDS = 300.0
HEADER = ["姓名*", "身份证号*", "手机号码*", "技能*", "居住地区划代码*", "可服务时间"]


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


def main() -> int:
    from shouhu.localstack import start_keycloak

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    content = roster(args.rows)
    issuer = Issuer()
    keycloak = start_keycloak()
    try:
        with postgres() as pg:
            url = pg.create_database("bench_volunteers_accounts")
            calibration = calibrate(url)
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
                print(f"importing {args.rows} volunteers …", flush=True)
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
                assert body["registeredRows"] == args.rows, body["errors"][:5]
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
    complete = done == args.rows and in_keycloak >= args.rows
    verdicts = [
        Verdict(
            f"roster of {args.rows} volunteers: import answered", imported, BUDGET_SECONDS, "s"
        ),
        Verdict(
            f"roster of {args.rows} volunteers: every account in Keycloak",
            total if complete else float("inf"),
            BUDGET_SECONDS,
            "s",
        ),
        Verdict("accounts made per second (informative)", args.rows / total, float("inf"), "/s"),
    ]
    return report(verdicts, calibration)


if __name__ == "__main__":
    sys.exit(main())
