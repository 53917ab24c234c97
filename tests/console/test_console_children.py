"""Children's files, the village ledger and the visits in the browser.

A village supervisor downloads the ledger template, fills it (openpyxl) with two good rows and
one bad, uploads it on a tablet and reads the report naming that row and column; the good rows
are in the children's search after. A town social worker searches and opens a file, reads each
tab, and edits it while someone else changes it: the conflict is explained in Chinese, what was
typed is kept and re-applied; the classifications and the household are changed too, and an
edit survives an expired session. The police read a file without the parts they do not see.
The overdue visits list shows a child, a visit is recorded from its row, and the child leaves
the list.

On an embedded platform of this module's own (it files children and visits), with receipt and
case number prefixes of its own as the other writing modules have (docs/console.md).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from playwright.sync_api import expect

from shouhu.platform.clock import today
from shouhu.platform.testing import fresh_identity_number, graphql

from ..conftest import embedded_platform
from .conftest import Tab, open_tab

OWN_NUMBERS = {"SHOUHU_INTAKE_RECEIPT_PREFIX": "ETTEST", "SHOUHU_CASE_NUMBER_PREFIX": "ET-BG"}
VILLAGE = "110109001001"
TABLET = {"width": 820, "height": 1180}
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")

REGISTER = (
    """mutation($input: RegisterChildInput!) { registerChild(input: $input) { id version } }"""
)
GUARDIANS = """mutation($id: ID!, $version: Int!, $input: SetGuardiansInput!) {
  setGuardians(childId: $id, version: $version, input: $input) { id version } }"""
VERSION = """query($id: ID!) { child(id: $id) { version } }"""
UPDATE = """mutation($id: ID!, $version: Int!, $input: UpdateChildInput!) {
  updateChild(id: $id, version: $version, input: $input) { id version } }"""
VISIT = """mutation($id: ID!, $input: VisitInput!) {
  recordVisit(childId: $id, input: $input) { id } }"""
MEASURE = """mutation($id: ID!, $input: PlanMeasureInput!) {
  addPlanMeasure(childId: $id, input: $input) { id } }"""


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with embedded_platform(tmp_path_factory.mktemp("console-children"), OWN_NUMBERS) as own:
        yield own


@pytest.fixture
def tab(chromium: Any, platform: Any) -> Iterator[Tab]:
    with open_tab(chromium, platform.urls["gateway"]) as opened:
        yield opened


def call(platform: Any, username: str, document: str, variables: dict[str, Any]) -> Any:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    return body["data"]


def name(prefix: str) -> str:
    """A Chinese name no other test uses (the registry holds back same name + birth + village)."""
    chars = "安柏晨达恩芳冠浩佳俊凯乐明楠琪然顺婷伟欣雅怡宇泽智"
    return prefix + "".join(secrets.choice(chars) for _ in range(3))


def register(platform: Any, username: str, child_name: str, **extra: Any) -> dict[str, Any]:
    child = {
        "name": child_name,
        "gender": "MALE",
        "birthDate": "2014-05-20",
        "residenceDivisionCode": VILLAGE,
        **extra,
    }
    registered: dict[str, Any] = call(platform, username, REGISTER, {"input": child})[
        "registerChild"
    ]
    return registered


def test_a_village_supervisor_imports_a_ledger_with_one_bad_row(tab, platform, tmp_path):
    page = tab.page
    page.set_viewport_size(TABLET)
    tab.sign_in("supervisor.110109001001", path="/ledger")
    expect(page.get_by_role("heading", name="台账导入", level=1)).to_be_visible()
    menu = page.get_by_role("navigation", name="主菜单")
    expect(menu.get_by_role("menuitem", name="台账导入")).to_be_visible()

    # The template, as the page offers it.
    with page.expect_download() as download_info:
        page.get_by_test_id("template-xlsx").click()
    template = download_info.value
    assert template.suggested_filename.endswith(".xlsx")
    template.save_as(tmp_path / "模板.xlsx")
    workbook = load_workbook(tmp_path / "模板.xlsx")
    sheet = workbook.worksheets[0]
    headers = [str(c.value) for c in sheet[1] if c.value]
    assert headers[:3] == ["姓名*", "性别*", "出生日期*"], headers
    column = {h.rstrip("*"): i + 1 for i, h in enumerate(headers)}

    # Filled as a village does: two good rows, one with a wrong identity number (row 4).
    good = [name("台甲"), name("台乙")]
    born = date(2015, 5, 1)
    rows = [
        {
            "姓名": good[0],
            "性别": "男",
            "出生日期": born,
            "居住地区划代码": VILLAGE,
            "分类": "父母双方外出务工",
            "分类起始日期": date(2026, 1, 1),
        },
        {
            "姓名": good[1],
            "性别": "女",
            "出生日期": born,
            "居住地区划代码": VILLAGE,
            "身份证号": fresh_identity_number(born, male=False),
        },
        {
            "姓名": name("台丙"),
            "性别": "男",
            "出生日期": born,
            "居住地区划代码": VILLAGE,
            "身份证号": "110109201505010000",
        },
    ]
    for index, row in enumerate(rows, start=2):
        for header, value in row.items():
            sheet.cell(row=index, column=column[header], value=value)
    ledger = tmp_path / "德露苑社区台账.xlsx"
    workbook.save(ledger)

    page.get_by_test_id("ledger-file").set_input_files(str(ledger))
    tab.shot("ledger-form-tablet")
    page.get_by_test_id("ledger-upload").click()

    report = page.get_by_test_id("ledger-report")
    expect(report).to_contain_text("德露苑社区台账.xlsx")
    expect(page.get_by_test_id("ledger-verdict")).to_contain_text("已导入 2 行；1 行有误未导入")
    errors = page.get_by_test_id("ledger-errors")
    bad = errors.locator("tbody tr")
    expect(bad).to_have_count(1)
    expect(bad.first.locator("td").nth(0)).to_have_text("4")
    expect(bad.first.locator("td").nth(1)).to_have_text("身份证号")
    expect(bad.first.locator("td").nth(2)).to_contain_text("身份证号码")
    totals = page.get_by_test_id("ledger-totals")
    expect(totals).to_contain_text("数据行3")
    expect(totals).to_contain_text("新建档案2")
    tab.shot("ledger-report-tablet")
    tab.assert_accessible()
    page.set_viewport_size({"width": 1366, "height": 768})
    tab.shot("ledger-report")

    # The good rows are files now, found by name in the search.
    tab.goto("/children")
    expect(page.get_by_role("heading", name="儿童档案", level=1)).to_be_visible()
    for child_name in good:
        page.get_by_label("姓名", exact=True).fill(child_name)
        page.get_by_test_id("search").click()
        found = page.get_by_test_id("children").locator("tbody tr")
        expect(found).to_have_count(1)
        expect(found.first).to_contain_text(child_name)
        expect(found.first).to_contain_text("德露苑")
    # The supervisor sees a masked number (docs/access-policy.md), as the API answers it.
    expect(found.first).to_contain_text("110109************")
    tab.shot("children-search-supervisor")
    tab.assert_accessible()


def test_a_file_opens_with_its_tabs_and_a_stale_edit_is_explained_not_lost(tab, platform):
    page = tab.page
    child_name = name("档案")
    child = register(platform, "worker.110109001", child_name, school="大峪一小")
    child = call(
        platform,
        "worker.110109001",
        GUARDIANS,
        {
            "id": child["id"],
            "version": child["version"],
            "input": {
                "guardians": [
                    {
                        "name": "王秀英",
                        "relation": "GRANDMOTHER",
                        "isGuardian": True,
                        "phone": "13900001111",
                    },
                    {
                        "name": "王建国",
                        "relation": "FATHER",
                        "isGuardian": True,
                        "workingAway": True,
                        "awayLocation": "广东省深圳市",
                    },
                ]
            },
        },
    )["setGuardians"]
    call(
        platform,
        "worker.110109001",
        VISIT,
        {
            "id": child["id"],
            "input": {
                "visitedOn": (today() - timedelta(days=3)).isoformat(),
                "seen": "儿童本人、祖母",
                "findings": "生活正常，学习用品齐全",
                "riskLevel": "LOW",
            },
        },
    )
    call(
        platform,
        "worker.110109001",
        MEASURE,
        {
            "id": child["id"],
            "input": {
                "department": "EDUCATION",
                "kind": "学业辅导",
                "description": "每周两次课后辅导",
            },
        },
    )

    tab.sign_in("worker.110109001", path="/children")
    expect(page.get_by_role("heading", name="儿童档案", level=1)).to_be_visible()
    page.get_by_label("姓名", exact=True).fill(child_name)
    page.get_by_test_id("search").click()
    row = page.get_by_test_id("children").locator("tbody tr").filter(has_text=child_name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("2014年5月20日")
    tab.shot("children-search")
    tab.assert_accessible()

    row.get_by_role("link", name=child_name).click()
    expect(page.get_by_role("heading", name="儿童档案详情", level=1)).to_be_visible()
    expect(page.get_by_test_id("child-name")).to_have_text(child_name)
    expect(page.get_by_test_id("child-identity")).to_contain_text("大峪一小")
    guardians = page.get_by_test_id("child-guardians")
    expect(guardians).to_contain_text("王秀英")
    expect(guardians).to_contain_text("广东省深圳市")
    tab.shot("child-identity")
    tab.assert_accessible()

    tabs = page.get_by_role("tab")
    tabs.filter(has_text="分类与变更").click()
    expect(page.get_by_test_id("child-history")).to_contain_text("建档")
    expect(page.get_by_test_id("child-history")).to_contain_text("更新家庭成员")
    tab.shot("child-history")
    tabs.filter(has_text="走访记录").click()
    expect(page.get_by_test_id("child-visits")).to_contain_text("生活正常，学习用品齐全")
    tab.shot("child-visits")
    tabs.filter(has_text="帮扶计划").click()
    expect(page.get_by_test_id("child-plan")).to_contain_text("区教委")
    expect(page.get_by_test_id("child-plan")).to_contain_text("每周两次课后辅导")
    tab.shot("child-plan")
    tabs.filter(has_text="福利待遇").click()
    expect(page.get_by_test_id("child-benefits")).to_be_visible()
    tab.shot("child-benefits")
    tabs.filter(has_text="保护案件").click()
    expect(page.get_by_test_id("child-cases")).to_be_visible()
    tab.shot("child-cases")
    tab.assert_accessible()

    # An edit begun, and someone else saves the file first.
    page.get_by_test_id("edit-child").click()
    dialog = page.get_by_role("dialog", name="修改基本信息")
    dialog.get_by_label("学校").fill("大峪二小")
    dialog.get_by_label("修改原因").fill("学校转学")
    version = call(platform, "clerk.110109001", VERSION, {"id": child["id"]})["child"]["version"]
    call(
        platform,
        "clerk.110109001",
        UPDATE,
        {
            "id": child["id"],
            "version": version,
            "input": {"notes": "祖母腿脚不便", "reason": "窗口核对"},
        },
    )
    dialog.get_by_test_id("edit-save").click()

    conflict = dialog.get_by_test_id("edit-conflict")
    expect(conflict).to_contain_text("这份档案已被他人修改")
    expect(conflict).to_contain_text("clerk.110109001")
    expect(conflict).to_contain_text(DATE)
    expect(dialog.get_by_test_id("conflict-changes")).to_contain_text("备注：（空） → 祖母腿脚不便")
    expect(conflict).to_contain_text("没有丢失")
    expect(dialog.get_by_label("学校")).to_have_value("大峪二小")
    expect(dialog.get_by_label("修改原因")).to_have_value("学校转学")
    tab.shot("child-edit-conflict")
    tab.assert_accessible()

    # Re-applied onto the latest file: the other's note stays, the typed school goes in.
    dialog.get_by_test_id("conflict-reapply").click()
    expect(dialog.get_by_test_id("edit-rebased")).to_be_visible()
    expect(dialog.get_by_label("学校")).to_have_value("大峪二小")
    expect(dialog.get_by_label("备注")).to_have_value("祖母腿脚不便")
    dialog.get_by_test_id("edit-save").click()
    expect(page.get_by_test_id("child-notice")).to_contain_text("基本信息已保存")
    identity = page.get_by_test_id("child-identity")
    expect(identity).to_contain_text("大峪二小")
    expect(identity).to_contain_text("祖母腿脚不便")

    # The classifications, sent as the complete set: the father works away, so 留守.
    tabs.filter(has_text="分类与变更").click()
    page.get_by_test_id("classify-child").click()
    classify = page.get_by_test_id("classify-dialog")
    classify.get_by_test_id("classify-add").click()
    classify.get_by_test_id("classify-save").click()
    expect(classify).to_contain_text("请选择分类")
    classify.get_by_role("combobox", name="第1项分类").click(force=True)
    page.get_by_role("option", name="一方外出务工另一方无监护能力", exact=True).click()
    classify.get_by_label("调整原因").fill("入户核查")
    tab.shot("child-classify")
    tab.assert_accessible()
    classify.get_by_test_id("classify-save").click()
    expect(page.get_by_test_id("child-notice")).to_contain_text("分类已保存")
    expect(page.get_by_test_id("child-classifications")).to_contain_text(
        "留守儿童 · 一方外出务工另一方无监护能力"
    )
    expect(page.get_by_test_id("child-history")).to_contain_text("调整分类")
    expect(page.get_by_test_id("child-history")).to_contain_text("原因：入户核查")

    # The household, sent whole: the mother added, working away.
    tabs.filter(has_text="身份与家庭").click()
    page.get_by_test_id("edit-guardians").click()
    household = page.get_by_test_id("guardians-dialog")
    expect(household.get_by_label("姓名")).to_have_count(2)
    household.get_by_test_id("guardians-add").click()
    mother = household.get_by_test_id("guardian-2")
    mother.get_by_label("姓名").fill("李芳")
    mother.get_by_role("combobox", name="家庭成员3与儿童关系").click(force=True)
    page.get_by_role("option", name="母亲", exact=True).click()
    mother.locator("label.el-checkbox", has_text="外出务工").click()
    mother.get_by_label("务工地点").fill("浙江省杭州市")
    tab.shot("child-guardians-edit")
    tab.assert_accessible()
    household.get_by_test_id("guardians-save").click()
    expect(page.get_by_test_id("child-notice")).to_contain_text("家庭成员已保存")
    guardians = page.get_by_test_id("child-guardians")
    expect(guardians).to_contain_text("李芳")
    expect(guardians).to_contain_text("浙江省杭州市")
    expect(guardians).to_contain_text("王秀英")


def test_an_overdue_visit_is_recorded_from_the_list_and_leaves_it(tab, platform):
    page = tab.page
    child_name = name("走访")
    child = register(platform, "worker.110109001", child_name)
    # Visited long ago, the next visit due yesterday: overdue today.
    call(
        platform,
        "worker.110109001",
        VISIT,
        {
            "id": child["id"],
            "input": {
                "visitedOn": (today() - timedelta(days=120)).isoformat(),
                "seen": "祖父",
                "findings": "家中无人照看",
                "riskLevel": "MEDIUM",
                "nextDue": (today() - timedelta(days=1)).isoformat(),
            },
        },
    )

    page.set_viewport_size(TABLET)
    tab.sign_in("supervisor.110109001001", path="/visits")
    expect(page.get_by_role("heading", name="定期走访", level=1)).to_be_visible()
    listed = page.get_by_test_id("overdue-visits").locator("tbody tr").filter(has_text=child_name)
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text("已逾期1天")
    expect(listed).to_contain_text(DATE)
    tab.shot("visits-tablet")
    tab.assert_accessible()
    page.set_viewport_size({"width": 1366, "height": 768})
    tab.shot("visits")

    listed.get_by_role("button", name="记录走访").click()
    dialog = page.get_by_test_id("visit-dialog")
    # The form checks as the registry does: who was seen and what was found are needed.
    dialog.get_by_test_id("visit-submit").click()
    expect(dialog).to_contain_text("走访对象不能为空")
    expect(dialog).to_contain_text("走访情况不能为空")
    dialog.get_by_label("走访对象").fill("儿童本人、祖父")
    dialog.get_by_label("走访情况").fill("已联系父亲，每周电话两次")
    dialog.locator("label", has_text="中").click()
    expect(dialog).to_contain_text("不填写时按走访周期")
    tab.shot("visit-form")
    tab.assert_accessible()
    dialog.get_by_test_id("visit-submit").click()

    expect(page.get_by_test_id("visit-notice")).to_contain_text(f"已记录{child_name}的走访")
    expect(listed).to_have_count(0)
    page.reload()
    expect(page.get_by_role("heading", name="定期走访", level=1)).to_be_visible()
    expect(page.get_by_test_id("overdue-visits")).not_to_contain_text(child_name)
    tab.goto(f"/children/{child['id']}")
    page.get_by_role("tab").filter(has_text="走访记录").click()
    expect(page.get_by_test_id("child-visits")).to_contain_text("已联系父亲，每周电话两次")


def test_a_department_reads_the_file_as_its_role_sees_it(tab, platform):
    page = tab.page
    tab.sign_in("police.110109001", path="/children")
    expect(page.get_by_role("heading", name="儿童档案", level=1)).to_be_visible()
    # The police search by name and by the whole number, never by classification.
    expect(page.get_by_label("身份证号", exact=True)).to_be_visible()
    expect(page.get_by_role("combobox", name="分类", exact=True)).to_have_count(0)
    page.get_by_label("姓名", exact=True).fill("zxm")  # 张小明, a demo file, by pinyin initials
    page.get_by_test_id("search").click()
    row = page.get_by_test_id("children").locator("tbody tr").filter(has_text="张小明")
    expect(row).to_have_count(1)
    row.get_by_role("link", name="张小明").click()
    expect(page.get_by_test_id("child-name")).to_have_text("张小明")
    expect(page.get_by_test_id("child-guardians")).to_be_visible()
    expect(page.get_by_test_id("edit-child")).to_have_count(0)
    tabs = page.get_by_role("tab")
    tabs.filter(has_text="分类与变更").click()
    expect(page.get_by_text("您的角色无权查看变更历史。")).to_be_visible()
    tabs.filter(has_text="福利待遇").click()
    expect(page.get_by_text("您的角色无权查看福利待遇。")).to_be_visible()
    tabs.filter(has_text="保护案件").click()
    expect(page.get_by_test_id("child-cases")).to_be_visible()
    tab.shot("child-police")
    tab.assert_accessible()


def test_an_edit_survives_an_expired_session(tab, platform):
    page = tab.page
    child_name = name("草稿")
    child = register(platform, "worker.110109001", child_name, school="大峪一小")
    tab.sign_in("worker.110109001", path=f"/children/{child['id']}")
    expect(page.get_by_test_id("child-name")).to_have_text(child_name)
    page.get_by_test_id("edit-child").click()
    dialog = page.get_by_role("dialog", name="修改基本信息")
    dialog.get_by_label("学校").fill("大峪中学")
    dialog.get_by_label("修改原因").fill("升学")

    # The session is gone (tokens and the realm's cookie, as when both expired): through the
    # login page and back, the dialog opens again as it was left, and saves.
    page.context.clear_cookies()
    page.evaluate(
        """() => Object.keys(sessionStorage)
            .filter((k) => k.startsWith('oidc.user:'))
            .forEach((k) => sessionStorage.removeItem(k))"""
    )
    tab.sign_in("worker.110109001", path=f"/children/{child['id']}")
    dialog = page.get_by_role("dialog", name="修改基本信息")
    expect(dialog).to_contain_text("已恢复您上次未保存的修改")
    expect(dialog.get_by_label("学校")).to_have_value("大峪中学")
    expect(dialog.get_by_label("修改原因")).to_have_value("升学")
    dialog.get_by_test_id("edit-save").click()
    expect(page.get_by_test_id("child-notice")).to_contain_text("基本信息已保存")
    expect(page.get_by_test_id("child-identity")).to_contain_text("大峪中学")


def test_a_child_moves_to_another_village_and_then_leaves(tab, platform):
    page = tab.page
    child_name = name("迁居")
    child = register(platform, "worker.110109001", child_name)
    tab.sign_in("worker.110109001", path=f"/children/{child['id']}")
    expect(page.get_by_test_id("child-name")).to_have_text(child_name)

    # 现居住地 among the town's villages (a town's worker cannot move a child out of the town).
    page.get_by_test_id("edit-child").click()
    dialog = page.get_by_role("dialog", name="修改基本信息")
    expect(dialog.get_by_label("现居住镇（街道）")).to_have_count(0)
    tab.choose("现居住村（社区）", "月季园东里社区居委会")
    dialog.get_by_label("修改原因").fill("随祖父母搬家")
    dialog.get_by_test_id("edit-save").click()
    expect(page.get_by_test_id("child-notice")).to_contain_text("基本信息已保存")
    expect(page.get_by_test_id("child-identity")).to_contain_text("月季园东里社区居委会")

    # 办理退出: the reason is required; the file stays, marked 已退出, and offers no more edits.
    page.get_by_test_id("exit-child").click()
    dialog = page.get_by_role("dialog", name="办理退出")
    dialog.get_by_test_id("exit-save").click()
    expect(dialog).to_contain_text("请选择退出原因")
    tab.choose("退出原因", "迁出本区")
    dialog.get_by_label("说明").fill("随父母迁往外省就读")
    tab.assert_accessible()
    dialog.get_by_test_id("exit-save").click()
    expect(page.get_by_test_id("child-notice")).to_contain_text("已办理退出")
    expect(page.get_by_test_id("child-identity")).to_contain_text("迁出本区")
    expect(page.get_by_test_id("edit-child")).to_have_count(0)
    expect(page.get_by_test_id("exit-child")).to_have_count(0)
    after = call(
        platform,
        "worker.110109001",
        """query($id: ID!) { child(id: $id) {
        status exitReason residenceDivision { code } } }""",
        {"id": child["id"]},
    )["child"]
    assert after == {
        "status": "EXITED",
        "exitReason": "MOVED_OUT",
        "residenceDivision": {"code": "110109001002"},
    }
