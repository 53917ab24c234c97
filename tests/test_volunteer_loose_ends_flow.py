"""Volunteers' loose ends end to end, through the gateway, on an embedded platform of their own
(its clock moved, the vetting job every second):

- an intake's VOLUNTEER_PAIRING task raises an open need, which the pairing closes;
- a record check running out suspends the pairing (the plan shows it PLANNED), a renewed check
  resumes it (IN_PROGRESS again) and tells the town's social worker;
- a disabled volunteer is enabled again by the Youth League, not by another federation.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

VILLAGE = "110109001002"
LEAGUE = "youthleague.district"
CLERK = "clerk.110109001"
WORKER = "worker.110109001"
CHECK = "MINOR_PROTECTION_RECORD_CHECK"
REGISTER = """mutation R($input: VolunteerInput!) { registerVolunteer(input: $input) {
  id account { status } } }"""
NEEDS = """query N($d: String!) { needs(divisionCode: $d) {
  id childId source status kind description closeNote } }"""
NOTIFICATIONS = "query { notifications(first: 50) { edges { node { kind body } } } }"
DISABLE = """mutation D($id: ID!) { disableVolunteer(id: $id, reason: "暂停服务") {
  account { status } } }"""
VET = """mutation V($id: ID!, $input: VettingInput!) {
  recordVetting(volunteerId: $id, input: $input) { vetted } }"""
SUBMIT = """mutation S($input: SubmitIntakeInput!) { submitIntake(input: $input) {
  id child { id } } }"""
PAIR = """mutation P($v: ID!, $c: ID!) { pairVolunteer(volunteerId: $v, childId: $c) {
  id status } }"""
PLAN = """query Plan($id: ID!) { child(id: $id) {
  supportPlan { measures { department kind status } } } }"""
ENABLE = "mutation E($id: ID!) { enableVolunteer(id: $id) { account { status disabledReason } } }"


@pytest.fixture
def platform(fast_vetting_embedded):
    return fast_vetting_embedded


def call(platform, username: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def volunteer(platform, checked_on: date | None) -> str:
    born = date(1980, 1, 1) + timedelta(days=secrets.randbelow(5000))
    body = {
        "name": f"善{secrets.token_hex(2)}",
        "idNumber": fresh_identity_number(born, male=True),
        "phone": "13912345678",
        "skills": ["TUTORING"],
        "divisionCode": VILLAGE,
    }
    vid = str(call(platform, LEAGUE, REGISTER, {"input": body})["registerVolunteer"]["id"])
    if checked_on is not None:
        vet(platform, vid, checked_on)
    return vid


def vet(platform, vid: str, checked_on: date) -> None:
    for kind in (CHECK, "TRAINING"):
        check = {"kind": kind, "passed": True, "checkedOn": checked_on.isoformat()}
        call(platform, LEAGUE, VET, {"id": vid, "input": check})


def measure_status(platform, child_id: str) -> str | None:
    plan = call(platform, "admin.district", PLAN, {"id": child_id})["child"]["supportPlan"]
    found = [m for m in (plan or {}).get("measures", []) if m["kind"] == "一对一帮扶"]
    return str(found[0]["status"]) if found else None


def test_a_pairing_task_is_an_open_need_until_the_pairing(platform, pairing_application):
    application = pairing_application(VILLAGE, ["VOLUNTEER_PAIRING"])
    intake = call(platform, CLERK, SUBMIT, {"input": application})["submitIntake"]
    child_id = intake["child"]["id"]

    def need(status: str) -> dict[str, Any] | None:
        found = call(platform, "admin.district", NEEDS, {"d": VILLAGE})["needs"]
        mine = [n for n in found if n["childId"] == child_id and n["source"] == "INTAKE"]
        return mine[0] if mine and mine[0]["status"] == status else None

    opened = eventually(lambda: need("OPEN"), timeout=30)
    assert "一对一帮扶" in opened["description"]
    vid = volunteer(platform, today())
    call(platform, LEAGUE, PAIR, {"v": vid, "c": child_id})
    assert eventually(lambda: need("CLOSED"), timeout=30)["closeNote"].startswith("已结对")


def test_an_expired_check_suspends_and_a_renewed_one_resumes(platform, pairing_application):
    application = pairing_application(VILLAGE, ["VOLUNTEER_PAIRING"])
    intake = call(platform, CLERK, SUBMIT, {"input": application})["submitIntake"]
    child_id = intake["child"]["id"]
    # Checked a year ago tomorrow: its last valid day is today.
    last_year = today().replace(year=today().year - 1) + timedelta(days=1)
    vid = volunteer(platform, last_year)
    paired = call(platform, LEAGUE, PAIR, {"v": vid, "c": child_id})["pairVolunteer"]
    assert paired["status"] == "ACTIVE"
    assert eventually(lambda: measure_status(platform, child_id) == "IN_PROGRESS", timeout=30)
    platform.move_clock(timedelta(days=1).total_seconds())
    try:
        assert eventually(lambda: measure_status(platform, child_id) == "PLANNED", timeout=60)
        vet(platform, vid, today() + timedelta(days=1))  # the renewed check, on the moved day
        assert eventually(lambda: measure_status(platform, child_id) == "IN_PROGRESS", timeout=30)

        def told() -> list[dict[str, Any]]:
            edges = call(platform, WORKER, NOTIFICATIONS, {})["notifications"]["edges"]
            return [e["node"] for e in edges if e["node"]["kind"] == "PAIRING_RESUMED"]

        assert "恢复" in eventually(told, timeout=30)[0]["body"]
    finally:
        platform.move_clock(0)


def test_a_disabled_volunteer_is_enabled_again(platform):
    vid = volunteer(platform, None)
    disabled = call(platform, LEAGUE, DISABLE, {"id": vid})["disableVolunteer"]
    assert disabled["account"]["status"] == "DISABLED"
    refused = graphql(
        platform.graphql_url, ENABLE, platform.token("womensfed.district"), {"id": vid}
    )
    assert error_codes(refused) == ["FORBIDDEN"]
    enabled = call(platform, LEAGUE, ENABLE, {"id": vid})["enableVolunteer"]
    assert enabled["account"]["status"] in ("ACTIVE", "PENDING")
    assert enabled["account"]["disabledReason"] is None
