"""Spreadsheets handed to people (a finance office's ledger): CSV in UTF-8 with a BOM for Excel,
a chunk at a time, and XLSX written in constant memory; no cell is one a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import openpyxl  # type: ignore[import-untyped]

from shouhu.platform import divisions

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_ROWS = 2000

Sheet = tuple[str, Sequence[str], Iterable[Sequence[Any]]]


def as_text(value: Any) -> Any:
    """A cell the spreadsheet shows and never runs: text with a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def yuan(fen: int) -> str:
    """Fen as yuan for people: 180000 → 1,800.00."""
    return f"{fen // 100:,}.{fen % 100:02d}"


def csv_chunks(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """The rows under their header as CSV, `CHUNK_ROWS` rows a chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(header)
    for index, row in enumerate(rows):
        writer.writerow([as_text(cell) for cell in row])
        if index % CHUNK_ROWS == CHUNK_ROWS - 1:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """Sheets of (title, header, rows) as one workbook, written only (in constant memory)."""
    book = openpyxl.Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        for row in rows:
            sheet.append([as_text(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def town_totals(
    totals: Iterable[tuple[str, str, int, int]], programme_name: Callable[[str], str]
) -> list[tuple[Any, ...]]:
    """(town, programme, lines, fen) → rows with names, and a last row for the whole."""
    out: list[tuple[Any, ...]] = []
    count = amount = 0
    for town, programme, lines, fen in totals:
        out.append(
            (town, divisions.name(town), programme_name(programme), lines, fen, plain_yuan(fen))
        )
        count, amount = count + lines, amount + fen
    out.append(("", "合计", "", count, amount, plain_yuan(amount)))
    return out


def plain_yuan(fen: int) -> str:
    """Yuan for a cell: 1800.00 (no thousands' comma, which a spreadsheet would take for text)."""
    return yuan(fen).replace(",", "")
