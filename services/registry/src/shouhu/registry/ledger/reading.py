"""An uploaded ledger as a stream of rows: what it is by content, then one row at a time."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import IO

import openpyxl  # type: ignore[import-untyped]

from shouhu.platform.errors import ValidationFailed

BLOCK = 1 << 20
SHEET = "台账"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What one file may hold: a district's whole ledger fits; a crafted file is refused before work.
MAX_FILE_BYTES = 20 << 20  # as the gateway's upload cap
MAX_UNPACKED_BYTES = 256 << 20  # an XLSX's parts once unzipped (100,000 rows: about 40 MB)
MAX_ROWS = 100_000  # data rows, the header not counted
TOO_LARGE = "文件超过20 MB，请按镇街或村拆分后分别导入，未导入任何数据"
TOO_UNPACKED = "XLSX 文件解压后过大（超过256 MB），未导入任何数据"
TOO_MANY_ROWS = f"文件超过{MAX_ROWS}行数据，请拆分后分别导入，未导入任何数据"
NOT_A_LEDGER = "文件不是 CSV 或 XLSX 格式（CSV 须为 UTF-8 或 GB18030 编码），未导入任何数据"

Row = tuple[int, tuple[object, ...]]


class Kind(StrEnum):
    """The two formats a ledger may come in."""

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
    """SHA-256 of the importer's division and the upload, read in blocks: the same bytes from
    another division are another import, with a report of their own."""
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
            raise refuse(NOT_A_LEDGER)
        if unpacked > MAX_UNPACKED_BYTES:  # a zip bomb: small on the wire, huge once read
            raise refuse(TOO_UNPACKED)
        return Source(file, Kind.XLSX)
    for encoding in ("utf-8-sig", "gb18030"):
        if _decodes(file, encoding):
            return Source(file, Kind.CSV, encoding)
    raise refuse(NOT_A_LEDGER)


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
def rows(source: Source) -> Iterator[Iterator[Row]]:
    """Every row with its number as the spreadsheet counts it (1 is the header), one at a time."""
    source.file.seek(0)
    if source.kind is Kind.CSV:
        text = io.TextIOWrapper(source.file, encoding=source.encoding, newline="")
        try:
            yield _csv_rows(text)
        finally:
            text.detach()
        return
    try:
        workbook = openpyxl.load_workbook(source.file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise refuse("XLSX 文件已损坏或无法读取，未导入任何数据") from exc
    try:
        names = workbook.sheetnames
        sheet = workbook[SHEET] if SHEET in names else workbook.worksheets[0]
        if (sheet.max_row or 0) > MAX_ROWS + 1:  # the sheet's own dimension, when it has one
            raise refuse(TOO_MANY_ROWS)
        yield _xlsx_rows(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _csv_rows(text: io.TextIOWrapper) -> Iterator[Row]:
    number = 0
    try:
        for number, record in enumerate(csv.reader(text), start=1):
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
