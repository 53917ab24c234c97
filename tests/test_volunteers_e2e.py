"""Volunteers end to end, embedded and on the real stack (issue 15, "Tests and figures").

The Youth League registers a volunteer → its account is made (in Keycloak on the real stack) →
pairing refused unvetted (VALIDATION_FAILED) → both vettings recorded → `suggestVolunteers` ranks
the volunteer first for a tutoring need in the same village → paired → the child's support plan
shows the pairing → hours recorded and approved → the star level moves at the first threshold →
the volunteer signs in (the first sign-in changes the password on the login pages) and reads its
pairing with only the child's name, village, age and needs (item 11), logs a visit and its hours,
and is refused the child, the children, the volunteers and another volunteer.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date, timedelta
from typing import Any

import pytest

from shouhu.platform.clock import age_on, today
from shouhu.platform.testing import (
    error_codes,
    eventually,
    first_sign_in,
    fresh_identity_number,
    graphql,
    once_found,
)

VILLAGE = "110109001005"  # 新桥南大街社区: a village of its own, away from other flows' volunteers
VILLAGE_NAME = "新桥南大街社区居委会"
LEAGUE = "youthleague.district"
CLERK = "clerk.110109001"
BIRTH = date(2015, 3, 14)  # the child's
CONSOLE_CALLBACK = "/console/callback"
KEYCLOAK_CALLBACK = "http://127.0.0.1:8000/console/callback"  # the realm's console redirect URI

REGISTER = """
mutation Register($input: VolunteerInput!) { registerVolunteer(input: $input) {
  id vetted account { username status initialPassword } } }
"""
ACCOUNT = "query A($id: ID!) { volunteer(id: $id) { account { status } } }"
VET = """
mutation Vet($id: ID!, $input: VettingInput!) { recordVetting(volunteerId: $id, input: $input) {
  vetted } }
"""
SUBMIT = """mutation Submit($input: SubmitIntakeInput!) { submitIntake(input: $input) {
  id child { id name } } }"""
SUGGEST = """query Suggest($childId: ID!) { suggestVolunteers(childId: $childId, first: 5) {
  score reasons volunteer { id } } }"""
PAIR = """mutation Pair($v: ID!, $c: ID!) { pairVolunteer(volunteerId: $v, childId: $c) {
  id status childNeeds volunteerName } }"""
PLAN = """query Plan($id: ID!) { child(id: $id) {
  supportPlan { measures { department kind description status } } } }"""
HOURS = """
mutation H($id: ID!, $hours: Float!, $on: Date!, $note: String) {
  recordServiceHours(volunteerId: $id, hours: $hours, on: $on, note: $note) { id } }
"""
TO_APPROVE = "query { serviceHoursToApprove { id volunteerId } }"
APPROVE = """
mutation P($id: ID!) { approveServiceHours(hoursId: $id) { totalHours starLevel nextStarHours } }
"""
MINE = """
query { myVolunteer {
  id name organisationName vetted totalHours starLevel nextStarHours
  pairings { id childName childAge villageName needs status startedOn endedOn
    visits { visitedOn minutes mode note byVolunteer } }
  serviceHours { hours status activityId }
} }
"""
OWN_VISIT = """
mutation V($id: ID!, $input: PairingVisitInput!) {
  recordOwnPairingVisit(pairingId: $id, input: $input) { id visits { minutes note byVolunteer } }
}
"""
ITEM_11 = {
    "id",
    "childName",
    "childAge",
    "villageName",
    "needs",
    "status",
    "startedOn",
    "endedOn",
    "visits",
}


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    return request.getfixturevalue(request.param)


def call(platform, user: str, document: str, variables: dict[str, Any] | None = None) -> Any:
    """An operation as a demo user."""
    return call_with(platform, platform.token(user), document, variables)


def call_with(platform, token: str, document: str, variables: dict[str, Any] | None = None) -> Any:
    """An operation with a token (the signed-in volunteer's)."""
    body = graphql(platform.graphql_url, document, token, variables or {})
    assert "errors" not in body, body
    return body["data"]


def callback(platform) -> str:
    """The console's redirect URI the identity provider accepts: the embedded provider's own
    origin, or the realm's console address on Keycloak."""
    embedded = platform.graphql_url.startswith(platform.idp_url)
    return platform.idp_url + CONSOLE_CALLBACK if embedded else KEYCLOAK_CALLBACK


def _application() -> dict[str, Any]:
    birth = BIRTH
    return {
        "child": {
            "name": f"全程{uuid.uuid4().hex[:4]}",
            "gender": "FEMALE",
            "birthDate": birth.isoformat(),
            "idNumber": fresh_identity_number(birth, male=False),
            "residenceDivisionCode": VILLAGE,
        },
        "applicantName": "王大川",
        "applicantRelation": "PARENT",
        "applicantPhone": f"139{secrets.randbelow(10**8):08d}",
        "needs": ["VOLUNTEER_PAIRING", "EDUCATION_AID"],
        "materials": ["户口簿", "身份证"],
    }


def _register(platform, name: str) -> dict[str, Any]:
    birth = date(1984, 1, 1) + timedelta(days=secrets.randbelow(5000))
    body = {
        "name": name,
        "idNumber": fresh_identity_number(birth, male=True),
        "phone": "13912345678",
        "skills": ["TUTORING"],
        "divisionCode": VILLAGE,
    }
    made: dict[str, Any] = call(platform, LEAGUE, REGISTER, {"input": body})["registerVolunteer"]
    return made


def _approve_all(platform, volunteer_id: str) -> dict[str, Any]:
    waiting = call(platform, LEAGUE, TO_APPROVE)["serviceHoursToApprove"]
    out: dict[str, Any] = {}
    for record in [w for w in waiting if w["volunteerId"] == volunteer_id]:
        out = call(platform, LEAGUE, APPROVE, {"id": record["id"]})["approveServiceHours"]
    return out


def test_a_volunteer_from_registration_to_its_own_view(platform):
    # The Youth League registers; the account is made after the commit by the worker.
    made = _register(platform, f"全程{secrets.token_hex(2)}")
    volunteer_id, account = made["id"], made["account"]
    assert made["vetted"] is False and account["initialPassword"]
    assert account["username"].startswith("vol.")
    other = _register(platform, f"另一{secrets.token_hex(2)}")["id"]

    def active() -> bool:
        read = call(platform, LEAGUE, ACCOUNT, {"id": volunteer_id})["volunteer"]
        return bool(read["account"]["status"] == "ACTIVE")

    eventually(active, timeout=60, every=0.5)

    # A child with a tutoring need in the same village, at the single window.
    intake = call(platform, CLERK, SUBMIT, {"input": _application()})["submitIntake"]
    child_id, child_name = intake["child"]["id"], intake["child"]["name"]

    refused = graphql(
        platform.graphql_url, PAIR, platform.token(LEAGUE), {"v": volunteer_id, "c": child_id}
    )
    assert error_codes(refused) == ["VALIDATION_FAILED"]
    assert "审核" in refused["errors"][0]["extensions"]["fields"]["volunteerId"]

    day = today()
    for kind in ("MINOR_PROTECTION_RECORD_CHECK", "TRAINING"):
        check = {"kind": kind, "passed": True, "checkedOn": day.isoformat()}
        vetted = call(platform, LEAGUE, VET, {"id": volunteer_id, "input": check})
    assert vetted["recordVetting"]["vetted"] is True

    def first_suggested() -> dict[str, Any] | None:
        asked = graphql(
            platform.graphql_url, SUGGEST, platform.token(LEAGUE), {"childId": child_id}
        )
        found = once_found(asked)
        top = found["suggestVolunteers"][0] if found and found["suggestVolunteers"] else None
        if top and top["volunteer"]["id"] == volunteer_id and "学业辅导" in top["reasons"][0]:
            return top
        return None

    top = eventually(first_suggested, timeout=60)
    assert top["reasons"][1] == f"同村（{VILLAGE_NAME}）"

    paired = call(platform, LEAGUE, PAIR, {"v": volunteer_id, "c": child_id})["pairVolunteer"]
    assert paired["status"] == "ACTIVE" and "TUTORING" in paired["childNeeds"]

    def measure() -> dict[str, Any] | None:
        plan = call(platform, "admin.district", PLAN, {"id": child_id})["child"]["supportPlan"]
        found = [
            m
            for m in (plan or {}).get("measures", [])
            if m["department"] == "MASS_ORGANISATION" and m["kind"] == "一对一帮扶"
        ]
        return found[0] if found and found[0]["status"] == "IN_PROGRESS" else None

    assert paired["volunteerName"] in eventually(measure, timeout=60)["description"]

    # 99 hours over five past days, approved: no star yet, the first at 100.
    for back in range(1, 6):
        on = (day - timedelta(days=back)).isoformat()
        call(platform, LEAGUE, HOURS, {"id": volunteer_id, "hours": 19.8, "on": on})
    approved = _approve_all(platform, volunteer_id)
    assert (approved["totalHours"], approved["starLevel"], approved["nextStarHours"]) == (
        99,
        0,
        100,
    )

    # The volunteer's first sign-in changes the initial password on the login pages.
    new = "Volunteer-2026-" + secrets.token_hex(4)
    me = first_sign_in(
        platform.idp_url,
        account["username"],
        account["initialPassword"],
        new,
        redirect_uri=callback(platform),
    )
    mine = call_with(platform, me, MINE)["myVolunteer"]
    assert (mine["id"], mine["vetted"], mine["totalHours"], mine["starLevel"]) == (
        volunteer_id,
        True,
        99,
        0,
    )
    (pairing,) = mine["pairings"]
    assert set(pairing) == ITEM_11
    assert (pairing["childName"], pairing["villageName"], pairing["status"]) == (
        child_name,
        VILLAGE_NAME,
        "ACTIVE",
    )
    assert "TUTORING" in pairing["needs"] and pairing["childAge"] == age_on(BIRTH, day)
    # Nothing more of the child can be asked for: the type has no such field.
    more = graphql(platform.graphql_url, "query { myVolunteer { pairings { childId } } }", me)
    assert more.get("errors") and not more.get("data")

    # A visit of its pairing, and its hours for it: approved, the first star.
    visit = {"visitedOn": day.isoformat(), "minutes": 60, "mode": "HOME", "note": "辅导语文"}
    logged = call_with(platform, me, OWN_VISIT, {"id": pairing["id"], "input": visit})
    assert logged["recordOwnPairingVisit"]["visits"] == [
        {"minutes": 60, "note": "辅导语文", "byVolunteer": True}
    ]
    note = "结对帮扶走访"
    own_hours = {"id": volunteer_id, "hours": 1, "on": day.isoformat(), "note": note}
    call_with(platform, me, HOURS, own_hours)
    approved = _approve_all(platform, volunteer_id)
    assert (approved["totalHours"], approved["starLevel"], approved["nextStarHours"]) == (
        100,
        1,
        300,
    )
    assert call_with(platform, me, MINE)["myVolunteer"]["starLevel"] == 1

    # Refused: the child, the children, the volunteers, another volunteer.
    for document, variables in (
        ("query C($id: ID!) { child(id: $id) { id name } }", {"id": child_id}),
        ("query { children(first: 5) { edges { node { id } } } }", {}),
        ('query { volunteers(divisionCode: "110109", first: 5) { edges { node { id } } } }', {}),
        ("query V($id: ID!) { volunteer(id: $id) { id name } }", {"id": other}),
        ("query P($id: ID!) { pairings(volunteerId: $id) { id childId } }", {"id": volunteer_id}),
    ):
        answer = graphql(platform.graphql_url, document, me, variables)
        assert error_codes(answer) == ["FORBIDDEN"], (document, answer)
