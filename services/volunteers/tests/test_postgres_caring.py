"""Caring families, donations and needs on PostgreSQL: the migration, the unique lookup hash,
the conditional updates that keep a use within what is left and a match within the places."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from shouhu.platform.clock import today
from shouhu.platform.testing import identity_number
from shouhu.volunteers.app import create_app
from shouhu.volunteers.organisations.schemas import OrganisationKind
from shouhu.volunteers.organisations.service import federation_id
from shouhu.volunteers.settings import VolunteersSettings

LEAGUE = "youthleague.district"
CIVIL = "admin.district"
WORKER = "worker.110109001"


@pytest.fixture
def on_postgres(postgres, verifier) -> Iterator[TestClient]:
    url = str(postgres.create_database(f"volunteers_caring_{secrets.token_hex(4)}"))
    settings = VolunteersSettings(database_url=url, run_worker=False, demo_data=True)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


def test_families_donations_and_needs_on_postgresql(on_postgres, as_user):
    client, day = on_postgres, today().isoformat()
    number = identity_number(date(1981, 5, 6), male=True, seq=17)
    family = {
        "kind": "ENTRUSTED_CARE",
        "headName": "柏家庭",
        "idNumber": number,
        "mobile": "13312345670",
        "divisionCode": "110109001001",
        "address": "柏测试地址",
    }
    made = client.post("/caring-families", json=family, headers=as_user(CIVIL))
    assert made.status_code == 201, made.text
    again = client.post("/caring-families", json=family, headers=as_user(CIVIL))
    assert again.json()["code"] == "DUPLICATE"

    league = federation_id(OrganisationKind.YOUTH_LEAGUE)
    donation = {
        "organisationId": league,
        "donorKind": "ORGANISATION",
        "donorName": "柏企业",
        "kind": "MONEY",
        "amountFen": 5_000_000_000,  # beyond 32 bits: the column is a BIGINT
        "designation": "CHILD",
        "designatedId": str(uuid.uuid4()),
        "receivedOn": day,
    }
    gift = client.post("/donations", json=donation, headers=as_user(LEAGUE)).json()
    use = {"amountFen": 4_999_999_999, "usedOn": day, "purpose": "学费"}
    spent = client.post(f"/donations/{gift['id']}/uses", json=use, headers=as_user(LEAGUE))
    assert spent.status_code == 200 and spent.json()["remaining"] == 1
    over = {**use, "amountFen": 2}
    refused = client.post(f"/donations/{gift['id']}/uses", json=over, headers=as_user(LEAGUE))
    assert refused.status_code == 422 and "amountFen" in refused.json()["fields"]
    summary = client.get(
        "/donations/summary", params={"year": today().year}, headers=as_user(CIVIL)
    )
    assert gift["designatedId"] not in summary.text

    offer = {
        "organisationId": league,
        "kind": "GOODS",
        "description": "柏物资",
        "divisionCode": "110109",
        "quantity": 1,
    }
    made_offer = client.post("/offers", json=offer, headers=as_user(LEAGUE)).json()
    needs = [
        client.post(
            "/needs",
            json={"divisionCode": "110109001", "kind": "GOODS", "description": "冬衣一件"},
            headers=as_user(WORKER),
        ).json()
        for _ in range(2)
    ]
    first = client.post(
        f"/needs/{needs[0]['id']}/match",
        params={"offerId": made_offer["id"]},
        headers=as_user(WORKER),
    )
    assert first.status_code == 200 and first.json()["offer"]["status"] == "FULL"
    second = client.post(
        f"/needs/{needs[1]['id']}/match",
        params={"offerId": made_offer["id"]},
        headers=as_user(WORKER),
    )
    assert second.status_code == 422 and second.json()["fields"]["offerId"] == "该资源已无剩余"
