"""Home teaching (送教上门) end to end through the gateway (on the embedded platform; the real
stack too, PostgreSQL, Kafka, Keycloak, each service its own process).

A child of ten registered and classified disabled at the registry → education's projection knows
the disability → the district places the child at home teaching after the assessment → plans it
(the district's defaults: 4 sessions a month) → one session logged → the month ends (the clock
moved to the next) → the monthly check flags the month short → the town's social worker is told,
and the child's education shows the month missed.
"""

from __future__ import annotations

import calendar
import secrets
import uuid
from datetime import date, timedelta
from typing import Any

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

VILLAGE = "110109001001"
TOWN = VILLAGE[:9]
ADMIN = "admin.district"
DEPARTMENT = "education.district"
WORKER = "worker.110109001"
OTHER_WORKER = "worker.110109101"
SCHOOL = "2111090002"  # 大峪中心小学（演示） of the demo data; made where there is none
REGISTER = """
mutation Register($input: RegisterChildInput!) {
  registerChild(input: $input) { id version name }
}
"""
CLASSIFY = """
mutation Classify($id: ID!, $version: Int!, $input: ClassifyChildInput!) {
  classifyChild(id: $id, version: $version, input: $input) { id version }
}
"""
SCHOOLS = "query($town: String) { schools(townCode: $town) { code } }"
CREATE_SCHOOL = "mutation($input: SchoolInput!) { createSchool(input: $input) { code } }"
PLACE = """
mutation Place($childId: ID!, $input: PlacementInput!) {
  decidePlacement(childId: $childId, input: $input) {
    id kind since school { code name } assessment { on by summary }
  }
}
"""
PLAN = """
mutation Plan($childId: ID!, $input: HomeTeachingPlanInput!) {
  planHomeTeaching(childId: $childId, input: $input) {
    id teacher schoolName sessionsPerMonth minHours heldThisMonth
  }
}
"""
LOG = """
mutation Log($childId: ID!, $input: HomeTeachingSessionInput!) {
  recordHomeTeachingSession(childId: $childId, input: $input) { id on hours counted }
}
"""
EDUCATION = """
query Education($id: ID!) {
  child(id: $id) { education {
    placement { kind since school { code } assessment { on by summary } }
    homeTeaching {
      teacher schoolName sessionsPerMonth minHours heldThisMonth
      sessions(last: 5) { on hours content }
      missedMonths { month expected held }
    }
  } }
}
"""
LIST = """
query List($division: String!) {
  homeTeaching(divisionCode: $division) { childId teacher heldThisMonth child { id name } }
}
"""
NOTIFICATIONS = """query { notifications(first: 100) { edges { node {
  kind childId body subjectRef
} } } }"""


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    return request.getfixturevalue(request.param)


def call(platform, username: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def _school(platform) -> None:
    """The school that places and sends the teacher (the real stack has no demo data)."""
    found = call(platform, DEPARTMENT, SCHOOLS, {"town": TOWN})
    if SCHOOL in {s["code"] for s in found["schools"]}:
        return
    school = {
        "code": SCHOOL,
        "name": "大峪中心小学（测试）",
        "stages": ["PRIMARY"],
        "townCode": TOWN,
        "kind": "PUBLIC",
    }
    call(platform, DEPARTMENT, CREATE_SCHOOL, {"input": school})


def _disabled_child(platform) -> dict[str, Any]:
    """A child of ten in 东辛房社区, classified disabled (残疾儿童)."""
    birth = date(2016, 1, 1) + timedelta(days=secrets.randbelow(300))
    child: dict[str, Any] = call(
        platform,
        ADMIN,
        REGISTER,
        {
            "input": {
                "name": f"送教{uuid.uuid4().hex[:6]}",
                "gender": "MALE",
                "birthDate": birth.isoformat(),
                "idNumber": fresh_identity_number(birth, male=True),
                "residenceDivisionCode": VILLAGE,
            }
        },
    )["registerChild"]
    since = (today() - timedelta(days=2)).isoformat()
    classification = {"group": "ILLNESS_DISABILITY", "subtype": "DISABLED", "since": since}
    call(
        platform,
        ADMIN,
        CLASSIFY,
        {
            "id": child["id"],
            "version": child["version"],
            "input": {"classifications": [classification]},
        },
    )
    return child


def _education(platform, user: str, child_id: str) -> dict[str, Any] | None:
    education: dict[str, Any] | None = call(platform, user, EDUCATION, {"id": child_id})["child"][
        "education"
    ]
    return education


def _notices(platform, user: str, child_id: str, kind: str) -> list[dict[str, Any]]:
    edges = call(platform, user, NOTIFICATIONS, {})["notifications"]["edges"]
    return [
        e["node"] for e in edges if e["node"]["childId"] == child_id and e["node"]["kind"] == kind
    ]


def _place(platform, child_id: str, since: date) -> dict[str, Any]:
    """Placed at home teaching once education knows the disability (the event may lag)."""
    variables = {
        "childId": child_id,
        "input": {
            "kind": "HOME_TEACHING",
            "schoolCode": SCHOOL,
            "assessment": {
                "on": since.isoformat(),
                "by": "区残疾儿童入学评估委员会",
                "summary": "重度肢体残疾，暂不能到校，建议送教上门",
            },
            "since": since.isoformat(),
        },
    }

    def placed() -> dict[str, Any] | None:
        body = graphql(platform.graphql_url, PLACE, platform.token(DEPARTMENT), variables)
        if error_codes(body) == ["VALIDATION_FAILED"]:
            return None  # the classification not applied yet
        assert "errors" not in body, body
        found: dict[str, Any] = body["data"]["decidePlacement"]
        return found

    placement: dict[str, Any] = eventually(placed, timeout=10)
    return placement


def test_a_disabled_child_taught_at_home_a_month_short_is_flagged_and_the_town_told(platform):
    _school(platform)
    child = _disabled_child(platform)
    month = today().replace(day=1)

    # Not disabled in education's eyes until the classification arrives; then placed.
    placement = _place(platform, child["id"], month)
    assert (placement["kind"], placement["school"]["code"]) == ("HOME_TEACHING", SCHOOL)

    plan = call(
        platform,
        DEPARTMENT,
        PLAN,
        {"childId": child["id"], "input": {"teacherName": "李老师", "since": month.isoformat()}},
    )["planHomeTeaching"]
    assert (plan["teacher"], plan["sessionsPerMonth"], plan["minHours"]) == ("李老师", 4, 2.0)

    # A session in the future is refused naming the day; one held today is counted.
    future = {"on": (today() + timedelta(days=1)).isoformat(), "hours": 2, "content": "识字"}
    refused = graphql(
        platform.graphql_url,
        LOG,
        platform.token(DEPARTMENT),
        {"childId": child["id"], "input": future},
    )
    assert error_codes(refused) == ["VALIDATION_FAILED"], refused
    assert set(refused["errors"][0]["extensions"]["fields"]) == {"on"}
    held = {"on": today().isoformat(), "hours": 2, "content": "识字与生活自理训练"}
    logged = call(platform, DEPARTMENT, LOG, {"childId": child["id"], "input": held})
    assert logged["recordHomeTeachingSession"]["counted"] is True

    education = _education(platform, WORKER, child["id"])
    assert education is not None
    assert education["placement"]["assessment"]["by"] == "区残疾儿童入学评估委员会"
    teaching = education["homeTeaching"]
    assert (teaching["heldThisMonth"], teaching["missedMonths"]) == (1, [])
    assert [s["content"] for s in teaching["sessions"]] == ["识字与生活自理训练"]

    # On the town's list (and the district's), not another town's worker's to read.
    listed = {
        r["childId"]: r for r in call(platform, WORKER, LIST, {"division": TOWN})["homeTeaching"]
    }
    assert listed[child["id"]]["child"]["name"] == child["name"]
    assert listed[child["id"]]["heldThisMonth"] == 1
    assert child["id"] in {
        r["childId"]
        for r in call(platform, DEPARTMENT, LIST, {"division": "110109"})["homeTeaching"]
    }
    other = graphql(platform.graphql_url, LIST, platform.token(OTHER_WORKER), {"division": TOWN})
    assert error_codes(other) == ["FORBIDDEN"], other

    # The month ends with one session of four: flagged, and the town's worker told.
    days_left = calendar.monthrange(month.year, month.month)[1] - today().day + 1
    platform.move_clock(timedelta(days=days_left).total_seconds())
    try:
        (told,) = eventually(
            lambda: _notices(platform, WORKER, child["id"], "HOME_TEACHING_MISSED"), timeout=90
        )
        assert child["name"] in told["body"] and "1次" in told["body"] and "4次" in told["body"]
        eventually(lambda: _notices(platform, DEPARTMENT, child["id"], "HOME_TEACHING_MISSED"))
        education = _education(platform, DEPARTMENT, child["id"])
        assert education is not None
        assert education["homeTeaching"]["missedMonths"] == [
            {"month": f"{month:%Y-%m}", "expected": 4, "held": 1}
        ]
        assert _notices(platform, OTHER_WORKER, child["id"], "HOME_TEACHING_MISSED") == []
    finally:
        platform.move_clock(0)
