"""Schools' rosters (花名册): rows read by their Chinese headers, matched numbers enrolled by the
rules of `recordEnrolment`, the others reported by column; refused whole or the good rows taken
as the mode says; the same file for the school twice changes nothing."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import openpyxl
from sqlmodel import Session, select

from shouhu.education.models import Enrolment, RosterImport
from shouhu.education.rosters import rows
from shouhu.platform.spreadsheets import ImportMode
from shouhu.platform.testing import identity_number

DEPARTMENT = "education.district"
TEACHER = "teacher.110109001"  # tied by the demo data to 大峪中心小学（演示）
SCHOOL = "2111090002"  # 大峪中心小学（演示）, primary
OTHER_PRIMARY = "2111090004"  # 城子小学（演示）
BORN = date(2016, 3, 1)
HEADER = ["身份证号", "姓名", "学段", "年级", "入学日期", "寄宿"]
CHANGED = "education.enrolment.changed"
RESOLVED = "education.dropout_risk.closed"


def _number(seq: int) -> str:
    return identity_number(BORN, male=False, seq=seq)


def _csv(lines: list[list[object]], header: list[str] = HEADER) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([header, *lines])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(lines: list[list[object]], header: list[str] = HEADER) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = rows.SHEET
    sheet.append(header)
    for line in lines:
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _import(
    education, headers, content, *, matches, mode="VALID_ROWS", school=SCHOOL, name="花名册.csv"
):
    data = {"schoolCode": school}
    if mode is not None:
        data["mode"] = mode
    files = {"file": (name, content), "matches": ("matches.json", json.dumps(matches).encode())}
    return education.post("/rosters", data=data, files=files, headers=headers)


def _identities(education, headers, content, school=SCHOOL):
    return education.post(
        "/rosters/identities",
        data={"schoolCode": school},
        files={"file": ("花名册.csv", content)},
        headers=headers,
    )


def _enrolments(education) -> list[Enrolment]:
    with Session(education.app.state.engine) as session:
        return list(session.exec(select(Enrolment)).all())


def _imports(education) -> list[RosterImport]:
    with Session(education.app.state.engine) as session:
        return list(session.exec(select(RosterImport)).all())


def _mixed(harness) -> tuple[bytes, dict[str, str], str]:
    """A matched child, an unknown number, a malformed row (four bad cells)."""
    child_id = harness.child(birth=BORN)
    content = _csv(
        [
            [_number(1), "王小红", "小学", "3", "2026-09-01", "否"],
            [_number(2), "李不在", "小学", "三年级", "2026/9/1", ""],
            [
                _number(3)[:17] + "0" if _number(3)[17] != "0" else _number(3)[:17] + "1",
                "错号",
                "大学",
                "13",
                "2026-13-01",
                "也许",
            ],
        ]
    )
    return content, {_number(1): child_id}, child_id


def test_a_roster_is_read_matched_reported_and_written(education, harness, as_user):
    content, matches, child_id = _mixed(harness)
    response = _import(education, as_user(DEPARTMENT), content, matches=matches)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["importId"] and report["mode"] == "VALID_ROWS"
    counts = {
        k: report[k]
        for k in (
            "totalRows",
            "enrolledRows",
            "transferredRows",
            "unchangedRows",
            "unmatchedRows",
            "rejectedRows",
        )
    }
    assert counts == {
        "totalRows": 3,
        "enrolledRows": 1,
        "transferredRows": 0,
        "unchangedRows": 0,
        "unmatchedRows": 1,
        "rejectedRows": 1,
    }
    errors = [(e["row"], e["column"], e["message"]) for e in report["errors"]]
    assert (3, "身份证号", "未在本区登记（姓名：李不在）") in errors
    assert {c for r, c, _ in errors if r == 4} == {"身份证号", "学段", "年级", "入学日期", "寄宿"}
    assert report["errorCount"] == 6
    [row] = _enrolments(education)
    assert (row.child_id, row.school_code, row.stage, row.grade, row.since, row.boarding) == (
        child_id,
        SCHOOL,
        "PRIMARY",
        3,
        date(2026, 9, 1),
        False,
    )
    [event] = harness.events(CHANGED)
    assert (event["change"], event["childId"], event["schoolCode"]) == (
        "RECORDED",
        child_id,
        SCHOOL,
    )
    # The ten-year-old out of school had a dropout risk: the enrolment resolves it.
    [closed] = harness.events(RESOLVED)
    assert (closed["childId"], closed["outcome"]) == (child_id, "ENROLLED")


def test_the_same_file_twice_changes_nothing_and_answers_the_same_report(
    education, harness, as_user
):
    content, matches, _ = _mixed(harness)
    first = _import(education, as_user(DEPARTMENT), content, matches=matches).json()
    events = len(harness.events())
    again = _import(education, as_user(DEPARTMENT), content, matches=matches).json()
    assert again["duplicateOfEarlierImport"] is True
    assert {**again, "duplicateOfEarlierImport": False} == first
    assert len(_enrolments(education)) == 1 and len(harness.events()) == events
    assert len(_imports(education)) == 1
    # The numbers are not asked of the registry again.
    assert _identities(education, as_user(DEPARTMENT), content).json() == {
        "idNumbers": [],
        "alreadyImported": True,
    }
    # Another file with the same rows: each child enrolled there already is unchanged.
    other = content + b"\n"
    report = _import(education, as_user(DEPARTMENT), other, matches=matches).json()
    assert (report["unchangedRows"], report["enrolledRows"]) == (1, 0)
    assert len(_enrolments(education)) == 1 and len(harness.events()) == events


def test_all_or_nothing_refuses_the_whole_file_and_writes_nothing(education, harness, as_user):
    content, matches, _ = _mixed(harness)
    events = len(harness.events())
    for mode in ("ALL_OR_NOTHING", None):  # the default, as the ledger's
        response = _import(education, as_user(DEPARTMENT), content, matches=matches, mode=mode)
        assert response.status_code == 200, response.text
        report = response.json()
        assert report["importId"] is None and report["mode"] == "ALL_OR_NOTHING"
        assert report["errorCount"] == 6 and report["enrolledRows"] == 1  # what would be
    assert _enrolments(education) == [] and _imports(education) == []
    assert len(harness.events()) == events
    good = _csv([[_number(1), "王小红", "小学", 3, "2026-09-01", "是"]])
    taken = _import(education, as_user(DEPARTMENT), good, matches=matches, mode="ALL_OR_NOTHING")
    assert taken.json()["importId"] and taken.json()["errorCount"] == 0
    assert [e.boarding for e in _enrolments(education)] == [True]


def test_an_xlsx_roster_with_chinese_stages_excel_dates_and_numbers_as_text(
    education, harness, as_user
):
    first, second = harness.child(birth=BORN), harness.child(birth=BORN)
    content = _xlsx(
        [
            [_number(4), "甲", "小学", "四年级", datetime(2026, 9, 1), "是"],
            [_number(5), "乙", "PRIMARY", 4, "2026年9月1日", None],
            [float(_number(6)[:15]), "丙", "小学", 4, "2026-09-01", None],  # a number cell
        ]
    )
    matches = {_number(4): first, _number(5): second}
    assert sorted(_identities(education, as_user(DEPARTMENT), content).json()["idNumbers"]) == (
        sorted(matches)
    )
    report = _import(education, as_user(DEPARTMENT), content, matches=matches, name="花名册.xlsx")
    assert report.status_code == 200, report.text
    body = report.json()
    assert (body["enrolledRows"], body["rejectedRows"]) == (2, 1)
    assert body["errors"][0]["column"] == "身份证号" and "文本格式" in body["errors"][0]["message"]
    got = {e.child_id: (e.grade, e.since, e.boarding) for e in _enrolments(education)}
    assert got == {first: (4, date(2026, 9, 1), True), second: (4, date(2026, 9, 1), False)}


def test_an_open_enrolment_at_another_school_is_transferred(education, harness, as_user):
    child_id = harness.child(birth=BORN)
    recorded = education.post(
        f"/children/{child_id}/enrolments",
        json={"schoolCode": OTHER_PRIMARY, "stage": "PRIMARY", "grade": 3, "since": "2025-09-01"},
        headers=as_user(DEPARTMENT),
    )
    assert recorded.status_code == 201, recorded.text
    content = _csv([[_number(7), "转来", "小学", 4, "2026-09-01", "否"]])
    report = _import(education, as_user(TEACHER), content, matches={_number(7): child_id})
    assert report.json()["transferredRows"] == 1, report.text
    rows_by_school = {e.school_code: e for e in _enrolments(education)}
    old, new = rows_by_school[OTHER_PRIMARY], rows_by_school[SCHOOL]
    assert (old.status, old.end_reason, old.ended_on, old.transferred_to) == (
        "ENDED",
        "TRANSFERRED",
        date(2026, 9, 1),
        new.id,
    )
    assert (new.status, new.grade) == ("ACTIVE", 4)
    ended, opened = harness.events(CHANGED)[-2:]
    assert (ended["change"], ended["endReason"], ended["schoolCode"]) == (
        "ENDED",
        "TRANSFERRED",
        OTHER_PRIMARY,
    )
    assert (opened["change"], opened["transferredFrom"]) == ("RECORDED", old.id)


def test_the_rules_of_an_enrolment_are_reported_by_column(education, harness, as_user):
    young = harness.child(birth=date(2023, 3, 1))  # three on the first day
    content = _csv(
        [
            [_number(8), "太小", "小学", 1, "2026-09-01", ""],
            [_number(9), "初中", "初中", 1, "2026-09-01", ""],
        ]
    )
    old = harness.child(birth=BORN)
    report = _import(
        education, as_user(DEPARTMENT), content, matches={_number(8): young, _number(9): old}
    ).json()
    errors = {(e["row"], e["column"]) for e in report["errors"]}
    assert errors == {(2, "学段"), (3, "学段")}
    assert report["rejectedRows"] == 2 and _enrolments(education) == []


def test_school_staff_import_their_own_school_only(education, harness, as_user):
    content, matches, _ = _mixed(harness)
    for call in (
        lambda: _import(
            education, as_user(TEACHER), content, matches=matches, school=OTHER_PRIMARY
        ),
        lambda: _identities(education, as_user(TEACHER), content, school=OTHER_PRIMARY),
        lambda: _import(education, as_user("worker.110109001"), content, matches=matches),
    ):
        refused = call()
        assert refused.status_code == 403, refused.text
        assert refused.json()["code"] == "FORBIDDEN"
    assert _enrolments(education) == [] and _imports(education) == []
    own = _import(education, as_user(TEACHER), content, matches=matches)
    assert own.status_code == 200 and own.json()["enrolledRows"] == 1


def test_a_bad_header_or_file_is_refused_whole(education, harness, as_user):
    headers = as_user(DEPARTMENT)
    no_stage = _csv(
        [[_number(1), "甲", 3, "2026-09-01"]], header=["身份证号", "姓名", "年级", "入学日期"]
    )
    response = _import(education, headers, no_stage, matches={})
    assert response.status_code == 422 and response.json()["fields"] == {"学段": "缺少必填列"}
    unknown = _import(education, headers, b"\x00\x01binary", matches={})
    assert unknown.status_code == 422 and "file" in unknown.json()["fields"]
    bad_matches = education.post(
        "/rosters",
        data={"schoolCode": SCHOOL},
        files={"file": ("a.csv", _csv([])), "matches": ("m.json", b"[1]")},
        headers=headers,
    )
    assert bad_matches.status_code == 422 and "matches" in bad_matches.json()["fields"]
    assert _imports(education) == []


def test_a_roster_of_more_children_than_the_registry_matches_at_once_is_refused(
    education, as_user, monkeypatch
):
    from shouhu.education.rosters import service

    monkeypatch.setattr(service, "MAX_MATCHES", 1)
    content = _csv([[_number(n), "", "小学", 1, "2026-09-01", ""] for n in (1, 2)])
    response = _identities(education, as_user(DEPARTMENT), content)
    assert response.status_code == 422
    assert "请按年级拆分" in response.json()["fields"]["file"]


def test_the_mode_is_the_platforms(education):
    assert [m.value for m in ImportMode] == ["ALL_OR_NOTHING", "VALID_ROWS"]


def test_the_blank_templates_read_back_as_rosters(education):
    for kind in ("csv", "xlsx"):
        response = education.get(f"/rosters/template.{kind}")
        assert response.status_code == 200, response.text
        assert "attachment" in response.headers["content-disposition"]
    text = education.get("/rosters/template.csv").content.decode("utf-8-sig").splitlines()[0]
    assert rows.positions(tuple(text.split(","))) == {n: i for i, n in enumerate(rows.NAMES)}
