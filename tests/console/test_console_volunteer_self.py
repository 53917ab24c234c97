"""The volunteer's own page in the browser (我的志愿服务, item 11).

The demo user `volunteer.110109001001` is not linked to any registration (its account was never
made by the volunteers service), so the Youth League registers a volunteer through the gateway,
vets it, pairs it with a child of its village who needs tutoring and approves two of its hours.
The volunteer then signs in with its one-time password (the login pages ask for a new one), sees
its summary on the home page, and on its page its pairing with only the child's name, village,
age and needs and its hours; logs a visit with its hours for approval, downloads its
certificate, and is refused the children's list and the child's file.
"""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import expect

from shouhu.platform.clock import today
from shouhu.platform.testing import eventually, fresh_identity_number, graphql, once_found

VILLAGE = "110109001007"  # 双峪社区: a village of its own, away from other flows' volunteers
VILLAGE_NAME = "双峪社区居委会"
LEAGUE = "youthleague.district"
REGISTER = """
mutation R($input: VolunteerInput!) { registerVolunteer(input: $input) {
  id account { username initialPassword } } }
"""
ACCOUNT = "query A($id: ID!) { volunteer(id: $id) { account { status } } }"
VET = """
mutation V($id: ID!, $input: VettingInput!) { recordVetting(volunteerId: $id, input: $input) {
  vetted } }
"""
SUBMIT = """mutation S($input: SubmitIntakeInput!) { submitIntake(input: $input) {
  child { id name } } }"""
SUGGEST = """query G($c: ID!) { suggestVolunteers(childId: $c, first: 50) { volunteer { id } } }"""
PAIR = """mutation P($v: ID!, $c: ID!) { pairVolunteer(volunteerId: $v, childId: $c) { id } }"""
HOURS = """
mutation H($id: ID!, $on: Date!) { recordServiceHours(volunteerId: $id, hours: 2, on: $on) { id } }
"""
TO_APPROVE = "query { serviceHoursToApprove { id volunteerId } }"
APPROVE = "mutation A($id: ID!) { approveServiceHours(hoursId: $id) { totalHours } }"


def call(platform: Any, document: str, variables: dict[str, Any], user: str = LEAGUE) -> Any:
    body = graphql(platform.graphql_url, document, platform.token(user), variables)
    assert "errors" not in body, body
    return body["data"]


def paired_volunteer(platform: Any) -> dict[str, Any]:
    """A vetted volunteer paired with a child of its village, two hours approved."""
    birth = date(1988, 1, 1) + timedelta(days=secrets.randbelow(3000))
    volunteer = {
        "name": f"页面{secrets.token_hex(2)}",
        "idNumber": fresh_identity_number(birth, male=False),
        "phone": "13912345678",
        "skills": ["TUTORING"],
        "divisionCode": VILLAGE,
    }
    made = call(platform, REGISTER, {"input": volunteer})["registerVolunteer"]
    vid = made["id"]
    for kind in ("MINOR_PROTECTION_RECORD_CHECK", "TRAINING"):
        check = {"kind": kind, "passed": True, "checkedOn": today().isoformat()}
        call(platform, VET, {"id": vid, "input": check})
    child_birth = today() - timedelta(days=365 * 9 + 40)
    application = {
        "child": {
            "name": f"结对{uuid.uuid4().hex[:4]}",
            "gender": "MALE",
            "birthDate": child_birth.isoformat(),
            "idNumber": fresh_identity_number(child_birth, male=True),
            "residenceDivisionCode": VILLAGE,
        },
        "applicantName": "赵大海",
        "applicantRelation": "PARENT",
        "applicantPhone": f"139{secrets.randbelow(10**8):08d}",
        "needs": ["EDUCATION_AID"],
        "materials": ["户口簿"],
    }
    child = call(platform, SUBMIT, {"input": application}, "clerk.110109001")["submitIntake"]
    child = child["child"]

    def suggested() -> bool:
        asked = graphql(platform.graphql_url, SUGGEST, platform.token(LEAGUE), {"c": child["id"]})
        found = once_found(asked)
        return found is not None and any(
            s["volunteer"]["id"] == vid for s in found["suggestVolunteers"]
        )

    eventually(suggested, timeout=60)  # the child's facts arrive by the registry's events
    call(platform, PAIR, {"v": vid, "c": child["id"]})
    call(platform, HOURS, {"id": vid, "on": (today() - timedelta(days=1)).isoformat()})
    for record in call(platform, TO_APPROVE, {})["serviceHoursToApprove"]:
        if record["volunteerId"] == vid:
            call(platform, APPROVE, {"id": record["id"]})
    eventually(
        lambda: call(platform, ACCOUNT, {"id": vid})["volunteer"]["account"]["status"] == "ACTIVE",
        timeout=60,
    )
    return {"id": vid, **made["account"], "child": child}


def test_a_volunteer_sees_its_pairing_and_hours_and_nothing_of_the_childs_file(tab, embedded):
    mine = paired_volunteer(embedded)
    page = tab.page

    # The first sign-in: the one-time password, then a new one of its own.
    tab.goto("/")
    tab.at_login_page()
    page.fill("input[name=username]", mine["username"])
    page.fill("input[name=password]", mine["initialPassword"])
    page.locator("form [type=submit]").click()
    new = "Volunteer-2026-" + secrets.token_hex(4)
    page.fill("input[name=password-new]", new)
    page.fill("input[name=password-confirm]", new)
    page.locator("form [type=submit]").click()
    expect(page.get_by_test_id("current-user")).to_contain_text(mine["username"])

    # Home: the summary, and the way to the page.
    summary = page.get_by_test_id("home-my-volunteer")
    expect(summary).to_contain_text("累计服务时长 2小时")
    expect(summary).to_contain_text("再服务98小时可评为1星")
    expect(summary).to_contain_text(f"{mine['child']['name']}（{VILLAGE_NAME}）")
    menu = page.get_by_role("navigation", name="主菜单")
    expect(menu.get_by_role("menuitem", name="我的志愿服务")).to_be_visible()
    expect(menu.get_by_role("menuitem", name="儿童档案")).to_have_count(0)
    tab.shot("volunteer-home")
    tab.assert_accessible()
    page.get_by_test_id("home-my-volunteer-link").click()

    # 我的志愿服务: the record, the pairing with only the child's name, village, age and needs.
    expect(page.get_by_role("heading", name="我的志愿服务", level=1)).to_be_visible()
    record = page.get_by_test_id("my-record")
    expect(record).to_contain_text("已通过审核")
    expect(page.get_by_test_id("my-stars")).to_have_text("尚未评定星级，再服务98小时可评为1星")
    pairing = page.get_by_test_id("my-pairings").locator("tbody tr")
    expect(pairing).to_have_count(1)
    expect(pairing).to_contain_text(mine["child"]["name"])
    expect(pairing).to_contain_text(VILLAGE_NAME)
    expect(pairing).to_contain_text("学业辅导")
    expect(pairing).to_contain_text("帮扶中")
    expect(pairing).to_contain_text(re.compile(r"\d+岁"))
    expect(pairing).not_to_contain_text("110109")  # no identity number, no division code
    expect(page.get_by_test_id("my-hours")).to_contain_text("已审核")
    tab.shot("volunteer-self")
    tab.assert_accessible()

    # 记录服务时长: a visit of the pairing and its hours, waiting for approval.
    pairing.get_by_role("button", name="记录服务时长").click()
    page.get_by_role("spinbutton", name="时长（分钟）").fill("90")
    page.get_by_test_id("my-visit-save").click()
    expect(page.get_by_test_id("my-done")).to_contain_text("申报服务时长1.5小时")
    hours = page.get_by_test_id("my-hours")
    expect(hours.locator("tr", has_text="1.5小时")).to_contain_text("待审核")
    expect(pairing).to_contain_text("入户 90分钟")

    # The certificate of approved hours.
    with page.expect_download() as download_info:
        page.get_by_test_id("my-certificate").click()
    assert download_info.value.suggested_filename.endswith(".pdf")

    # The children's list and the child's file are not the volunteer's.
    tab.goto("/children")
    expect(page.get_by_test_id("forbidden")).to_contain_text("无权访问此页面")
    tab.goto(f"/children/{mine['child']['id']}")
    expect(page.get_by_test_id("forbidden")).to_contain_text("无权访问此页面")
    refused = graphql(
        embedded.graphql_url,
        "query C($id: ID!) { child(id: $id) { name } }",
        embedded.token(mine["username"], new),
        {"id": mine["child"]["id"]},
    )
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
