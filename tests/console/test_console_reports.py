"""The protection cases in the browser (issue 13, docs/cases.md): a school's mandated reporter
files an urgent report with a photo on the form; the town's police, whose case inbox is already
open, see it arrive live (banner and row, no reload), accept it in place, record the response and
notify the town (通报) on the case page; the town's social worker records the assessment, and the
case page shows each step's clock against its limit. The form keeps what was typed through a
reload, and shows the server's error by the field it names.

On an embedded platform of this module's own, with case and receipt number prefixes of its own
(every platform numbers from 000001; docs/console.md "platforms of their own"): it files
reports and moves the clock.
"""

from __future__ import annotations

import base64
import re
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from playwright.sync_api import expect

from ..conftest import embedded_platform
from .conftest import Tab, open_tab

OWN_NUMBERS = {"SHOUHU_INTAKE_RECEIPT_PREFIX": "BGTEST", "SHOUHU_CASE_NUMBER_PREFIX": "BG-RPT"}
CASE_NUMBER = re.compile(r"BG-RPT-\d{4}-\d{6}")
BEIJING = timezone(timedelta(hours=8))
OVERDUE_RED = "rgb(198, 40, 40)"  # --shouhu-overdue
# A 1×1 PNG: the registry tells a file by its first bytes.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with embedded_platform(tmp_path_factory.mktemp("console-reports"), OWN_NUMBERS) as own:
        yield own


@pytest.fixture
def tab(chromium: Any, platform: Any) -> Iterator[Tab]:
    with open_tab(chromium, platform.urls["gateway"]) as opened:
        yield opened


def fill_report(tab: Tab, marker: str) -> None:
    page = tab.page
    page.get_by_label("儿童姓名（不知道可不填）").fill(f"小明{marker}")
    page.get_by_label("年龄（可估计）").fill("9")
    tab.choose("事发地点（镇街）", "大峪街道")
    tab.choose("报告情形", "遭受侵害")
    page.get_by_test_id("report-urgent").click()
    expect(page.get_by_test_id("report-urgent").get_by_role("checkbox")).to_be_checked()
    page.get_by_label("情况描述").fill(f"学生手臂多处淤青，称在家被打（{marker}）。")
    page.get_by_label("报告单位").fill("大峪第一小学")
    town = page.locator(".el-select").filter(
        has=page.get_by_role("combobox", name="事发地点（镇街）", exact=True)
    )
    expect(town).to_contain_text("大峪街道")


def test_a_report_goes_from_the_form_to_the_police_live_and_on_to_the_town(chromium, platform):
    try:
        the_case_from_the_form_to_the_town(chromium, platform)
    finally:
        platform.move_clock(0)


def the_case_from_the_form_to_the_town(chromium: Any, platform: Any) -> None:
    gateway = platform.urls["gateway"]
    with open_tab(chromium, gateway) as police, open_tab(chromium, gateway) as reporter:
        # The police's inbox is open before the report is filed.
        police.sign_in("police.110109001", path="/reports")
        expect(police.page.get_by_role("heading", name="案件办理", level=1)).to_be_visible()
        police.live()

        reporter.sign_in("reporter.school.110109001", path="/reports/new")
        page = reporter.page
        expect(page.get_by_role("heading", name="强制报告", level=1)).to_be_visible()
        # Sent empty: each missing field named by it, as the server names them; nothing sent.
        page.get_by_test_id("report-submit").click()
        form = page.get_by_test_id("report-form")
        expect(form).to_contain_text("请描述发现的情况")
        expect(form).to_contain_text("请填写报告机构名称")
        expect(form).to_contain_text("请填写儿童年龄（可估计）")
        expect(form).to_contain_text("请填写事发地点")

        marker = uuid.uuid4().hex[:6]
        fill_report(reporter, marker)
        # The cap is shown; a photo goes with the report once it is filed.
        expect(page.get_by_test_id("attachment-cap")).to_contain_text("5.0 MB")
        page.get_by_label("选择附件").set_input_files(
            {"name": "淤青.png", "mimeType": "image/png", "buffer": PNG}
        )
        expect(page.get_by_test_id("chosen-files")).to_contain_text("淤青.png")
        expect(form).not_to_contain_text("请描述发现的情况")
        reporter.shot("report-form")
        reporter.assert_accessible()

        # The second press sends it (the draft's bug: it sent nothing).
        page.get_by_test_id("report-submit").click()
        receipt = page.get_by_test_id("report-receipt")
        expect(receipt).to_contain_text("报告已提交")
        number = page.get_by_test_id("case-number").inner_text()
        assert CASE_NUMBER.fullmatch(number), number
        expect(page.get_by_test_id("case-status")).to_have_text("待公安受理")
        expect(receipt).to_contain_text("1小时内受理")  # urgent, as the reporter said
        expect(page.get_by_test_id("receipt-files")).to_contain_text("已上传")
        # The reporter's own list: the status only.
        mine = page.get_by_test_id("my-reports").get_by_role("row").filter(has_text=number)
        expect(mine).to_contain_text("待公安受理")
        expect(mine).not_to_contain_text(marker)
        reporter.shot("report-receipt")
        reporter.assert_accessible()

        # The police's open inbox: the banner and the row, live, without a reload.
        expect(police.page.get_by_test_id("urgent-banner")).to_be_visible()
        row = police.page.get_by_test_id("inbox").locator("tr.case-row").filter(has_text=number)
        expect(row).to_contain_text("待公安受理")
        expect(row).to_contain_text("紧急")
        expect(row).to_contain_text("报告至受理")
        police.shot("reports-inbox")
        police.assert_accessible()
        # Only the urgent ones, filtered by the API: still there.
        police.choose("紧急程度", "仅看紧急")
        expect(row).to_contain_text("待公安受理")

        # Two hours on, the hour to accept an urgent report has run out: the deadline in red.
        platform.move_clock(timedelta(hours=2).total_seconds())
        police.page.get_by_test_id("inbox-refresh").click()
        deadline = row.get_by_test_id("case-deadline")
        expect(deadline).to_contain_text("已超时")
        assert deadline.evaluate("e => getComputedStyle(e).color") == OVERDUE_RED

        # Accepted in place.
        row.get_by_role("button", name="受理", exact=True).click()
        expect(row).to_contain_text("公安已受理")
        expect(row).to_contain_text("受理至通报镇街")

        # The case page: the response (出警), then 通报 to the town.
        row.get_by_role("link", name="办理").click()
        cp = police.page
        expect(cp.get_by_role("heading", name="案件详情", level=1)).to_be_visible()
        case_path = cp.url.split("/console", 1)[1]
        expect(cp.get_by_test_id("case-facts")).to_contain_text(marker)
        expect(cp.get_by_test_id("case-attachments")).to_contain_text("淤青.png")
        cp.get_by_test_id("action-respond").click()
        dialog = cp.get_by_role("dialog")
        # Without a measure: the field says so, nothing sent.
        dialog.get_by_test_id("action-confirm").click()
        expect(dialog).to_contain_text("请选择处置措施")
        police.choose("处置措施", "送医救治")
        dialog.get_by_label("处置情况说明（选填）").fill("民警到校，送区医院检查")
        dialog.get_by_test_id("action-confirm").click()
        expect(dialog).to_be_hidden()
        expect(cp.get_by_test_id("case-responses")).to_contain_text("送医救治")

        cp.get_by_test_id("action-notify").click()
        dialog = cp.get_by_role("dialog")
        dialog.get_by_label("通报说明（选填）").fill("请镇街评估监护状况")
        dialog.get_by_test_id("action-confirm").click()
        expect(dialog).to_be_hidden()
        expect(cp.get_by_test_id("case-status")).to_have_text("已通报镇街")
        expect(cp.get_by_test_id("assessment-due")).to_contain_text("前")
        timeline = cp.get_by_test_id("case-timeline")
        for step in ("收到报告", "添加附件", "公安受理", "出警处置", "通报镇街"):
            expect(timeline).to_contain_text(step)

    with open_tab(chromium, gateway) as worker:
        # The town's social worker: the assessment.
        worker.sign_in("worker.110109001", path=case_path)
        wp = worker.page
        form = wp.get_by_test_id("assessment-form")
        expect(form).to_be_visible()
        form.get_by_test_id("assess-submit").click()
        expect(form).to_contain_text("请评定人身安全风险等级")
        expect(form).to_contain_text("请填写评估意见")
        for domain, level in (("safety", "高"), ("guardianship", "中"), ("health", "低")):
            form.get_by_test_id(f"risk-{domain}").locator("label.el-radio", has_text=level).click()
        wp.get_by_label("人身安全说明").fill("手臂淤青，家中有殴打")
        wp.get_by_label("评估意见").fill("监护人存在殴打行为，建议临时照料并开展家庭教育指导")
        wp.get_by_label("请村（社区）督导员（选填）").fill("每周入户看望一次")
        worker.shot("case-assessment-form")
        worker.assert_accessible()
        form.get_by_test_id("assess-submit").click()
        expect(wp.get_by_test_id("case-status")).to_have_text("已评估")
        assessment = wp.get_by_test_id("case-assessment")
        expect(assessment).to_contain_text("高风险")
        expect(assessment).to_contain_text("worker.110109001")

        # The clocks: every step begun, hours against its limit, none running now.
        clocks = wp.get_by_test_id("case-clocks")
        for step in ("发现至报告", "报告至受理", "受理至通报镇街", "通报至评估"):
            expect(clocks).to_contain_text(step)
        expect(clocks).to_contain_text("按时完成")
        expect(clocks).not_to_contain_text("进行中")
        late = clocks.locator("tr.row-overdue")
        expect(late).to_have_count(1)
        expect(late).to_contain_text("报告至受理")
        expect(late).to_contain_text("已超时")
        assert late.locator("span.overdue").first.evaluate("e => getComputedStyle(e).color") == (
            OVERDUE_RED
        )
        worker.shot("case-page")
        worker.assert_accessible()


def test_the_form_keeps_a_draft_through_a_reload_and_shows_the_servers_error_by_its_field(
    tab, platform
):
    page = tab.page
    tab.sign_in("reporter.school.110109001", path="/reports/new")
    marker = uuid.uuid4().hex[:6]
    fill_report(tab, marker)
    # Found an hour ago, by the reporter's clock.
    found = (datetime.now(BEIJING) - timedelta(hours=1)).strftime("%Y年%-m月%-d日 %H:%M")
    page.get_by_label("发现时间（不填为现在）").fill(found)
    page.get_by_label("发现时间（不填为现在）").press("Enter")
    expect(page.get_by_label("发现时间（不填为现在）")).to_have_value(found)

    page.reload()
    expect(page.get_by_label("情况描述")).to_have_value(re.compile(marker))
    expect(page.get_by_label("儿童姓名（不知道可不填）")).to_have_value(f"小明{marker}")
    expect(page.get_by_label("报告单位")).to_have_value("大峪第一小学")
    expect(page.get_by_label("发现时间（不填为现在）")).to_have_value(found)
    expect(page.get_by_test_id("report-form")).to_contain_text("大峪街道")

    # The platform's clock a day behind the reporter's: the finding is in the server's future,
    # which only the server can tell; its message stands by the field, nothing typed is lost.
    platform.move_clock(-timedelta(days=1).total_seconds())
    try:
        page.get_by_test_id("report-submit").click()
        item = page.locator(".el-form-item").filter(has=page.get_by_label("发现时间（不填为现在）"))
        expect(item).to_contain_text("发现时间不能晚于现在")
        expect(page.get_by_test_id("report-error")).to_contain_text("服务器未接受以下标出的内容")
        expect(page.get_by_label("情况描述")).to_have_value(re.compile(marker))
        tab.shot("report-form-server-error")
        tab.assert_accessible()
    finally:
        platform.move_clock(0)

    # On a tablet the form is one column, every field reachable.
    page.set_viewport_size({"width": 800, "height": 1280})
    expect(page.get_by_label("情况描述")).to_be_visible()
    tab.shot("report-form-tablet")
    page.set_viewport_size({"width": 1366, "height": 768})

    # Sent again, now that the clocks agree: filed, and the draft is gone.
    page.get_by_test_id("report-submit").click()
    expect(page.get_by_test_id("case-number")).to_have_text(CASE_NUMBER)
    page.reload()
    expect(page.get_by_label("情况描述")).to_have_value("")


def test_a_clerk_files_for_a_caller_of_the_hotline(tab):
    page = tab.page
    tab.sign_in("clerk.110109001", path="/reports/new")
    caller = page.get_by_test_id("report-caller")
    expect(caller).to_be_visible()
    # Staff who read files may name a known child; this caller describes one.
    expect(page.get_by_test_id("child-known")).to_be_visible()
    fill_report(tab, uuid.uuid4().hex[:6])
    page.get_by_label("来电人姓名").fill("李秀英")
    page.get_by_label("来电人电话").fill("6984123")  # no area code: the callback needs it
    page.get_by_test_id("report-submit").click()
    expect(caller).to_contain_text("电话应为11位手机号，或带区号的固定电话")
    page.get_by_label("来电人电话").fill("010-69841234")
    page.get_by_test_id("report-submit").click()
    expect(page.get_by_test_id("case-number")).to_have_text(CASE_NUMBER)
    tab.shot("report-receipt-hotline")
