"""The semester ledger: one run per semester, nothing paid twice, totals, exports, who may."""

from __future__ import annotations

import base64
import csv
import io
from datetime import date

import openpyxl
import pytest
from sqlmodel import Session, func, select

from shouhu.education.models import AidLine
from shouhu.platform.clock import today

DEPARTMENT = "education.district"
AUDITOR = "auditor.district"
TEACHER = "teacher.110109001"
BORN = date(2010, 3, 1)
SENIOR = {
    "schoolCode": "2111090003",
    "stage": "SENIOR_SECONDARY",
    "grade": 1,
    "since": "2025-09-01",
}
SEMESTER = f"{today().year - 1}-AUTUMN"  # begun, whatever the day


def _granted(harness, ev, education, as_user) -> str:
    child_id = harness.child(birth=BORN)
    harness.deliver(ev.classified(child_id, ["ORPHAN"], birth=BORN))
    made = education.post(
        f"/children/{child_id}/enrolments", json=SENIOR, headers=as_user(DEPARTMENT)
    )
    assert made.status_code == 201, made.text
    return child_id


def _lines(education) -> int:
    with Session(education.app.state.engine) as session:
        return int(session.exec(select(func.count()).select_from(AidLine)).one())


def test_a_semester_run_twice_pays_once(education, harness, ev, as_user):
    child_id = _granted(harness, ev, education, as_user)
    harness.child(birth=BORN)  # not classified: nothing to pay
    # A standard in force on the semester's first day; the fee waiver keeps its placeholder.
    education.post(
        "/aid/standards",
        json={
            "programme": "SENIOR_NATIONAL_GRANT",
            "annualAmountFen": 300000,
            "effectiveFrom": f"{today().year - 1}-01-01",
        },
        headers=as_user(DEPARTMENT),
    )
    first = education.post(
        "/aid/semesters", json={"semester": SEMESTER}, headers=as_user(DEPARTMENT)
    )
    assert first.status_code == 201, first.text
    ran = first.json()
    assert (ran["lineCount"], ran["totalFen"]) == (2, 150000 + 40000)
    assert ran["standards"]["SENIOR_NATIONAL_GRANT"] == 150000
    assert [(t["townCode"], t["programme"], t["totalFen"]) for t in ran["totals"]] == [
        ("110109001", "SENIOR_FEE_WAIVER", 40000),
        ("110109001", "SENIOR_NATIONAL_GRANT", 150000),
    ]
    again = education.post(
        "/aid/semesters", json={"semester": SEMESTER}, headers=as_user(DEPARTMENT)
    )
    assert again.status_code == 200 and again.json()["id"] == ran["id"]
    assert _lines(education) == 2
    page = education.get(
        f"/aid/semesters/{SEMESTER}/lines",
        params={"withTotal": True, "first": 1},
        headers=as_user(DEPARTMENT),
    ).json()
    assert page["totalCount"] == 2 and page["pageInfo"]["hasNextPage"]
    assert page["edges"][0]["node"]["childId"] == child_id
    rest = education.get(
        f"/aid/semesters/{SEMESTER}/lines",
        params={"after": page["pageInfo"]["endCursor"]},
        headers=as_user(DEPARTMENT),
    ).json()
    assert len(rest["edges"]) == 1 and not rest["pageInfo"]["hasNextPage"]


def test_the_ledger_exports_for_the_finance_office(education, harness, ev, as_user):
    _granted(harness, ev, education, as_user)
    education.post("/aid/semesters", json={"semester": SEMESTER}, headers=as_user(DEPARTMENT))
    exported = education.get(
        f"/aid/semesters/{SEMESTER}/export", params={"format": "csv"}, headers=as_user(DEPARTMENT)
    ).json()
    text = base64.b64decode(exported["contentBase64"]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["序号", "学期", "镇街代码"]
    assert {r[9] for r in rows[1:]} == {"普通高中国家助学金", "普通高中免学费"}
    assert {r[8] for r in rows[1:]} == {"普通高中"}
    workbook = education.get(f"/aid/semesters/{SEMESTER}/export.xlsx", headers=as_user(DEPARTMENT))
    book = openpyxl.load_workbook(io.BytesIO(workbook.content))
    assert book.sheetnames == [f"{SEMESTER}发放明细", "汇总"]
    assert list(book["汇总"].values)[-1][1] == "合计"


@pytest.mark.parametrize(
    ("semester", "words"),
    [
        ("2026-WINTER", "学期格式"),
        (f"{today().year + 1}-SPRING", "尚未开始"),
        ("2016-AUTUMN", "2017"),
    ],
)
def test_a_bad_semester_is_refused_and_nothing_written(education, as_user, semester, words):
    response = education.post(
        "/aid/semesters", json={"semester": semester}, headers=as_user(DEPARTMENT)
    )
    assert response.status_code == 422, response.text
    assert words in response.json()["fields"]["semester"]
    assert education.get("/aid/semesters", headers=as_user(DEPARTMENT)).json() == []


def test_who_may_run_and_read_the_ledger(education, harness, ev, as_user):
    _granted(harness, ev, education, as_user)
    for user in (AUDITOR, TEACHER, "admin.district"):
        refused = education.post(
            "/aid/semesters", json={"semester": SEMESTER}, headers=as_user(user)
        )
        assert refused.status_code == 403, user
    education.post("/aid/semesters", json={"semester": SEMESTER}, headers=as_user(DEPARTMENT))
    totals = education.get(f"/aid/semesters/{SEMESTER}", headers=as_user(AUDITOR))
    assert totals.status_code == 200 and totals.json()["lineCount"] == 2
    lines = education.get(f"/aid/semesters/{SEMESTER}/lines", headers=as_user(AUDITOR))
    assert lines.status_code == 403 and "汇总" in lines.json()["message"]
    assert education.get(f"/aid/semesters/{SEMESTER}", headers=as_user(TEACHER)).status_code == 403
    missing = education.get(f"/aid/semesters/{today().year - 1}-SPRING", headers=as_user(AUDITOR))
    assert missing.status_code == 404
