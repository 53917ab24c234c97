"""The district's view of intakes (督查考核) as a workbook: one sheet by town, one by department."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]


class IntakeDimension(StrEnum):
    """What a row of intake statistics counts by."""

    TOWN = "TOWN"
    DEPARTMENT = "DEPARTMENT"


@dataclass(frozen=True)
class IntakeStatisticsRow:
    """One town's or one department's figures over a period; days None where nothing completed."""

    kind: IntakeDimension
    code: str  # the division code of a town, the Department value of a department
    name: str
    applications: int
    open_tasks: int
    overdue_tasks: int
    median_days: float | None
    p90_days: float | None


# 镇街, as everywhere else in the platform: the district's towns are towns (镇) and streets (街道).
SHEETS = {IntakeDimension.TOWN: ("按镇街", "镇街"), IntakeDimension.DEPARTMENT: ("按部门", "部门")}
FIGURES = ("受理件数", "在办任务", "逾期任务", "办结中位天数", "办结90分位天数")
WIDTHS = (24, 12, 12, 12, 14, 16)
DAYS_FORMAT = "0.0"
SHADE = PatternFill("solid", fgColor="F2F2F2")


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def intake_statistics_xlsx(
    rows: Sequence[IntakeStatisticsRow], *, period: tuple[date, date], title: str
) -> bytes:
    """The rows as a workbook: sheets 按镇街 and 按部门, rows in the order given."""
    start, end = period
    if start > end:
        raise ValueError("the period ends before it starts")
    heading = f"{title}（{_chinese_date(start)}至{_chinese_date(end)}）"
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for kind, (sheet_name, dimension) in SHEETS.items():
        sheet = workbook.create_sheet(sheet_name)
        header = (dimension, *FIGURES)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        title_cell = sheet.cell(row=1, column=1, value=heading)
        # A title or a name that starts with "=" is text here, never a formula to run.
        title_cell.data_type = "s"
        title_cell.font = Font(bold=True, size=14)
        title_cell.alignment = Alignment(horizontal="center")
        for column, text in enumerate(header, start=1):
            cell = sheet.cell(row=2, column=column, value=text)
            cell.font = Font(bold=True)
            cell.fill = SHADE
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for number, row in enumerate((r for r in rows if r.kind == kind), start=3):
            name = sheet.cell(row=number, column=1, value=row.name)
            name.data_type = "s"
            for column, value in enumerate(
                (row.applications, row.open_tasks, row.overdue_tasks), start=2
            ):
                sheet.cell(row=number, column=column, value=value)
            for column, days in ((5, row.median_days), (6, row.p90_days)):
                # No completed task: an empty cell, which a sum or an average passes over (0 would
                # read as "done the same day").
                if days is not None:
                    sheet.cell(row=number, column=column, value=days).number_format = DAYS_FORMAT
        for column, width in enumerate(WIDTHS, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A3"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
