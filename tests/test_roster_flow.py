"""Schools' rosters (花名册) end to end on the embedded platform, through the gateway.

`importRoster` composes three calls: education reads the file's identity numbers, the registry
answers the ids of the children filed under them (numbers never leave the registry otherwise),
education records the enrolments. A CSV and an XLSX, each with a matched child, a number not filed
in the district and a malformed row; the same file twice changes nothing; the education
department's system posts them with its service account (client credentials of `dept-education`);
a school's staff import their own school's roster only.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import openpyxl

from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

VILLAGE = "110109001001"
SCHOOL = "2111090002"  # 大峪中心小学（演示）, a primary school of the demo data
OTHER_SCHOOL = "2111090004"  # 城子小学（演示）
TEACHER = "teacher.110109001"  # tied to 大峪中心小学（演示） by the demo data
HEADER = ["身份证号", "姓名", "学段", "年级", "入学日期", "寄宿"]
REGISTER = """
mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id } }
"""
EDUCATION = """
query Education($id: ID!) {
  child(id: $id) { education { enrolments { schoolCode stage grade status } dropoutRisk { id } } }
}
"""
IMPORT = """
mutation ImportRoster($schoolCode: String!, $file: Upload!, $mode: ImportMode) {
  importRoster(schoolCode: $schoolCode, file: $file, mode: $mode) {
    importId schoolCode fileName mode totalRows enrolledRows transferredRows unchangedRows
    unmatchedRows rejectedRows errorCount errors { row column message }
    duplicateOfEarlierImport
  }
}
"""


def _child(platform) -> tuple[str, str]:
    """A ten-year-old filed with a number of its own; (id, number), once education knows it."""
    birth = date(2016, 1, 1) + timedelta(days=secrets.randbelow(300))
    number = fresh_identity_number(birth, male=True)
    child_input = {
        "name": f"花名{uuid.uuid4().hex[:6]}",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": number,
        "residenceDivisionCode": VILLAGE,
    }
    token = platform.token("admin.district")
    body = graphql(platform.graphql_url, REGISTER, token, {"input": child_input})
    assert "errors" not in body, body
    child_id = body["data"]["registerChild"]["id"]
    eventually(lambda: _education(platform, child_id), timeout=30)  # education's projection
    return child_id, number


def _education(platform, child_id: str) -> dict[str, Any] | None:
    body = graphql(
        platform.graphql_url, EDUCATION, platform.token("education.district"), {"id": child_id}
    )
    assert "errors" not in body, body
    education: dict[str, Any] | None = body["data"]["child"]["education"]
    return education


def _unknown() -> str:
    """A well-formed number no one filed (born in 2015 in another region)."""
    birth = date(2015, 1, 1) + timedelta(days=secrets.randbelow(300))
    return fresh_identity_number(birth, male=False, division="130102")


def _malformed() -> str:
    number = _unknown()
    return number[:17] + ("0" if number[17] != "0" else "1")


def _lines(number: str) -> list[list[object]]:
    return [
        [number, "王小明", "小学", "四年级", "2026-09-01", "否"],
        [_unknown(), "李不在", "小学", 4, "2026-09-01", ""],
        [_malformed(), "错号", "大学", 4, "2026-09-01", ""],
    ]


def _csv(lines: list[list[object]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *lines])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(lines: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for line in lines:
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _import(
    platform, token: str, content: bytes, name: str, school: str = SCHOOL
) -> dict[str, Any]:
    """The GraphQL multipart request, as the console or a department's system sends it."""
    variables = {"schoolCode": school, "file": None, "mode": "VALID_ROWS"}
    response = httpx.post(
        platform.graphql_url,
        data={
            "operations": json.dumps({"query": IMPORT, "variables": variables}),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": (name, content, "application/octet-stream")},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    body: dict[str, Any] = response.json()
    return body


def _counts(report: dict[str, Any]) -> tuple[int, ...]:
    keys = ("totalRows", "enrolledRows", "unchangedRows", "unmatchedRows", "rejectedRows")
    return tuple(report[k] for k in keys)


def test_a_department_system_imports_rosters_as_csv_and_xlsx(embedded):
    token = embedded.service_token("dept-education")
    for kind in ("csv", "xlsx"):
        child_id, number = _child(embedded)
        assert _education(embedded, child_id)["dropoutRisk"] is not None  # out of school
        content = _csv(_lines(number)) if kind == "csv" else _xlsx(_lines(number))
        body = _import(embedded, token, content, f"花名册.{kind}")
        assert "errors" not in body, body
        report = body["data"]["importRoster"]
        assert report["importId"] and report["duplicateOfEarlierImport"] is False
        assert _counts(report) == (3, 1, 0, 1, 1), report
        errors = {(e["row"], e["column"]) for e in report["errors"]}
        assert {(3, "身份证号"), (4, "身份证号"), (4, "学段")} <= errors
        assert any("未在本区登记" in e["message"] for e in report["errors"])
        education = _education(embedded, child_id)
        assert education["enrolments"] == [
            {"schoolCode": SCHOOL, "stage": "PRIMARY", "grade": 4, "status": "ACTIVE"}
        ]
        assert education["dropoutRisk"] is None  # resolved by the enrolment

        again = _import(embedded, token, content, f"花名册.{kind}")["data"]["importRoster"]
        assert again["duplicateOfEarlierImport"] is True
        assert again["importId"] == report["importId"] and _counts(again) == _counts(report)
        assert len(_education(embedded, child_id)["enrolments"]) == 1


def test_a_schools_staff_import_their_own_school_only(embedded):
    child_id, number = _child(embedded)
    teacher = embedded.token(TEACHER)
    content = _csv(_lines(number))
    refused = _import(embedded, teacher, content, "花名册.csv", school=OTHER_SCHOOL)
    assert error_codes(refused) == ["FORBIDDEN"], refused
    assert _education(embedded, child_id)["enrolments"] == []
    own = _import(embedded, teacher, content, "花名册.csv")
    assert "errors" not in own, own
    assert own["data"]["importRoster"]["enrolledRows"] == 1
    assert _education(embedded, child_id)["enrolments"][0]["schoolCode"] == SCHOOL
