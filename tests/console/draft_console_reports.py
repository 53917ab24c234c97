"""The mandatory report from the console's form (issue 13): a school's reporter files it, the
police of the town have their home page open before and see it arrive live, no reload."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from .conftest import open_tab

NEGLECT = "监护缺失（疏于照料）"
CASE_NUMBER = re.compile(r"[A-Z]+-[A-Z]+-\d{4}-\d+")


def test_a_reporter_files_from_the_form_and_the_police_see_it_live(chromium, embedded):
    gateway = embedded.urls["gateway"]
    with open_tab(chromium, gateway) as police, open_tab(chromium, gateway) as reporter:
        police.sign_in("police.110109001")
        police.live()

        reporter.sign_in("reporter.school.110109001", path="/reports/new")
        page = reporter.page
        expect(page.get_by_role("heading", name="强制报告", level=1)).to_be_attached()
        # Sending it empty: each missing field is named by it, nothing sent.
        page.get_by_test_id("report-submit").click()
        expect(page.get_by_test_id("report-form")).to_contain_text("请填写情况描述")
        expect(page.get_by_test_id("report-form")).to_contain_text("须填写报告单位")
        reporter.shot("report-new-errors")

        marker = uuid.uuid4().hex[:8]
        page.fill("#report-child-name", f"小明{marker}")
        page.get_by_test_id("report-town").click()
        page.get_by_role("option", name="大峪街道").click()
        page.get_by_test_id("report-kind").click()
        page.get_by_role("option", name=NEGLECT).click()
        page.get_by_test_id("report-urgent").click()
        page.fill("#report-description", f"放学后未回家，家长联系不上（{marker}）。")
        page.fill("#report-institution", "大峪第一小学")
        reporter.shot("report-new-filled")
        page.get_by_test_id("report-submit").click()
        page.wait_for_timeout(3000)
        print("BTN", page.get_by_test_id("report-submit").get_attribute("class"))
        print("FORM", page.get_by_test_id("report-form").inner_text()[:300])
        reporter.shot("debug")
        receipt = page.get_by_test_id("report-receipt")
        page.on(
            "request", lambda r: print("REQ", r.url, r.post_data) if "graphql" in r.url else None
        )
        page.on(
            "response", lambda r: print("RESP", r.url, r.status) if "graphql" in r.url else None
        )
        expect(receipt).to_contain_text("报告已提交")
        number = page.get_by_test_id("case-number").inner_text()
        assert CASE_NUMBER.fullmatch(number), number
        expect(page.get_by_test_id("case-status")).to_contain_text("待公安受理")
        expect(
            page.get_by_test_id("my-reports").get_by_role("row").filter(has_text=number)
        ).to_be_visible()
        reporter.shot("report-new-receipt")
        reporter.assert_accessible()

        # The police's open page: the banner and the list, live.
        expect(police.page.get_by_test_id("urgent-banner")).to_be_visible()
        rows = police.page.get_by_test_id("todo-reports-REPORTED").get_by_role("row")
        expect(rows.filter(has_text=number)).to_contain_text("待公安受理")
        police.shot("home-police-report-from-form")
