"""The shipped ledger templates (`templates/`); `python -m` this module writes them anew."""

from __future__ import annotations

import io
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from shouhu.registry.classifications.taxonomy import GROUP_NAMES, GROUP_OF, SUBTYPE_NAMES
from shouhu.registry.ledger.columns import (
    BIRTH_DATE,
    CATEGORIES_SINCE,
    COLUMNS,
    GENDER,
    HUKOU,
    ID_NUMBER,
    RESIDENCE,
    SHEET,
    template_header,
)

XLSX_NAME = "ledger-template.xlsx"
CSV_NAME = "ledger-template.csv"
DOWNLOAD_TITLE = "台账导入模板"
TEXT_COLUMNS = (ID_NUMBER, RESIDENCE, HUKOU)
DATE_COLUMNS = (BIRTH_DATE, CATEGORIES_SINCE)
PREPARED_ROWS = 2000


def shipped(name: str) -> Traversable:
    """A template file as shipped with the package."""
    return resources.files("shouhu.registry.ledger") / "templates" / name


def build_csv() -> bytes:
    """The header line in UTF-8 with a BOM, so that Excel opens it in Chinese."""
    line = ",".join(template_header(c) for c in COLUMNS)
    return ("\ufeff" + line + "\r\n").encode("utf-8")


def build_xlsx() -> bytes:
    """Sheet 台账 (headers, text and date formats, 男/女 choice) and sheet 填写说明."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.freeze_panes = "A2"
    sheet.append([template_header(c) for c in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.fill = PatternFill("solid", fgColor="F2F2F2")
        cell.alignment = Alignment(horizontal="center")
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = column.width
        fmt = "@" if column.name in TEXT_COLUMNS else "yyyy-mm-dd"
        if column.name in TEXT_COLUMNS or column.name in DATE_COLUMNS:
            for row in range(2, PREPARED_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = fmt
        if column.name == GENDER:
            choice = DataValidation(type="list", formula1='"男,女"', allow_blank=True)
            choice.error, choice.errorTitle = "性别应为“男”或“女”", "性别"
            sheet.add_data_validation(choice)
            choice.add(f"{letter}2:{letter}{PREPARED_ROWS + 1}")
    guide = workbook.create_sheet("填写说明")
    guide.append(["列", "是否必填", "填写说明"])
    for column in COLUMNS:
        guide.append([column.name, "必填" if column.required else "选填", column.hint])
    guide.append([])
    guide.append(["分类名称（填入“分类”列，多个用；分隔）", "所属类别"])
    for subtype, name in SUBTYPE_NAMES.items():
        guide.append([name, GROUP_NAMES[GROUP_OF[subtype]]])
    guide.append([])
    guide.append(["第一行表头请勿修改；同一文件重复导入不会重复登记；已登记的身份证号码将跳过。"])
    for letter, width in (("A", 40), ("B", 14), ("C", 50)):
        guide.column_dimensions[letter].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write(folder: Path) -> None:
    """Write both templates into a folder (the package's `templates/`)."""
    (folder / XLSX_NAME).write_bytes(build_xlsx())
    (folder / CSV_NAME).write_bytes(build_csv())


if __name__ == "__main__":
    write(Path(__file__).with_name("templates"))
