"""Education in the browser: the district's education department opens 控辍保学 and finds a
10-year-old the registry holds with no school, records the enrolment from the child's file (教育
tab: the school chosen from the district's list, the stage it has, the grade, the first day),
and the risk leaves the list; the school's staff (teacher.110109001) see their own school's
pupils, the child among them, and are refused the department's pages.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

from playwright.sync_api import expect

from shouhu.platform.clock import today
from shouhu.platform.testing import eventually, fresh_identity_number, graphql

VILLAGE = "110109001001"
DEPARTMENT = "education.district"
TEACHER = "teacher.110109001"  # tied by the demo data to 大峪中心小学（演示）
SCHOOL = "大峪中心小学（演示）"
REGISTER = """
mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id name } }
"""
RISKS = """query ($d: String!, $after: String) {
  dropoutRisks(divisionCode: $d, first: 100, after: $after) {
    edges { node { childId } } pageInfo { hasNextPage endCursor } } }"""


def call(platform: Any, username: str, document: str, variables: dict[str, Any]) -> Any:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    return body["data"]


def at_risk(platform: Any, child_id: str) -> bool:
    """Whether the child is among the open risks of its village."""
    after = None
    while True:
        page = call(platform, DEPARTMENT, RISKS, {"d": VILLAGE, "after": after})["dropoutRisks"]
        if any(e["node"]["childId"] == child_id for e in page["edges"]):
            return True
        if not page["pageInfo"]["hasNextPage"]:
            return False
        after = page["pageInfo"]["endCursor"]


def ten_year_old(platform: Any) -> dict[str, Any]:
    """A girl of ten in 大峪街道, registered with no school: education opens a dropout risk."""
    birth = today() - timedelta(days=365 * 10 + 30 + secrets.randbelow(200))
    child = {
        "name": f"控辍{uuid.uuid4().hex[:4]}",
        "gender": "FEMALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=False),
        "residenceDivisionCode": VILLAGE,
    }
    registered: dict[str, Any] = call(platform, "admin.district", REGISTER, {"input": child})[
        "registerChild"
    ]
    eventually(lambda: at_risk(platform, registered["id"]) or None, timeout=60)
    return registered


def test_the_department_enrols_a_child_at_risk_and_the_school_sees_its_pupil(tab, embedded):
    child = ten_year_old(embedded)
    page = tab.page

    # 控辍保学: the child, with the reason and the days open.
    tab.sign_in(DEPARTMENT, path="/education/risks")
    expect(page.get_by_role("heading", name="控辍保学", level=1)).to_be_visible()
    menu = page.get_by_role("navigation", name="主菜单")
    for title in ("控辍保学", "学校名录", "教育资助"):
        expect(menu.get_by_role("menuitem", name=title)).to_be_visible()
    tab.choose("镇（街道）", "大峪街道")
    page.get_by_test_id("risks-apply").click()
    row = page.get_by_test_id("risks").locator("tr", has_text=child["name"])
    expect(row).to_contain_text("适龄未入学")
    expect(row).to_contain_text("10岁")
    tab.shot("education-risks")
    tab.assert_accessible()

    # The child's file, 教育 tab: no enrolment yet, the open risk; 登记学籍.
    row.get_by_role("link", name=child["name"]).click()
    expect(page.get_by_test_id("child-name")).to_have_text(child["name"])
    page.get_by_role("tab", name="教育").click()
    section = page.get_by_test_id("education-section")
    expect(section.get_by_test_id("education-risk")).to_contain_text("适龄未入学")
    section.get_by_test_id("record-enrolment").click()
    dialog = page.get_by_test_id("enrolment-dialog")
    expect(dialog).to_be_visible()
    tab.choose("学校", f"{SCHOOL}（大峪街道）")
    expect(dialog.get_by_role("combobox", name="学段")).to_be_enabled()
    expect(dialog.locator(".el-select").nth(1)).to_contain_text("小学")
    dialog.get_by_role("spinbutton", name="年级").fill("4")
    tab.shot("education-enrolment")
    dialog.get_by_test_id("enrolment-save").click()
    expect(dialog).to_be_hidden()
    expect(section.get_by_test_id("enrolments")).to_contain_text(SCHOOL)
    expect(section.get_by_test_id("enrolments")).to_contain_text("在读")
    expect(section.get_by_test_id("education-risk")).to_have_count(0)
    tab.shot("education-child")

    # The risk is gone from the list.
    assert not at_risk(embedded, child["id"])
    tab.goto("/education/risks")
    expect(page.get_by_test_id("risks")).not_to_contain_text(child["name"])

    # The department's other pages: the schools (the demo ones marked) and aid.
    tab.goto("/education/schools")
    expect(page.get_by_test_id("schools").locator("tr", has_text=SCHOOL)).to_contain_text("演示")
    tab.shot("education-schools")
    tab.assert_accessible()
    tab.goto("/education/aid")
    expect(page.get_by_test_id("aid-programmes")).to_contain_text("学前教育资助")
    tab.shot("education-aid")
    tab.assert_accessible()
    tab.sign_out()

    # The school's staff: their school's pupils, the child among them; not the department's page.
    tab.sign_in(TEACHER, path="/school")
    expect(page.get_by_test_id("school-title")).to_contain_text(SCHOOL)
    pupil = page.get_by_test_id("pupils").locator("tr", has_text=child["name"])
    expect(pupil).to_contain_text("小学 4年级")
    menu = page.get_by_role("navigation", name="主菜单")
    expect(menu.get_by_role("menuitem", name="本校学生")).to_be_visible()
    expect(menu.get_by_role("menuitem", name="控辍保学")).to_have_count(0)
    tab.shot("education-school")
    tab.assert_accessible()
    tab.goto("/education/risks")
    expect(page.get_by_test_id("forbidden")).to_contain_text("无权访问此页面")
