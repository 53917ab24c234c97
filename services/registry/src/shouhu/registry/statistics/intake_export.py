"""The district's view of intakes (督查考核) as a workbook: one sheet by town, one by department."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shouhu.registry.statistics.workbook import Sheet, figures_xlsx


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


def _days(value: float | None) -> float | None:
    return None if value is None else float(value)


def intake_statistics_xlsx(
    rows: Sequence[IntakeStatisticsRow], *, period: tuple[date, date], title: str
) -> bytes:
    """The rows as a workbook: sheets 按镇街 and 按部门, rows in the order given."""
    sheets = [
        Sheet(
            name=sheet_name,
            header=(dimension, *FIGURES),
            widths=WIDTHS,
            rows=[
                (
                    r.name,
                    r.applications,
                    r.open_tasks,
                    r.overdue_tasks,
                    _days(r.median_days),
                    _days(r.p90_days),
                )
                for r in rows
                if r.kind == kind
            ],
        )
        for kind, (sheet_name, dimension) in SHEETS.items()
    ]
    return figures_xlsx(sheets, period=period, title=title)
