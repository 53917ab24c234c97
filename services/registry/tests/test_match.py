"""Matching identity numbers to children's ids in bulk (a school's roster): ids only, through
the keyed hash, each match logged as a read; for education and schools' staff only."""

from __future__ import annotations

from datetime import date

from shouhu.platform.testing import identity_number


def _match(registry, headers, numbers):
    return registry.post("/children/match", json={"idNumbers": numbers}, headers=headers)


def test_numbers_filed_in_the_district_answer_ids_and_nothing_else(
    registry, register, as_user, logged_reads, child_input
):
    first = register(seq=11)
    second = register(name="李小明", seq=12)
    filed = [child_input(seq=s)["idNumber"] for s in (11, 12)]
    unknown = identity_number(date(2014, 5, 6), male=True, seq=99)
    malformed = filed[0][:17] + ("0" if filed[0][17] != "0" else "1")  # a wrong check digit
    before = len(logged_reads())
    response = _match(
        registry, as_user("education.district"), [filed[0], filed[1].lower(), unknown, malformed]
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"matches": {filed[0]: first["id"], filed[1].upper(): second["id"]}}
    entries = logged_reads()[before:]
    assert sorted(e.child_id for e in entries) == sorted([first["id"], second["id"]])
    assert {(e.actor, e.parts) for e in entries} == {("education.district", "identity")}


def test_schools_staff_match_too_and_other_roles_are_refused(
    registry, register, as_user, child_input
):
    register(seq=21)
    number = child_input(seq=21)["idNumber"]
    assert len(_match(registry, as_user("teacher.110109001"), [number]).json()["matches"]) == 1
    for user in ("clerk.district", "police.110109001", "auditor.district"):
        refused = _match(registry, as_user(user), [number])
        assert refused.status_code == 403, (user, refused.text)
        assert refused.json()["code"] == "FORBIDDEN"


def test_at_most_50000_numbers_a_call(registry, as_user):
    numbers = [identity_number(date(2015, 1, 1), male=True, seq=1)] * 50_001
    response = _match(registry, as_user("education.district"), numbers)
    assert response.status_code == 422
    assert response.json()["fields"] == {"idNumbers": "一次最多匹配50000个身份证号码"}
