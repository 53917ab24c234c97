"""Non-Beijing children (非京籍) end to end on the embedded platform.

A child of ten whose hukou is in Hebei registered at the registry → education takes the hukou
from the registration event → `Child.education.nonBeijing` lists the five documents missing →
the department records three, then all (an unknown code refused) → complete. The statistics of
its village count it apart from a Beijing child registered beside it: of compulsory age, at
risk while out of school, enrolled once enrolled; the auditor reads the figures, a school's
staff do not.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date, timedelta

from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

# A village no other flow registers in, so that the counts below are this test's alone.
VILLAGE = "110109001008"
TOWN = VILLAGE[:9]
HEBEI = "130102"
DEPARTMENT = "education.district"
AUDITOR = "auditor.district"
TEACHER = "teacher.110109001"
SCHOOL = "2111090002"  # 大峪中心小学（演示） of the demo data
FIVE = [
    "RESIDENCE_PERMIT",
    "RESIDENCE_PROOF",
    "EMPLOYMENT_PROOF",
    "HOUSEHOLD_REGISTER",
    "NO_GUARDIAN_PROOF",
]
REGISTER = """
mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id name } }
"""
NON_BEIJING = """
query NonBeijing($id: ID!) {
  child(id: $id) { education {
    nonBeijing {
      hukouDivisionCode stage complete checkedOn checkedBy
      documents { code name required provided }
    }
  } }
}
"""
DOCUMENTS = """
mutation Documents($childId: ID!, $input: EnrolmentDocumentsInput!) {
  recordEnrolmentDocuments(childId: $childId, input: $input) {
    complete checkedBy documents { code provided }
  }
}
"""
FIGURES = (
    "children compulsoryAge compulsoryAgeEnrolled enrolled openDropoutRisks homeTeaching"
    " byStage { stage enrolled }"
)
STATISTICS = f"""
query Statistics($division: String!) {{
  educationStatistics(divisionCode: $division) {{
    divisionCode asOf ruleVersion
    allChildren {{ {FIGURES} }}
    nonBeijing {{ {FIGURES} }}
    byTown {{ townCode townName allChildren {{ children }} nonBeijing {{ children }} }}
  }}
}}
"""
RECORD = """
mutation Record($childId: ID!, $input: EnrolmentInput!) {
  recordEnrolment(childId: $childId, input: $input) { id }
}
"""


def _call(platform, user: str, document: str, variables: dict) -> dict:
    body = graphql(platform.graphql_url, document, platform.token(user), variables)
    assert "errors" not in body, body
    data: dict = body["data"]
    return data


def _register(platform, hukou: str | None) -> str:
    birth = date(2016, 1, 1) + timedelta(days=secrets.randbelow(300))
    child_input = {
        "name": f"随迁{uuid.uuid4().hex[:6]}",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=True),
        "residenceDivisionCode": VILLAGE,
        "hukouDivisionCode": hukou,
    }
    child_id: str = _call(platform, "admin.district", REGISTER, {"input": child_input})[
        "registerChild"
    ]["id"]
    return child_id


def _non_beijing(platform, child_id: str) -> dict | None:
    education = _call(platform, DEPARTMENT, NON_BEIJING, {"id": child_id})["child"]["education"]
    return education["nonBeijing"] if education else None


def _statistics(platform, division: str = VILLAGE, user: str = DEPARTMENT) -> dict:
    figures: dict = _call(platform, user, STATISTICS, {"division": division})["educationStatistics"]
    return figures


def _counts(figures: dict) -> tuple[int, int, int, int]:
    return (
        figures["children"],
        figures["compulsoryAge"],
        figures["enrolled"],
        figures["openDropoutRisks"],
    )


def _plus(before: tuple[int, ...], *delta: int) -> tuple[int, ...]:
    return tuple(b + d for b, d in zip(before, delta, strict=True))


def test_a_non_beijing_child_documented_and_counted_apart(embedded):
    platform = embedded
    before = _statistics(platform)
    outside = _register(platform, HEBEI)
    beijing = _register(platform, "110109")

    # Education takes the hukou from the registration: the five documents, all missing.
    part = eventually(lambda: _non_beijing(platform, outside), timeout=10)
    assert (part["hukouDivisionCode"], part["stage"], part["complete"]) == (
        HEBEI,
        "PRIMARY",
        False,
    )
    assert [(d["code"], d["provided"]) for d in part["documents"]] == [(c, False) for c in FIVE]
    eventually(
        lambda: _call(platform, DEPARTMENT, NON_BEIJING, {"id": beijing})["child"]["education"]
    )
    assert _non_beijing(platform, beijing) is None

    # Recorded in two checks; an unknown code refused, naming the field.
    refused = graphql(
        platform.graphql_url,
        DOCUMENTS,
        platform.token(DEPARTMENT),
        {"childId": outside, "input": {"documents": ["RESIDENCE_PERMIT", "PASSPORT"]}},
    )
    assert error_codes(refused) == ["VALIDATION_FAILED"], refused
    assert "documents" in refused["errors"][0]["extensions"]["fields"]
    some = _call(
        platform, DEPARTMENT, DOCUMENTS, {"childId": outside, "input": {"documents": FIVE[:3]}}
    )["recordEnrolmentDocuments"]
    assert some["complete"] is False and some["checkedBy"] == DEPARTMENT
    _call(platform, DEPARTMENT, DOCUMENTS, {"childId": outside, "input": {"documents": FIVE}})
    part = _non_beijing(platform, outside)
    assert part is not None and part["complete"] is True and part["checkedOn"]
    assert all(d["provided"] for d in part["documents"])

    # Counted apart: both of compulsory age and at risk while out of school.
    after = _statistics(platform)
    assert _counts(after["allChildren"]) == _plus(_counts(before["allChildren"]), 2, 2, 0, 2)
    assert _counts(after["nonBeijing"]) == _plus(_counts(before["nonBeijing"]), 1, 1, 0, 1)

    # Enrolled: counted enrolled at its stage, no longer at risk.
    enrolment = {"schoolCode": SCHOOL, "stage": "PRIMARY", "grade": 4, "since": "2025-09-01"}
    _call(platform, DEPARTMENT, RECORD, {"childId": outside, "input": enrolment})
    enrolled = _statistics(platform)
    assert _counts(enrolled["nonBeijing"]) == _plus(_counts(before["nonBeijing"]), 1, 1, 1, 0)
    primary = {s["stage"]: s["enrolled"] for s in enrolled["nonBeijing"]["byStage"]}["PRIMARY"]
    assert (
        primary
        == {s["stage"]: s["enrolled"] for s in before["nonBeijing"]["byStage"]}["PRIMARY"] + 1
    )
    assert enrolled["nonBeijing"]["compulsoryAgeEnrolled"] == (
        before["nonBeijing"]["compulsoryAgeEnrolled"] + 1
    )

    # The district's figures by town; the auditor reads them, a school's staff may not.
    district = _statistics(platform, "110109", AUDITOR)
    town = next(t for t in district["byTown"] if t["townCode"] == TOWN)
    assert town["townName"] == "大峪街道" and town["nonBeijing"]["children"] >= 1
    assert district["nonBeijing"]["children"] >= 1
    denied = graphql(platform.graphql_url, STATISTICS, platform.token(TEACHER), {"division": TOWN})
    assert error_codes(denied) == ["FORBIDDEN"], denied
