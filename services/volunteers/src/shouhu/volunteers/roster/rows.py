"""The columns of a roster of volunteers and one row read as a registration, or why not."""

from __future__ import annotations

import re

from shouhu.platform.spreadsheets import RowError, column_positions, text
from shouhu.volunteers.volunteers.schemas import Availability, VolunteerSkill

SHEET = "志愿者名册"
TEMPLATE_TITLE = "志愿者名册模板"
NAME = "姓名"
ID_NUMBER = "身份证号"
PHONE = "手机号码"
SKILLS = "技能"
DIVISION = "居住地区划代码"
AVAILABILITY = "可服务时间"
SERVICE_AREA = "服务区域"
# (header, required) in the template's order.
COLUMNS = (
    (NAME, True),
    (ID_NUMBER, True),
    (PHONE, True),
    (SKILLS, True),
    (DIVISION, True),
    (AVAILABILITY, False),
    (SERVICE_AREA, False),
)
NAMES = tuple(name for name, _ in COLUMNS)
REQUIRED = tuple(name for name, required in COLUMNS if required)
ALIASES = {
    "身份证号码": ID_NUMBER,
    "公民身份号码": ID_NUMBER,
    "手机号": PHONE,
    "手机": PHONE,
    "志愿服务技能": SKILLS,
    "区划代码": DIVISION,
    "居住地": DIVISION,
}
# API field (as `VALIDATION_FAILED` names it, before any index) → the column it came from.
COLUMN_OF_FIELD = {
    "name": NAME,
    "idNumber": ID_NUMBER,
    "phone": PHONE,
    "skills": SKILLS,
    "divisionCode": DIVISION,
    "availability": AVAILABILITY,
    "serviceArea": SERVICE_AREA,
}
SKILL_NAMES = {
    "学业辅导": VolunteerSkill.TUTORING,
    "心理疏导": VolunteerSkill.PSYCHOLOGY,
    "心理辅导": VolunteerSkill.PSYCHOLOGY,
    "医疗健康": VolunteerSkill.MEDICAL,
    "法律服务": VolunteerSkill.LEGAL,
    "文艺": VolunteerSkill.ARTS,
    "体育": VolunteerSkill.SPORTS,
    "陪伴": VolunteerSkill.COMPANIONSHIP,
} | {s.value: s for s in VolunteerSkill}
AVAILABILITY_NAMES = {
    "工作日白天": Availability.WEEKDAY_DAYTIME,
    "工作日晚间": Availability.WEEKDAY_EVENING,
    "周末白天": Availability.WEEKEND_DAYTIME,
    "周末晚间": Availability.WEEKEND_EVENING,
    "寒暑假": Availability.SCHOOL_HOLIDAYS,
} | {a.value: a for a in Availability}
LIST_SEPARATORS = re.compile(r"[、，,；;/\s]+")
MISSING = "必填"


def template_header() -> list[str]:
    return [f"{name}*" if required else name for name, required in COLUMNS]


def positions(header: tuple[object, ...]) -> dict[str, int]:
    """Where each known column is; unknown, repeated or missing required headers refuse the file."""
    return column_positions(header, NAMES, REQUIRED, ALIASES, "志愿者名册")


def _cell(cells: tuple[object, ...], where: dict[str, int], name: str) -> object:
    index = where.get(name)
    return cells[index] if index is not None and index < len(cells) else None


def _items(value: object) -> list[str]:
    return [p for p in LIST_SEPARATORS.split(text(value)) if p]


def read(
    number: int, cells: tuple[object, ...], where: dict[str, int]
) -> dict[str, object] | list[RowError]:
    """The row as `registerVolunteer`'s input (checked by it), or the errors found here."""
    problems: dict[str, str] = {}
    raw = _cell(cells, where, ID_NUMBER)
    if isinstance(raw, float | int):
        problems[ID_NUMBER] = "身份证号码应以文本格式填写（数字格式会丢失末尾几位）"
    skills = []
    for item in _items(_cell(cells, where, SKILLS)):
        skill = SKILL_NAMES.get(item.upper() if item.isascii() else item)
        if skill is None:
            problems[SKILLS] = f"未知的技能“{item[:20]}”"
        else:
            skills.append(skill.value)
    availability = []
    for item in _items(_cell(cells, where, AVAILABILITY)):
        when = AVAILABILITY_NAMES.get(item.upper() if item.isascii() else item)
        if when is None:
            problems[AVAILABILITY] = f"未知的可服务时间“{item[:20]}”"
        else:
            availability.append(when.value)
    for name in REQUIRED:
        if not text(_cell(cells, where, name)):
            problems[name] = MISSING
    if problems:
        return errors(number, problems)
    return {
        "name": text(_cell(cells, where, NAME)),
        "idNumber": text(raw).upper(),
        "phone": text(_cell(cells, where, PHONE)),
        "skills": list(dict.fromkeys(skills)),
        "divisionCode": text(_cell(cells, where, DIVISION)),
        "availability": list(dict.fromkeys(availability)),
        "serviceArea": _items(_cell(cells, where, SERVICE_AREA)),
    }


def errors(number: int, problems: dict[str, str]) -> list[RowError]:
    order = {name: i for i, name in enumerate(NAMES)}
    return [
        RowError(row=number, column=column, message=message)
        for column, message in sorted(problems.items(), key=lambda p: order.get(p[0], -1))
    ]


def column_of(field: str) -> str:
    """The column an API field's error belongs to (`skills.0` → 技能)."""
    return COLUMN_OF_FIELD.get(field.split(".")[0], field)
