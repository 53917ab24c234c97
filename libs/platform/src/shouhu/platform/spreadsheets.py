"""Spreadsheets handed to people (a finance office's ledger): CSV in UTF-8 with a BOM for Excel,
a chunk at a time, and XLSX written in constant memory; no cell is one a spreadsheet would run.
And spreadsheets people upload (a village's ledger, a school's roster): what a file is by its
content, its hash, its rows one at a time, and the cells read as text and dates."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import IO, Any

import openpyxl  # type: ignore[import-untyped]

from shouhu.platform import divisions
from shouhu.platform.errors import ValidationFailed
from shouhu.platform.schemas import Camel

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


# ---- uploads: read one row at a time ---------------------------------------------------------

BLOCK = 1 << 20
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What one file may hold: a district's whole ledger fits; a crafted file is refused before work.
MAX_FILE_BYTES = 20 << 20  # as the gateway's upload cap
MAX_UNPACKED_BYTES = 256 << 20  # an XLSX's parts once unzipped (100,000 rows: about 40 MB)
MAX_ROWS = 100_000  # data rows, the header not counted
TOO_LARGE = "文件超过20 MB，请拆分后分别导入（如按镇街、村或年级），未导入任何数据"
TOO_UNPACKED = "XLSX 文件解压后过大（超过256 MB），未导入任何数据"
TOO_MANY_ROWS = f"文件超过{MAX_ROWS}行数据，请拆分后分别导入，未导入任何数据"
NOT_A_SHEET = "文件不是 CSV 或 XLSX 格式（CSV 须为 UTF-8 或 GB18030 编码），未导入任何数据"
DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+0{1,2}:00(?::00)?)?|(\d{4})(\d{2})(\d{2})"
)
BAD_DATE = "日期格式应为 YYYY-MM-DD"

Row = tuple[int, tuple[object, ...]]
MAX_LISTED_ERRORS = 1000  # errors a report lists; it counts them all


class ImportMode(StrEnum):
    """Refuse the whole file on any bad row, or take the good rows and report the bad."""

    ALL_OR_NOTHING = "ALL_OR_NOTHING"
    VALID_ROWS = "VALID_ROWS"


class RowError(Camel):
    """What is wrong with one cell: the row as the spreadsheet counts it, the header, why."""

    row: int
    column: str
    message: str


class Kind(StrEnum):
    """The two formats an upload may come in."""

    XLSX = "XLSX"
    CSV = "CSV"


@dataclass(frozen=True)
class Source:
    """A spooled upload, what it is, and the encoding of a CSV."""

    file: IO[bytes]
    kind: Kind
    encoding: str = ""


def refuse(message: str) -> ValidationFailed:
    """The whole file refused: `VALIDATION_FAILED` on field `file`."""
    return ValidationFailed(message, fields={"file": message})


def digest(file: IO[bytes], scope: str) -> str:
    """SHA-256 of a scope (the importer's division, a school) and the upload, read in blocks: the
    same bytes in another scope are another import, with a report of their own."""
    file.seek(0)
    sha = hashlib.sha256(f"{scope}:".encode())
    while block := file.read(BLOCK):
        sha.update(block)
    file.seek(0)
    return sha.hexdigest()


def sniff(file: IO[bytes]) -> Source:
    """XLSX (a zip with `xl/workbook.xml`) or CSV (UTF-8, UTF-8 with BOM, GB18030), by content."""
    file.seek(0, io.SEEK_END)
    size = file.tell()
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if not head:
        raise refuse("文件为空，未导入任何数据")
    if size > MAX_FILE_BYTES:
        raise refuse(TOO_LARGE)
    if head.startswith(OLE2_MAGIC):
        raise refuse("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV（UTF-8）后导入")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                is_workbook = "xl/workbook.xml" in archive.namelist()
                unpacked = sum(member.file_size for member in archive.infolist())
        except zipfile.BadZipFile:
            is_workbook, unpacked = False, 0
        file.seek(0)
        if not is_workbook:
            raise refuse(NOT_A_SHEET)
        if unpacked > MAX_UNPACKED_BYTES:  # a zip bomb: small on the wire, huge once read
            raise refuse(TOO_UNPACKED)
        return Source(file, Kind.XLSX)
    for encoding in ("utf-8-sig", "gb18030"):
        if _decodes(file, encoding):
            return Source(file, Kind.CSV, encoding)
    raise refuse(NOT_A_SHEET)


def _decodes(file: IO[bytes], encoding: str) -> bool:
    """The whole file decodes as text without NUL characters (binary files have them).

    Its lines are counted on the way: a file of too many rows is refused before any is read.
    """
    file.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = 0
    try:
        while block := file.read(BLOCK):
            text = decoder.decode(block)
            if "\x00" in text:
                return False
            lines += text.count("\n")
            if lines > MAX_ROWS + 1:  # the header, then the rows (a quoted newline counts too)
                raise refuse(TOO_MANY_ROWS)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        file.seek(0)
    return True


@contextmanager
def rows(source: Source, sheet_name: str = "") -> Iterator[Iterator[Row]]:
    """Every row with its number as the spreadsheet counts it (1 is the header), one at a time;
    of a workbook, the sheet of that name, else the first."""
    source.file.seek(0)
    if source.kind is Kind.CSV:
        wrapper = io.TextIOWrapper(source.file, encoding=source.encoding, newline="")
        try:
            yield _csv_rows(wrapper)
        finally:
            wrapper.detach()
        return
    try:
        workbook = openpyxl.load_workbook(source.file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise refuse("XLSX 文件已损坏或无法读取，未导入任何数据") from exc
    try:
        names = workbook.sheetnames
        sheet = workbook[sheet_name] if sheet_name in names else workbook.worksheets[0]
        if (sheet.max_row or 0) > MAX_ROWS + 1:  # the sheet's own dimension, when it has one
            raise refuse(TOO_MANY_ROWS)
        yield _xlsx_rows(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _csv_rows(wrapper: io.TextIOWrapper) -> Iterator[Row]:
    number = 0
    try:
        for number, record in enumerate(csv.reader(wrapper), start=1):
            if number > MAX_ROWS + 1:
                raise refuse(TOO_MANY_ROWS)
            yield number, tuple(record)
    except csv.Error as exc:
        raise refuse(f"CSV 文件第{number + 1}行格式有误，未导入任何数据") from exc


def _xlsx_rows(cells: Iterator[tuple[object, ...]]) -> Iterator[Row]:
    number = 0
    try:
        for number, values in enumerate(cells, start=1):
            if number > MAX_ROWS + 1:  # a sheet without a dimension, or one that lies
                raise refuse(TOO_MANY_ROWS)
            yield number, values
    except ValidationFailed:
        raise
    except Exception as exc:  # a damaged sheet surfaces only while it is read
        raise refuse(f"XLSX 文件第{number + 1}行无法读取，未导入任何数据") from exc


def is_blank(cells: tuple[object, ...]) -> bool:
    """A row with nothing in it (spreadsheets keep many); it is not counted."""
    return all(text(v) == "" for v in cells)


def text(value: object) -> str:
    """A cell as trimmed text; whole numbers without `.0` (Excel stores codes as numbers)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def day(value: object) -> date | str:
    """A date cell (Excel date, or text `YYYY-MM-DD`, `YYYY/M/D`, `YYYY年M月D日`), or why not."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return BAD_DATE
    match = DATE.fullmatch(value.strip())
    if match is None:
        return BAD_DATE
    year, month, dom = (int(g) for g in match.groups() if g is not None)
    try:
        return date(year, month, dom)
    except ValueError:
        return "日期不存在"


def column_positions(
    header: Sequence[object],
    names: Sequence[str],
    required: Iterable[str],
    aliases: Mapping[str, str],
    what: str,
) -> dict[str, int]:
    """Where each known column of an upload is (`what` names the upload in the refusal: 台账,
    花名册…); unknown, repeated or missing required headers refuse the file."""
    found: dict[str, int] = {}
    problems: dict[str, str] = {}
    for index, cell in enumerate(header):
        name = header_name(cell)
        name = aliases.get(name, name)
        if not name:
            continue
        if name not in names:
            problems[str(cell).strip()] = "未知的列，请使用模板中的表头"
        elif name in found:
            problems[name] = "表头重复"
        else:
            found[name] = index
    for name in required:
        if name not in found:
            problems[name] = "缺少必填列"
    if problems:
        listed = "；".join(f"{k}：{v}" for k, v in problems.items())
        raise ValidationFailed(f"{what}表头有误（{listed}），未导入任何数据", fields=problems)
    return found


def header_name(header: object) -> str:
    """A header cell as a column name: trimmed, spaces and the required mark (`*`, `（必填）`)
    dropped."""
    name = "" if header is None else str(header)
    name = "".join(name.split()).rstrip("*＊")
    for suffix in ("（必填）", "(必填)"):
        name = name.removesuffix(suffix)
    return name
