"""Programmes and standards: who sets them, within what bounds, and what is kept."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import Session, select

from shouhu.benefits.models import StandardChange
from shouhu.platform.clock import today

ADMIN = "admin.district"


def test_every_programme_is_listed_with_its_chinese_name_kind_and_standard(benefits, as_user):
    response = benefits.get("/programmes", headers=as_user("supervisor.110109001001"))
    assert response.status_code == 200
    programmes = {p["code"]: p for p in response.json()}
    assert len(programmes) == 8
    allowance = programmes["HARDSHIP_LIVING_ALLOWANCE"]
    assert allowance["name"] == "困境儿童生活保障"
    assert allowance["kind"] == "MONTHLY_CASH" and allowance["paidInBatches"]
    assert allowance["monthlyAmountFen"] == 180000 and allowance["placeholder"] is True
    assert allowance["exclusiveGroup"]["name"] == "择高原则"
    assert allowance["exclusiveGroup"]["stacksWith"] == ["MINIMUM_SUBSISTENCE"]
    subsistence = programmes["MINIMUM_SUBSISTENCE"]
    assert subsistence["administeredElsewhere"] and not subsistence["paidInBatches"]
    assert programmes["INSURANCE_PREMIUM_SUBSIDY"]["kind"] == "ANNUAL_SUBSIDY"
    assert programmes["MEDICAL_REHABILITATION"]["kind"] == "SERVICE"
    pilot = programmes["GUARDIANSHIP_ALLOWANCE"]
    assert pilot["pilot"] and not pilot["enabled"]
    assert benefits.get("/programmes").status_code == 401


def test_civil_affairs_sets_a_standard_and_every_setting_is_kept(benefits, as_user, harness):
    year = today().year
    for fen in (190000, 195000):
        response = benefits.put(
            f"/programmes/HARDSHIP_LIVING_ALLOWANCE/standards/{year}",
            json={"monthlyAmountFen": fen},
            headers=as_user(ADMIN),
        )
        assert response.status_code == 200, response.text
    body = response.json()
    assert body["monthlyAmountFen"] == 195000 and body["placeholder"] is False
    assert [(s["year"], s["monthlyAmountFen"], s["setBy"]) for s in body["standards"]] == [
        (year, 195000, ADMIN)
    ]
    with Session(benefits.app.state.engine) as session:
        kept = session.exec(select(StandardChange)).all()
    assert [(k.previous_fen, k.monthly_amount_fen) for k in kept] == [
        (None, 190000),
        (190000, 195000),
    ]
    events = harness.events("benefits.standard.set")
    assert [e["monthlyAmountFen"] for e in events] == [190000, 195000]
    # Setting the same amount again changes nothing and tells no one.
    benefits.put(
        f"/programmes/HARDSHIP_LIVING_ALLOWANCE/standards/{year}",
        json={"monthlyAmountFen": 195000},
        headers=as_user(ADMIN),
    )
    assert len(harness.events("benefits.standard.set")) == 2


def test_a_past_year_standard_does_not_change_this_years(benefits, as_user):
    response = benefits.put(
        "/programmes/DESTITUTE_SUPPORT/standards/2020",
        json={"monthlyAmountFen": 100000},
        headers=as_user(ADMIN),
    )
    assert response.status_code == 200
    assert response.json()["monthlyAmountFen"] == 100000  # carried over: none set since


def test_only_district_civil_affairs_sets_standards(benefits, as_user):
    for user in ("worker.110109001", "auditor.district", "supervisor.110109001001"):
        response = benefits.put(
            "/programmes/HARDSHIP_LIVING_ALLOWANCE/standards/2026",
            json={"monthlyAmountFen": 1},
            headers=as_user(user),
        )
        assert response.status_code == 403
        assert response.json() == {"code": "FORBIDDEN", "message": "只有区民政局可以设定保障标准"}


def test_bad_standards_name_the_field_in_chinese(benefits, as_user):
    response = benefits.put(
        "/programmes/HARDSHIP_LIVING_ALLOWANCE/standards/2016",
        json={"monthlyAmountFen": -5},
        headers=as_user(ADMIN),
    )
    assert response.status_code == 422
    fields = response.json()["fields"]
    assert fields["year"].startswith("年度应在2017年至")
    assert "月标准应为0至10000000分" in fields["monthlyAmountFen"]
    response = benefits.put(
        "/programmes/HARDSHIP_LIVING_ALLOWANCE/standards/2026",
        json={"monthlyAmountFen": "很多"},
        headers=as_user(ADMIN),
    )
    assert response.json()["fields"] == {"monthlyAmountFen": "应为整数"}
    response = benefits.put(
        "/programmes/NO_SUCH/standards/2026",
        json={"monthlyAmountFen": 1},
        headers=as_user(ADMIN),
    )
    assert response.status_code == 422 and "code" in response.json()["fields"]


@pytest.mark.parametrize(
    ("path", "body", "field", "message"),
    [
        ("standards/2026", {"monthlyAmountFen": True}, "monthlyAmountFen", "应为整数"),
        ("standards/2026", {"monthlyAmountFen": "12"}, "monthlyAmountFen", "应为整数"),
        ("standards/2026", {"monthlyAmountFen": 12.0}, "monthlyAmountFen", "应为整数"),
        ("enabled", {"enabled": "yes"}, "enabled", "应为 true 或 false"),
        ("enabled", {"enabled": 1}, "enabled", "应为 true 或 false"),
    ],
    ids=["true-as-fen", "text-as-fen", "float-as-fen", "yes-as-bool", "one-as-bool"],
)
def test_a_value_of_another_json_type_is_refused_and_nothing_is_set(
    benefits, as_user, harness, path, body, field, message
):
    response = benefits.put(
        f"/programmes/GUARDIANSHIP_ALLOWANCE/{path}", json=body, headers=as_user(ADMIN)
    )
    assert response.status_code == 422, response.text
    assert response.json()["fields"] == {field: message}
    programme = benefits.get("/programmes/GUARDIANSHIP_ALLOWANCE", headers=as_user(ADMIN)).json()
    assert programme["standards"] == [] and programme["enabled"] is False
    assert harness.events() == []


@pytest.mark.parametrize("body", [b"42", b"null", b"[]", b"{bad"])
def test_a_body_that_is_no_json_object_is_refused_naming_the_body(benefits, as_user, body):
    response = benefits.put(
        "/programmes/GUARDIANSHIP_ALLOWANCE/standards/2026",
        content=body,
        headers={**as_user(ADMIN), "content-type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "VALIDATION_FAILED"
    assert set(response.json()["fields"]) == {"body"}


def test_only_a_pilot_is_switched_on_and_off(benefits, as_user, harness):
    response = benefits.put(
        "/programmes/HARDSHIP_LIVING_ALLOWANCE/enabled",
        json={"enabled": False},
        headers=as_user(ADMIN),
    )
    assert response.status_code == 422
    assert response.json()["fields"] == {"programme": "只有试点项目可以启用或停用"}
    response = benefits.put(
        "/programmes/GUARDIANSHIP_ALLOWANCE/enabled",
        json={"enabled": True},
        headers=as_user(ADMIN),
    )
    assert response.json()["enabled"] is True
    assert harness.events("benefits.programme.enabled_changed")[0]["enabled"] is True


def test_a_standard_set_reads_back_with_its_zone(benefits, as_user):
    year = today().year
    response = benefits.put(
        f"/programmes/HARDSHIP_LIVING_ALLOWANCE/standards/{year}",
        json={"monthlyAmountFen": 190000},
        headers=as_user(ADMIN),
    )
    assert response.status_code == 200, response.text
    read = benefits.get("/programmes/HARDSHIP_LIVING_ALLOWANCE", headers=as_user(ADMIN)).json()
    (standard,) = read["standards"]
    assert datetime.fromisoformat(standard["setAt"]).utcoffset() is not None
