"""Registering volunteers: the identity number, one each, who registers into which organisation,
who reads whom."""

from __future__ import annotations

from datetime import date

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import identity_number
from shouhu.volunteers.organisations.schemas import OrganisationKind
from shouhu.volunteers.organisations.service import federation_id

LEAGUE = "youthleague.district"
WOMENS = "womensfed.district"
VILLAGE = "110109001001"
ADULT_BIRTH = date(1990, 5, 4)


def body(number: str, **extra):
    return {
        "name": "张志愿",
        "idNumber": number,
        "phone": "13912345678",
        "skills": ["TUTORING", "SPORTS"],
        "divisionCode": VILLAGE,
        "availability": ["WEEKEND_DAYTIME"],
        **extra,
    }


def register(client, as_user, number: str, user: str = LEAGUE, **extra):
    return client.post("/volunteers", json=body(number, **extra), headers=as_user(user))


def test_the_youth_league_registers_a_volunteer_masked_not_vetted(volunteers, as_user, store):
    number = identity_number(ADULT_BIRTH, male=True, seq=7)
    made = register(volunteers, as_user, number)
    assert made.status_code == 201, made.text
    out = made.json()
    assert out["idNumber"] == "110109************" and number not in made.text
    assert out["organisationId"] == federation_id(OrganisationKind.YOUTH_LEAGUE)
    assert (out["vetted"], out["adult"], out["gender"]) == (False, True, "MALE")
    assert out["serviceArea"] == [VILLAGE] and out["phone"] == "13912345678"
    assert (out["totalHours"], out["starLevel"]) == (0, 0)
    assert out["username"] == out["account"]["username"]  # the account is made after commit
    (event,) = store.events()
    assert event["type"] == "volunteers.volunteer.registered"
    assert event["volunteerId"] == out["id"] and event["adult"] is True
    assert not any(number in raw for raw in store.raw_events())
    read = volunteers.get(f"/volunteers/{out['id']}", headers=as_user(LEAGUE))
    assert read.json()["idNumber"] == "110109************"


@pytest.mark.parametrize(
    ("number", "said"),
    [
        ("11010919900504001", "身份证号码应为18位"),
        ("110109199005040010", "身份证号码格式或校验位不正确"),
        ("110109199002300010", "身份证号码格式或校验位不正确"),
    ],
)
def test_a_bad_identity_number_is_refused_and_nothing_written(
    volunteers, as_user, store, number, said
):
    refused = register(volunteers, as_user, number)
    assert refused.status_code == 422, refused.text
    error = refused.json()
    assert error["code"] == "VALIDATION_FAILED" and said in error["fields"]["idNumber"]
    assert store.counts() == (0, 0) and store.events() == []


def test_a_number_with_an_impossible_birth_date_is_refused(volunteers, as_user, store):
    body17 = "11010919900230001"  # 30 February
    from shouhu.platform.identity import check_digit

    refused = register(volunteers, as_user, body17 + check_digit(body17))
    assert refused.json()["fields"]["idNumber"] == "身份证号码中的出生日期无效"
    assert store.counts() == (0, 0)


def test_a_second_registration_of_a_number_is_a_duplicate(volunteers, as_user, store):
    number = identity_number(ADULT_BIRTH, male=False, seq=3)
    first = register(volunteers, as_user, number).json()
    again = register(volunteers, as_user, number.lower(), name="另一个")
    assert again.status_code == 409, again.text
    assert again.json()["code"] == "DUPLICATE" and again.json()["existingId"] == first["id"]
    assert store.counts() == (1, 0) and len(store.events()) == 1


def test_under_eighteen_may_register_but_is_not_adult(volunteers, as_user):
    on = today()
    birth = date(on.year - 16, 1, 1)
    out = register(volunteers, as_user, identity_number(birth, male=False, seq=9)).json()
    assert (out["adult"], out["age"]) == (False, on.year - birth.year)


def test_bad_fields_are_named_and_nothing_written(volunteers, as_user, store):
    number = identity_number(ADULT_BIRTH, male=True, seq=11)
    cases = [
        ({"phone": "1391234567"}, "phone"),
        ({"skills": []}, "skills"),
        ({"skills": ["COOKING"]}, "skills.0"),
        ({"divisionCode": "110109999999"}, "divisionCode"),
        ({"serviceArea": ["110109001", "999999"]}, "serviceArea.1"),
        ({"organisationId": "nope"}, "organisationId"),
    ]
    for extra, field in cases:
        refused = register(volunteers, as_user, number, **extra)
        assert refused.status_code == 422, (extra, refused.text)
        assert field in refused.json()["fields"], (extra, refused.json())
    assert store.counts() == (0, 0) and store.events() == []


def test_another_federation_registers_into_its_own_organisations_only(volunteers, as_user, store):
    league_org = federation_id(OrganisationKind.YOUTH_LEAGUE)
    number = identity_number(ADULT_BIRTH, male=True, seq=21)
    refused = register(volunteers, as_user, number, WOMENS, organisationId=league_org)
    assert refused.status_code == 403 and refused.json()["code"] == "FORBIDDEN"
    assert store.counts() == (0, 0)
    own = register(volunteers, as_user, number, WOMENS)
    assert own.status_code == 201, own.text
    assert own.json()["organisationId"] == federation_id(OrganisationKind.WOMENS_FEDERATION)
    # The registrar registers into any organisation, the women's federation's too.
    other = identity_number(ADULT_BIRTH, male=True, seq=22)
    women_org = federation_id(OrganisationKind.WOMENS_FEDERATION)
    assert register(volunteers, as_user, other, organisationId=women_org).status_code == 201
    # The youth league reads both; the women's federation its own organisation's only.
    listed = volunteers.get(
        "/volunteers", params={"divisionCode": "110109"}, headers=as_user(WOMENS)
    ).json()
    assert {e["node"]["organisationId"] for e in listed["edges"]} == {women_org}
    mine = register(volunteers, as_user, identity_number(ADULT_BIRTH, male=True, seq=23)).json()
    hidden = volunteers.get(f"/volunteers/{mine['id']}", headers=as_user(WOMENS))
    assert hidden.status_code == 403


def test_who_reads_volunteers(volunteers, as_user, as_role):
    out = register(volunteers, as_user, identity_number(ADULT_BIRTH, male=True, seq=31)).json()
    path = f"/volunteers/{out['id']}"
    assert volunteers.get(path, headers=as_user("education.district")).status_code == 403
    assert volunteers.get(path, headers=as_user("worker.110109101")).status_code == 403
    civil_registers = volunteers.post(
        "/volunteers", json=body("x"), headers=as_user("admin.district")
    )
    assert civil_registers.status_code == 403
    worker = volunteers.get(path, headers=as_user("worker.110109001"))
    assert worker.status_code == 200 and worker.json()["phone"] == "139****5678"
    civil = volunteers.get(path, headers=as_user("admin.district"))
    assert civil.status_code == 200 and civil.json()["phone"] == "139****5678"
    # A federation's person at a town registers no one (the federations act at the district).
    town_league = as_role("youth_league", "110109001")
    number = identity_number(ADULT_BIRTH, male=True, seq=32)
    assert volunteers.post("/volunteers", json=body(number), headers=town_league).status_code == 403
    out_of_town = volunteers.get(
        "/volunteers", params={"divisionCode": "110109001"}, headers=as_user("worker.110109101")
    )
    assert out_of_town.status_code == 403


def test_the_list_pages_newest_first(volunteers, as_user):
    ids = [
        register(volunteers, as_user, identity_number(ADULT_BIRTH, male=True, seq=40 + i)).json()[
            "id"
        ]
        for i in range(5)
    ]
    seen, after = [], None
    while True:
        params = {"divisionCode": "110109001", "first": 2, **({"after": after} if after else {})}
        page = volunteers.get("/volunteers", params=params, headers=as_user(LEAGUE)).json()
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == list(reversed(ids))
