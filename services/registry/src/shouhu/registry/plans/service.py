"""Rules of support plans (一策): who writes which department's measures, and how they move."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlmodel import Session

from shouhu.platform.auth import DEPARTMENT_ROLES, Principal, Role
from shouhu.platform.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.registry import history, policy
from shouhu.registry.access import service as access
from shouhu.registry.children import repository as children_repository
from shouhu.registry.children import service as children
from shouhu.registry.children.schemas import ChildStatus
from shouhu.registry.models import Child, PlanMeasure
from shouhu.registry.plans import repository
from shouhu.registry.plans.events import (
    MEASURE_ADDED,
    MEASURE_UPDATED,
    PlanMeasureAdded,
    PlanMeasureUpdated,
)
from shouhu.registry.plans.schemas import (
    AddMeasure,
    Department,
    MeasureStatus,
    PlanMeasureOut,
    SupportPlanOut,
    UpdateMeasure,
)

D, S = Department, MeasureStatus

# The department each department role writes for, district-wide (policy table, data).
DEPARTMENT_OF_ROLE: dict[Role, Department] = {
    Role.POLICE: D.POLICE,
    Role.EDUCATION: D.EDUCATION,
    Role.HEALTH: D.HEALTH,
    Role.HUMAN_RESOURCES: D.HUMAN_RESOURCES,
    Role.JUDICIAL: D.JUDICIAL,
    Role.HOUSING: D.HOUSING,
    Role.YOUTH_LEAGUE: D.MASS_ORGANISATION,
    Role.TRADE_UNION: D.MASS_ORGANISATION,
    Role.WOMENS_FEDERATION: D.MASS_ORGANISATION,
    Role.DISABLED_PERSONS_FEDERATION: D.MASS_ORGANISATION,
}
# Plan roles that write every department's measures, within their division.
EVERY_DEPARTMENT_ROLES = policy.PLAN_ROLES - DEPARTMENT_ROLES
# Where a measure may move next; DONE and CANCELLED are final.
TRANSITIONS: dict[MeasureStatus, frozenset[MeasureStatus]] = {
    S.PLANNED: frozenset({S.IN_PROGRESS, S.DONE, S.CANCELLED}),
    S.IN_PROGRESS: frozenset({S.DONE, S.CANCELLED}),
    S.DONE: frozenset(),
    S.CANCELLED: frozenset(),
}
STATUS_NAMES = {
    S.PLANNED: "计划中",
    S.IN_PROGRESS: "实施中",
    S.DONE: "已完成",
    S.CANCELLED: "已取消",
}
# The fields of a measure a change may touch, as named on the wire.
WIRE_NAMES = {
    "department": "department",
    "kind": "kind",
    "description": "description",
    "status": "status",
    "due_date": "dueDate",
    "owner": "owner",
}


def to_out(measure: PlanMeasure) -> PlanMeasureOut:
    return PlanMeasureOut(
        id=measure.id,
        child_id=measure.child_id,
        version=measure.version,
        department=Department(measure.department),
        kind=measure.kind,
        description=measure.description,
        status=MeasureStatus(measure.status),
        due_date=measure.due_date,
        owner=measure.owner,
        source_ref=measure.source_ref,
        created_by=measure.created_by,
        created_at=measure.created_at,
        updated_at=measure.updated_at,
    )


def snapshot(measure: PlanMeasure) -> dict[str, Any]:
    """A measure as the child's history keeps it."""
    return {
        "measureId": measure.id,
        "department": measure.department,
        "kind": measure.kind,
        "description": measure.description,
        "status": measure.status,
        "dueDate": measure.due_date.isoformat() if measure.due_date else None,
        "owner": measure.owner,
        "sourceRef": measure.source_ref,
        **({"restricted": True} if measure.restricted else {}),
    }


PLAN_PARTS = frozenset({policy.Part.PLAN, policy.Part.OWN_MEASURES})


def support_plan(
    session: Session, principal: Principal, child_id: str, *, operation: str
) -> SupportPlanOut:
    """The plan as the principal may see it (every measure, or its department's); logged."""
    child = children.load(session, principal, child_id)
    policy.require_part(principal, PLAN_PARTS, "无权查看帮扶计划")
    access.log_reads(session, principal, [child.id], parts={"plan"}, operation=operation)
    return plans_of(session, principal, [child.id])[child.id]


def plans_of(
    session: Session, principal: Principal, child_ids: Sequence[str]
) -> dict[str, SupportPlanOut]:
    """The plans of many files the caller may read, in one query (not logged): every measure
    for those who see the whole plan, else their own department's (policy.FILE_VIEW)."""
    whole = policy.sees(principal, policy.Part.PLAN)
    own = {d.value for d in own_departments(principal)}
    health = policy.sees_health_details(principal)
    found = {child_id: SupportPlanOut(child_id=child_id, measures=[]) for child_id in child_ids}
    for measure in repository.measures_of_many(session, child_ids):
        if measure.restricted and not health:
            continue
        if whole or measure.department in own:
            found[measure.child_id].measures.append(to_out(measure))
    return found


def own_departments(principal: Principal) -> set[Department]:
    return {dept for role, dept in DEPARTMENT_OF_ROLE.items() if principal.has_role(role)}


def require_writer(principal: Principal, child: Child, departments: set[Department]) -> None:
    """Civil affairs and town workers: any department, in scope; departments: their own."""
    policy.require(principal, policy.PLAN_ROLES, "无权修改帮扶计划")
    if principal.has_role(*EVERY_DEPARTMENT_ROLES) and principal.sees(
        child.residence_division_code
    ):
        return
    own = own_departments(principal)
    if own and departments <= own:
        return
    if own:
        raise Forbidden("只能填写本部门的帮扶措施")
    raise Forbidden("该儿童不在您的管辖范围内")


def _text(value: str, field: str, message: str, fields: dict[str, str]) -> str:
    cleaned = value.strip()
    if not cleaned:
        fields[field] = message
    return cleaned


def _owner(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def add_measure(
    session: Session, principal: Principal, child_id: str, data: AddMeasure
) -> PlanMeasureOut:
    """Add a measure to an active child's plan."""
    child = children.load(session, principal, child_id)
    require_writer(principal, child, {data.department})
    fields: dict[str, str] = {}
    if child.status == ChildStatus.EXITED.value:
        fields["status"] = "已退出的儿童不能新增帮扶措施"
    elif data.status is S.CANCELLED:
        fields["status"] = "不能新增已取消的措施"
    kind = _text(data.kind, "kind", "措施类型不能为空", fields)
    description = _text(data.description, "description", "措施内容不能为空", fields)
    if fields:
        raise ValidationFailed(fields=fields)
    measure = _create(
        session,
        child,
        department=data.department,
        kind=kind,
        description=description,
        status=data.status,
        due_date=data.due_date,
        owner=_owner(data.owner),
        source_ref=None,
        actor=principal.username,
    )
    return to_out(measure)


def _create(
    session: Session,
    child: Child,
    *,
    department: Department,
    kind: str,
    description: str,
    status: MeasureStatus,
    due_date: date | None,
    owner: str | None,
    source_ref: str | None,
    actor: str,
    restricted: bool = False,
) -> PlanMeasure:
    now = utcnow()
    measure = PlanMeasure(
        restricted=restricted,
        id=str(uuid.uuid4()),
        child_id=child.id,
        version=1,
        department=department.value,
        kind=kind,
        description=description,
        status=status.value,
        due_date=due_date,
        owner=owner,
        source_ref=source_ref,
        created_by=actor,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, measure)
    history.record(
        session,
        child_id=child.id,
        actor=actor,
        operation="PLAN_MEASURE_ADDED",
        reason=None,
        before=None,
        after=snapshot(measure),
    )
    children.emit(
        session,
        MEASURE_ADDED,
        child.id,
        PlanMeasureAdded(
            child_id=child.id,
            measure_id=measure.id,
            version=measure.version,
            department=measure.department,
            kind=measure.kind,
            status=measure.status,
            due_date=measure.due_date,
            source_ref=measure.source_ref,
            residence_division_code=child.residence_division_code,
            added_by=actor,
        ),
    )
    return measure


def update_measure(
    session: Session, principal: Principal, measure_id: str, version: int, data: UpdateMeasure
) -> PlanMeasureOut:
    """Change the fields given, at the version the caller saw; DONE and CANCELLED are final."""
    measure = repository.get(session, measure_id)
    if measure is None:
        raise NotFound("帮扶措施不存在")
    try:
        child = children.load(session, principal, measure.child_id)
    except NotFound as exc:
        raise NotFound("帮扶措施不存在") from exc
    given = data.model_fields_set & WIRE_NAMES.keys()
    department = data.department if "department" in given and data.department else None
    touched = {Department(measure.department)} | ({department} if department else set())
    require_writer(principal, child, touched)
    if measure.version != version:
        raise Conflict()
    fields: dict[str, str] = {}
    values: dict[str, Any] = {}
    current = MeasureStatus(measure.status)
    for required in ("department", "kind", "description", "status"):
        if required in given and getattr(data, required) is None:
            fields[WIRE_NAMES[required]] = "不能为空"
    if department is not None:
        values["department"] = department.value
    if "kind" in given and data.kind is not None:
        values["kind"] = _text(data.kind, "kind", "措施类型不能为空", fields)
    if "description" in given and data.description is not None:
        values["description"] = _text(data.description, "description", "措施内容不能为空", fields)
    if "status" in given and data.status is not None and data.status is not current:
        if data.status not in TRANSITIONS[current]:
            fields["status"] = (
                f"措施状态不能从{STATUS_NAMES[current]}改为{STATUS_NAMES[data.status]}"
            )
        values["status"] = data.status.value
    if "due_date" in given:
        values["due_date"] = data.due_date
    if "owner" in given:
        values["owner"] = _owner(data.owner)
    changes = {k: v for k, v in values.items() if getattr(measure, k) != v}
    if changes and not TRANSITIONS[current] and "status" not in fields:
        fields["status"] = f"{STATUS_NAMES[current]}的措施不能修改"
    if fields:
        raise ValidationFailed(fields=fields)
    if changes:
        _apply(session, child, measure, version, changes, principal.username, data.reason)
    return to_out(measure)


def _apply(
    session: Session,
    child: Child,
    measure: PlanMeasure,
    version: int,
    changes: dict[str, Any],
    actor: str,
    reason: str | None,
) -> None:
    """Write the changes at `version` (else `CONFLICT`), with history and event."""
    before = snapshot(measure)
    if not repository.update_at_version(
        session, measure, version, {**changes, "updated_at": utcnow()}
    ):
        raise Conflict()
    after = snapshot(measure)
    changed = sorted(k for k in after if after[k] != before[k])
    mark = {"restricted": True} if measure.restricted else {}
    history.record(
        session,
        child_id=child.id,
        actor=actor,
        operation="PLAN_MEASURE_UPDATED",
        reason=reason,
        before={"measureId": measure.id, **mark, **{k: before[k] for k in changed}},
        after={"measureId": measure.id, **mark, **{k: after[k] for k in changed}},
    )
    children.emit(
        session,
        MEASURE_UPDATED,
        child.id,
        PlanMeasureUpdated(
            child_id=child.id,
            measure_id=measure.id,
            version=measure.version,
            changed=changed,
            department=measure.department,
            kind=measure.kind,
            status=measure.status,
            due_date=measure.due_date,
            source_ref=measure.source_ref,
            residence_division_code=child.residence_division_code,
            updated_by=actor,
        ),
    )


def upsert_measure_from_event(
    session: Session,
    child_id: str,
    source_ref: str,
    *,
    department: Department,
    kind: str,
    description: str,
    status: MeasureStatus,
    due_date: date | None,
    owner: str | None,
    actor: str,
    restricted: bool = False,
) -> PlanMeasure:
    """A department system's measure by `source_ref`, for consumers: redelivery changes nothing."""
    fields: dict[str, str] = {}
    ref = _text(source_ref, "sourceRef", "来源编号不能为空", fields)
    if len(ref) > 200:
        fields["sourceRef"] = "过长"
    kind = _text(kind, "kind", "措施类型不能为空", fields)
    description = _text(description, "description", "措施内容不能为空", fields)
    if len(kind) > 50:
        fields["kind"] = "过长"
    if fields:
        raise ValidationFailed(fields=fields)
    child = children_repository.get(session, child_id)
    if child is None:
        raise NotFound("儿童档案不存在")
    measure = repository.by_source_ref(session, ref)
    if measure is None:
        return _create(
            session,
            child,
            department=department,
            kind=kind,
            description=description,
            status=status,
            due_date=due_date,
            owner=_owner(owner),
            source_ref=ref,
            actor=actor,
            restricted=restricted,
        )
    if measure.child_id != child.id:
        raise ValidationFailed(fields={"sourceRef": "该来源编号已用于其他儿童的措施"})
    values: dict[str, Any] = {
        "department": department.value,
        "kind": kind,
        "description": description,
        "status": status.value,
        "due_date": due_date,
        "owner": _owner(owner),
        "restricted": restricted,
    }
    changes = {k: v for k, v in values.items() if getattr(measure, k) != v}
    if changes:
        _apply(session, child, measure, measure.version, changes, actor, None)
    return measure
