"""The intake statistics workbook (督查考核), read back with openpyxl; the percentile it uses."""

import io
import statistics
from datetime import date

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shouhu.platform.percentiles import percentile_cont
from shouhu.registry.statistics.intake_export import (
    IntakeDimension,
    IntakeStatisticsRow,
    intake_statistics_xlsx,
)

TOWN, DEPARTMENT = IntakeDimension.TOWN, IntakeDimension.DEPARTMENT
ROWS = [
    IntakeStatisticsRow(TOWN, "110109001", "大峪街道", 120, 14, 3, 6.0, 11.5),
    IntakeStatisticsRow(DEPARTMENT, "CIVIL_AFFAIRS", "区民政局", 95, 8, 1, 4.5, 9.0),
    IntakeStatisticsRow(TOWN, "110109101", "潭柘寺镇", 7, 7, 0, None, None),
    IntakeStatisticsRow(DEPARTMENT, "TRADE_UNION", "=区总工会", 0, 0, 0, None, None),
]
PERIOD = (date(2026, 1, 1), date(2026, 12, 31))


def workbook(rows: list[IntakeStatisticsRow] = ROWS) -> openpyxl.Workbook:
    data = intake_statistics_xlsx(rows, period=PERIOD, title="一门受理督查考核")
    return openpyxl.load_workbook(io.BytesIO(data))


def test_one_sheet_by_town_and_one_by_department_with_the_period_and_chinese_headers() -> None:
    book = workbook()

    assert book.sheetnames == ["按镇街", "按部门"]
    for name, dimension in (("按镇街", "镇街"), ("按部门", "部门")):
        sheet = book[name]
        assert sheet["A1"].value == "一门受理督查考核（2026年1月1日至2026年12月31日）"
        assert "A1:F1" in {str(r) for r in sheet.merged_cells.ranges}
        assert [c.value for c in sheet[2]] == [
            dimension,
            "受理件数",
            "在办任务",
            "逾期任务",
            "办结中位天数",
            "办结90分位天数",
        ]
        assert sheet.freeze_panes == "A3"
        assert all(sheet.column_dimensions[letter].width >= 12 for letter in "ABCDEF")


def test_figures_are_numbers_in_the_order_given_and_none_is_an_empty_cell() -> None:
    book = workbook()

    towns = [[c.value for c in row] for row in book["按镇街"].iter_rows(min_row=3)]
    assert towns == [
        ["大峪街道", 120, 14, 3, 6.0, 11.5],
        ["潭柘寺镇", 7, 7, 0, None, None],
    ]
    departments = book["按部门"]
    assert [c.value for c in departments[3]] == ["区民政局", 95, 8, 1, 4.5, 9.0]
    assert departments["E3"].number_format == "0.0"
    assert departments["E4"].value is None
    assert departments["E4"].data_type == "n"  # empty, not an empty string
    assert isinstance(departments["B3"].value, int)


def test_a_name_that_looks_like_a_formula_stays_text() -> None:
    cell = workbook()["按部门"]["A4"]

    assert cell.value == "=区总工会"
    assert cell.data_type == "s"


def test_no_rows_still_gives_both_sheets_with_their_headers() -> None:
    book = workbook([])

    assert [book[name].max_row for name in book.sheetnames] == [2, 2]


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="period"):
        intake_statistics_xlsx([], period=(date(2026, 2, 1), date(2026, 1, 1)), title="x")


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile_cont([], 0.5) is None
    assert percentile_cont([3.0], 0.9) == 3.0
    assert percentile_cont([1, 2, 3, 4], 0.5) == 2.5
    # PostgreSQL: percentile_cont(0.9) within group (order by d) over 1..10 is 9.1.
    assert percentile_cont(range(1, 11), 0.9) == pytest.approx(9.1)
    assert percentile_cont([5, 1, 3], 0) == 1
    assert percentile_cont([5, 1, 3], 1) == 5
    with pytest.raises(ValueError):
        percentile_cont([1.0], 1.5)


@given(st.lists(st.floats(min_value=0, max_value=1000), min_size=1))
def test_the_median_is_the_statistics_modules(durations: list[float]) -> None:
    assert percentile_cont(durations, 0.5) == pytest.approx(statistics.median(durations))
