"""Rules of children's files; writes outbox rows, never commits."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from shouhu.platform.auth import DEPARTMENT_ROLES, Principal
from shouhu.platform.clock import age_on, today
from shouhu.platform.errors import Duplicate, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import record_event, utcnow
from shouhu.platform.settings import topic_of
from shouhu.registry import policy
from shouhu.registry.children import identity, repository
from shouhu.registry.children.events import CHILD_REGISTERED, ChildRegistered
from shouhu.registry.children.identity import IdentityKeys
from shouhu.registry.children.schemas import (
    ChildOut,
    ChildStatus,
    Gender,
    PrimaryCategory,
    RegisterChild,
)
from shouhu.registry.divisions import repository as divisions
from shouhu.registry.models import Child

ADULT_AGE = 18


def _check_input(data: RegisterChild) -> tuple[str, str | None]:
    """The trimmed name and canonical identity number, or `ValidationFailed` naming each field."""
    fields: dict[str, str] = {}
    name = data.name.strip()
    if not name:
        fields["name"] = "姓名不能为空"
    now = today()
    if data.birth_date > now:
        fields["birthDate"] = "出生日期不能晚于今天"
    elif age_on(data.birth_date, now) >= ADULT_AGE:
        fields["birthDate"] = "已满18周岁，不属于保障范围"
    number: str | None = None
    if data.id_number:
        number = data.id_number.strip().upper()
        problem = identity.check(
            number, birth_date=data.birth_date, male=data.gender is Gender.MALE
        )
        if problem:
            fields["idNumber"] = problem
    if fields:
        raise ValidationFailed(fields=fields)
    return name, number


def register_child(
    session: Session, principal: Principal, data: RegisterChild, keys: IdentityKeys
) -> ChildOut:
    """Open a child's file in a village within the principal's division."""
    if not policy.may_write(principal):
        raise Forbidden("无权登记儿童")
    name, number = _check_input(data)
    village = divisions.get(session, data.residence_division_code)
    if village is None or village.level != "VILLAGE":
        raise ValidationFailed(
            fields={"residenceDivisionCode": "居住地应为本区的社区（村）区划代码"}
        )
    if not principal.sees(village.code):
        raise Forbidden("该社区（村）不在您的管辖范围内")
    id_hash = keys.lookup_hash(number) if number else None
    if id_hash is not None:
        existing = repository.by_id_hash(session, id_hash)
        if existing is not None:
            raise Duplicate("该身份证号码已登记", existing_id=existing.id)
    child = Child(
        id=str(uuid.uuid4()),
        name=name,
        gender=data.gender.value,
        birth_date=data.birth_date,
        id_number_hash=id_hash,
        id_number_cipher=keys.encrypt(number) if number else None,
        id_number_key_id=keys.key_id if number else None,
        id_number_tail=number[-4:] if number else None,
        residence_division_code=village.code,
        hukou_division_code=data.hukou_division_code,
        status=ChildStatus.ACTIVE.value,
        created_at=utcnow(),
        created_by=principal.username,
    )
    repository.add(session, child)
    record_event(
        session,
        topic=topic_of("registry"),
        source="registry",
        event_type=CHILD_REGISTERED,
        subject=child.id,
        data=ChildRegistered(
            child_id=child.id,
            name=child.name,
            gender=child.gender,
            birth_date=child.birth_date,
            residence_division_code=village.code,
            town_division_code=village.parent_code or "",
            registered_by=principal.username,
        ).model_dump(mode="json", by_alias=True),
    )
    return to_out(child, principal, keys)


def get_child(
    session: Session, principal: Principal, child_id: str, keys: IdentityKeys
) -> ChildOut:
    """A child's file, when the principal may see it; otherwise `NOT_FOUND`."""
    if not policy.may_read(principal):
        raise Forbidden("无权查看儿童档案")
    child = repository.get(session, child_id)
    if child is None or not _in_scope(principal, child):
        raise NotFound("儿童档案不存在")
    return to_out(child, principal, keys)


def _in_scope(principal: Principal, child: Child) -> bool:
    return principal.has_role(*DEPARTMENT_ROLES) or principal.sees(child.residence_division_code)


def to_out(child: Child, principal: Principal, keys: IdentityKeys) -> ChildOut:
    """The file as this principal may see it; the identity number masked unless needed."""
    number = keys.decrypt(child.id_number_cipher) if child.id_number_cipher else None
    if number and not policy.sees_identity_number(principal):
        number = identity.mask(number)
    return ChildOut(
        id=child.id,
        version=child.version,
        name=child.name,
        gender=Gender(child.gender),
        birth_date=child.birth_date,
        age=age_on(child.birth_date, today()),
        id_number=number,
        hukou_division_code=child.hukou_division_code,
        residence_division_code=child.residence_division_code,
        status=ChildStatus(child.status),
        primary_category=PrimaryCategory.NONE,
        left_behind=False,
        created_at=child.created_at,
    )
