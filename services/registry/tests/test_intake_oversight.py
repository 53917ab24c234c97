"""The single window's receipt for the family and its figures for the district (督查考核)."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from pypdf import PdfReader
from sqlmodel import Session

from shouhu.platform.clock import today
from shouhu.registry.models import DepartmentTask

TOWN_CLERK = "clerk.110109001"


@pytest.fixture
def submit(registry, as_user, child_input) -> Callable[..., dict[str, Any]]:
    seq = iter(range(500, 700))

    def run(needs: list[str], village: str = "110109001001", by: str = "clerk.district") -> Any:
        child = child_input(name="赵小雨", seq=next(seq), residenceDivisionCode=village)
        body = {
            "child": child,
            "applicantName": "赵大海",
            "applicantRelation": "PARENT",
            "applicantPhone": "13800138000",
            "needs": needs,
            "materials": ["户口簿"],
        }
        response = registry.post("/intakes", json=body, headers=as_user(by))
        assert response.status_code == 201, response.text
        return response.json()

    return run


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_receipt_prints_the_number_departments_and_deadlines_masked(registry, as_user, submit):
    intake = submit(["LIVING_ALLOWANCE", "LEGAL_AID"], by=TOWN_CLERK)
    answer = registry.get(f"/intakes/{intake['id']}/receipt.pdf", headers=as_user(TOWN_CLERK))
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    text = _text(answer.content)
    assert intake["receiptNumber"] in text
    assert "区民政局" in text and "区司法局" in text and "法律援助" in text
    assert "138****8000" in text and "13800138000" not in text
    assert "12345" in text  # how to follow up: the citizen service hotline by default
    assert "低保证" in text  # what the family still has to bring
    wrapped = registry.get(f"/intakes/{intake['id']}/receipt", headers=as_user(TOWN_CLERK))
    body = wrapped.json()
    assert body["mediaType"] == "application/pdf"
    assert body["filename"] == f"receipt-{intake['receiptNumber']}.pdf"
    assert _text(base64.b64decode(body["contentBase64"])) == text


def test_a_receipt_is_read_where_the_application_is(registry, as_user, submit):
    intake = submit(["HOUSING"], village="110109101001")
    path = f"/intakes/{intake['id']}/receipt.pdf"
    assert registry.get(path, headers=as_user(TOWN_CLERK)).status_code == 404
    assert registry.get(path, headers=as_user("housing.district")).status_code == 403


def _figures(registry, as_user, by: str = "admin.district", **period: str) -> dict[str, Any]:
    year = today().year
    params = {"from": f"{year}-01-01", "to": f"{year}-12-31", **period}
    answer = registry.get("/intake-statistics", params=params, headers=as_user(by))
    assert answer.status_code == 200, answer.text
    figures: dict[str, Any] = answer.json()
    return figures


def _row(rows: list[dict[str, Any]], code: str) -> dict[str, Any]:
    return next(r for r in rows if r["code"] == code)


def test_figures_by_town_and_department(registry, as_user, submit, move_clock):
    first = submit(["LEGAL_AID", "HOUSING"])
    submit(["LEGAL_AID"], village="110109101001")
    done = first["tasks"][0]
    move_clock(timedelta(days=2))
    finished = registry.post(
        f"/department-tasks/{done['id']}/complete",
        json={"outcome": "已指派律师"},
        headers=as_user("judicial.district"),
    )
    assert finished.status_code == 200, finished.text
    figures = _figures(registry, as_user)
    dayu, tanzhesi = _row(figures["byTown"], "110109001"), _row(figures["byTown"], "110109101")
    assert (dayu["name"], dayu["applications"], dayu["openTasks"]) == ("大峪街道", 1, 1)
    assert tanzhesi["applications"] == 1 and tanzhesi["openTasks"] == 1
    judicial = _row(figures["byDepartment"], "JUDICIAL")
    assert (judicial["name"], judicial["applications"], judicial["openTasks"]) == (
        "区司法局",
        2,
        1,
    )
    assert judicial["medianDays"] == pytest.approx(2.0, abs=0.1)
    assert _row(figures["byDepartment"], "HOUSING")["medianDays"] is None  # none finished
    assert _row(figures["byDepartment"], "POLICE")["applications"] == 0  # listed with zeros
    assert len(figures["byTown"]) == 13  # every town (镇街) of the district, with or without
    move_clock(timedelta(days=400))
    later = _figures(registry, as_user)
    assert sum(r["overdueTasks"] for r in later["byTown"]) == 0  # a year later: nothing in it


def test_overdue_tasks_are_counted_now(registry, as_user, submit, move_clock):
    submit(["HUKOU_REGISTRATION"])
    move_clock(timedelta(days=60))
    year = (today() - timedelta(days=60)).year
    figures = _figures(registry, as_user, **{"from": f"{year}-01-01", "to": f"{year}-12-31"})
    assert _row(figures["byDepartment"], "POLICE")["overdueTasks"] == 1


def test_a_towns_people_see_their_town_and_departments_nothing(registry, as_user, submit):
    submit(["LEGAL_AID"])
    submit(["LEGAL_AID"], village="110109101001")
    town = _figures(registry, as_user, by=TOWN_CLERK)
    assert [r["code"] for r in town["byTown"]] == ["110109001"]
    assert _row(town["byDepartment"], "JUDICIAL")["applications"] == 1
    assert _figures(registry, as_user, by="auditor.district")["byTown"]
    year = today().year
    params = {"from": f"{year}-01-01", "to": f"{year}-12-31"}
    refused = registry.get(
        "/intake-statistics", params=params, headers=as_user("judicial.district")
    )
    assert refused.status_code == 403


def test_a_period_that_ends_before_it_starts_is_refused(registry, as_user):
    params = {"from": "2026-12-31", "to": "2026-01-01"}
    answer = registry.get("/intake-statistics", params=params, headers=as_user("admin.district"))
    assert answer.status_code == 422
    assert answer.json()["fields"] == {"to": "结束日期不能早于开始日期"}


def test_the_figures_as_a_workbook(registry, as_user, submit):
    submit(["LEGAL_AID"])
    year = today().year
    params = {"from": f"{year}-01-01", "to": f"{year}-12-31"}
    answer = registry.get(
        "/intake-statistics.xlsx", params=params, headers=as_user("admin.district")
    )
    assert answer.status_code == 200
    book = load_workbook(io.BytesIO(answer.content))
    assert book.sheetnames == ["按镇街", "按部门"]
    towns = {r[0]: r[1] for r in book["按镇街"].iter_rows(min_row=3, values_only=True)}
    assert towns["大峪街道"] == 1
    departments = {r[0]: r[1] for r in book["按部门"].iter_rows(min_row=3, values_only=True)}
    assert departments["区司法局"] == 1


def test_on_postgresql_the_figures_are_those_of_sqlite(postgres, verifier, registry, as_user):
    """percentile_cont in the database, the same interpolation in Python on SQLite: one answer."""
    import secrets

    from fastapi.testclient import TestClient

    from shouhu.platform.testing import identity_number
    from shouhu.registry.app import create_app
    from shouhu.registry.settings import RegistrySettings

    url = str(postgres.create_database(f"oversight_{secrets.token_hex(4)}"))
    settings = RegistrySettings(database_url=url, run_worker=False)
    answers = []
    with TestClient(create_app(settings, verifier=verifier)) as on_postgres:
        for client in (registry, on_postgres):
            for n, outcome_after in enumerate((1, 2, 3, 7)):
                birth = "2015-05-20"
                child = {
                    "name": f"统计{n}",
                    "gender": "FEMALE",
                    "birthDate": birth,
                    "idNumber": identity_number(date(2015, 5, 20), male=False, seq=300 + n),
                    "residenceDivisionCode": "110109001001",
                }
                body = {
                    "child": child,
                    "applicantName": "赵大海",
                    "applicantRelation": "PARENT",
                    "applicantPhone": "13800138000",
                    "needs": ["LEGAL_AID"],
                }
                intake = client.post("/intakes", json=body, headers=as_user("clerk.district"))
                task = intake.json()["tasks"][0]
                with Session(client.app.state.engine) as session:  # finished n days later
                    row = session.get(DepartmentTask, task["id"])
                    row.status = "DONE"
                    row.finished_at = row.created_at + timedelta(days=outcome_after)
                    session.add(row)
                    session.commit()
            year = today().year
            params = {"from": f"{year}-01-01", "to": f"{year}-12-31"}
            found = client.get(
                "/intake-statistics", params=params, headers=as_user("admin.district")
            )
            answers.append(_row(found.json()["byDepartment"], "JUDICIAL"))
    sqlite, postgresql = answers
    assert (sqlite["medianDays"], sqlite["p90Days"]) == (2.5, 5.8)
    assert postgresql == sqlite
