"""Needs and offers: raised by the town's worker, offered by a federation's organisation,
matched while the offer has places, closed; the federations see no child."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from shouhu.volunteers.models import Need, Offer
from shouhu.volunteers.organisations.schemas import OrganisationKind
from shouhu.volunteers.organisations.service import federation_id

LEAGUE = "youthleague.district"
WOMENS = "womensfed.district"
WORKER = "worker.110109001"
OTHER_WORKER = "worker.110109101"
VILLAGE = "110109001001"


def state(client) -> list[tuple[str, str | None, int]]:
    with Session(client.app.state.engine) as session:
        needs = [(n.status, n.offer_id, 0) for n in session.exec(select(Need)).all()]
        offers = [(o.status, None, o.matched) for o in session.exec(select(Offer)).all()]
    return sorted(needs + offers, key=str)


def raise_need(client, as_user, user: str = WORKER, **extra):
    body = {
        "divisionCode": VILLAGE,
        "childId": str(uuid.uuid4()),
        "kind": "TUTORING",
        "description": "初二数学辅导，每周2小时",
        **extra,
    }
    return client.post("/needs", json=body, headers=as_user(user))


def offer(client, as_user, quantity: int = 1, user: str = LEAGUE, **extra):
    body = {
        "organisationId": federation_id(OrganisationKind.YOUTH_LEAGUE),
        "kind": "TUTORING",
        "description": "大学生志愿者课业辅导",
        "divisionCode": "110109",
        "quantity": quantity,
        **extra,
    }
    return client.post("/offers", json=body, headers=as_user(user))


def test_a_need_is_matched_with_an_offer_and_closed(volunteers, as_user):
    need = raise_need(volunteers, as_user)
    assert need.status_code == 201, need.text
    made = offer(volunteers, as_user)
    assert made.status_code == 201, made.text
    matched = volunteers.post(
        f"/needs/{need.json()['id']}/match",
        params={"offerId": made.json()["id"]},
        headers=as_user(WORKER),
    )
    assert matched.status_code == 200, matched.text
    out = matched.json()
    assert out["status"] == "MATCHED" and out["offer"]["status"] == "FULL"
    assert out["offer"]["remaining"] == 0
    closed = volunteers.post(
        f"/needs/{out['id']}/close", json={"note": "已开始辅导"}, headers=as_user(WORKER)
    )
    assert closed.status_code == 200 and closed.json()["status"] == "CLOSED"
    listed = volunteers.get(
        "/needs", params={"divisionCode": "110109001"}, headers=as_user(WORKER)
    ).json()
    assert listed[0]["childId"] == need.json()["childId"]
    league_view = volunteers.get(
        "/needs", params={"divisionCode": "110109"}, headers=as_user(LEAGUE)
    ).json()
    assert league_view[0]["childId"] is None and league_view[0]["forChild"] is True


def test_refused_matches_write_nothing(volunteers, as_user):
    first = raise_need(volunteers, as_user).json()
    second = raise_need(volunteers, as_user).json()
    goods = offer(volunteers, as_user, kind="GOODS").json()
    elsewhere = offer(volunteers, as_user, divisionCode="110109101").json()
    one_place = offer(volunteers, as_user).json()
    volunteers.post(
        f"/needs/{first['id']}/match", params={"offerId": one_place["id"]}, headers=as_user(WORKER)
    )
    before = state(volunteers)
    for offer_id, said in (
        (goods["id"], "资源类型与需求不符"),
        (elsewhere["id"], "该资源不覆盖需求所在区划"),
        (one_place["id"], "该资源已无剩余"),
        (str(uuid.uuid4()), "资源不存在"),
    ):
        refused = volunteers.post(
            f"/needs/{second['id']}/match", params={"offerId": offer_id}, headers=as_user(WORKER)
        )
        assert refused.status_code == 422, refused.text
        assert refused.json()["fields"]["offerId"] == said
    again = volunteers.post(
        f"/needs/{first['id']}/match", params={"offerId": goods["id"]}, headers=as_user(WORKER)
    )
    assert again.status_code == 409
    other = volunteers.post(
        f"/needs/{second['id']}/match",
        params={"offerId": one_place["id"]},
        headers=as_user(OTHER_WORKER),
    )
    assert other.status_code == 403
    assert state(volunteers) == before


def test_who_raises_and_offers(volunteers, as_user):
    assert raise_need(volunteers, as_user, user=LEAGUE).status_code == 403
    assert raise_need(volunteers, as_user, user=OTHER_WORKER).status_code == 403
    assert offer(volunteers, as_user, user=WORKER).status_code == 403
    assert offer(volunteers, as_user, user=WOMENS).status_code == 403
    assert state(volunteers) == []
