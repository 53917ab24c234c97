"""The columns of a roster (花名册) and one row read as an enrolment, or why not."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from shouhu.education.enrolments.schemas import MAX_GRADE
from shouhu.education.enrolments.stages import load
from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform.identity import well_formed
from shouhu.platform.spreadsheets import RowError, column_positions, day, text

SHEET = "花名册"
TEMPLATE_NAME = "花名册导入模板"
ID_NUMBER = "身份证号"
NAME = "姓名"
STAGE = "学段"
GRADE = "年级"
SINCE = "入学日期"
BOARDING = "寄宿"
# (header, required, hint) in the template's order.
COLUMNS = (
    (ID_NUMBER, True, "18位居民身份证号码，请以文本格式填写"),
    (NAME, False, "仅供核对，不与档案比对"),
    (STAGE, True, "学前教育、小学、初中、普通高中、中等职业教育、特殊教育、送教上门"),
    (GRADE, True, "1至12的整数，如 3 或 三年级"),
    (SINCE, True, "YYYY-MM-DD，如 2026-09-01"),
    (BOARDING, False, "是 或 否，不填为否"),
)
NAMES = tuple(name for name, _, _ in COLUMNS)
REQUIRED = tuple(name for name, required, _ in COLUMNS if required)
ALIASES = {
    "身份证号码": ID_NUMBER,
    "公民身份号码": ID_NUMBER,
    "学生姓名": NAME,
    "是否寄宿": BOARDING,
}
# API field (as `VALIDATION_FAILED` names it) → the column it came from.
COLUMN_OF_FIELD = {"stage": STAGE, "grade": GRADE, "since": SINCE, "childId": ID_NUMBER}
YES = {"是": True, "否": False, "": False, "Y": True, "N": False, "TRUE": True, "FALSE": False}
NUMERALS = "一二三四五六七八九十"
GRADE_TEXT = re.compile(r"(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*(年级)?")
MISSING = "必填"
NOT_IN_DISTRICT = "未在本区登记"


@dataclass(frozen=True)
class RosterRow:
    """A well-formed row: what an enrolment at the school needs, the name only to report."""

    number: int
    id_number: str
    name: str
    stage: SchoolStage
    grade: int
    since: date
    boarding: bool


def template_header() -> list[str]:
    """The headers as the template shows them: required ones marked with *."""
    return [f"{name}*" if required else name for name, required, _ in COLUMNS]


def positions(header: tuple[object, ...]) -> dict[str, int]:
    """Where each known column is; unknown, repeated or missing required headers refuse the file."""
    return column_positions(header, NAMES, REQUIRED, ALIASES, "花名册")


@cache
def stage_names() -> dict[str, SchoolStage]:
    """学段 as a roster may write it: the Chinese name of `stages.yaml`, or the API's value."""
    named = {s.name: code for code, s in load().stages.items()}
    return named | {code.value: code for code in SchoolStage}


def id_number_of(cells: tuple[object, ...], where: dict[str, int]) -> str | None:
    """The row's identity number when well formed (GB 11643), upper case; else None."""
    number = text(_cell(cells, where, ID_NUMBER)).upper()
    return number if well_formed(number) else None


def read(
    number: int, cells: tuple[object, ...], where: dict[str, int]
) -> RosterRow | list[RowError]:
    """The row as an enrolment's facts, or its errors by column (in the template's order)."""
    problems: dict[str, str] = {}
    known = set(where.values())
    for index, value in enumerate(cells):
        if index not in known and text(value):
            problems[f"第{index + 1}列"] = "该列没有表头，内容无法导入"
    raw = _cell(cells, where, ID_NUMBER)
    id_number = text(raw).upper()
    if isinstance(raw, float | int):
        problems[ID_NUMBER] = "身份证号码应以文本格式填写（数字格式会丢失末尾几位）"
    elif not id_number:
        problems[ID_NUMBER] = MISSING
    elif not well_formed(id_number):
        problems[ID_NUMBER] = "身份证号码格式或校验位不正确"
    stage_text = text(_cell(cells, where, STAGE))
    stage = stage_names().get(stage_text.upper() if stage_text.isascii() else stage_text)
    if stage is None:
        problems[STAGE] = MISSING if not stage_text else f"未知的学段“{stage_text[:20]}”"
    grade = _grade(_cell(cells, where, GRADE))
    if isinstance(grade, str):
        problems[GRADE] = grade
    since_text = text(_cell(cells, where, SINCE))
    since = day(_cell(cells, where, SINCE)) if since_text else MISSING
    if isinstance(since, str):
        problems[SINCE] = since
    boarding = YES.get(text(_cell(cells, where, BOARDING)).upper())
    if boarding is None:
        problems[BOARDING] = "寄宿应填“是”或“否”"
    if problems or stage is None or isinstance(grade, str) or isinstance(since, str):
        return errors(number, problems)
    name = text(_cell(cells, where, NAME))[:50]
    return RosterRow(number, id_number, name, stage, grade, since, bool(boarding))


def errors(number: int, problems: dict[str, str]) -> list[RowError]:
    order = {name: i for i, name in enumerate(NAMES)}
    return [
        RowError(row=number, column=column, message=message)
        for column, message in sorted(problems.items(), key=lambda p: order.get(p[0], -1))
    ]


def _cell(cells: tuple[object, ...], where: dict[str, int], name: str) -> object:
    index = where.get(name)
    return cells[index] if index is not None and index < len(cells) else None


def _grade(value: object) -> int | str:
    """年级 as a number: `3`, `3年级`, `三年级`; else why not."""
    said = f"年级应为1至{MAX_GRADE}的整数"
    raw = text(value)
    if not raw:
        return MISSING
    match = GRADE_TEXT.fullmatch(raw)
    if match is None:
        return said
    digits = match.group(1)
    if digits.isdigit():
        grade = int(digits)
    elif digits.startswith("十"):
        grade = 10 + (NUMERALS.index(digits[1]) + 1 if len(digits) > 1 else 0)
    else:
        grade = NUMERALS.index(digits) + 1
    return grade if 1 <= grade <= MAX_GRADE else said
