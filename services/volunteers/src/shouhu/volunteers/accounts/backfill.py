"""`python -m shouhu.volunteers.accounts.backfill --out FILE`: accounts for registered volunteers
without one, and failed ones queued again; the service's worker makes them.

The one-time passwords are written once, to FILE (CSV, readable by its owner only), for the
clerks to hand out; they are never shown again. Run twice, it plans nothing twice."""

from __future__ import annotations

import argparse
import csv
import os
import sys

from sqlmodel import Session

from shouhu.platform.db import make_engine
from shouhu.platform.identity import KeyRing
from shouhu.volunteers.accounts.service import backfill
from shouhu.volunteers.settings import VolunteersSettings

HEADER = ["志愿者ID", "姓名", "账号", "初始密码"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m shouhu.volunteers.accounts.backfill")
    parser.add_argument("--out", required=True, help="CSV of the new accounts' passwords")
    parser.add_argument("--limit", type=int, default=100_000)
    args = parser.parse_args(argv[1:])
    if os.path.exists(args.out):
        parser.error(f"{args.out} exists: the passwords are written to a new file only")
    settings = VolunteersSettings()
    keys = KeyRing.from_secrets(settings.data_key, settings.previous_data_keys)
    with Session(make_engine(settings.database_url)) as session:
        planned, retried = backfill(session, keys, args.limit)
        # The file first: a commit without it would leave passwords nobody can hand out.
        descriptor = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(HEADER)
            for row, account in planned:
                writer.writerow([row.id, row.name, account.username, account.initial_password])
        session.commit()
    print(f"{len(planned)} accounts planned (passwords in {args.out}),", end=" ")
    print(f"{retried} that failed queued again")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
