"""Statistics and payments in the browser: the statistics page draws its charts with the
figures the API gives beside them and downloads the registry's workbooks as real XLSX files;
district civil affairs runs a month's payment batch (twice: the second run pays nothing again,
and the page says so), reads its totals by town and programme and downloads its files.

On an embedded platform of this module's own: it files an application and a report and runs a
payment batch, with receipt and case numbers of its own (see test_console_home.py).
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import openpyxl
import pytest
from playwright.sync_api import expect

from shouhu.platform.clock import today
from shouhu.platform.testing import fresh_identity_number, graphql

from ..conftest import embedded_platform
from .conftest import Tab, open_tab

OWN_NUMBERS = {"SHOUHU_INTAKE_RECEIPT_PREFIX": "SYSTAT", "SHOUHU_CASE_NUMBER_PREFIX": "SY-TJ"}
XLSX_SIGNATURE = b"PK\x03\x04"  # a workbook is a zip

SUBMIT = """mutation Submit($input: SubmitIntakeInput!) { submitIntake(input: $input) { id } }"""
FILE = """mutation File($input: ReportInput!) { fileReport(input: $input) { id } }"""
CHILDREN = """query ($asOf: Date) { childStatistics(divisionCode: "110109", asOf: $asOf) {
  counts { divisionName total leftBehind byPrimaryCategory { key shown } }
  children { divisionName total byPrimaryCategory { key shown } } } }"""
INTAKES = """query ($from: Date!, $to: Date!) { intakeStatistics(from: $from, to: $to) {
  byDepartment { name applications openTasks overdueTasks } } }"""
BATCH = """query ($month: String!) { paymentBatch(month: $month) {
  id lineCount totalFen totals { townName programme lineCount totalFen } } }"""


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with embedded_platform(tmp_path_factory.mktemp("console-statistics"), OWN_NUMBERS) as own:
        yield own


@pytest.fixture
def tab(chromium: Any, platform: Any) -> Iterator[Tab]:
    with open_tab(chromium, platform.urls["gateway"]) as opened:
        yield opened


def call(platform: Any, username: str, document: str, variables: dict[str, Any] | None = None):
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    return body["data"]


def yuan(fen: int) -> str:
    """Fen as the console writes money: 1,234.56 元."""
    return f"{fen // 100:,}.{fen % 100:02d} 元"


def some_work(platform: Any) -> None:
    """An application at the window and a mandatory report, so the figures are not all zero."""
    birth = date(2015, 6, 1)
    call(
        platform,
        "clerk.110109001",
        SUBMIT,
        {
            "input": {
                "child": {
                    "name": f"统计{uuid.uuid4().hex[:4]}",
                    "gender": "FEMALE",
                    "birthDate": birth.isoformat(),
                    "idNumber": fresh_identity_number(birth, male=False),
                    "residenceDivisionCode": "110109001001",
                },
                "applicantName": "李秀英",
                "applicantRelation": "GUARDIAN",
                "applicantPhone": "13900002424",
                "needs": ["LIVING_ALLOWANCE", "LEGAL_AID"],
                "materials": ["户口簿"],
            }
        },
    )
    call(
        platform,
        "reporter.school.110109001",
        FILE,
        {
            "input": {
                "childName": f"报告{uuid.uuid4().hex[:4]}",
                "childAge": 10,
                "divisionCode": "110109001001",
                "kind": "NEGLECT",
                "occurredOn": (today() - timedelta(days=1)).isoformat(),
                "description": "学生连续多日无人接送，放学后独自在校门口等候",
                "institution": "大峪第一小学",
                "urgent": False,
            }
        },
    )


def workbook(path: str) -> openpyxl.Workbook:
    with open(path, "rb") as file:
        content = file.read()
    assert content[:4] == XLSX_SIGNATURE
    return openpyxl.load_workbook(io.BytesIO(content), read_only=True)


def test_statistics_draw_with_the_api_figures_beside_them_and_download_as_xlsx(tab, platform):
    some_work(platform)
    page = tab.page
    tab.sign_in("admin.district", path="/statistics")
    expect(page.get_by_role("heading", name="统计分析", level=1)).to_be_visible()

    # Every chart is drawn (ECharts, SVG) beside its table.
    for section in ("categories", "trend", "intakes", "cases"):
        chart = page.get_by_test_id(f"section-{section}").get_by_test_id("chart")
        expect(chart.locator("svg")).to_have_count(1)
        expect(chart.locator("svg path").first).to_be_attached()

    # The figures tables carry what the API gives: the district, each town, each category.
    day = page.get_by_test_id("period-shown").inner_text()
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", day), day
    as_of = today().isoformat()
    figures = call(platform, "admin.district", CHILDREN, {"asOf": as_of})["childStatistics"]
    table = page.get_by_test_id("category-table")
    whole = figures["counts"]
    whole_row = table.locator("tr", has_text=f"{whole['divisionName']}合计")
    expect(whole_row).to_be_visible()
    cells = [whole["total"], *(c["shown"] for c in whole["byPrimaryCategory"]), whole["leftBehind"]]
    expect(whole_row.locator("td")).to_have_text([whole["divisionName"] + "合计", *map(str, cells)])
    assert whole["total"] > 0
    for town in figures["children"]:
        row = table.locator("tr", has_text=town["divisionName"]).first
        expect(row.locator("td").nth(1)).to_have_text(str(town["total"]))
    trend = page.get_by_test_id("trend-table")
    expect(trend.locator("tbody tr")).to_have_count(12)
    expect(trend.locator("tbody tr").last.locator("td").nth(1)).to_have_text(str(whole["total"]))

    # The page's default period: the twelve months of the trend, up to today.
    year, month = (
        (today().year, today().month - 11)
        if today().month == 12
        else (
            today().year - 1,
            today().month + 1,
        )
    )
    period = {"from": date(year, month, 1).isoformat(), "to": as_of}
    departments = call(platform, "admin.district", INTAKES, period)["intakeStatistics"]
    civil = next(d for d in departments["byDepartment"] if d["name"] == "区民政局")
    assert civil["applications"] >= 1
    row = page.get_by_test_id("intake-departments").locator("tr", has_text="区民政局")
    expect(row.locator("td").nth(1)).to_have_text(str(civil["applications"]))
    expect(page.get_by_test_id("case-steps")).to_contain_text("报告至受理")
    expect(page.get_by_test_id("case-reporters")).to_contain_text("大峪第一小学")
    tab.shot("statistics")
    tab.assert_accessible()

    # The registry's workbooks, fetched with the person's token and saved as files.
    with page.expect_download() as download_info:
        page.get_by_test_id("download-intakes").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    assert {"按镇街", "按部门"} <= set(workbook(str(download.path())).sheetnames)
    with page.expect_download() as download_info:
        page.get_by_test_id("download-cases").click()
    assert {"按镇街", "按报告主体"} <= set(workbook(str(download_info.value.path())).sheetnames)

    # A period the registry would refuse is refused by the form, in its words, by the field.
    page.get_by_label("开始日期").fill(as_of)
    page.get_by_label("开始日期").press("Enter")
    page.get_by_label("结束日期").fill((today() - timedelta(days=3)).isoformat())
    page.get_by_label("结束日期").press("Enter")
    page.get_by_test_id("period-apply").click()
    expect(page.get_by_text("结束日期不能早于开始日期")).to_be_visible()
    expect(page.get_by_label("开始日期")).to_have_value(as_of)


def test_a_clerk_sees_the_window_figures_and_no_case_figures(tab):
    tab.sign_in("clerk.110109001", path="/statistics")
    page = tab.page
    expect(page.get_by_test_id("category-table")).to_contain_text("合计")
    expect(page.get_by_test_id("intake-towns")).to_contain_text("大峪街道")
    expect(page.get_by_test_id("section-cases")).to_have_count(0)
    expect(page.get_by_test_id("download-cases")).to_have_count(0)
    tab.shot("statistics-clerk")
    tab.assert_accessible()


def pick_month(page, month: str) -> None:
    """The month typed into its picker, taken as the field is left (Tab), the panel closed: an
    Enter would also submit the form behind it, racing the run button's own click."""
    page.get_by_label("发放月份").fill(month)
    page.get_by_label("发放月份").press("Tab")
    expect(page.locator(".el-picker__popper")).to_be_hidden()


def test_civil_affairs_runs_a_month_twice_and_reads_its_totals_and_files(tab, platform):
    page = tab.page
    month = today().strftime("%Y-%m")
    month_name = f"{today().year}年{today().month}月"
    tab.sign_in("admin.district", path="/payments")
    expect(page.get_by_role("heading", name="保障金发放", level=1)).to_be_visible()
    programmes = page.get_by_test_id("programmes")
    expect(programmes).to_contain_text("困境儿童生活保障")
    expect(programmes.locator("tr", has_text="困境儿童生活保障")).to_contain_text(
        re.compile(r"\d{1,3}(,\d{3})*\.\d{2} 元/人·月")
    )

    # A month not yet begun is refused by the form as benefits refuses it.
    pick_month(page, f"{today().year + 1}年1月")
    page.get_by_test_id("run-batch").click()
    expect(page.get_by_text("之间的月份生成发放批次")).to_be_visible()

    pick_month(page, month_name)
    page.get_by_test_id("run-batch").click()
    dialog = page.get_by_role("dialog", name="确认生成发放批次")
    expect(dialog).to_contain_text(month_name)
    expect(dialog.get_by_test_id("run-existing")).to_have_count(0)
    tab.assert_accessible()
    dialog.get_by_test_id("run-confirm").click()
    outcome = page.get_by_test_id("run-outcome")
    expect(outcome).to_contain_text(f"已生成{month_name}的发放批次")

    batch = call(platform, "admin.district", BATCH, {"month": month})["paymentBatch"]
    assert batch["lineCount"] > 0, "the seeded children are paid this month"
    expect(page.get_by_test_id("batch-total")).to_have_text(yuan(int(batch["totalFen"])))
    totals = page.get_by_test_id("batch-totals")
    for town in {t["townName"] for t in batch["totals"]}:
        town_fen = sum(int(t["totalFen"]) for t in batch["totals"] if t["townName"] == town)
        expect(totals.locator("tr", has_text=town).locator("td").last).to_contain_text(
            yuan(town_fen)
        )
    expect(totals.locator("tr", has_text="合计").last).to_contain_text(yuan(int(batch["totalFen"])))
    expect(totals).to_contain_text("困境儿童生活保障")
    tab.shot("payments")
    tab.assert_accessible()

    # The same month again: the same batch, nothing paid twice, and the page says so.
    pick_month(page, month_name)
    page.get_by_test_id("run-batch").click()
    expect(dialog.get_by_test_id("run-existing")).to_contain_text("不会重复发放")
    dialog.get_by_test_id("run-confirm").click()
    expect(outcome).to_contain_text("未重复发放")
    expect(outcome).to_contain_text(yuan(int(batch["totalFen"])))
    expect(page.get_by_test_id("batches").locator("tbody tr", has_text=month_name)).to_have_count(1)
    again = call(platform, "admin.district", BATCH, {"month": month})["paymentBatch"]
    assert again == batch
    tab.shot("payments-again")

    # The batch's files for the finance office.
    with page.expect_download() as download_info:
        page.get_by_test_id("download-xlsx").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    assert len(workbook(str(download.path())).sheetnames) >= 2
    with page.expect_download() as download_info:
        page.get_by_test_id("download-csv").click()
    with open(download_info.value.path(), "rb") as csv:
        assert csv.read(3) == b"\xef\xbb\xbf"  # UTF-8 with BOM, for Excel

    # A programme's standard for next year (this year's would decide every child again), typed
    # in yuan: a slip is refused by the form as benefits would, then saved and shown.
    next_year = today().year + 1
    row = page.get_by_test_id("programmes").locator("tr", has_text="困境儿童生活保障")
    row.get_by_role("button", name="设定标准：困境儿童生活保障").click()
    dialog = page.get_by_role("dialog", name="设定保障标准")
    year = dialog.get_by_role("combobox", name="年度", exact=True)
    year.click(force=True)
    page.get_by_role("option", name=f"{next_year}年", exact=True).click()
    dialog.get_by_label("月标准（元）").fill("一千九")
    dialog.get_by_test_id("standard-save").click()
    expect(dialog.get_by_text("请填写金额（元），如 1800 或 1800.50")).to_be_visible()
    tab.assert_accessible()
    dialog.get_by_label("月标准（元）").fill("1900")
    dialog.get_by_test_id("standard-save").click()
    expect(dialog).to_be_hidden()
    row.get_by_role("button", name="设定标准：困境儿童生活保障").click()
    expect(dialog.get_by_test_id("standard-history")).to_contain_text(
        f"{next_year}年：1,900.00 元（admin.district"
    )
