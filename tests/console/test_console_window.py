"""The single window in the browser: a clerk registers a new child on the window's form and
takes an application for living allowance and legal aid, seeing the departments and deadlines
appear as the needs are ticked; the receipt prints and downloads as a PDF; the judicial bureau
accepts and completes its task on its board, and the application's page shows it."""

from __future__ import annotations

import re
import uuid
from datetime import date

from playwright.sync_api import expect

from shouhu.platform.testing import fresh_identity_number

DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def test_a_clerk_takes_an_application_and_the_judicial_bureau_completes_its_part(tab):
    page = tab.page
    child_name = f"窗口{uuid.uuid4().hex[:4]}"
    birth = date(2016, 3, 14)
    tab.sign_in("clerk.110109001", path="/intake/new")
    expect(page.get_by_role("heading", name="一门受理", level=1)).to_be_visible()

    # A new child, registered on the same form.
    page.get_by_test_id("mode-new").click()
    page.get_by_label("儿童姓名").fill(child_name)
    page.locator("label.el-radio", has_text="男").click()
    page.get_by_label("出生日期").fill(birth.isoformat())
    page.get_by_label("出生日期").press("Enter")
    page.get_by_label("身份证号（选填）").fill(fresh_identity_number(birth, male=True))
    tab.choose("镇（街道）", "大峪街道")
    tab.choose("村（社区）", "德露苑社区居委会")

    page.get_by_label("申请人姓名").fill("王建国")
    tab.choose("与儿童关系", "父母")
    # A wrong mobile number is refused by the form, as the server would, nothing lost.
    page.get_by_label("申请人手机号").fill("1390000131")

    # Ticking the needs shows their departments and deadlines.
    routes = page.get_by_test_id("routes")
    page.locator("label.el-checkbox", has_text="基本生活保障").click()
    expect(routes).to_contain_text("民政")
    expect(routes).to_contain_text(DATE)
    page.locator("label.el-checkbox", has_text="法律援助").click()
    expect(routes).to_contain_text("司法")
    materials = page.get_by_test_id("materials")
    expect(materials.locator("label.el-checkbox").first).to_be_visible()
    materials.locator("label.el-checkbox").first.click()
    expect(materials.get_by_role("checkbox").first).to_be_checked()
    tab.shot("window-form")
    tab.assert_accessible()

    page.get_by_test_id("submit").click()
    expect(page.get_by_text("手机号码应为11位中国大陆手机号")).to_be_visible()
    expect(page.get_by_label("儿童姓名")).to_have_value(child_name)
    page.get_by_label("申请人手机号").fill("13900001313")
    page.get_by_test_id("submit").click()

    # The receipt: its number, the departments and their deadlines.
    page.wait_for_url(re.compile(r"/console/intake/[^/]+/receipt$"))
    expect(page.get_by_role("heading", name="受理回执", level=1)).to_be_visible()
    expect(page.get_by_test_id("receipt-number")).to_have_text(re.compile(r"\S+-\d{4}-\d+"))
    receipt_number = page.get_by_test_id("receipt-number").inner_text()
    tasks = page.get_by_test_id("receipt-tasks")
    expect(tasks).to_contain_text("司法")
    expect(tasks).to_contain_text("民政")
    expect(tasks).to_contain_text(DATE)
    tab.shot("window-receipt")
    tab.assert_accessible()

    # 打印 calls the browser's print; 下载PDF saves the server's receipt.
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1 } }")
    page.get_by_test_id("print").click()
    assert page.evaluate("() => window.__printed") == 1
    with page.expect_download() as download_info:
        page.get_by_test_id("download-pdf").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    page.get_by_test_id("to-intake").click()
    expect(page.get_by_role("heading", name="申请办理详情", level=1)).to_be_visible()
    expect(page.get_by_test_id("timeline")).to_contain_text("窗口受理")
    intake_path = page.url.split("/console", 1)[1]
    tab.sign_out()

    # The judicial bureau's board: the task, accepted and completed in place.
    tab.sign_in("judicial.district", path="/tasks")
    expect(page.get_by_role("heading", name="部门待办", level=1)).to_be_visible()
    row = page.locator("tr.task-row").filter(has_text=receipt_number)
    expect(row).to_be_visible()
    expect(row).to_contain_text("待受理")
    tab.shot("tasks-board")
    tab.assert_accessible()
    row.get_by_role("button", name="受理", exact=True).click()
    page.get_by_role("dialog").get_by_role("button", name="确定").click()
    expect(row).to_contain_text("办理中")
    row.get_by_role("button", name="办结", exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("办理结果").fill("已指派律师提供法律援助")
    dialog.get_by_role("button", name="确定").click()
    expect(row).to_contain_text("已办结")

    # From its row, the application's page: where the other departments' parts stand.
    row.get_by_role("link", name=receipt_number).click()
    expect(page.get_by_role("heading", name="申请办理详情", level=1)).to_be_visible()
    expect(page.get_by_test_id("intake-tasks")).to_contain_text("已办结")
    tab.sign_out()

    # The application's page as the clerk sees it: the judicial bureau's completion on the
    # timeline.
    tab.sign_in("clerk.110109001", path=intake_path)
    expect(page.get_by_role("heading", name="申请办理详情", level=1)).to_be_visible()
    expect(page.get_by_test_id("intake-tasks")).to_contain_text("已办结")
    timeline = page.get_by_test_id("timeline")
    expect(timeline).to_contain_text("部门办结")
    expect(timeline).to_contain_text("已指派律师提供法律援助")
    expect(timeline).to_contain_text("judicial.district")
    tab.shot("intake-page")
    tab.assert_accessible()


def test_what_the_clerk_typed_survives_an_expired_session_and_goes_at_sign_out(tab):
    page = tab.page
    tab.sign_in("clerk.110109001", path="/intake/new")
    page.get_by_test_id("mode-new").click()
    page.get_by_label("儿童姓名").fill("草稿")
    tab.choose("镇（街道）", "大峪街道")
    tab.choose("村（社区）", "德露苑社区居委会")
    page.get_by_label("申请人姓名").fill("赵春梅")
    page.locator("label.el-checkbox", has_text="法律援助").click()

    # The session is gone (the tab's tokens and the realm's cookie dropped, as when both have
    # expired): the next page load goes through the login page and back to the form, as it was.
    page.context.clear_cookies()
    page.evaluate(
        """() => Object.keys(sessionStorage)
            .filter((k) => k.startsWith('oidc.user:'))
            .forEach((k) => sessionStorage.removeItem(k))"""
    )
    tab.sign_in("clerk.110109001", path="/intake/new")
    expect(page.get_by_label("儿童姓名")).to_have_value("草稿")
    expect(page.get_by_label("申请人姓名")).to_have_value("赵春梅")
    expect(page.locator(".el-select__selected-item", has_text="德露苑社区居委会")).to_be_visible()
    expect(page.locator("label.el-checkbox.is-checked", has_text="法律援助")).to_be_visible()
    expect(page.get_by_test_id("routes")).to_contain_text("司法")

    # Signing out leaves nothing of it in the tab.
    tab.sign_out()
    tab.sign_in("clerk.110109001", path="/intake/new")
    page.get_by_test_id("mode-new").click()
    expect(page.get_by_label("申请人姓名")).to_have_value("")
