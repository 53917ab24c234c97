"""Donations: recorded by the organisation's own federation, used within what is left (money by
fen, goods by quantity), a public summary without any child's identity, the export."""

from __future__ import annotations

import base64
import io
import uuid
from datetime import timedelta

import openpyxl
import pytest
from sqlmodel import Session, select

from shouhu.platform.clock import today
from shouhu.volunteers.models import Donation, DonationUse
from shouhu.volunteers.organisations.schemas import OrganisationKind
from shouhu.volunteers.organisations.service import federation_id

LEAGUE = "youthleague.district"
WOMENS = "womensfed.district"
CIVIL = "admin.district"
WORKER = "worker.110109001"
CHILD_NAME = "王小明"


def league_org() -> str:
    return federation_id(OrganisationKind.YOUTH_LEAGUE)


def money(**extra):
    return {
        "organisationId": league_org(),
        "donorKind": "ORGANISATION",
        "donorName": "某爱心企业",
        "kind": "MONEY",
        "amountFen": 100000,
        "designation": "GENERAL",
        "receivedOn": today().isoformat(),
        **extra,
    }


def counts(client) -> tuple[int, int, int]:
    with Session(client.app.state.engine) as session:
        rows = session.exec(select(Donation)).all()
        return (
            len(rows),
            sum(r.used for r in rows),
            len(session.exec(select(DonationUse.id)).all()),
        )


def record(client, as_user, user: str = LEAGUE, **extra):
    return client.post("/donations", json=money(**extra), headers=as_user(user))


def use(client, as_user, donation_id: str, **body):
    payload = {"usedOn": today().isoformat(), "purpose": "购买学习用品", **body}
    return client.post(f"/donations/{donation_id}/uses", json=payload, headers=as_user(LEAGUE))


def test_uses_are_counted_and_refused_beyond_what_is_left(volunteers, as_user):
    made = record(volunteers, as_user)
    assert made.status_code == 201, made.text
    donation = made.json()
    assert (donation["amountFen"], donation["remaining"]) == (100000, 100000)
    first = use(volunteers, as_user, donation["id"], amountFen=60000)
    assert first.status_code == 200, first.text
    assert (first.json()["used"], first.json()["remaining"]) == (60000, 40000)
    before = counts(volunteers)
    over = use(volunteers, as_user, donation["id"], amountFen=40001)
    assert over.status_code == 422, over.text
    assert over.json()["fields"]["amountFen"] == "使用金额超出剩余400.00元"
    goods_way = use(volunteers, as_user, donation["id"], quantity=1)
    assert goods_way.status_code == 422 and "quantity" in goods_way.json()["fields"]
    future = use(
        volunteers, as_user, donation["id"], amountFen=1, usedOn=str(today() + timedelta(days=1))
    )
    assert future.status_code == 422 and "usedOn" in future.json()["fields"]
    assert counts(volunteers) == before
    rest = use(volunteers, as_user, donation["id"], amountFen=40000)
    assert rest.json()["remaining"] == 0 and len(rest.json()["uses"]) == 2


def test_goods_are_used_by_quantity(volunteers, as_user):
    made = record(
        volunteers,
        as_user,
        kind="GOODS",
        amountFen=None,
        goodsDescription="冬季棉衣",
        quantity=30,
        unit="件",
    ).json()
    assert (made["quantity"], made["amountFen"], made["unit"]) == (30, None, "件")
    assert use(volunteers, as_user, made["id"], quantity=25).status_code == 200
    over = use(volunteers, as_user, made["id"], quantity=6)
    assert over.status_code == 422 and over.json()["fields"]["quantity"] == "使用数量超出剩余数量5"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"amountFen": None}, "amountFen"),
        ({"donorName": None}, "donorName"),
        ({"designation": "CHILD"}, "designatedId"),
        ({"designation": "CHILD", "designatedId": "小明"}, "designatedId"),
        ({"designation": "ORGANISATION", "designatedId": str(uuid.uuid4())}, "designatedId"),
        ({"designatedId": str(uuid.uuid4())}, "designatedId"),
        ({"receivedOn": str(today() + timedelta(days=1))}, "receivedOn"),
        ({"organisationId": str(uuid.uuid4())}, "organisationId"),
        ({"amountFen": 0}, "amountFen"),
    ],
)
def test_bad_donations_are_refused_with_the_field_and_nothing_written(
    volunteers, as_user, extra, field
):
    before = counts(volunteers)
    refused = record(volunteers, as_user, **extra)
    assert refused.status_code == 422, refused.text
    assert field in refused.json()["fields"]
    assert counts(volunteers) == before


def test_only_the_organisations_own_federation_records_and_reads(volunteers, as_user):
    before = counts(volunteers)
    assert record(volunteers, as_user, user=WOMENS).status_code == 403
    assert record(volunteers, as_user, user=CIVIL).status_code == 403
    assert counts(volunteers) == before
    made = record(volunteers, as_user).json()
    assert volunteers.get(f"/donations/{made['id']}", headers=as_user(WOMENS)).status_code == 403
    assert volunteers.get(f"/donations/{made['id']}", headers=as_user(CIVIL)).status_code == 200
    assert volunteers.get("/donations", headers=as_user(WORKER)).status_code == 403
    listed = volunteers.get("/donations", headers=as_user(CIVIL)).json()
    assert made["id"] in {d["id"] for d in listed}
    assert volunteers.get("/donations", headers=as_user(WOMENS)).json() == []


def test_the_public_summary_names_no_child(volunteers, as_user):
    child = str(uuid.uuid4())
    designated = record(
        volunteers,
        as_user,
        designation="CHILD",
        designatedId=child,
        donorName=None,
        anonymous=True,
        amountFen=50000,
        note=f"资助{CHILD_NAME}",
    ).json()
    assert designated["donorName"] == "匿名"
    use(volunteers, as_user, designated["id"], amountFen=20000, purpose=f"{CHILD_NAME}的学费")
    general = record(volunteers, as_user, amountFen=30000).json()
    use(volunteers, as_user, general["id"], amountFen=10000, purpose="夏令营交通")
    year = today().year
    got = volunteers.get("/donations/summary", params={"year": year}, headers=as_user(WORKER))
    assert got.status_code == 200, got.text
    text = got.text
    assert child not in text and CHILD_NAME not in text
    summary = got.json()
    totals = {t["designation"]: t for t in summary["byDesignation"]}
    assert (totals["CHILD"]["moneyFen"], totals["CHILD"]["moneyUsedFen"]) == (50000, 20000)
    assert totals["CHILD"]["designationName"] == "定向帮扶儿童"
    assert (totals["GENERAL"]["moneyFen"], totals["GENERAL"]["moneyUsedFen"]) == (30000, 10000)
    (month,) = summary["byMonth"]
    assert (month["receivedFen"], month["usedFen"]) == (80000, 30000)
    purposes = {u["purpose"] for u in summary["uses"]}
    assert purposes == {"定向帮扶儿童", "夏令营交通"}

    exported = volunteers.get(
        "/donations/export", params={"year": year, "format": "xlsx"}, headers=as_user(CIVIL)
    )
    assert exported.status_code == 200, exported.text
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(exported.json()["contentBase64"])))
    cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row]
    assert "定向帮扶儿童" in cells and "匿名" in cells
    assert not any(child in c or CHILD_NAME in c for c in cells)
    csv = volunteers.get("/donations/export.csv", params={"year": year}, headers=as_user(CIVIL))
    assert csv.status_code == 200 and csv.content.startswith(b"\xef\xbb\xbf")
    assert CHILD_NAME not in csv.content.decode("utf-8")
    assert (
        volunteers.get(
            "/donations/export.csv", params={"year": year}, headers=as_user(WORKER)
        ).status_code
        == 403
    )
