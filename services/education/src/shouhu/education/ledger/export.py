"""A semester's ledger for the finance office (财务科): CSV (UTF-8 with BOM, for Excel) and XLSX,
in the shape of benefits' payment batch export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import openpyxl  # type: ignore[import-untyped]

from shouhu.education.aid.engine import yuan
from shouhu.education.aid.rules import Rules
from shouhu.education.enrolments.stages import Stages
from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform import divisions

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
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: Any) -> Any:
    """A cell the finance office's spreadsheet shows and never runs: text with a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows(
    semester: str, lines: Iterable[Sequence[Any]], rules: Rules, stages: Stages
) -> Iterator[tuple[Any, ...]]:
    """Ledger rows from (town, village, child, name, programme, stage, fen) lines."""
    for number, (town, village, child, name, programme, stage, fen) in enumerate(lines, start=1):
        yield tuple(
            map(
                as_text,
                (
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
                    yuan(fen).replace(",", ""),
                ),
            )
        )


def total_rows(totals: Iterable[tuple[str, str, int, int]], rules: Rules) -> list[tuple[Any, ...]]:
    """(town, programme, lines, fen) → rows with names, and a last row for the whole."""
    out: list[tuple[Any, ...]] = []
    count = amount = 0
    for town, programme, lines, fen in totals:
        name = rules.programme(programme).name
        out.append((town, divisions.name(town), name, lines, fen, yuan(fen).replace(",", "")))
        count, amount = count + lines, amount + fen
    out.append(("", "合计", "", count, amount, yuan(amount).replace(",", "")))
    return out


def to_csv(
    semester: str, lines: Iterable[Sequence[Any]], rules: Rules, stages: Stages
) -> Iterator[bytes]:
    """The ledger as CSV, a chunk at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(HEADER)
    for index, row in enumerate(rows(semester, lines, rules, stages)):
        writer.writerow(row)
        if index % 2000 == 1999:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def to_xlsx(
    semester: str,
    lines: Iterable[Sequence[Any]],
    totals: Iterable[tuple[str, str, int, int]],
    rules: Rules,
    stages: Stages,
) -> bytes:
    """The ledger as a workbook: 发放明细 and 汇总 sheets (write-only, in constant memory)."""
    book = openpyxl.Workbook(write_only=True)
    detail = book.create_sheet(f"{semester}发放明细")
    detail.append(list(HEADER))
    for row in rows(semester, lines, rules, stages):
        detail.append(list(row))
    summary = book.create_sheet("汇总")
    summary.append(list(TOTALS_HEADER))
    for row in total_rows(totals, rules):
        summary.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
