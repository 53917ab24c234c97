"""Education in the browser, the second slice: the school's staff (teacher.110109001) import a
small CSV roster on 本校学生 (one child the registry holds, one number nobody filed) and read the
report, row and column of the unknown number included, the child then among their pupils, whose
non-Beijing documents they check (送教与材料, read through the pupil's education); the
district's department places a disabled child at home teaching from the file's 教育 tab, plans
it, records a session, and reads this month's count on 送教上门 and the figures on 教育统计.
"""

from __future__ import annotations

import csv
import io
import secrets
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from shouhu.platform.clock import today
from shouhu.platform.testing import eventually, fresh_identity_number, graphql

VILLAGE = "110109001001"
ADMIN = "admin.district"
DEPARTMENT = "education.district"
TEACHER = "teacher.110109001"  # tied by the demo data to 大峪中心小学（演示）
SCHOOL = "大峪中心小学（演示）"
HEADER = ["身份证号", "姓名", "学段", "年级", "入学日期", "寄宿"]
REGISTER = """
mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id version name } }
"""
CLASSIFY = """
mutation Classify($id: ID!, $version: Int!, $input: ClassifyChildInput!) {
  classifyChild(id: $id, version: $version, input: $input) { id version }
}
"""
EDUCATION = "query ($id: ID!) { child(id: $id) { education { enrolments { id } } } }"


def call(platform: Any, username: str, document: str, variables: dict[str, Any]) -> Any:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    return body["data"]


def registered(platform: Any, prefix: str, birth: date, **extra: str) -> dict[str, Any]:
    """A child of 大峪街道 filed with a number of its own, once education's projection has it."""
    number = fresh_identity_number(birth, male=True)
    child_input = {
        "name": f"{prefix}{uuid.uuid4().hex[:4]}",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": number,
        "residenceDivisionCode": VILLAGE,
        **extra,
    }
    child: dict[str, Any] = call(platform, ADMIN, REGISTER, {"input": child_input})["registerChild"]
    child["idNumber"] = number
    eventually(
        lambda: call(platform, DEPARTMENT, EDUCATION, {"id": child["id"]})["child"]["education"],
        timeout=30,
    )
    return child


def disabled(platform: Any) -> dict[str, Any]:
    """A boy of ten classified disabled (残疾儿童) at the registry."""
    child = registered(platform, "送教", date(2016, 1, 1) + timedelta(days=secrets.randbelow(300)))
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


def roster(tmp: Path, known: str) -> Path:
    """One child the registry holds and one well-formed number nobody filed (born elsewhere)."""
    born = date(2015, 1, 1) + timedelta(days=secrets.randbelow(300))
    unknown = fresh_identity_number(born, male=False, division="130102")
    since = (today() - timedelta(days=60)).isoformat()
    out = io.StringIO()
    csv.writer(out).writerows(
        [
            HEADER,
            [known, "王小明", "小学", "四年级", since, "否"],
            [unknown, "李不在", "小学", 4, since, ""],
        ]
    )
    path = tmp / "花名册.csv"
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))
    return path


def test_a_school_imports_its_roster_and_the_department_teaches_a_child_at_home(
    tab, embedded, tmp_path
):
    page = tab.page
    # The disabled child first: its classification reaches education while the school imports.
    taught = disabled(embedded)
    # The roster's child: hukou in Shijiazhuang (非京籍), so the school checks its documents.
    born = date(2016, 1, 1) + timedelta(days=secrets.randbelow(300))
    pupil = registered(embedded, "花名", born, hukouDivisionCode="130102")

    # 本校学生: the school's staff import the roster, keeping the good rows.
    tab.sign_in(TEACHER, path="/school")
    expect(page.get_by_test_id("school-title")).to_contain_text(SCHOOL)
    card = page.get_by_test_id("roster-import")
    expect(card.get_by_test_id("roster-template-csv")).to_have_attribute(
        "href", "/rosters/template.csv"
    )
    card.get_by_test_id("roster-file").set_input_files(str(roster(tmp_path, pupil["idNumber"])))
    expect(card).to_contain_text("花名册.csv")
    card.get_by_role("radio", name="导入正确的行，跳过有误的行").check(force=True)
    card.get_by_test_id("roster-upload").click()
    report = card.get_by_test_id("roster-report")
    expect(report.get_by_test_id("roster-verdict")).to_contain_text("新登记学籍 1 人")
    expect(report.get_by_test_id("roster-enrolled")).to_have_text("1")
    expect(report.get_by_test_id("roster-unmatched")).to_have_text("1")
    bad = report.get_by_test_id("roster-errors").locator("tr", has_text="未在本区登记")
    expect(bad).to_contain_text("3")
    expect(bad).to_contain_text("身份证号")
    expect(page.get_by_test_id("pupils")).to_contain_text(pupil["name"])
    tab.shot("education-roster")
    tab.assert_accessible()

    # 送教与材料 of the pupil (the school reads no file): the non-Beijing documents, checked.
    page.get_by_test_id(f"inclusion-{pupil['id']}").click()
    block = page.get_by_role("dialog", name=f"送教与材料：{pupil['name']}")
    expect(block.get_by_test_id("documents-complete")).to_have_text("材料不全")
    block.get_by_test_id("documents-open").click()
    check = page.get_by_role("dialog", name="核验非京籍入学材料")
    expect(check).to_contain_text("仍缺")
    boxes = check.locator(".el-checkbox")
    for i in range(boxes.count()):
        if "is-checked" not in (boxes.nth(i).get_attribute("class") or ""):
            boxes.nth(i).click()
    expect(check).to_contain_text("必需材料已齐全")
    check.get_by_test_id("documents-save").click()
    expect(page.get_by_test_id("school-notice")).to_contain_text("入学材料已齐全")
    tab.sign_out()

    # The department: the disabled child's file, 教育 tab, 安置决定 at home teaching.
    tab.sign_in(DEPARTMENT, path=f"/children/{taught['id']}")
    expect(page.get_by_test_id("child-name")).to_have_text(taught["name"])
    page.get_by_role("tab", name="教育").click()
    section = page.get_by_test_id("education-section")
    section.get_by_test_id("placement-decide").click()
    dialog = page.get_by_role("dialog", name="安置决定")
    expect(dialog).to_be_visible()
    tab.choose("安置方式", "送教上门")
    tab.choose("学校", SCHOOL)
    dialog.get_by_label("评估意见").fill("重度肢体残疾，暂不能到校，建议送教上门")

    def placed() -> bool | None:
        # Education learns the disability from the registry's event: until then it refuses.
        dialog.get_by_test_id("placement-save").click()
        try:
            expect(dialog).to_be_hidden(timeout=5_000)
            return True
        except AssertionError:
            return None

    eventually(placed, timeout=60)
    expect(section.get_by_test_id("placement")).to_contain_text("送教上门")
    expect(section.get_by_test_id("placement")).to_contain_text("区残疾儿童入学评估委员会")

    # 送教计划: the district's defaults, four sessions a month, two hours each.
    section.get_by_test_id("plan-open").click()
    plan = page.get_by_role("dialog", name="送教计划")
    plan.get_by_label("送教教师").fill("李老师")
    plan.get_by_test_id("plan-save").click()
    expect(plan).to_be_hidden()
    expect(section.get_by_test_id("home-teaching")).to_contain_text("李老师")
    expect(section.get_by_test_id("month-progress")).to_have_text("0/4次")

    # 记录送教: today, two hours; the month counts one.
    section.get_by_test_id("session-open").click()
    held = page.get_by_role("dialog", name="记录送教")
    held.get_by_label("送教内容").fill("生活自理训练、语文识字")
    held.get_by_test_id("session-save").click()
    expect(held).to_be_hidden()
    expect(section.get_by_test_id("sessions")).to_contain_text("生活自理训练")
    expect(section.get_by_test_id("month-progress")).to_have_text("1/4次")
    tab.shot("education-home-teaching-child")
    tab.assert_accessible()

    # 送教上门: the district's plans, this month's count against the schedule.
    tab.goto("/education/home-teaching")
    row = page.get_by_test_id("home-teaching-list").locator("tr", has_text=taught["name"])
    expect(row).to_contain_text("李老师")
    expect(row.get_by_test_id(f"ht-month-{taught['id']}")).to_have_text("1/4次")
    tab.shot("education-home-teaching")
    tab.assert_accessible()

    # 教育统计: every child and the non-Beijing side by side, by town.
    tab.goto("/education/statistics")
    expect(page.get_by_test_id("es-figures")).to_contain_text("送教上门")
    expect(page.get_by_test_id("es-towns")).to_contain_text("大峪街道")
    tab.shot("education-statistics")
    tab.assert_accessible()
