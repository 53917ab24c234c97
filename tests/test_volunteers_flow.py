"""Volunteers end to end on the embedded platform, through the gateway.

The Youth League registers a volunteer → not vetted → a record check (侵害未成年人违法犯罪信息查询)
and a training recorded → vetted, and in the vetted list of the village's town. A bad identity
number is refused with its field; the women's federation may not register into the Youth
League's organisation.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, fresh_identity_number, graphql

LEAGUE = "youthleague.district"
WOMENS = "womensfed.district"
VILLAGE = "110109001001"
ORGANISATIONS = "query { organisations { id kind name actingRole demo } }"
REGISTER = """
mutation Register($input: VolunteerInput!) {
  registerVolunteer(input: $input) {
    id name idNumber skills divisionCode organisationId organisationName vetted adult
    totalHours starLevel username
  }
}
"""
VET = """
mutation Vet($id: ID!, $input: VettingInput!) {
  recordVetting(volunteerId: $id, input: $input) {
    id vetted trained checkValidUntil vettings { kind passed checkedOn validUntil current }
  }
}
"""
VOLUNTEER = "query V($id: ID!) { volunteer(id: $id) { id vetted idNumber vettings { kind } } }"
VOLUNTEERS = """
query Vs($division: String!, $vetted: Boolean) {
  volunteers(divisionCode: $division, vetted: $vetted, first: 100) {
    edges { cursor node { id vetted } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


def _input(number: str, **extra) -> dict:
    return {
        "name": f"志愿{secrets.token_hex(2)}",
        "idNumber": number,
        "phone": "13912345678",
        "skills": ["TUTORING", "COMPANIONSHIP"],
        "divisionCode": VILLAGE,
        "availability": ["WEEKEND_DAYTIME", "SCHOOL_HOLIDAYS"],
        **extra,
    }


def _number() -> str:
    birth = date(1985, 1, 1) + timedelta(days=secrets.randbelow(5000))
    return fresh_identity_number(birth, male=bool(secrets.randbelow(2)))


def test_the_youth_league_registers_and_vets_a_volunteer(embedded):
    url, league = embedded.graphql_url, embedded.token(LEAGUE)
    number = _number()
    made = graphql(url, REGISTER, league, {"input": _input(number)})
    assert not made.get("errors"), made
    volunteer = made["data"]["registerVolunteer"]
    assert volunteer["vetted"] is False and volunteer["idNumber"] == "110109************"
    assert (volunteer["totalHours"], volunteer["starLevel"]) == (0, 0)
    assert volunteer["username"].startswith("vol.")  # the account is made after the commit
    assert volunteer["organisationName"] == "共青团北京市门头沟区委员会"
    again = graphql(url, REGISTER, league, {"input": _input(number)})
    assert error_codes(again) == ["DUPLICATE"]

    day = (today() - timedelta(days=5)).isoformat()
    check = {"kind": "MINOR_PROTECTION_RECORD_CHECK", "passed": True, "checkedOn": day}
    checked = graphql(url, VET, league, {"id": volunteer["id"], "input": check})
    assert not checked.get("errors"), checked
    assert checked["data"]["recordVetting"]["vetted"] is False
    trained = graphql(
        url,
        VET,
        league,
        {"id": volunteer["id"], "input": {"kind": "TRAINING", "passed": True, "checkedOn": day}},
    )["data"]["recordVetting"]
    assert trained["vetted"] is True and trained["trained"] is True
    assert [v["kind"] for v in trained["vettings"]] == ["TRAINING", "MINOR_PROTECTION_RECORD_CHECK"]

    read = graphql(url, VOLUNTEER, league, {"id": volunteer["id"]})["data"]["volunteer"]
    assert read["vetted"] is True and number not in str(read)
    vetted = graphql(url, VOLUNTEERS, league, {"division": VILLAGE[:9], "vetted": True})
    assert volunteer["id"] in {e["node"]["id"] for e in vetted["data"]["volunteers"]["edges"]}
    unvetted = graphql(url, VOLUNTEERS, league, {"division": VILLAGE[:9], "vetted": False})
    assert volunteer["id"] not in {e["node"]["id"] for e in unvetted["data"]["volunteers"]["edges"]}
    future = {**check, "checkedOn": (today() + timedelta(days=2)).isoformat()}
    assert error_codes(graphql(url, VET, league, {"id": volunteer["id"], "input": future})) == [
        "VALIDATION_FAILED"
    ]


def test_a_bad_identity_number_is_refused_with_its_field(embedded):
    number = _number()
    broken = number[:-1] + ("1" if number[-1] == "0" else "0")
    body = graphql(
        embedded.graphql_url, REGISTER, embedded.token(LEAGUE), {"input": _input(broken)}
    )
    assert error_codes(body) == ["VALIDATION_FAILED"]
    assert "idNumber" in body["errors"][0]["extensions"]["fields"]


def test_another_federation_may_not_register_into_the_youth_leagues_organisation(embedded):
    url = embedded.graphql_url
    orgs = graphql(url, ORGANISATIONS, embedded.token(WOMENS))["data"]["organisations"]
    league_org = next(o for o in orgs if o["kind"] == "YOUTH_LEAGUE")
    refused = graphql(
        url,
        REGISTER,
        embedded.token(WOMENS),
        {"input": _input(_number(), organisationId=league_org["id"])},
    )
    assert error_codes(refused) == ["FORBIDDEN"]
    own = graphql(url, REGISTER, embedded.token(WOMENS), {"input": _input(_number())})
    assert not own.get("errors"), own
    assert own["data"]["registerVolunteer"]["organisationName"] == "北京市门头沟区妇女联合会"


ACCOUNT = """
mutation R($input: VolunteerInput!) {
  registerVolunteer(input: $input) { id account { username status initialPassword } }
}
"""
ACCOUNT_OF = "query V($id: ID!) { volunteer(id: $id) { account { status initialPassword } } }"


def test_a_registered_volunteers_account_is_made_in_the_embedded_provider(embedded):
    import time

    import httpx

    url, league = embedded.graphql_url, embedded.token(LEAGUE)
    made = graphql(url, ACCOUNT, league, {"input": _input(_number())})
    assert not made.get("errors"), made
    volunteer = made["data"]["registerVolunteer"]
    account = volunteer["account"]
    assert account["status"] == "PENDING" and account["initialPassword"]
    deadline = time.monotonic() + 30
    while True:  # the service's worker makes it after the commit
        read = graphql(url, ACCOUNT_OF, league, {"id": volunteer["id"]})
        if read["data"]["volunteer"]["account"]["status"] == "ACTIVE":
            break
        assert time.monotonic() < deadline, read
        time.sleep(0.5)
    assert read["data"]["volunteer"]["account"]["initialPassword"] is None  # answered once
    token_url = url.removesuffix("/graphql") + "/realms/shouhu/protocol/openid-connect/token"
    form = {"grant_type": "password", "client_id": "shouhu-console"}
    form |= {"username": account["username"], "password": account["initialPassword"]}
    refused = httpx.post(token_url, data=form, timeout=10).json()
    assert refused["error_description"] == "Account is not fully set up"


IMPORT = """
mutation I($file: Upload!, $mode: ImportMode) {
  importVolunteers(file: $file, mode: $mode) {
    imported totalRows registeredRows rejectedRows errors { row column message }
    accounts { row username initialPassword }
  }
}
"""
DISABLE = """
mutation D($id: ID!) { disableVolunteer(id: $id, reason: "本人申请退出") {
  account { status disabledReason } } }
"""


def test_a_roster_through_the_gateway_then_a_volunteer_disabled(embedded):
    import json

    import httpx

    url, league = embedded.graphql_url, embedded.token(LEAGUE)
    good = _input(_number())
    lines = ["姓名,身份证号,手机号码,技能,居住地区划代码", f"{good['name']},{good['idNumber']},"]
    lines[1] += f"{good['phone']},学业辅导、陪伴,{VILLAGE}"
    lines.append(f"坏行,110109199005040010,139,弹琴,{VILLAGE}")
    operations = {"query": IMPORT, "variables": {"file": None, "mode": "VALID_ROWS"}}
    answer = httpx.post(
        url,
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": ("名册.csv", "\n".join(lines).encode("utf-8-sig"), "text/csv")},
        headers={"Authorization": f"Bearer {league}"},
        timeout=30,
    ).json()
    assert not answer.get("errors"), answer
    report = answer["data"]["importVolunteers"]
    assert (report["imported"], report["registeredRows"], report["rejectedRows"]) == (True, 1, 1)
    assert {e["column"] for e in report["errors"]} >= {"技能"}
    (account,) = report["accounts"]
    assert account["username"].startswith("vol.") and account["initialPassword"]
    query = "query($d: String!) { volunteers(divisionCode: $d, first: 100) { edges { node {"
    query += " id username } } } }"
    found = graphql(url, query, league, {"d": VILLAGE})
    edges = found["data"]["volunteers"]["edges"]
    ids = [e["node"]["id"] for e in edges if e["node"]["username"] == account["username"]]
    disabled = graphql(url, DISABLE, league, {"id": ids[0]})
    assert not disabled.get("errors"), disabled
    assert disabled["data"]["disableVolunteer"]["account"]["status"] == "DISABLED"
    refused = graphql(url, DISABLE, embedded.token(WOMENS), {"id": ids[0]})
    assert error_codes(refused) == ["FORBIDDEN"]
