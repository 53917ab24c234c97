"""Figures over a period as a workbook: a title row, a shaded header, one sheet per dimension."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

DECIMAL_FORMAT = "0.0"
SHADE = PatternFill("solid", fgColor="F2F2F2")
Cell = str | int | float | None


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, its header, column widths, and rows (a name first, then figures)."""

    name: str
    header: Sequence[str]
    widths: Sequence[int]
    rows: Sequence[Sequence[Cell]]


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def figures_xlsx(sheets: Sequence[Sheet], *, period: tuple[date, date], title: str) -> bytes:
    """The sheets as a workbook, each titled `title（period）`, rows in the order given."""
    start, end = period
    if start > end:
        raise ValueError("the period ends before it starts")
    heading = f"{title}（{chinese_date(start)}至{chinese_date(end)}）"
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for sheet_data in sheets:
        sheet = workbook.create_sheet(sheet_data.name)
        header = sheet_data.header
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
        for number, row in enumerate(sheet_data.rows, start=3):
            for column, value in enumerate(row, start=1):
                # Nothing to measure: an empty cell, which a sum or an average passes over (0
                # would read as "done at once").
                if value is None:
                    continue
                cell = sheet.cell(row=number, column=column, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                elif isinstance(value, float):
                    cell.number_format = DECIMAL_FORMAT
        for column, width in enumerate(sheet_data.widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A3"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
