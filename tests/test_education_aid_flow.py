"""Education aid end to end, on the embedded platform and on the real stack.

A hardship child registered and classified at the registry, enrolled in senior secondary
through the gateway → the national grant and the fee waiver decided with reasons, and shown on
the support plan as the education department's measures → a standard raised → decided again →
the semester ledger run twice → paid once → an intake with EDUCATION_AID → the education task
finished by the service. And benefits and education never pay the same item.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date, timedelta
from typing import Any

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

VILLAGE = "110109001001"
DEPARTMENT = "education.district"
ADMIN = "admin.district"
CLERK = "clerk.110109001"
SENIOR = {"stage": "SENIOR_SECONDARY", "grade": 1, "since": "2025-09-01"}
SCHOOLS = "query($town: String) { schools(townCode: $town) { code name stages } }"
CREATE_SCHOOL = "mutation($input: SchoolInput!) { createSchool(input: $input) { code name } }"
REGISTER = """
mutation Register($input: RegisterChildInput!) {
  registerChild(input: $input) { id version name birthDate }
}
"""
CLASSIFY = """
mutation Classify($id: ID!, $version: Int!, $input: ClassifyChildInput!) {
  classifyChild(id: $id, version: $version, input: $input) { id version primaryCategory }
}
"""
AID = """
query Aid($id: ID!) {
  child(id: $id) {
    education {
      enrolments { id stage boarding }
      aid { programme programmeName eligible reasons annualAmountFen decidedOn }
    }
    supportPlan { measures { department kind description status } }
  }
}
"""
RECORD = """
mutation Record($childId: ID!, $input: EnrolmentInput!) {
  recordEnrolment(childId: $childId, input: $input) { id stage boarding }
}
"""
STANDARDS = """
query { aidStandards { code name annualAmountFen placeholder standards { annualAmountFen } } }
"""
SET_STANDARD = """
mutation Set($input: AidStandardInput!) {
  setAidStandard(input: $input) { code annualAmountFen placeholder }
}
"""
RUN = """
mutation Run($semester: String!) {
  runAidSemester(semester: $semester) {
    id semester lineCount totalFen totals { townCode programme lineCount totalFen }
  }
}
"""
LINES = """
query Lines($semester: String!, $after: String) {
  aidSemester(semester: $semester) {
    id lineCount
    lines(first: 500, after: $after) {
      edges { node { childId programme amountFen stage } } pageInfo { hasNextPage endCursor }
    }
    export(format: CSV) { filename contentBase64 }
  }
}
"""
SUBMIT = """mutation Submit($input: SubmitIntakeInput!) { submitIntake(input: $input) {
  id tasks { id department need status outcome } } }"""
READ = "query Read($id: ID!) { intake(id: $id) { id status tasks { department status outcome } } }"


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    """Each test runs on both the embedded platform and the real stack."""
    return request.getfixturevalue(request.param)


def senior_school(platform) -> dict[str, Any]:
    """A senior secondary school of the child's town: the demo one embedded; on the real stack
    (no demo data) one the department adds."""
    found = call(platform, DEPARTMENT, SCHOOLS, {"town": VILLAGE[:9]})["schools"]
    for school in found:
        if "SENIOR_SECONDARY" in school["stages"]:
            return {"code": school["code"], "name": school["name"]}
    school_input = {
        "code": f"2111097{secrets.randbelow(1000):03d}",
        "name": "大峪高级中学（测试）",
        "stages": ["SENIOR_SECONDARY"],
        "townCode": VILLAGE[:9],
        "kind": "PUBLIC",
    }
    made: dict[str, Any] = call(platform, DEPARTMENT, CREATE_SCHOOL, {"input": school_input})
    return dict(made["createSchool"])


def enrol(platform, child_id: str) -> dict[str, Any]:
    school = senior_school(platform)
    body = graphql(
        platform.graphql_url,
        RECORD,
        platform.token(DEPARTMENT),
        {"childId": child_id, "input": {**SENIOR, "schoolCode": school["code"]}},
    )
    assert "errors" not in body, body
    assert body["data"]["recordEnrolment"]["boarding"] is False
    return school


def call(platform, username: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def current_semester() -> str:
    """The semester under way: autumn from 1 September, spring from 1 March (aid-rules.yaml)."""
    day = today()
    if day >= date(day.year, 9, 1):
        return f"{day.year}-AUTUMN"
    if day >= date(day.year, 3, 1):
        return f"{day.year}-SPRING"
    return f"{day.year - 1}-AUTUMN"


def hardship_pupil(platform) -> dict[str, Any]:
    """A child of senior-secondary age in a minimum-subsistence family (低保家庭)."""
    birth = date(2010, 1, 1) + timedelta(days=secrets.randbelow(300))
    child = call(
        platform,
        ADMIN,
        REGISTER,
        {
            "input": {
                "name": f"资助{uuid.uuid4().hex[:6]}",
                "gender": "FEMALE",
                "birthDate": birth.isoformat(),
                "idNumber": fresh_identity_number(birth, male=False),
                "residenceDivisionCode": VILLAGE,
            }
        },
    )["registerChild"]
    since = (today() - timedelta(days=2)).isoformat()
    classification = {"group": "POVERTY", "subtype": "MINIMUM_SUBSISTENCE_FAMILY", "since": since}
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


def aid_of(platform, child_id: str, user: str = DEPARTMENT) -> dict[str, Any]:
    return call(platform, user, AID, {"id": child_id})["child"]


def granted(platform, child_id: str, fen: int | None = None) -> dict[str, Any] | None:
    """The child's aid once the grant and the fee waiver are decided (at `fen` a year)."""
    read = aid_of(platform, child_id)
    aid = {a["programme"]: a for a in (read["education"] or {}).get("aid", [])}
    grant = aid.get("SENIOR_NATIONAL_GRANT")
    if not grant or not grant["eligible"] or not aid["SENIOR_FEE_WAIVER"]["eligible"]:
        return None
    if fen is not None and grant["annualAmountFen"] != fen:
        return None
    return aid


def test_a_hardship_pupil_is_granted_aid_by_stage_paid_once_a_semester(platform):
    child = hardship_pupil(platform)
    # Known to education (the registry's event), then enrolled in senior secondary.
    eventually(lambda: aid_of(platform, child["id"])["education"], timeout=60)
    school = enrol(platform, child["id"])

    # The grant and the fee waiver, with their reasons; nothing of another stage.
    aid = eventually(lambda: granted(platform, child["id"]), timeout=60)
    grant = aid["SENIOR_NATIONAL_GRANT"]
    assert grant["reasons"][0] == "符合条件：困境儿童"
    assert grant["reasons"][1] == f"在读普通高中（{school['name']}）"
    assert grant["reasons"][2].startswith("予以资助：每年")
    assert [p for p, a in aid.items() if a["eligible"]] == [
        "SENIOR_NATIONAL_GRANT",
        "SENIOR_FEE_WAIVER",
    ]
    assert aid["VOCATIONAL_NATIONAL_GRANT"]["reasons"] == [
        "不符合条件：须在读中等职业教育，该儿童在读普通高中"
    ]

    # On the support plan: the education department's measures, through the registry's consumer.
    def measures() -> list[dict[str, Any]] | None:
        found = [
            m
            for m in aid_of(platform, child["id"])["supportPlan"]["measures"]
            if m["department"] == "EDUCATION"
        ]
        return found if len(found) == 2 else None

    shown = eventually(measures, timeout=60)
    assert {(m["kind"], m["status"]) for m in shown} == {("教育资助", "IN_PROGRESS")}
    assert {m["description"].split("：")[0] for m in shown} == {
        "普通高中国家助学金",
        "普通高中免学费",
    }

    # A negative standard: refused, named, nothing changed.
    refused = graphql(
        platform.graphql_url,
        SET_STANDARD,
        platform.token(DEPARTMENT),
        {"input": {"programme": "SENIOR_NATIONAL_GRANT", "annualAmountFen": -100}},
    )
    assert error_codes(refused) == ["VALIDATION_FAILED"], refused
    assert "annualAmountFen" in str(refused["errors"][0]["extensions"]["fields"])
    # Only the education department sets standards.
    civil = graphql(
        platform.graphql_url,
        SET_STANDARD,
        platform.token(ADMIN),
        {"input": {"programme": "SENIOR_NATIONAL_GRANT", "annualAmountFen": 1}},
    )
    assert error_codes(civil) == ["FORBIDDEN"], civil

    # A standard raised: the child decided again, at once.
    before = {p["code"]: p for p in call(platform, DEPARTMENT, STANDARDS, {})["aidStandards"]}
    raised = before["SENIOR_NATIONAL_GRANT"]["annualAmountFen"] + 50000
    set_ = call(
        platform,
        DEPARTMENT,
        SET_STANDARD,
        {"input": {"programme": "SENIOR_NATIONAL_GRANT", "annualAmountFen": raised}},
    )["setAidStandard"]
    assert (set_["annualAmountFen"], set_["placeholder"]) == (raised, False)
    again = granted(platform, child["id"], raised)
    assert again is not None, aid_of(platform, child["id"])
    yuan = f"{raised // 100:,}.{raised % 100:02d}"
    assert again["SENIOR_NATIONAL_GRANT"]["reasons"][2].startswith(f"予以资助：每年{yuan}元")

    # The semester's ledger run twice: paid once.
    semester = current_semester()
    first = call(platform, DEPARTMENT, RUN, {"semester": semester})["runAidSemester"]
    second = call(platform, DEPARTMENT, RUN, {"semester": semester})["runAidSemester"]
    assert second["id"] == first["id"] and second["lineCount"] == first["lineCount"]
    assert second["totalFen"] == first["totalFen"]
    read = call(platform, DEPARTMENT, LINES, {"semester": semester})["aidSemester"]
    mine = [e["node"] for e in read["lines"]["edges"] if e["node"]["childId"] == child["id"]]
    if read["lines"]["pageInfo"]["hasNextPage"]:  # a shared platform: more children paid
        after = read["lines"]["pageInfo"]["endCursor"]
        while after:
            page = call(platform, DEPARTMENT, LINES, {"semester": semester, "after": after})
            lines = page["aidSemester"]["lines"]
            mine += [e["node"] for e in lines["edges"] if e["node"]["childId"] == child["id"]]
            after = lines["pageInfo"]["endCursor"] if lines["pageInfo"]["hasNextPage"] else None
    # Whatever else the shared platform paid, this child's two programmes are there once each.
    assert sorted(line["programme"] for line in mine) == [
        "SENIOR_FEE_WAIVER",
        "SENIOR_NATIONAL_GRANT",
    ]
    assert read["export"]["filename"] == f"aid-{semester}.csv"


def test_the_education_aid_task_of_an_intake_is_finished_by_the_service(platform):
    child = hardship_pupil(platform)
    eventually(lambda: aid_of(platform, child["id"])["education"], timeout=60)
    enrol(platform, child["id"])
    eventually(lambda: granted(platform, child["id"]), timeout=60)
    intake = call(
        platform,
        CLERK,
        SUBMIT,
        {
            "input": {
                "childId": child["id"],
                "applicantName": "李大山",
                "applicantRelation": "PARENT",
                "applicantPhone": f"139{secrets.randbelow(10**8):08d}",
                "needs": ["EDUCATION_AID"],
                "materials": ["户口簿"],
            }
        },
    )["submitIntake"]
    assert [(t["department"], t["status"]) for t in intake["tasks"]] == [("EDUCATION", "PENDING")]

    def finished() -> dict[str, Any] | None:
        found: dict[str, Any] = call(platform, CLERK, READ, {"id": intake["id"]})["intake"]
        return found if found["status"] == "COMPLETED" else None

    done = eventually(finished, timeout=60)
    (task,) = done["tasks"]
    assert task["status"] == "DONE"
    assert "普通高中国家助学金：核准" in task["outcome"]
    assert "普通高中免学费：核准" in task["outcome"]


def test_benefits_and_education_never_pay_the_same_item():
    """Two rules files, two sets of programmes: benefits pays living allowances, care subsidies
    and insurance premiums by the month; education pays fees, grants and the boarding subsidy by
    the semester. No code in both, and no programme of benefits is a school item."""
    from shouhu.benefits.rules.schema import load as benefit_rules
    from shouhu.education.aid.rules import load as aid_rules

    benefits = {p.code.value: p.name for p in benefit_rules().programmes}
    education = {p.code.value: p.name for p in aid_rules().programmes}
    assert not set(benefits) & set(education)
    for name in benefits.values():
        assert not any(word in name for word in ("学费", "助学", "寄宿", "学前", "教育")), name
