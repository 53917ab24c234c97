"""Caring families, donations and needs end to end on the embedded platform, through the gateway.

Civil affairs registers a family → assesses and approves it → links it to a child → the child's
support plan shows it as civil affairs' measure (the registry consumes the volunteers' event).
The Youth League records a donation designated to the child → a use beyond what is left is
refused → the public summary has no child's id or name. A town's need matched with an offer.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date, timedelta
from typing import Any

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

ADMIN = "admin.district"
LEAGUE = "youthleague.district"
WORKER = "worker.110109001"
VILLAGE = "110109001001"
REGISTER_CHILD = """
mutation Register($input: RegisterChildInput!) {
  registerChild(input: $input) { id version name }
}
"""
PLAN = """
query Plan($id: ID!) {
  child(id: $id) { supportPlan { measures { department kind description status dueDate } } }
}
"""
REGISTER_FAMILY = """
mutation F($input: CaringFamilyInput!) {
  registerCaringFamily(input: $input) { id version status idNumber mobile }
}
"""
ASSESS = """
mutation A($id: ID!, $version: Int!, $input: CaringFamilyAssessmentInput!) {
  assessCaringFamily(id: $id, version: $version, input: $input) { id status approvedBy }
}
"""
LINK = """
mutation L($familyId: ID!, $input: CaringFamilyLinkInput!) {
  linkCaringFamily(familyId: $familyId, input: $input) { id links { childId active } }
}
"""
ORGANISATIONS = "query { organisations { id kind } }"
DONATE = """
mutation D($input: DonationInput!) {
  recordDonation(input: $input) { id amountFen remaining donorName designationName }
}
"""
USE = """
mutation U($id: ID!, $input: DonationUseInput!) {
  recordDonationUse(donationId: $id, input: $input) { id used remaining uses { purpose } }
}
"""
SUMMARY = """
query S($year: Int!) {
  donationSummary(year: $year) {
    byDesignation { designation designationName moneyFen moneyUsedFen }
    byMonth { month receivedFen usedFen }
    donations { donorName designationName amountFen }
    uses { purpose designationName amountFen }
  }
}
"""
RAISE = "mutation R($input: NeedInput!) { raiseNeed(input: $input) { id status childId } }"
OFFER = "mutation O($input: OfferInput!) { createOffer(input: $input) { id remaining } }"
MATCH = """
mutation M($need: ID!, $offer: ID!) {
  matchNeed(needId: $need, offerId: $offer) { id status offer { id remaining status } }
}
"""


def call(platform, username: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def a_child(platform) -> dict[str, Any]:
    birth = date(2014, 1, 1) + timedelta(days=secrets.randbelow(300))
    return call(
        platform,
        ADMIN,
        REGISTER_CHILD,
        {
            "input": {
                "name": f"寄养{uuid.uuid4().hex[:6]}",
                "gender": "MALE",
                "birthDate": birth.isoformat(),
                "idNumber": fresh_identity_number(birth, male=True),
                "residenceDivisionCode": VILLAGE,
            }
        },
    )["registerChild"]


def test_an_approved_family_linked_shows_on_the_childs_plan(embedded):
    child = a_child(embedded)
    head = fresh_identity_number(date(1978, 6, 1), male=False)
    family = call(
        embedded,
        ADMIN,
        REGISTER_FAMILY,
        {
            "input": {
                "kind": "FOSTER",
                "headName": "赵爱心",
                "idNumber": head,
                "mobile": "13812345670",
                "divisionCode": VILLAGE,
                "address": "门头沟区大峪街道爱心路1号",
            }
        },
    )["registerCaringFamily"]
    assert family["status"] == "PENDING" and head not in str(family)
    link = {"childId": child["id"], "startsOn": today().isoformat()}
    early = graphql(
        embedded.graphql_url,
        LINK,
        embedded.token(ADMIN),
        {"familyId": family["id"], "input": link},
    )
    assert error_codes(early) == ["VALIDATION_FAILED"]
    assessed = call(
        embedded,
        ADMIN,
        ASSESS,
        {
            "id": family["id"],
            "version": family["version"],
            "input": {"assessedOn": today().isoformat(), "approved": True},
        },
    )["assessCaringFamily"]
    assert assessed["status"] == "APPROVED" and assessed["approvedBy"] == ADMIN
    unknown = graphql(
        embedded.graphql_url,
        LINK,
        embedded.token(ADMIN),
        {"familyId": family["id"], "input": {**link, "childId": str(uuid.uuid4())}},
    )
    assert error_codes(unknown) == ["VALIDATION_FAILED"]
    linked = call(embedded, ADMIN, LINK, {"familyId": family["id"], "input": link})
    assert linked["linkCaringFamily"]["links"] == [{"childId": child["id"], "active": True}]

    def shown() -> dict[str, Any] | None:
        measures = call(embedded, ADMIN, PLAN, {"id": child["id"]})["child"]["supportPlan"]
        found = [m for m in measures["measures"] if m["kind"] == "家庭寄养"]
        return found[0] if found else None

    measure = eventually(shown, timeout=60)
    assert measure["department"] == "CIVIL_AFFAIRS" and measure["status"] == "IN_PROGRESS"
    assert "赵爱心家庭" in measure["description"]


def test_a_donation_is_used_within_what_is_left_and_summarised_without_the_child(embedded):
    child = a_child(embedded)
    orgs = call(embedded, LEAGUE, ORGANISATIONS, {})["organisations"]
    league = next(o["id"] for o in orgs if o["kind"] == "YOUTH_LEAGUE")
    donation = call(
        embedded,
        LEAGUE,
        DONATE,
        {
            "input": {
                "organisationId": league,
                "donorKind": "PERSON",
                "donorName": "热心市民",
                "kind": "MONEY",
                "amountFen": 200000,
                "designation": "CHILD",
                "designatedId": child["id"],
                "receivedOn": today().isoformat(),
                "note": f"给{child['name']}",
            }
        },
    )["recordDonation"]
    assert donation["designationName"] == "定向帮扶儿童"
    used = call(
        embedded,
        LEAGUE,
        USE,
        {
            "id": donation["id"],
            "input": {
                "amountFen": 150000,
                "usedOn": today().isoformat(),
                "purpose": f"{child['name']}的学费",
            },
        },
    )["recordDonationUse"]
    assert (used["used"], used["remaining"]) == (150000, 50000)
    over = graphql(
        embedded.graphql_url,
        USE,
        embedded.token(LEAGUE),
        {
            "id": donation["id"],
            "input": {"amountFen": 50001, "usedOn": today().isoformat(), "purpose": "校服"},
        },
    )
    assert error_codes(over) == ["VALIDATION_FAILED"]
    assert "amountFen" in over["errors"][0]["extensions"]["fields"]
    after = graphql(
        embedded.graphql_url,
        "query Q($id: ID!) { donation(id: $id) { remaining uses { id } } }",
        embedded.token(LEAGUE),
        {"id": donation["id"]},
    )["data"]["donation"]
    assert after["remaining"] == 50000 and len(after["uses"]) == 1

    summary = graphql(embedded.graphql_url, SUMMARY, embedded.token(WORKER), {"year": today().year})
    assert "errors" not in summary, summary
    text = str(summary)
    assert child["name"] not in text and child["id"] not in text
    totals = {t["designation"]: t for t in summary["data"]["donationSummary"]["byDesignation"]}
    assert totals["CHILD"]["moneyFen"] >= 200000
    assert "定向帮扶儿童" in {u["purpose"] for u in summary["data"]["donationSummary"]["uses"]}


def test_a_towns_need_is_matched_with_an_offer(embedded):
    child = a_child(embedded)
    elsewhere = graphql(
        embedded.graphql_url,
        RAISE,
        embedded.token(ADMIN),
        {
            "input": {
                "divisionCode": "110109101001",
                "childId": child["id"],
                "kind": "CAMP_PLACE",
                "description": "填错区划的需求",
            }
        },
    )
    assert error_codes(elsewhere) == ["VALIDATION_FAILED"]
    assert "divisionCode" in elsewhere["errors"][0]["extensions"]["fields"]
    need = call(
        embedded,
        WORKER,
        RAISE,
        {
            "input": {
                "divisionCode": VILLAGE,
                "childId": child["id"],
                "kind": "CAMP_PLACE",
                "description": "暑期夏令营名额1个",
            }
        },
    )["raiseNeed"]
    assert need["status"] == "OPEN" and need["childId"] == child["id"]
    orgs = call(embedded, LEAGUE, ORGANISATIONS, {})["organisations"]
    league = next(o["id"] for o in orgs if o["kind"] == "YOUTH_LEAGUE")
    offer = call(
        embedded,
        LEAGUE,
        OFFER,
        {
            "input": {
                "organisationId": league,
                "kind": "CAMP_PLACE",
                "description": "团区委暑期夏令营",
                "divisionCode": "110109",
                "quantity": 20,
            }
        },
    )["createOffer"]
    matched = call(embedded, WORKER, MATCH, {"need": need["id"], "offer": offer["id"]})
    out = matched["matchNeed"]
    assert out["status"] == "MATCHED" and out["offer"]["remaining"] == 19
