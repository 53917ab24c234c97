"""Organisations: the seeded federations, who adds one, the contact's mobile masked for others."""

from __future__ import annotations

LEAGUE = "youthleague.district"
WOMENS = "womensfed.district"


def test_the_four_federations_are_seeded_and_the_demo_ones_marked(volunteers, as_user):
    rows = volunteers.get("/organisations", headers=as_user("worker.110109001")).json()
    federations = {r["kind"]: r for r in rows if not r["demo"]}
    assert set(federations) == {
        "YOUTH_LEAGUE",
        "TRADE_UNION",
        "WOMENS_FEDERATION",
        "DISABLED_PERSONS_FEDERATION",
    }
    assert federations["YOUTH_LEAGUE"]["actingRole"] == "YOUTH_LEAGUE"
    demo = [r for r in rows if r["demo"]]
    assert demo and all("（演示）" in r["name"] for r in demo)
    # The contact's mobile whole for the role acting for it, masked for everyone else.
    home = next(r for r in demo if r["kind"] == "CHILDRENS_HOME")
    assert home["contactMobile"] == "138****0002"
    mine = volunteers.get("/organisations", headers=as_user(WOMENS)).json()
    assert next(r for r in mine if r["id"] == home["id"])["contactMobile"] == "13800000002"


def test_a_federation_adds_an_organisation_it_acts_for(volunteers, as_user):
    body = {
        "kind": "ENTERPRISE",
        "name": "京西爱心企业",
        "divisionCode": "110109001",
        "contactName": "赵经理",
        "contactMobile": "13600001111",
    }
    made = volunteers.post("/organisations", json=body, headers=as_user(WOMENS))
    assert made.status_code == 201, made.text
    assert made.json()["actingRole"] == "WOMENS_FEDERATION"
    again = volunteers.post("/organisations", json=body, headers=as_user(LEAGUE))
    assert again.status_code == 409 and again.json()["existingId"] == made.json()["id"]
    acting_for_another = {**body, "name": "另一家", "actingRole": "YOUTH_LEAGUE"}
    refused = volunteers.post("/organisations", json=acting_for_another, headers=as_user(WOMENS))
    assert refused.status_code == 422 and "actingRole" in refused.json()["fields"]


def test_bad_organisations_are_refused(volunteers, as_user):
    base = {"kind": "CHILDRENS_HOME", "name": "某某儿童之家", "divisionCode": "110109001"}
    cases = [
        ({**base, "kind": "YOUTH_LEAGUE"}, "kind"),
        (base, "divisionCode"),  # a children's home is in a village
        ({**base, "divisionCode": "110109001001", "contactMobile": "12345"}, "contactMobile"),
        ({**base, "divisionCode": "110109001001", "contactName": "王"}, "contactMobile"),
    ]
    for body, field in cases:
        refused = volunteers.post("/organisations", json=body, headers=as_user(LEAGUE))
        assert refused.status_code == 422 and field in refused.json()["fields"], refused.text
    for user in ("admin.district", "worker.110109001", "education.district"):
        body = {**base, "divisionCode": "110109001001"}
        refused = volunteers.post("/organisations", json=body, headers=as_user(user))
        assert refused.status_code == 403, user
