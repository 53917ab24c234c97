"""Rules of schools: who maintains them, the identifier's check, the demo seed; never commits."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml  # type: ignore[import-untyped]
from sqlmodel import Session

from shouhu.education import policy
from shouhu.education.models import School, SchoolStaff
from shouhu.education.schools import repository
from shouhu.education.schools.schemas import (
    PROVINCE,
    PROVINCE_SAID,
    SchoolFields,
    SchoolInput,
    SchoolKind,
    SchoolOut,
    SchoolStage,
    StaffInput,
    StaffOut,
)
from shouhu.platform import divisions
from shouhu.platform.auth import Principal
from shouhu.platform.errors import Conflict, Duplicate, NotFound, ValidationFailed
from shouhu.platform.events import utcnow

SYSTEM = "system"
UNKNOWN_SCHOOL = "学校标识码不在本区学校名录中"


def check_code(code: str, field: str = "code") -> None:
    """`VALIDATION_FAILED` unless the identifier is a Beijing school's (the shape is checked by
    the schema)."""
    if code[1:3] != PROVINCE:
        raise ValidationFailed(PROVINCE_SAID, fields={field: PROVINCE_SAID})


def to_out(row: School) -> SchoolOut:
    return SchoolOut(
        code=row.code,
        name=row.name,
        stages=[SchoolStage(s) for s in row.stages],
        town_code=row.town_code,
        town_name=divisions.name(row.town_code),
        kind=SchoolKind(row.kind),
        demo=row.demo,
        version=row.version,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
    )


def _check_town(town_code: str) -> None:
    if town_code not in divisions.names():
        raise ValidationFailed(fields={"townCode": "镇街代码不存在"})


def list_schools(session: Session, town_code: str | None) -> list[SchoolOut]:
    """Every school, or a town's; reference data any signed-in caller may read."""
    return [to_out(r) for r in repository.schools(session, town_code)]


def get(session: Session, code: str) -> SchoolOut:
    row = repository.school(session, code)
    if row is None:
        raise NotFound(UNKNOWN_SCHOOL)
    return to_out(row)


def mine(session: Session, principal: Principal) -> SchoolOut | None:
    """The school the caller is staff of (本校), or None: any caller may ask about themself."""
    code = school_of(session, principal)
    row = repository.school(session, code) if code else None
    return to_out(row) if row else None


def create(session: Session, principal: Principal, data: SchoolInput) -> SchoolOut:
    """A new school of the district; its identifier once only."""
    policy.require_district(principal, policy.SCHOOL_ADMIN_ROLES, "无权维护学校名录")
    check_code(data.code)
    _check_town(data.town_code)
    if repository.school(session, data.code) is not None:
        raise Duplicate("该学校标识码已登记", existing_id=data.code)
    row = School(
        code=data.code,
        name=data.name,
        stages=[s.value for s in data.stages],
        town_code=data.town_code,
        kind=data.kind.value,
        demo=False,
        version=1,
        updated_by=principal.username,
        updated_at=utcnow(),
    )
    repository.add(session, row)
    return to_out(row)


def update(
    session: Session, principal: Principal, code: str, version: int, data: SchoolFields
) -> SchoolOut:
    """Name, stages, town or kind of a school, at the version the caller saw."""
    policy.require_district(principal, policy.SCHOOL_ADMIN_ROLES, "无权维护学校名录")
    row = repository.school(session, code)
    if row is None:
        raise NotFound(UNKNOWN_SCHOOL)
    if row.version != version:
        raise Conflict()
    _check_town(data.town_code)
    # Enrolments already recorded keep their stage: a stage dropped stops only new ones.
    row.name, row.stages = data.name, [s.value for s in data.stages]
    row.town_code, row.kind = data.town_code, data.kind.value
    row.demo = False  # the district has made it its own
    row.version += 1
    row.updated_by, row.updated_at = principal.username, utcnow()
    repository.add(session, row)
    return to_out(row)


def assign_staff(
    session: Session, principal: Principal, username: str, data: StaffInput
) -> StaffOut:
    """Tie a school staff user to their school (their token carries the town only)."""
    policy.require_district(principal, policy.SCHOOL_ADMIN_ROLES, "无权维护学校名录")
    school = repository.school(session, data.school_code)
    if school is None:
        raise ValidationFailed(UNKNOWN_SCHOOL, fields={"schoolCode": UNKNOWN_SCHOOL})
    row = repository.staff(session, username) or SchoolStaff(
        username=username,
        school_code=school.code,
        assigned_by=principal.username,
        assigned_at=utcnow(),
    )
    row.school_code, row.assigned_by, row.assigned_at = school.code, principal.username, utcnow()
    repository.add(session, row)
    return StaffOut(
        username=row.username,
        school_code=school.code,
        school_name=school.name,
        assigned_by=row.assigned_by,
        assigned_at=row.assigned_at,
    )


def school_of(session: Session, principal: Principal) -> str | None:
    """The school a school staff user works at, if the department has tied them to one."""
    row = repository.staff(session, principal.username)
    return row.school_code if row else None


@cache
def demo() -> dict[str, Any]:
    """The demo schools and staff of `demo-schools.yaml`."""
    source = resources.files("shouhu.education.schools") / "demo-schools.yaml"
    loaded: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    return loaded


def seed(session: Session) -> None:
    """The demo schools, once, into an empty reference (a district's own list is never touched)."""
    if repository.count(session):
        return
    data, now = demo(), utcnow()
    schools = [
        School(
            code=s["code"],
            name=s["name"],
            stages=[SchoolStage(x).value for x in s["stages"]],
            town_code=s["town"],
            kind=SchoolKind(s["kind"]).value,
            demo=True,
            version=1,
            updated_by=SYSTEM,
            updated_at=now,
        )
        for s in data["schools"]
    ]
    staff = [
        SchoolStaff(
            username=s["username"], school_code=s["school"], assigned_by=SYSTEM, assigned_at=now
        )
        for s in data["staff"]
    ]
    repository.add_if_missing(session, schools, staff)
