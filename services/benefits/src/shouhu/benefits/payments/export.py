"""A batch for the finance office (财务科): CSV (UTF-8 with BOM, for Excel) and XLSX."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from shouhu.benefits.rules.schema import Rules
from shouhu.platform import divisions
from shouhu.platform.spreadsheets import csv_chunks, plain_yuan, town_totals, workbook

HEADER = (
    "序号",
    "发放月份",
    "镇街代码",
    "镇街",
    "社区（村）代码",
    "社区（村）",
    "儿童编号",
    "儿童姓名",
    "保障项目",
    "发放金额（分）",
    "发放金额（元）",
    "待遇编号",
)
TOTALS_HEADER = ("镇街代码", "镇街", "保障项目", "人次", "金额（分）", "金额（元）")


def rows(month: str, lines: Iterable[Sequence[Any]], rules: Rules) -> Iterator[tuple[Any, ...]]:
    """Ledger rows from (id, town, village, child, name, programme, fen, entitlement) lines."""
    for number, (_id, town, village, child, name, programme, fen, entitlement) in enumerate(
        lines, start=1
    ):
        yield (
            number,
            month,
            town,
            divisions.name(town),
            village,
            divisions.name(village),
            child,
            name,
            rules.programme(programme).name,
            fen,
            plain_yuan(fen),
            entitlement,
        )


def to_csv(month: str, lines: Iterable[Sequence[Any]], rules: Rules) -> Iterator[bytes]:
    """The ledger as CSV, a chunk at a time."""
    return csv_chunks(HEADER, rows(month, lines, rules))


def to_xlsx(
    month: str,
    lines: Iterable[Sequence[Any]],
    totals: Iterable[tuple[str, str, int, int]],
    rules: Rules,
) -> bytes:
    """The ledger as a workbook: 发放明细 and 汇总 sheets."""
    return workbook(
        [
            (f"{month}发放明细", HEADER, rows(month, lines, rules)),
            ("汇总", TOTALS_HEADER, town_totals(totals, lambda p: rules.programme(p).name)),
        ]
    )
