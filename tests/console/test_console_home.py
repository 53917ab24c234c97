"""The home page by role: the work with its deadlines (overdue in red) and the notifications,
live: a report filed elsewhere reaches the police's open page without a reload, with a banner
and a sound until it is acknowledged.

On an embedded platform of this module's own: its clock is moved, and its receipt and case
numbers have prefixes of their own, so that no text it sends through the run's one fake SMS
provider can be taken for another platform's (each numbers from 000001).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from shouhu.platform.clock import today
from shouhu.platform.testing import eventually, fresh_identity_number, graphql

from ..conftest import embedded_platform
from .conftest import Tab, open_tab

SUBMIT = """mutation Submit($input: SubmitIntakeInput!) {
  submitIntake(input: $input) { id receiptNumber tasks { id department dueAt } } }"""
FILE = """mutation File($input: ReportInput!) { fileReport(input: $input) { id caseNumber } }"""
INBOX = """{ notifications(first: 50) {
  edges { node { id subjectRef severity requiresAck acknowledgedAt } } } }"""
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
OVERDUE_RED = "rgb(198, 40, 40)"  # --shouhu-overdue


OWN_NUMBERS = {"SHOUHU_INTAKE_RECEIPT_PREFIX": "SYTEST", "SHOUHU_CASE_NUMBER_PREFIX": "SY-BG"}


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with embedded_platform(tmp_path_factory.mktemp("console-home"), OWN_NUMBERS) as own:
        yield own


@pytest.fixture
def tab(chromium: Any, platform: Any) -> Iterator[Tab]:
    with open_tab(chromium, platform.urls["gateway"]) as opened:
        yield opened


def call(platform: Any, username: str, document: str, variables: dict[str, Any] | None = None):
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    return body["data"]


def submit_intake(platform: Any, needs: list[str]) -> dict[str, Any]:
    birth = date(2016, 3, 14)
    child = {
        "name": f"首页{uuid.uuid4().hex[:4]}",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=True),
        "residenceDivisionCode": "110109001001",
    }
    application = {
        "child": child,
        "applicantName": "王建国",
        "applicantRelation": "PARENT",
        "applicantPhone": "13900001313",
        "needs": needs,
        "materials": ["户口簿"],
    }
    intake: dict[str, Any] = call(platform, "clerk.110109001", SUBMIT, {"input": application})[
        "submitIntake"
    ]
    return intake


def file_report(platform: Any) -> dict[str, Any]:
    report = {
        "childName": f"报告{uuid.uuid4().hex[:4]}",
        "childAge": 9,
        "divisionCode": "110109001001",
        "kind": "NEGLECT",
        "occurredOn": (today() - timedelta(days=1)).isoformat(),
        "description": "学生连续多日无人接送，放学后独自在校门口等候",
        "institution": "大峪第一小学",
        "urgent": True,
    }
    filed: dict[str, Any] = call(platform, "reporter.school.110109001", FILE, {"input": report})[
        "fileReport"
    ]
    return filed


def test_a_task_shows_its_deadline_and_turns_red_when_overdue(tab, platform):
    intake = submit_intake(platform, ["HUKOU_REGISTRATION"])
    receipt = intake["receiptNumber"]
    tab.sign_in("police.110109001")
    row = tab.page.get_by_test_id("todo-tasks").get_by_role("row").filter(has_text=receipt)
    expect(row).to_contain_text("户籍登记")
    expect(row).to_contain_text("待受理")
    expect(row).to_contain_text(DATE)
    expect(row).not_to_contain_text("已逾期")
    platform.move_clock(timedelta(days=60).total_seconds())
    try:
        tab.page.reload()
        expect(row).to_contain_text("已逾期")
        date_cell = row.locator("span.overdue")
        expect(date_cell).to_have_text(DATE)
        assert date_cell.evaluate("e => getComputedStyle(e).color") == OVERDUE_RED
        expect(tab.page.get_by_test_id("tile-overdue")).not_to_contain_text("—")
        tab.shot("home-police-overdue")

        # The window's clerk follows the application: open, a department past its deadline.
        tab.sign_out()
        tab.sign_in("clerk.110109001")
        application = tab.page.get_by_test_id("todo-intakes").get_by_role("row")
        application = application.filter(has_text=receipt)
        expect(application).to_contain_text("户籍登记")
        expect(application).to_contain_text("0/1 个部门已办结")
        expect(application).to_contain_text("已逾期")
        tab.shot("home-clerk-overdue")
    finally:
        platform.move_clock(0)


def test_a_report_reaches_the_polices_open_page_live_until_acknowledged(tab, platform):
    tab.sign_in("police.110109001")
    tab.live()
    report = file_report(platform)

    def notice() -> dict[str, Any] | None:
        edges = call(platform, "police.110109001", INBOX)["notifications"]["edges"]
        found = [e["node"] for e in edges if e["node"]["subjectRef"] == f"case:{report['id']}"]
        return found[0] if found else None

    alert = eventually(notice, timeout=60)
    assert alert["severity"] == "URGENT" and alert["requiresAck"] is True
    # No reload: the subscription brings it, the banner and the badge show it.
    acknowledge = tab.page.get_by_test_id(f"acknowledge-{alert['id']}")
    expect(acknowledge).to_be_visible()
    banner = tab.page.get_by_test_id("urgent-banner")
    expect(banner).to_contain_text("紧急")
    expect(tab.page.get_by_test_id("notification-badge")).to_contain_text(re.compile(r"\d"))
    expect(tab.page.get_by_test_id(f"notification-{alert['id']}")).to_contain_text("未读")
    # The police's list of reports to accept follows it too.
    reports = tab.page.get_by_test_id("todo-reports-REPORTED").get_by_role("row")
    expect(reports.filter(has_text=report["caseNumber"])).to_contain_text("待公安受理")
    # The sound: the browser holds it until the person touches the page, and then it plays.
    expect(banner).to_have_attribute("data-alarm", re.compile("sounding|blocked"))
    if banner.get_attribute("data-alarm") == "blocked":
        banner.get_by_role("button", name="开启提示音").click()
    expect(banner).to_have_attribute("data-alarm", "sounding")
    tab.shot("home-police-alert")
    tab.assert_accessible()

    acknowledge.click()
    expect(acknowledge).to_have_count(0)
    expect(tab.page.get_by_test_id(f"notification-{alert['id']}")).to_contain_text("确认")
    acknowledged = eventually(lambda: (notice() or {}).get("acknowledgedAt"), timeout=30)
    assert acknowledged
    tab.shot("home-police-acknowledged")
