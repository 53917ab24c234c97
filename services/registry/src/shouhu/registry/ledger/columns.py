"""The columns of a ledger (台账): Chinese headers, which are required, and what each holds."""

from __future__ import annotations

from dataclasses import dataclass

from shouhu.platform.spreadsheets import column_positions, header_name

SHEET = "台账"


@dataclass(frozen=True)
class Column:
    """One column of the template: its header, whether it must be there, how to fill it."""

    name: str
    required: bool
    hint: str
    width: int = 14


NAME = "姓名"
GENDER = "性别"
BIRTH_DATE = "出生日期"
ID_NUMBER = "身份证号"
RESIDENCE = "居住地区划代码"
HUKOU = "户籍地区划代码"
SCHOOL = "学校"
NOTES = "备注"
CATEGORIES = "分类"
CATEGORIES_SINCE = "分类起始日期"

COLUMNS: tuple[Column, ...] = (
    Column(NAME, True, "儿童姓名，不超过50字", 12),
    Column(GENDER, True, "男 或 女", 8),
    Column(BIRTH_DATE, True, "YYYY-MM-DD，如 2015-03-01；也可用 Excel 日期格式", 14),
    Column(ID_NUMBER, False, "18位居民身份证号码，请以文本格式填写", 22),
    Column(RESIDENCE, True, "居住地社区（村）的12位区划代码", 18),
    Column(HUKOU, False, "户籍地区划代码，可在本市以外", 18),
    Column(SCHOOL, False, "就读学校，不超过100字", 20),
    Column(NOTES, False, "备注，不超过2000字", 24),
    Column(CATEGORIES, False, "分类名称，多个用；分隔，名称见“填写说明”", 24),
    Column(CATEGORIES_SINCE, False, "YYYY-MM-DD；填写分类时必填", 14),
)
NAMES = tuple(c.name for c in COLUMNS)
REQUIRED = tuple(c.name for c in COLUMNS if c.required)
# Other spellings seen in villages' sheets, read as the template's header.
ALIASES = {"身份证号码": ID_NUMBER, "公民身份号码": ID_NUMBER}

# API field (as `VALIDATION_FAILED` names it) → the column it came from.
COLUMN_OF_FIELD = {
    "name": NAME,
    "gender": GENDER,
    "birthDate": BIRTH_DATE,
    "birth_date": BIRTH_DATE,
    "idNumber": ID_NUMBER,
    "id_number": ID_NUMBER,
    "residenceDivisionCode": RESIDENCE,
    "residence_division_code": RESIDENCE,
    "hukouDivisionCode": HUKOU,
    "hukou_division_code": HUKOU,
    "school": SCHOOL,
    "notes": NOTES,
    "subtype": CATEGORIES,
    "group": CATEGORIES,
    "since": CATEGORIES_SINCE,
    "until": CATEGORIES_SINCE,
}


def template_header(column: Column) -> str:
    """The header as the template shows it: required ones marked with *."""
    return f"{column.name}*" if column.required else column.name


def column_of(field: str) -> str:
    """The column an API field path (`classifications.0.since`) came from."""
    return COLUMN_OF_FIELD.get(field.rsplit(".", 1)[-1], field)


def normalize(header: object) -> str:
    """A header cell as a column name: the platform's reading, then the aliases."""
    name = header_name(header)
    return ALIASES.get(name, name)


def positions(header: tuple[object, ...]) -> dict[str, int]:
    """Where each known column is; unknown, repeated or missing required headers refuse the file."""
    return column_positions(header, NAMES, REQUIRED, ALIASES, "台账")
