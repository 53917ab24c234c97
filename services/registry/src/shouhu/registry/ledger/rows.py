"""One ledger row: its cells read as a registration and classifications, by the API's rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from sqlmodel import Session

from shouhu.platform.app import field_errors
from shouhu.platform.auth import Principal
from shouhu.platform.errors import Forbidden, ValidationFailed
from shouhu.platform.spreadsheets import day, text
from shouhu.registry.children import service as children
from shouhu.registry.children.schemas import ClassificationIn, ClassifyChild, Gender, RegisterChild
from shouhu.registry.classifications import service as classifications
from shouhu.registry.classifications.taxonomy import GROUP_OF, SUBTYPE_BY_NAME
from shouhu.registry.ledger import columns as c
from shouhu.registry.ledger.schemas import RowError

GENDERS = {"男": Gender.MALE, "女": Gender.FEMALE, "MALE": Gender.MALE, "FEMALE": Gender.FEMALE}
SEPARATORS = re.compile(r"[；;、，,\n]")
REQUIRED = "必填"


@dataclass(frozen=True)
class LedgerRow:
    """A row that passed every rule: ready to open a file."""

    number: int
    data: RegisterChild
    checked: children.CheckedIdentity
    classifications: tuple[ClassificationIn, ...]


def read_row(
    session: Session,
    principal: Principal,
    number: int,
    cells: tuple[object, ...],
    where: dict[str, int],
) -> LedgerRow | list[RowError]:
    """The row as a checked registration, or its errors by column (in the template's order)."""
    problems: dict[str, str] = {}

    def cell(name: str) -> object:
        index = where.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    known = set(where.values())
    for index, value in enumerate(cells):
        if index not in known and text(value):
            problems[f"第{index + 1}列"] = "该列没有表头，内容无法导入"

    gender = GENDERS.get(text(cell(c.GENDER)).upper())
    if gender is None:
        problems[c.GENDER] = REQUIRED if not text(cell(c.GENDER)) else "性别应为“男”或“女”"
    birth = day(cell(c.BIRTH_DATE)) if text(cell(c.BIRTH_DATE)) else REQUIRED
    if isinstance(birth, str):
        problems[c.BIRTH_DATE] = birth
    raw_number = cell(c.ID_NUMBER)
    if isinstance(raw_number, float):
        problems[c.ID_NUMBER] = "身份证号码应以文本格式填写（数字格式会丢失末尾几位）"
    village = text(cell(c.RESIDENCE))
    if not village:
        problems[c.RESIDENCE] = REQUIRED
    items = _classifications(cell(c.CATEGORIES), cell(c.CATEGORIES_SINCE), problems)
    if problems or gender is None or isinstance(birth, str):
        fields: dict[str, str] = {}
        children.check_name(text(cell(c.NAME)), fields)
        problems.update({c.column_of(k): v for k, v in fields.items()})
        return _errors(number, problems)
    try:
        data = RegisterChild(
            name=text(cell(c.NAME)),
            gender=gender,
            birth_date=birth,
            id_number=text(raw_number) or None,
            residence_division_code=village,
            hukou_division_code=text(cell(c.HUKOU)) or None,
            school=text(cell(c.SCHOOL)) or None,
            notes=text(cell(c.NOTES)) or None,
        )
    except ValidationError as exc:
        fields = field_errors(list(exc.errors()))
        return _errors(number, {c.column_of(k): v for k, v in fields.items()})
    try:
        checked = children.check_registration(session, principal, data)
    except ValidationFailed as exc:
        problems.update({c.column_of(k): v for k, v in exc.fields.items()})
    except Forbidden as exc:
        problems[c.RESIDENCE] = exc.message
    if items:
        try:
            classifications.check(ClassifyChild(classifications=list(items)), born=data.birth_date)
        except ValidationFailed as exc:
            problems.update({c.column_of(k): v for k, v in exc.fields.items()})
    if problems:
        return _errors(number, problems)
    return LedgerRow(number, data, checked, items)


def _classifications(
    names: object, since: object, problems: dict[str, str]
) -> tuple[ClassificationIn, ...]:
    """分类 by their Chinese names, all from 分类起始日期."""
    wanted = [n.strip() for n in SEPARATORS.split(text(names)) if n.strip()]
    unknown = [n for n in wanted if n not in SUBTYPE_BY_NAME]
    if unknown:
        problems[c.CATEGORIES] = f"未知的分类：{'、'.join(unknown)}（名称见模板“填写说明”）"
    start = day(since) if text(since) else None
    if wanted and start is None:
        problems[c.CATEGORIES_SINCE] = "填写分类时须填写分类起始日期"
    elif not wanted and start is not None:
        problems[c.CATEGORIES_SINCE] = "未填写分类，不应填写分类起始日期"
    elif isinstance(start, str):
        problems[c.CATEGORIES_SINCE] = start
    if unknown or not isinstance(start, date):
        return ()
    subtypes = [SUBTYPE_BY_NAME[n] for n in wanted]
    try:
        return tuple(ClassificationIn(group=GROUP_OF[s], subtype=s, since=start) for s in subtypes)
    except ValidationError as exc:  # a day that cannot be a start (before 1900, in the future)
        problems[c.CATEGORIES_SINCE] = next(iter(field_errors(list(exc.errors())).values()))
        return ()


def _errors(number: int, problems: dict[str, str]) -> list[RowError]:
    order = {name: i for i, name in enumerate(c.NAMES)}
    return [
        RowError(row=number, column=column, message=message)
        for column, message in sorted(problems.items(), key=lambda p: order.get(p[0], -1))
    ]
