"""The payment ledger: whole months, one batch per month, nothing paid twice, scope, exports."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from shouhu.benefits.models import PaymentLine
from shouhu.benefits.payments import repository as payments_repository
from shouhu.platform.clock import today

ADMIN = "admin.district"
MARCH, MAY, JUNE = date(2026, 3, 12), date(2026, 5, 20), date(2026, 6, 3)


def run(client, headers, month):
    return client.post("/payment-batches", json={"month": month}, headers=headers)


def lines(client, headers, month, **params):
    response = client.get(f"/payment-batches/{month}/lines", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return [e["node"] for e in response.json()["edges"]]


def line_count(client) -> int:
    with Session(client.app.state.engine) as session:
        return int(session.exec(select(func.count()).select_from(PaymentLine)).one())


@pytest.fixture
def district(harness, ev):
    """Four children in two towns, decided in March 2026."""
    kids = {name: ev.new_id() for name in ("orphan", "poor", "disabled", "elsewhere")}
    harness.deliver(
        ev.registered(kids["orphan"], MARCH),
        ev.classified(kids["orphan"], MARCH, ["ORPHAN"]),
        ev.registered(kids["poor"], MARCH),
        ev.classified(kids["poor"], MARCH, ["MINIMUM_SUBSISTENCE_FAMILY"]),
        ev.registered(kids["disabled"], MARCH, village="110109001002"),
        ev.classified(kids["disabled"], MARCH, ["DISABLED"], village="110109001002"),
        ev.registered(kids["elsewhere"], MARCH, village="110109101001"),
        ev.classified(kids["elsewhere"], MARCH, ["LOW_INCOME_FAMILY"], village="110109101001"),
    )
    return kids


def test_a_batch_pays_each_monthly_cash_entitlement_once_with_totals(
    benefits, district, as_user, harness
):
    response = run(benefits, as_user(ADMIN), "2026-04")
    assert response.status_code == 201, response.text
    batch = response.json()
    paid = {
        (line["childId"], line["programme"], line["amountFen"])
        for line in lines(benefits, as_user(ADMIN), "2026-04")
    }
    assert paid == {
        (district["orphan"], "DESTITUTE_SUPPORT", 200000),
        (district["poor"], "HARDSHIP_LIVING_ALLOWANCE", 180000),
        (district["disabled"], "HARDSHIP_LIVING_ALLOWANCE", 180000),
        (district["elsewhere"], "HARDSHIP_LIVING_ALLOWANCE", 180000),
    }  # 低保 is recorded but paid by its own office; premiums and services are not cash
    assert (batch["month"], batch["lineCount"], batch["totalFen"]) == ("2026-04", 4, 740000)
    assert batch["createdBy"] == ADMIN and batch["createdAt"]
    assert {
        (t["townCode"], t["programme"], t["lineCount"], t["totalFen"]) for t in batch["totals"]
    } == {
        ("110109001", "DESTITUTE_SUPPORT", 1, 200000),
        ("110109001", "HARDSHIP_LIVING_ALLOWANCE", 2, 360000),
        ("110109101", "HARDSHIP_LIVING_ALLOWANCE", 1, 180000),
    }
    assert {t["townName"] for t in batch["totals"]} == {"大峪街道", "潭柘寺镇"}
    [created] = harness.events("benefits.payment.batch_created")
    assert (created["month"], created["lineCount"], created["totalFen"]) == ("2026-04", 4, 740000)


def test_running_a_month_again_returns_the_same_batch_and_pays_nothing_twice(
    benefits, district, as_user, harness
):
    first = run(benefits, as_user(ADMIN), "2026-04").json()
    again = run(benefits, as_user(ADMIN), "2026-04")
    assert again.status_code == 200
    assert again.json()["id"] == first["id"] and again.json()["lineCount"] == 4
    # Read back from the database, its moment keeps its zone (SQLite's text has none).
    assert datetime.fromisoformat(again.json()["createdAt"]).utcoffset() is not None
    assert line_count(benefits) == 4
    assert len(harness.events("benefits.payment.batch_created")) == 1


def test_the_database_refuses_a_second_payment_whatever_the_code_does(benefits, district, as_user):
    run(benefits, as_user(ADMIN), "2026-04")
    with Session(benefits.app.state.engine) as session:
        line = session.exec(select(PaymentLine)).first()
        assert line is not None
        twice = PaymentLine(**{**line.model_dump(), "id": None})
        session.add(twice)
        with pytest.raises(IntegrityError):
            session.commit()


def test_a_run_that_loses_the_race_returns_the_winners_batch(
    benefits, district, as_user, monkeypatch
):
    winner = run(benefits, as_user(ADMIN), "2026-04").json()
    real = payments_repository.batch_by_month
    calls = []

    def first_misses(session, month):
        calls.append(month)
        return None if len(calls) == 1 else real(session, month)

    monkeypatch.setattr(payments_repository, "batch_by_month", first_misses)
    late = run(benefits, as_user(ADMIN), "2026-04")
    assert late.status_code == 200 and late.json()["id"] == winner["id"]
    assert line_count(benefits) == 4


def test_nothing_is_paid_before_the_first_month_or_for_a_month_not_come(
    benefits, district, as_user
):
    assert run(benefits, as_user(ADMIN), "2026-02").json()["lineCount"] == 0
    next_month = (
        date(today().year + 1, 1, 1)
        if today().month == 12
        else today().replace(day=1, month=today().month + 1)
    )
    response = run(benefits, as_user(ADMIN), next_month.strftime("%Y-%m"))
    assert response.status_code == 422
    assert "只能为2017-01至本月" in response.json()["fields"]["month"]
    for bad in ("2026-13", "202604", "2026-4"):
        response = run(benefits, as_user(ADMIN), bad)
        assert response.json()["fields"] == {"month": "月份格式应为 YYYY-MM，如 2026-11"}


def test_a_child_exited_mid_month_is_paid_that_month_and_not_after(
    benefits, district, as_user, harness, ev
):
    harness.deliver(ev.exited(district["orphan"], JUNE))
    june = {line["childId"] for line in lines_of(benefits, as_user, "2026-06")}
    july = {line["childId"] for line in lines_of(benefits, as_user, "2026-07")}
    assert district["orphan"] in june and district["orphan"] not in july


def lines_of(client, as_user, month):
    assert run(client, as_user(ADMIN), month).status_code in (200, 201)
    return lines(client, as_user(ADMIN), month, first=100)


def test_a_switch_pays_the_old_winner_to_the_month_end_and_the_new_from_the_next(
    benefits, district, as_user, harness
):
    benefits.put(
        "/programmes/DISABILITY_TWO_SUBSIDIES/standards/2026",
        json={"monthlyAmountFen": 250000},
        headers=as_user(ADMIN),
    )
    harness.pump(retime=MAY)
    may = {(line["childId"], line["programme"]) for line in lines_of(benefits, as_user, "2026-05")}
    june = {(line["childId"], line["programme"]) for line in lines_of(benefits, as_user, "2026-06")}
    assert (district["disabled"], "HARDSHIP_LIVING_ALLOWANCE") in may
    assert (district["disabled"], "DISABILITY_TWO_SUBSIDIES") not in may
    assert (district["disabled"], "DISABILITY_TWO_SUBSIDIES") in june
    assert (district["disabled"], "HARDSHIP_LIVING_ALLOWANCE") not in june
    [line] = [
        x for x in lines_of(benefits, as_user, "2026-06") if x["childId"] == district["disabled"]
    ]
    assert line["amountFen"] == 250000


def test_scope_of_batches_per_role(benefits, district, as_user):
    run(benefits, as_user(ADMIN), "2026-04")
    supervisor = as_user("supervisor.110109001001")
    mine = lines(benefits, supervisor, "2026-04")
    assert {line["childId"] for line in mine} == {district["orphan"], district["poor"]}
    batch = benefits.get("/payment-batches/2026-04", headers=supervisor).json()
    assert batch["scopeDivisionCode"] == "110109001001"
    assert {(t["programme"], t["lineCount"]) for t in batch["totals"]} == {
        ("DESTITUTE_SUPPORT", 1),
        ("HARDSHIP_LIVING_ALLOWANCE", 1),
    }
    worker = as_user("worker.110109101")
    assert [line["childId"] for line in lines(benefits, worker, "2026-04")] == [
        district["elsewhere"]
    ]
    outside = benefits.get(
        "/payment-batches/2026-04/lines",
        params={"divisionCode": "110109001"},
        headers=worker,
    )
    assert outside.status_code == 403
    # The auditor reads totals, never a child's line.
    auditor = as_user("auditor.district")
    totals = benefits.get("/payment-batches/2026-04", headers=auditor)
    assert totals.status_code == 200 and totals.json()["totalFen"] == 740000
    for path in ("lines", "export.csv", "export.xlsx"):
        denied = benefits.get(f"/payment-batches/2026-04/{path}", headers=auditor)
        assert denied.status_code == 403
        assert denied.json()["message"] == "只能查看发放汇总，不能查看儿童发放明细"
    # Only civil affairs runs a batch.
    assert run(benefits, worker, "2026-05").status_code == 403
    assert (
        benefits.get("/payment-batches/2026-04", headers=as_user("police.district")).status_code
        == 403
    )


def test_lines_come_in_pages_with_cursors(benefits, district, as_user):
    run(benefits, as_user(ADMIN), "2026-04")
    admin = as_user(ADMIN)
    first = benefits.get(
        "/payment-batches/2026-04/lines", params={"first": 3, "withTotal": True}, headers=admin
    ).json()
    assert (
        len(first["edges"]) == 3 and first["pageInfo"]["hasNextPage"] and first["totalCount"] == 4
    )
    rest = benefits.get(
        "/payment-batches/2026-04/lines",
        params={"first": 3, "after": first["pageInfo"]["endCursor"]},
        headers=admin,
    ).json()
    assert len(rest["edges"]) == 1 and not rest["pageInfo"]["hasNextPage"]
    bad = benefits.get("/payment-batches/2026-04/lines", params={"after": "x"}, headers=admin)
    assert bad.json()["fields"] == {"after": "游标无效"}
    only = lines(benefits, admin, "2026-04", programme="DESTITUTE_SUPPORT")
    assert [line["childId"] for line in only] == [district["orphan"]]
    missing = benefits.get("/payment-batches/2025-04", headers=admin)
    assert missing.status_code == 404 and missing.json()["message"] == "2025-04的发放批次尚未生成"


def test_the_finance_office_gets_csv_and_xlsx(benefits, district, as_user):
    run(benefits, as_user(ADMIN), "2026-04")
    response = benefits.get("/payment-batches/2026-04/export.csv", headers=as_user(ADMIN))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "payment-batch-2026-04.csv" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["序号", "发放月份", "镇街代码", "镇街"]
    assert len(rows) == 5
    assert {r[8] for r in rows[1:]} == {"特困人员救助供养", "困境儿童生活保障"}
    assert sum(int(r[9]) for r in rows[1:]) == 740000
    workbook = benefits.get("/payment-batches/2026-04/export.xlsx", headers=as_user(ADMIN))
    book = openpyxl.load_workbook(io.BytesIO(workbook.content), read_only=True)
    assert book.sheetnames == ["2026-04发放明细", "汇总"]
    detail = list(book["2026-04发放明细"].iter_rows(values_only=True))
    assert len(detail) == 5 and detail[1][3] == "大峪街道"
    summary = list(book["汇总"].iter_rows(values_only=True))
    assert summary[-1][1] == "合计" and summary[-1][4] == 740000
    # A supervisor's export holds their village only.
    mine = benefits.get(
        "/payment-batches/2026-04/export.csv", headers=as_user("supervisor.110109001001")
    )
    assert len(list(csv.reader(io.StringIO(mine.content.decode("utf-8-sig"))))) == 3
