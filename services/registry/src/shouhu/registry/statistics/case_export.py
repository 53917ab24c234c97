"""The accountability figures of protection cases (追责) as a workbook: by town, by reporter."""

from __future__ import annotations

from shouhu.registry.cases.deadlines import Step
from shouhu.registry.statistics.schemas import CaseFigures, CaseStatistics
from shouhu.registry.statistics.workbook import Cell, Sheet, figures_xlsx

# Per step: ended, median hours, worst hours, late.
STEP_COLUMNS = ("完成数", "中位小时", "最长小时", "超时数")


def _row(figures: CaseFigures) -> list[Cell]:
    row: list[Cell] = [figures.name, figures.reports]
    for step in figures.steps:
        row += [step.ended, step.median_hours, step.worst_hours, step.late]
    return row


def case_statistics_xlsx(found: CaseStatistics, *, title: str) -> bytes:
    """Sheets 按镇街 and 按报告主体, the whole as each sheet's first row."""
    names = {s.step: s.name for s in found.total.steps}
    header = [f"{names[step]}{column}" for step in Step for column in STEP_COLUMNS]
    sheets = [
        Sheet(
            name=sheet_name,
            header=(dimension, "报告件数", *header),
            widths=(24, 10, *(12 for _ in header)),
            rows=[["合计", *_row(found.total)[1:]], *(_row(f) for f in rows)],
        )
        for sheet_name, dimension, rows in (
            ("按镇街", "镇街", found.by_town),
            ("按报告主体", "报告主体", found.by_reporter),
        )
    ]
    return figures_xlsx(sheets, period=(found.from_date, found.to_date), title=title)
