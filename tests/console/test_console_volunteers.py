"""Volunteers in the browser: the Youth League (youthleague.district) registers a volunteer on
志愿者 (the one-time password shown once), records both checks on the volunteer's page (vetted
shows), pairs them with a child from the suggestions of the child's file (志愿帮扶), records an
hour of the pairing visit and approves it on 工时审核; the total moves.

The child comes from the window (VOLUNTEER_PAIRING and EDUCATION_AID: a tutoring need), in a
village no other flow uses, so the volunteer living there is suggested for the child.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from shouhu.platform.testing import eventually, fresh_identity_number, graphql, once_found

TOWN = "大峪街道"
VILLAGE = "110109001011"
VILLAGE_NAME = "龙泉花园社区居委会"
LEAGUE = "youthleague.district"
CLERK = "clerk.110109001"
SUBMIT = """mutation Submit($input: SubmitIntakeInput!) { submitIntake(input: $input) {
  id child { id name } } }"""
SUGGEST = """query Suggest($childId: ID!) { suggestVolunteers(childId: $childId, first: 10) {
  volunteer { name } } }"""


def call(platform: Any, username: str, document: str, variables: dict[str, Any]) -> Any:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    return body["data"]


def child_for_pairing(platform: Any) -> dict[str, Any]:
    """A boy of the village, taken at the window for pairing and education aid (tutoring)."""
    birth = date(2015, 3, 12)
    application = {
        "child": {
            "name": f"帮扶{uuid.uuid4().hex[:4]}",
            "gender": "MALE",
            "birthDate": birth.isoformat(),
            "idNumber": fresh_identity_number(birth, male=True),
            "residenceDivisionCode": VILLAGE,
        },
        "applicantName": "张秀兰",
        "applicantRelation": "PARENT",
        "applicantPhone": f"139{secrets.randbelow(10**8):08d}",
        "needs": ["VOLUNTEER_PAIRING", "EDUCATION_AID"],
        "materials": ["户口簿", "身份证"],
    }
    child: dict[str, Any] = call(platform, CLERK, SUBMIT, {"input": application})["submitIntake"][
        "child"
    ]
    return child


def test_the_youth_league_registers_vets_pairs_and_approves_hours(tab, embedded):
    child = child_for_pairing(embedded)
    name = f"志愿{secrets.token_hex(2)}"
    birth = date(1988, 1, 1) + timedelta(days=secrets.randbelow(3000))
    number = fresh_identity_number(birth, male=False)
    page = tab.page

    # 志愿者: the menu, the list, 登记志愿者.
    tab.sign_in(LEAGUE, path="/volunteers")
    expect(page.get_by_role("heading", name="志愿者", level=1)).to_be_visible()
    menu = page.get_by_role("navigation", name="主菜单")
    for title in ("志愿者", "志愿活动", "部门待办"):
        expect(menu.get_by_role("menuitem", name=title)).to_be_visible()
    tab.shot("volunteers-list")
    tab.assert_accessible()
    page.get_by_test_id("volunteer-register").click()
    dialog = page.get_by_test_id("register-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("姓名").fill(name)
    dialog.get_by_label("身份证号").fill(number)
    dialog.get_by_label("手机号码").fill("13912345678")
    dialog.locator("label.el-checkbox", has_text="学业辅导").click()
    dialog.locator("label.el-checkbox", has_text="陪伴").click()
    tab.choose("居住镇（街道）", TOWN)
    tab.choose("居住村（社区）", VILLAGE_NAME)
    dialog.locator("label.el-checkbox", has_text="周末白天").click()
    tab.shot("volunteers-register")
    dialog.get_by_test_id("register-save").click()

    # The one-time password, shown once, with the warning.
    registered = page.get_by_test_id("registered-dialog")
    expect(registered).to_contain_text(name)
    expect(registered).to_contain_text("只显示这一次")
    password = registered.get_by_test_id("initial-password").inner_text()
    assert len(password) == 14 and password.count("-") == 2, password
    tab.shot("volunteers-registered")
    registered.get_by_test_id("registered-open").click()

    # The volunteer's page: masked identity, not vetted; 记录审查 twice.
    expect(page.get_by_test_id("volunteer-name")).to_have_text(name)
    expect(page.get_by_test_id("volunteer-facts")).to_contain_text(number[:6] + "*")
    expect(page.get_by_test_id("volunteer-vetted")).to_have_text("未通过审核")
    expect(page.get_by_test_id("volunteer-account")).to_contain_text("vol.")
    for kind in ("侵害未成年人违法犯罪信息查询", "岗前培训"):
        page.get_by_test_id("vetting-record").click()
        vetting = page.get_by_test_id("vetting-dialog")
        expect(vetting).to_be_visible()
        tab.choose("审查项目", kind)
        vetting.get_by_test_id("vetting-save").click()
        expect(vetting).to_be_hidden()
        expect(page.get_by_test_id("vettings")).to_contain_text(kind)
    expect(page.get_by_test_id("volunteer-vetted")).to_have_text("已通过审核")
    expect(page.get_by_test_id("vetting-state")).to_contain_text("已通过审核")
    expect(page.get_by_test_id("volunteer-account")).to_contain_text("vol.")
    tab.shot("volunteers-vetted")
    tab.assert_accessible()

    # The child's needs arrive by the registry's events; then the file's suggestions.
    def suggested() -> bool:
        variables = {"childId": child["id"]}
        asked = graphql(embedded.graphql_url, SUGGEST, embedded.token(LEAGUE), variables)
        found = once_found(asked)
        return found is not None and any(
            s["volunteer"]["name"] == name for s in found["suggestVolunteers"]
        )

    eventually(suggested, timeout=60)
    tab.goto(f"/children/{child['id']}")
    expect(page.get_by_test_id("child-name")).to_have_text(child["name"])
    page.get_by_role("tab", name="志愿帮扶").click()
    section = page.get_by_test_id("pairing-section")
    expect(section).to_contain_text("尚未与志愿者结对")
    section.get_by_test_id("suggest-volunteers").click()
    suggestion = section.get_by_test_id("suggestions").locator("tr", has_text=name)
    expect(suggestion).to_contain_text("学业辅导")
    expect(suggestion).to_contain_text("同村")
    tab.shot("volunteers-suggestions")
    suggestion.get_by_role("button", name=f"结对：{name}").click()
    pairing = section.get_by_test_id("pairing").filter(has_text=name)
    expect(pairing).to_contain_text("帮扶中")
    expect(pairing).to_contain_text("学业辅导")
    tab.shot("volunteers-paired")
    tab.assert_accessible()

    # An hour of the pairing visit, recorded on the volunteer's page, approved on 工时审核.
    tab.goto("/volunteers")
    page.get_by_test_id("volunteers").get_by_role("link", name=name).click()
    expect(page.get_by_test_id("volunteer-pairings")).to_contain_text(child["name"])
    page.get_by_test_id("hours-record").click()
    recording = page.get_by_test_id("hours-record-dialog")
    recording.get_by_role("spinbutton", name="时长（小时）").fill("3")
    recording.get_by_test_id("hours-record-save").click()
    expect(recording).to_be_hidden()
    expect(page.get_by_test_id("service-hours")).to_contain_text("待审核")
    tab.goto("/volunteers?tab=hours")
    row = page.get_by_test_id("hours-to-approve").locator("tr", has_text=name)
    expect(row).to_contain_text("3 小时")
    tab.shot("volunteers-hours")
    tab.assert_accessible()
    row.get_by_role("button", name=f"通过：{name}").click()
    page.get_by_test_id("hours-confirm").click()
    expect(page.get_by_test_id("volunteers-notice")).to_contain_text(f"已通过 {name} 的 3 小时")
    expect(page.get_by_test_id("hours-to-approve")).not_to_contain_text(name)
    tab.goto("/volunteers")
    listed = page.get_by_test_id("volunteers").locator("tr", has_text=name)
    expect(listed).to_contain_text("3 小时")
    expect(listed).to_contain_text("已通过审核")

    # 志愿活动: an activity today, the volunteer signed up with five children, attendance taken.
    tab.goto("/volunteers/activities")
    expect(page.get_by_role("heading", name="志愿活动", level=1)).to_be_visible()
    page.get_by_test_id("activity-create").click()
    creating = page.get_by_test_id("activity-dialog")
    tab.choose("活动类型", "学业辅导")
    title = f"周末课业辅导{secrets.token_hex(2)}"
    creating.get_by_label("活动名称").fill(title)
    tab.choose("举办镇（街道）", TOWN)
    creating.get_by_test_id("activity-save").click()
    expect(creating).to_be_hidden()
    drawer = page.get_by_test_id("activity-drawer")
    expect(drawer).to_contain_text(title)
    tab.choose("报名志愿者", f"{name}（{VILLAGE_NAME}）")
    page.keyboard.press("Escape")
    drawer.get_by_role("spinbutton", name="报名儿童人数").fill("5")
    drawer.get_by_test_id("signup-save").click()
    expect(drawer.get_by_test_id("activity-volunteers")).to_contain_text(name)
    drawer.get_by_role("spinbutton", name="到场儿童人数").fill("4")
    drawer.get_by_test_id("attendance-save").click()
    expect(
        drawer.get_by_test_id("activity-volunteers").locator("tr", has_text=name)
    ).to_contain_text("到场")
    tab.shot("volunteers-activity")
    tab.assert_accessible()
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("activities").locator("tr", has_text=title)).to_contain_text(
        "5 / 20"
    )

    # 导入名册: the blank roster, served by the gateway from the volunteers service.
    tab.goto("/volunteers?tab=roster")
    card = page.get_by_test_id("volunteer-roster")
    link = card.get_by_test_id("volunteer-roster-template")
    expect(link).to_have_attribute("href", "/volunteers/roster/template.xlsx")
    with page.expect_download() as download:
        link.click()
    workbook = Path(download.value.path()).read_bytes()
    assert workbook[:2] == b"PK", workbook[:20]  # an XLSX is a zip
    tab.shot("volunteers-roster")
    tab.assert_accessible()

    # 停用 with a reason, then 启用 again: the account follows.
    tab.goto("/volunteers")
    page.get_by_test_id("volunteers").get_by_role("link", name=name).click()
    page.get_by_test_id("volunteer-disable").click()
    disabling = page.get_by_test_id("disable-dialog")
    disabling.get_by_label("停用原因").fill("本人申请暂停服务")
    disabling.get_by_test_id("disable-confirm").click()
    account = page.get_by_test_id("volunteer-account")
    expect(account).to_contain_text("已停用")
    expect(account).to_contain_text("本人申请暂停服务")
    page.get_by_test_id("volunteer-enable").click()
    expect(page.get_by_test_id("volunteer-notice")).to_contain_text("已重新启用")
    expect(account).not_to_contain_text("已停用")
    expect(page.get_by_test_id("volunteer-disable")).to_be_visible()
