"""A semester's ledger for the finance office (财务科): CSV (UTF-8 with BOM, for Excel) and XLSX,
in the shape of benefits' payment batch export."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from shouhu.education.aid.rules import Rules
from shouhu.education.enrolments.stages import Stages
from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform import divisions
from shouhu.platform.spreadsheets import csv_chunks, plain_yuan, town_totals, workbook

HEADER = (
    "序号",
    "学期",
    "镇街代码",
    "镇街",
    "社区（村）代码",
    "社区（村）",
    "儿童编号",
    "儿童姓名",
    "学段",
    "资助项目",
    "发放金额（分）",
    "发放金额（元）",
)
TOTALS_HEADER = ("镇街代码", "镇街", "资助项目", "人次", "金额（分）", "金额（元）")


def rows(
    semester: str, lines: Iterable[Sequence[Any]], rules: Rules, stages: Stages
) -> Iterator[tuple[Any, ...]]:
    """Ledger rows from (town, village, child, name, programme, stage, fen) lines."""
    for number, (town, village, child, name, programme, stage, fen) in enumerate(lines, start=1):
        yield (
            number,
            semester,
            town,
            divisions.name(town),
            village,
            divisions.name(village),
            child,
            name,
            stages.of(SchoolStage(stage)).name,
            rules.programme(programme).name,
            fen,
            plain_yuan(fen),
        )


def to_csv(
    semester: str, lines: Iterable[Sequence[Any]], rules: Rules, stages: Stages
) -> Iterator[bytes]:
    """The ledger as CSV, a chunk at a time."""
    return csv_chunks(HEADER, rows(semester, lines, rules, stages))


def to_xlsx(
    semester: str,
    lines: Iterable[Sequence[Any]],
    totals: Iterable[tuple[str, str, int, int]],
    rules: Rules,
    stages: Stages,
) -> bytes:
    """The ledger as a workbook: 发放明细 and 汇总 sheets."""
    return workbook(
        [
            (f"{semester}发放明细", HEADER, rows(semester, lines, rules, stages)),
            ("汇总", TOTALS_HEADER, town_totals(totals, lambda p: rules.programme(p).name)),
        ]
    )
