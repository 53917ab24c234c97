"""The children's projection rebuilt from the registry's pages, for a new deployment (全量重建).

    SHOUHU_DATABASE_URL=… SHOUHU_REGISTRY_URL=https://registry… SHOUHU_REBUILD_TOKEN=… \\
        uv run python -m shouhu.education.rebuild

The token is a service account's with the `education` role at the district (the realm's
`dept-education` client, by client credentials): the registry answers it what the education
department may read (identity, hukou, classifications), and logs each file read in its access
log. Every child of the registry is written as the registry has it now, a page per
transaction; running it twice changes nothing more. Run it before the worker first consumes, or
with the worker stopped: an event applied while a page is in flight could be overwritten by the
page's older state (the next event of that child puts it right).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import urllib.request
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.education.app import MIGRATIONS
from shouhu.education.children import service
from shouhu.education.settings import EducationSettings
from shouhu.platform.clock import today
from shouhu.platform.db import make_engine, migrate

log = logging.getLogger(__name__)
PAGE = 100  # the registry's largest page
Post = Callable[[str, dict[str, Any]], dict[str, Any]]


def _active(classifications: list[dict[str, Any]], on: date) -> list[dict[str, Any]]:
    """The spells running on `on`, as the registry's classified event carries them."""
    return [
        {k: c.get(k) for k in ("group", "subtype", "since", "until")}
        for c in classifications
        if c["since"] <= on.isoformat() and (c.get("until") is None or c["until"] > on.isoformat())
    ]


def apply(session: Session, files: list[dict[str, Any]], on: date) -> None:
    """Write each file of a page into the projection as the registry has it."""
    for file in files:
        residence = file["residenceDivisionCode"]
        row = service.record_classifications(
            session,
            file["id"],
            birth_date=date.fromisoformat(file["birthDate"]),
            residence=residence,
            town=residence[:9],
            classifications=_active(file.get("classifications") or [], on),
            primary_category=file["primaryCategory"],
            left_behind=file["leftBehind"],
        )
        row.name, row.hukou_division_code = file["name"], file.get("hukouDivisionCode")
        row.status = file["status"]
        row.exited_on = date.fromisoformat(file["exitedOn"]) if file.get("exitedOn") else None
        session.add(row)


def rebuild(engine: Engine, post: Post, on: date | None = None) -> int:
    """Every file of the registry, page by page; the number written."""
    on, after, written = on or today(), None, 0
    while True:
        page = post(
            "/children/search",
            {"first": PAGE, "after": after, "include": ["classifications"]},
        )
        files = [edge["node"] for edge in page["edges"]]
        with Session(engine) as session:
            apply(session, files, on)
            session.commit()
        written += len(files)
        if not page["pageInfo"]["hasNextPage"]:
            return written
        after = page["pageInfo"]["endCursor"]


def http_post(base_url: str, token: str) -> Post:
    """POST JSON to the registry with the service account's token."""

    def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            base_url.rstrip("/") + path,
            data=json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            answer: dict[str, Any] = json.loads(response.read())
            return answer

    return post


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    registry, token = os.environ.get("SHOUHU_REGISTRY_URL"), os.environ.get("SHOUHU_REBUILD_TOKEN")
    if not registry or not token:
        print("SHOUHU_REGISTRY_URL and SHOUHU_REBUILD_TOKEN are needed", file=sys.stderr)
        return 2
    settings = EducationSettings()
    migrate(settings.database_url, MIGRATIONS)
    written = rebuild(make_engine(settings.database_url), http_post(registry, token))
    log.info("education: %d children written from the registry", written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
