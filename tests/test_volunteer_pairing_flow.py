"""One-to-one pairing (一对一帮扶) end to end, through the gateway.

A child registered and an application taken at the window with VOLUNTEER_PAIRING and
EDUCATION_AID → the Youth League's board shows the pairing task with suggestions → a volunteer
registered in the child's village, tutoring → pairing refused unvetted (VALIDATION_FAILED, the
field named) → vetted → suggested first, with its reasons, for the tutoring need in the same
village → paired → the task done, and the child's support plan shows the pairing as the mass
organisations' measure; a visit logged; the pairing ended with its reason.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import (
    error_codes,
    eventually,
    fresh_identity_number,
    graphql,
    once_found,
)

VILLAGE = "110109001002"  # 月季园东里社区: a village of its own, away from other flows' volunteers
LEAGUE = "youthleague.district"
CLERK = "clerk.110109001"
REGISTER_VOLUNTEER = """
mutation Register($input: VolunteerInput!) { registerVolunteer(input: $input) { id vetted } }
"""
VET = """
mutation Vet($id: ID!, $input: VettingInput!) { recordVetting(volunteerId: $id, input: $input) {
  vetted } }
"""
SUBMIT = """mutation Submit($input: SubmitIntakeInput!) { submitIntake(input: $input) {
  id child { id } tasks { id need department status } } }"""
BOARD = """query Board($filter: TaskFilter) { departmentTasks(filter: $filter, first: 100) {
  edges { node { id childId need status
    volunteerSuggestions(first: 3) { score reasons volunteer { id } } } } } }"""
SUGGEST = """query Suggest($childId: ID!) { suggestVolunteers(childId: $childId, first: 5) {
  score reasons volunteer { id name vetted } } }"""
PAIR = """mutation Pair($v: ID!, $c: ID!) { pairVolunteer(volunteerId: $v, childId: $c) {
  id status childName childAge childNeeds volunteerName } }"""
VISIT = """mutation Visit($id: ID!, $input: PairingVisitInput!) {
  recordPairingVisit(pairingId: $id, input: $input) { id visits { minutes mode } } }"""
END = """mutation End($id: ID!, $reason: String!) { endPairing(id: $id, reason: $reason) {
  id status endReason } }"""
PLAN = """query Plan($id: ID!) { child(id: $id) {
  supportPlan { measures { department kind description status } } } }"""
TASK = "query Intake($id: ID!) { intake(id: $id) { tasks { need status outcome } } }"


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    return request.getfixturevalue(request.param)


def call(platform, username: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def _volunteer(platform) -> str:
    birth = date(1985, 1, 1) + timedelta(days=secrets.randbelow(5000))
    number = fresh_identity_number(birth, male=False)
    body = {
        "name": f"结对{secrets.token_hex(2)}",
        "idNumber": number,
        "phone": "13912345678",
        "skills": ["TUTORING", "COMPANIONSHIP"],
        "divisionCode": VILLAGE,
    }
    made = call(platform, LEAGUE, REGISTER_VOLUNTEER, {"input": body})["registerVolunteer"]
    assert made["vetted"] is False
    return str(made["id"])


def test_a_vetted_neighbour_tutor_is_suggested_first_and_paired(platform, pairing_application):
    application = pairing_application(VILLAGE, ["VOLUNTEER_PAIRING", "EDUCATION_AID"])
    intake = call(platform, CLERK, SUBMIT, {"input": application})["submitIntake"]
    child_id = intake["child"]["id"]
    pairing_task = next(t for t in intake["tasks"] if t["need"] == "VOLUNTEER_PAIRING")
    assert pairing_task["department"] == "YOUTH_LEAGUE"
    volunteer_id = _volunteer(platform)

    # Unvetted: refused, the field named, in Chinese.
    refused = graphql(
        platform.graphql_url,
        PAIR,
        platform.token(LEAGUE),
        {"v": volunteer_id, "c": child_id},
    )
    assert error_codes(refused) == ["VALIDATION_FAILED"]
    fields = refused["errors"][0]["extensions"]["fields"]
    assert "审核" in fields["volunteerId"]

    day = today().isoformat()
    for kind in ("MINOR_PROTECTION_RECORD_CHECK", "TRAINING"):
        check = {"kind": kind, "passed": True, "checkedOn": day}
        vetted = call(platform, LEAGUE, VET, {"id": volunteer_id, "input": check})
    assert vetted["recordVetting"]["vetted"] is True

    # The child's needs arrive by the registry's events: tutoring (EDUCATION_AID) among them.
    def first_suggested() -> dict[str, Any] | None:
        asked = graphql(
            platform.graphql_url, SUGGEST, platform.token(LEAGUE), {"childId": child_id}
        )
        found = once_found(asked)
        top = found["suggestVolunteers"][0] if found and found["suggestVolunteers"] else None
        if top and top["volunteer"]["id"] == volunteer_id and "学业辅导" in top["reasons"][0]:
            return top
        return None

    top = eventually(first_suggested, timeout=30)
    assert top["reasons"][1].startswith("同村")
    assert top["reasons"][2] == "当前结对0名儿童（上限3名）"

    # The Youth League's board: the pairing task, with the same suggestions.
    board = call(platform, LEAGUE, BOARD, {"filter": {"department": "YOUTH_LEAGUE"}})
    (task,) = [
        e["node"]
        for e in board["departmentTasks"]["edges"]
        if e["node"]["id"] == pairing_task["id"]
    ]
    assert task["volunteerSuggestions"][0]["volunteer"]["id"] == volunteer_id

    paired = call(platform, LEAGUE, PAIR, {"v": volunteer_id, "c": child_id})["pairVolunteer"]
    assert paired["status"] == "ACTIVE" and "TUTORING" in paired["childNeeds"]

    # The task is done by the service, and the plan shows the pairing.
    def task_done() -> dict[str, Any] | None:
        tasks = call(platform, CLERK, TASK, {"id": intake["id"]})["intake"]["tasks"]
        done = next(t for t in tasks if t["need"] == "VOLUNTEER_PAIRING")
        return done if done["status"] == "DONE" else None

    assert "已结对" in eventually(task_done, timeout=30)["outcome"]

    def measure(status: str) -> dict[str, Any] | None:
        plan = call(platform, "admin.district", PLAN, {"id": child_id})["child"]["supportPlan"]
        found = [
            m
            for m in (plan or {}).get("measures", [])
            if m["department"] == "MASS_ORGANISATION" and m["kind"] == "一对一帮扶"
        ]
        return found[0] if found and found[0]["status"] == status else None

    shown = eventually(lambda: measure("IN_PROGRESS"), timeout=30)
    assert paired["volunteerName"] in shown["description"]

    visit = {"visitedOn": day, "minutes": 120, "mode": "HOME", "note": "辅导数学作业"}
    visited = call(platform, LEAGUE, VISIT, {"id": paired["id"], "input": visit})
    assert visited["recordPairingVisit"]["visits"] == [{"minutes": 120, "mode": "HOME"}]
    ended = call(platform, LEAGUE, END, {"id": paired["id"], "reason": "儿童学业已跟上"})
    assert ended["endPairing"]["status"] == "ENDED"
    assert "学业已跟上" in eventually(lambda: measure("DONE"), timeout=30)["description"]
