"""The finance office's files run nothing: a cell that starts like a formula is text."""

from __future__ import annotations

import csv
import io

import openpyxl

from shouhu.benefits.payments.export import rows, to_csv, to_xlsx
from shouhu.benefits.rules.schema import load

PROGRAMME = "HARDSHIP_LIVING_ALLOWANCE"
NAMES = ['=HYPERLINK("http://x","点")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A9)", "\tx", "\rx"]


def _lines() -> list[tuple[object, ...]]:
    return [
        (
            f"l{i}",
            "110109001",
            "110109001001",
            f"c{i}",
            name,
            "HARDSHIP_LIVING_ALLOWANCE",
            180000,
            "e",
        )
        for i, name in enumerate([*NAMES, "王小明"])
    ]


def test_the_csv_holds_the_names_as_text() -> None:
    text = b"".join(to_csv("2026-11", _lines(), load())).decode("utf-8-sig")
    names = [row[7] for row in list(csv.reader(io.StringIO(text)))[1:]]
    assert names == ["'" + n for n in NAMES] + ["王小明"]


def test_the_workbook_holds_no_formula() -> None:
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx("2026-11", _lines(), [], load())))
    sheet = book.worksheets[0]
    cells = [row[7] for row in sheet.iter_rows(min_row=2)]
    expected = ["'" + n.replace("\r", "\n") for n in NAMES] + ["王小明"]  # XML keeps no CR
    assert [c.value for c in cells] == expected
    assert all(c.data_type == "s" for c in cells)  # not "f": nothing the spreadsheet runs
    assert len(list(rows("2026-11", _lines(), load()))) == len(NAMES) + 1
