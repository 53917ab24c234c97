"""The clocks of protection cases (追责): each case's steps against their limits, and the figures
by town and by reporter for the district, a town, and the auditor (figures only)."""

from __future__ import annotations

import base64
import io
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook  # type: ignore[import-untyped]

from shouhu.platform.clock import today
from shouhu.platform.events import utcnow

SCHOOL = "reporter.school.110109001"
POLICE = "police.110109001"
COMMAND = "police.district"
CLERK = "clerk.district"
VILLAGE = "110109001001"  # 大峪街道
OTHER_VILLAGE = "110109101001"  # 潭柘寺镇
STEPS = [
    "FOUND_TO_REPORTED",
    "REPORTED_TO_ACCEPTED",
    "ACCEPTED_TO_NOTIFIED",
    "NOTIFIED_TO_ASSESSED",
]


def body(**overrides: Any) -> dict[str, Any]:
    return {
        "childName": "张小明",
        "childAge": 9,
        "divisionCode": VILLAGE,
        "kind": "NEGLECT",
        "description": "学生连续多日无人接送，自述家中无人做饭",
        "institution": "大峪第一小学",
        **overrides,
    }


@pytest.fixture
def file(registry, as_user) -> Callable[..., dict[str, Any]]:
    def run(by: str = SCHOOL, **overrides: Any) -> dict[str, Any]:
        response = registry.post("/reports", json=body(**overrides), headers=as_user(by))
        assert response.status_code == 201, response.text
        found: dict[str, Any] = response.json()
        return found

    return run


def act(registry, as_user, by: str, case_id: str, action: str, data: Any = None) -> None:
    response = registry.post(f"/reports/{case_id}/{action}", json=data or {}, headers=as_user(by))
    assert response.status_code == 200, response.text


def figures(registry, as_user, by: str = "admin.district") -> Any:
    year = today().year
    params = {"from": f"{year - 1}-01-01", "to": f"{year}-12-31"}
    return registry.get("/case-statistics", params=params, headers=as_user(by))


def steps_of(row: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["step"]: s for s in row["steps"]}


def test_a_cases_clocks_show_each_step_against_its_limit(registry, as_user, file, move_clock):
    found = utcnow() - timedelta(hours=30)  # reported a day and six hours after it was found
    case = file(foundAt=found.isoformat())
    move_clock(timedelta(hours=3))  # accepted three hours later: the limit is two
    act(registry, as_user, POLICE, case["id"], "accept")
    act(registry, as_user, POLICE, case["id"], "notify-town", {"note": "请评估"})

    read = registry.get(f"/reports/{case['id']}", headers=as_user(POLICE)).json()
    clocks = {c["step"]: c for c in read["clocks"]}
    assert list(clocks) == STEPS
    assert clocks["FOUND_TO_REPORTED"]["hours"] == pytest.approx(30, abs=0.05)
    assert (clocks["FOUND_TO_REPORTED"]["limitHours"], clocks["FOUND_TO_REPORTED"]["late"]) == (
        24,
        True,
    )
    assert clocks["REPORTED_TO_ACCEPTED"]["hours"] == pytest.approx(3, abs=0.05)
    assert clocks["REPORTED_TO_ACCEPTED"]["late"] is True
    assert clocks["ACCEPTED_TO_NOTIFIED"]["late"] is False
    assert clocks["ACCEPTED_TO_NOTIFIED"]["running"] is False
    assert clocks["NOTIFIED_TO_ASSESSED"]["endedAt"] is None
    assert clocks["NOTIFIED_TO_ASSESSED"]["running"] is True
    assert clocks["NOTIFIED_TO_ASSESSED"]["limitHours"] == 72

    receipt = registry.get(f"/reports/{case['id']}", headers=as_user(SCHOOL)).json()
    assert receipt["clocks"] is None and "clocks" in receipt["withheld"]


def test_an_urgent_report_runs_on_its_shorter_limits(registry, as_user, file, move_clock):
    case = file(urgent=True)
    move_clock(timedelta(minutes=90))  # within two hours, not within one
    act(registry, as_user, POLICE, case["id"], "accept")
    read = registry.get(f"/reports/{case['id']}", headers=as_user(POLICE)).json()
    accepted = {c["step"]: c for c in read["clocks"]}["REPORTED_TO_ACCEPTED"]
    assert (accepted["limitHours"], accepted["late"]) == (1, True)


def test_the_figures_by_town_and_by_reporter(registry, as_user, file, move_clock):
    late = file(foundAt=(utcnow() - timedelta(hours=30)).isoformat())
    on_time = file()
    file(
        by=CLERK,
        divisionCode=OTHER_VILLAGE,
        institution=None,
        onBehalfOf={"name": "王女士", "phone": "13800138000"},
    )
    act(registry, as_user, POLICE, on_time["id"], "accept")
    move_clock(timedelta(hours=3))
    act(registry, as_user, POLICE, late["id"], "accept")
    # The hotline's report is still waiting: three hours, past its two, late while it runs.

    response = figures(registry, as_user)
    assert response.status_code == 200, response.text
    found = response.json()
    total = steps_of(found["total"])
    assert found["total"]["reports"] == 3
    assert (total["FOUND_TO_REPORTED"]["ended"], total["FOUND_TO_REPORTED"]["late"]) == (3, 1)
    accepted = total["REPORTED_TO_ACCEPTED"]
    assert (accepted["ended"], accepted["late"]) == (2, 2)
    assert accepted["worstHours"] == pytest.approx(3, abs=0.05)
    assert accepted["medianHours"] == pytest.approx(1.5, abs=0.05)
    assert (accepted["limitHours"], accepted["urgentLimitHours"]) == (2, 1)
    assert total["NOTIFIED_TO_ASSESSED"]["ended"] == 0
    assert total["NOTIFIED_TO_ASSESSED"]["medianHours"] is None

    towns = {t["code"]: t for t in found["byTown"]}
    assert towns["110109001"]["reports"] == 2 and towns["110109001"]["name"] == "大峪街道"
    assert towns["110109101"]["reports"] == 1
    assert towns["110109002"]["reports"] == 0  # every town listed, with nothing where none
    reporters = [(r["code"], r["name"], r["reports"]) for r in found["byReporter"]]
    assert reporters == [
        ("大峪第一小学", "大峪第一小学", 2),
        ("role:intake_clerk", "窗口受理员", 1),
    ]
    assert found["deadlinesVersion"] == "2026-1"


def test_a_town_sees_its_own_and_the_auditor_the_figures_only(registry, as_user, file):
    case = file()
    file(by=CLERK, divisionCode=OTHER_VILLAGE, institution="潭柘寺中学")

    town = figures(registry, as_user, "worker.110109001").json()
    assert [t["code"] for t in town["byTown"]] == ["110109001"]
    assert town["total"]["code"] == "110109001" and town["total"]["reports"] == 1
    assert [r["code"] for r in town["byReporter"]] == ["大峪第一小学"]
    station = figures(registry, as_user, POLICE).json()
    assert station["total"]["reports"] == 1
    assert figures(registry, as_user, COMMAND).json()["total"]["reports"] == 2

    auditor = figures(registry, as_user, "auditor.district")
    assert auditor.status_code == 200 and auditor.json()["total"]["reports"] == 2
    detail = registry.get(f"/reports/{case['id']}", headers=as_user("auditor.district"))
    assert detail.status_code == 403
    for refused in (SCHOOL, CLERK, "supervisor.110109001001", "judicial.district"):
        response = figures(registry, as_user, refused)
        assert response.status_code == 403, refused
        assert response.json()["code"] == "FORBIDDEN"


def test_a_period_that_ends_before_it_starts_is_refused(registry, as_user):
    params = {"from": "2026-06-01", "to": "2026-05-01"}
    response = registry.get("/case-statistics", params=params, headers=as_user("admin.district"))
    assert response.status_code == 422
    assert response.json()["fields"] == {"to": "结束日期不能早于开始日期"}


def test_the_figures_as_a_workbook(registry, as_user, file):
    file()
    year = today().year
    params = {"from": f"{year}-01-01", "to": f"{year}-12-31"}
    headers = as_user("admin.district")
    exported = registry.get("/case-statistics/export", params=params, headers=headers).json()
    assert exported["filename"] == f"case-statistics-{year}-01-01-{year}-12-31.xlsx"
    book = load_workbook(io.BytesIO(base64.b64decode(exported["contentBase64"])))
    assert book.sheetnames == ["按镇街", "按报告主体"]
    header = [c.value for c in book["按镇街"][2]]
    assert header[:3] == ["镇街", "报告件数", "发现至报告完成数"]
    rows = {r[0]: r[1] for r in book["按镇街"].iter_rows(min_row=3, values_only=True)}
    assert (rows["合计"], rows["大峪街道"], rows["潭柘寺镇"]) == (1, 1, 0)
    reporters = {r[0]: r[1] for r in book["按报告主体"].iter_rows(min_row=3, values_only=True)}
    assert reporters == {"合计": 1, "大峪第一小学": 1}
    direct = registry.get("/case-statistics.xlsx", params=params, headers=headers)
    assert direct.headers["content-type"].startswith("application/vnd.openxmlformats")


def test_on_postgresql_the_figures_are_those_of_sqlite(postgres, verifier, registry, as_user):
    """Medians by percentile_cont and lateness in SQL on PostgreSQL, on SQLite partly in Python:
    one answer."""
    from sqlmodel import Session

    from shouhu.registry.app import create_app
    from shouhu.registry.models import ProtectionCase
    from shouhu.registry.settings import RegistrySettings

    url = str(postgres.create_database(f"accountability_{secrets.token_hex(4)}"))
    settings = RegistrySettings(database_url=url, run_worker=False)
    answers = []
    with TestClient(create_app(settings, verifier=verifier)) as on_postgres:
        for client in (registry, on_postgres):
            for n, (took, urgent) in enumerate(((1, False), (2, True), (5, False), (8, True))):
                made = client.post("/reports", json=body(urgent=urgent), headers=as_user(SCHOOL))
                with Session(client.app.state.engine) as session:  # accepted `took` hours later
                    row = session.get(ProtectionCase, made.json()["id"])
                    assert row is not None
                    row.accepted_at = row.reported_at + timedelta(hours=took)
                    row.found_at = row.reported_at - timedelta(hours=15 * n)
                    session.add(row)
                    session.commit()
            answers.append(figures(client, as_user).json()["total"]["steps"])
    sqlite, postgresql = answers
    accepted = steps_of({"steps": sqlite})["REPORTED_TO_ACCEPTED"]
    # 1 h (limit 2), 2 h urgent (limit 1), 5 h (limit 2), 8 h urgent (limit 1).
    assert (accepted["medianHours"], accepted["worstHours"], accepted["late"]) == (3.5, 8.0, 3)
    assert steps_of({"steps": sqlite})["FOUND_TO_REPORTED"]["late"] == 2  # 30 and 45 hours
    assert postgresql == sqlite


def test_a_period_without_reports_counts_none(registry, as_user, file):
    file()
    long_ago = (datetime.now(UTC) - timedelta(days=400)).date().isoformat()
    params = {"from": long_ago, "to": long_ago}
    found = registry.get("/case-statistics", params=params, headers=as_user("admin.district"))
    assert found.json()["total"]["reports"] == 0
