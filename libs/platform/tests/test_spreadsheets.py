"""Spreadsheets for people: nothing in them runs, money in yuan, totals by town."""

from __future__ import annotations

import csv
import io

import openpyxl  # type: ignore[import-untyped]

from shouhu.platform.spreadsheets import (
    CHUNK_ROWS,
    as_text,
    csv_chunks,
    town_totals,
    workbook,
    yuan,
)

FORMULAS = ['=HYPERLINK("http://x","点")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A9)", "\tx"]


def test_a_formula_start_becomes_text_and_other_values_stay() -> None:
    assert [as_text(n) for n in FORMULAS] == ["'" + n for n in FORMULAS]
    assert as_text("王小明") == "王小明"
    assert as_text(-5) == -5  # numbers are numbers
    assert as_text("110109001") == "110109001"


def test_fen_read_as_yuan() -> None:
    assert [yuan(f) for f in (0, 5, 180000, 123456789)] == [
        "0.00",
        "0.05",
        "1,800.00",
        "1,234,567.89",
    ]


def test_the_csv_comes_in_chunks_with_a_bom_and_every_cell_safe() -> None:
    rows = [(n, f"={n}") for n in range(CHUNK_ROWS + 1)]
    chunks = list(csv_chunks(("序号", "内容"), rows))
    assert len(chunks) == 2
    text = b"".join(chunks).decode("utf-8")
    assert text.startswith("\ufeff序号")
    read = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert read[1] == ["0", "'=0"] and len(read) == CHUNK_ROWS + 2


def test_a_workbook_has_its_sheets_and_no_formula() -> None:
    totals = town_totals(
        [("110109001", "A", 2, 360000), ("110109002", "B", 1, 5)], {"A": "甲", "B": "乙"}.get
    )
    data = workbook([("明细", ("姓名",), [("=1+1",), ("王小明",)]), ("汇总", ("镇街",), totals)])
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["明细", "汇总"]
    detail = [c.value for c in book["明细"]["A"]]
    assert detail == ["姓名", "'=1+1", "王小明"]
    summary = [tuple(c.value for c in row) for row in book["汇总"].iter_rows(min_row=2)]
    assert summary[-1] == (None, "合计", None, 3, 360005, "3600.05")  # an empty cell reads None
    assert summary[0][:3] == ("110109001", "大峪街道", "甲")
