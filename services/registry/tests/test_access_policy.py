"""The field policy, cell by cell: every role reads one full file and sees its view only."""

from datetime import timedelta
from typing import Any

import pytest

from shouhu.platform.auth import Role
from shouhu.platform.clock import today
from shouhu.registry.policy import FILE_VIEW, Part

ALL_PARTS = ["classifications", "guardians", "history", "visits", "plan"]


@pytest.fixture
def full_file(registry, as_user, register):
    """A file with every part filled: guardians, HIV with a note, a visit, two departments' plan."""
    child = register(name="周全", seq=21, school="大峪中学", notes="家访时祖母在家")
    headers = as_user("admin.district")
    since = (today() - timedelta(days=10)).isoformat()
    classified = registry.post(
        f"/children/{child['id']}/classifications",
        params={"version": child["version"]},
        json={
            "classifications": [
                {
                    "group": "ILLNESS_DISABILITY",
                    "subtype": "HIV_AFFECTED",
                    "since": since,
                    "note": "母婴传播",
                },
                {"group": "POVERTY", "subtype": "MINIMUM_SUBSISTENCE_FAMILY", "since": since},
            ]
        },
        headers=headers,
    )
    assert classified.status_code == 200, classified.text
    guardians = registry.put(
        f"/children/{child['id']}/guardians",
        params={"version": classified.json()["version"]},
        json={
            "guardians": [
                {"name": "周母", "relation": "MOTHER", "isGuardian": True, "phone": "13800000000"}
            ]
        },
        headers=headers,
    )
    assert guardians.status_code == 200, guardians.text
    visit = registry.post(
        f"/children/{child['id']}/visits",
        json={"visitedOn": since, "seen": "儿童本人", "findings": "良好", "riskLevel": "LOW"},
        headers=as_user("supervisor.110109001001"),
    )
    assert visit.status_code == 201, visit.text
    for department, by in [("POLICE", "police.district"), ("EDUCATION", "education.district")]:
        measure = registry.post(
            f"/children/{child['id']}/plan/measures",
            json={"department": department, "kind": "关爱", "description": "定期联系"},
            headers=as_user(by),
        )
        assert measure.status_code == 201, measure.text
    return child


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_each_role_sees_its_view_of_a_file_and_nothing_more(registry, as_role, full_file, role):
    response = registry.get(
        f"/children/{full_file['id']}", params={"include": ALL_PARTS}, headers=as_role(role)
    )
    if role not in FILE_VIEW:
        assert response.status_code == 403, response.text
        return
    assert response.status_code == 200, response.text
    body = response.json()
    view = FILE_VIEW[role]
    assert (
        body["name"] == "周全"
        and body["residenceDivisionCode"] == full_file["residenceDivisionCode"]
    )
    assert (body["birthDate"] is not None) is (Part.IDENTITY in view)
    assert (body["gender"] is not None) is (Part.IDENTITY in view)
    number = full_file["idNumber"]
    if Part.ID_NUMBER in view:
        assert body["idNumber"] == number
    elif Part.ID_NUMBER_MASKED in view:
        assert body["idNumber"] == number[:6] + "*" * 12
    else:
        assert body["idNumber"] is None
    assert (body["school"] == "大峪中学") is (Part.SCHOOL in view)
    assert (body["notes"] is not None) is (Part.NOTES in view)
    for part in (Part.GUARDIANS, Part.HISTORY, Part.VISITS):
        assert (body[part.value] is not None) is (part in view), part
        assert (part.value in body["withheld"]) is (part not in view), part
    if Part.GUARDIANS in view:
        assert body["guardians"][0]["phone"] == "13800000000"
    if Part.CLASSIFICATIONS in view:
        shown = {(c["subtype"], c["note"]) for c in body["classifications"]}
        health = ("HIV_AFFECTED", "母婴传播") if Part.HEALTH in view else ("SERIOUSLY_ILL", None)
        assert health in shown
    else:
        assert body["classifications"] is None
    departments = sorted(m["department"] for m in (body["plan"] or {}).get("measures", []))
    if Part.PLAN in view:
        assert departments == ["EDUCATION", "POLICE"]
    elif Part.OWN_MEASURES in view:
        own = {Role.POLICE: ["POLICE"], Role.EDUCATION: ["EDUCATION"]}.get(role, [])
        assert departments == own
    else:
        assert body["plan"] is None


@pytest.mark.parametrize(
    ("role", "criteria"),
    [
        (Role.YOUTH_LEAGUE, {"idNumber": "110109201304090216"}),
        (Role.YOUTH_LEAGUE, {"minAge": 6}),
        (Role.YOUTH_LEAGUE, {"group": "POVERTY"}),
        (Role.POLICE, {"subtype": "ORPHAN"}),
        (Role.TRADE_UNION, {"maxAge": 10}),
    ],
)
def test_a_role_cannot_search_by_a_part_it_does_not_see(registry, as_role, role, criteria):
    response = registry.post("/children/search", json={"filter": criteria}, headers=as_role(role))
    assert response.status_code == 403, response.text
    assert response.json()["code"] == "FORBIDDEN"


def test_the_lookup_by_number_needs_the_number(registry, as_role, full_file):
    body = {"idNumber": full_file["idNumber"]}
    assert (
        registry.post("/children/lookup", json=body, headers=as_role("youth_league")).status_code
        == 403
    )
    assert (
        registry.post("/children/lookup", json=body, headers=as_role("police")).status_code == 200
    )


def test_a_role_without_health_detail_keeps_what_it_was_not_shown(
    registry, as_user, as_role, full_file
):
    """The village supervisor is shown HIV-affected as seriously ill, without its note: sending
    the set back as shown (a new date for it, a new entry beside it) keeps the entry as it is."""
    path = f"/children/{full_file['id']}"
    supervisor = as_user("supervisor.110109001001")

    def read(headers: dict[str, str]) -> dict[str, Any]:
        answer = registry.get(path, params={"include": ["classifications"]}, headers=headers)
        assert answer.status_code == 200, answer.text
        body: dict[str, Any] = answer.json()
        return body

    shown = read(supervisor)
    health = next(c for c in shown["classifications"] if c["group"] == "ILLNESS_DISABILITY")
    assert (health["subtype"], health["note"]) == ("SERIOUSLY_ILL", None)
    since = (today() - timedelta(days=5)).isoformat()
    sent = [
        {"group": c["group"], "subtype": c["subtype"], "since": c["since"], "note": c["note"]}
        for c in shown["classifications"]
    ]
    sent[sent.index(next(c for c in sent if c["subtype"] == "SERIOUSLY_ILL"))]["since"] = since
    sent.append({"group": "ILLNESS_DISABILITY", "subtype": "DISABLED", "since": since})
    answer = registry.post(
        f"{path}/classifications",
        params={"version": shown["version"]},
        json={"classifications": sent},
        headers=supervisor,
    )
    assert answer.status_code == 200, answer.text
    kept = read(as_user("admin.district"))["classifications"]
    assert {(c["subtype"], c["since"], c["note"]) for c in kept if c["group"] != "POVERTY"} == {
        ("HIV_AFFECTED", since, "母婴传播"),
        ("DISABLED", since, None),
    }

    # Ending what it was shown ends the entry it stands for.
    again = read(supervisor)
    rest = [
        {"group": c["group"], "subtype": c["subtype"], "since": c["since"]}
        for c in again["classifications"]
        if c["subtype"] != "SERIOUSLY_ILL"
    ]
    ended = registry.post(
        f"{path}/classifications",
        params={"version": again["version"]},
        json={"classifications": rest},
        headers=supervisor,
    )
    assert ended.status_code == 200, ended.text
    left = read(as_user("admin.district"))["classifications"]
    assert sorted(c["subtype"] for c in left if c["until"] is None) == [
        "DISABLED",
        "MINIMUM_SUBSISTENCE_FAMILY",
    ]
    assert next(c for c in left if c["subtype"] == "HIV_AFFECTED")["until"] == today().isoformat()
