"""Rules of visits (定期走访): who records them, when the next is due, who is overdue."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.platform.schemas import PageInfo
from shouhu.registry import history, policy
from shouhu.registry.access import service as access
from shouhu.registry.children import repository as children_repository
from shouhu.registry.children import service as children
from shouhu.registry.children.schemas import ChildStatus
from shouhu.registry.classifications.taxonomy import PrimaryCategory
from shouhu.registry.divisions.service import DISTRICT_CODE
from shouhu.registry.models import Child, Visit, VisitPolicy
from shouhu.registry.visits import repository
from shouhu.registry.visits.events import VISIT_RECORDED, VisitRecorded
from shouhu.registry.visits.overdue import OverdueEdge, OverduePage, OverdueVisitOut
from shouhu.registry.visits.schemas import (
    MAX_INTERVAL_DAYS,
    MIN_INTERVAL_DAYS,
    RecordVisit,
    RiskLevel,
    SetVisitInterval,
    VisitIntervalOut,
    VisitOut,
)
from shouhu.registry.workforce.service import division_in_scope

# Risk levels that notifications should act on (the event's `highRisk`).
HIGH_RISK = frozenset({RiskLevel.HIGH})
MAX_PAGE = 100


def to_out(visit: Visit) -> VisitOut:
    return VisitOut(
        id=visit.id,
        child_id=visit.child_id,
        visited_on=visit.visited_on,
        visitor=visit.visitor,
        visitor_role=visit.visitor_role,
        seen=visit.seen,
        findings=visit.findings,
        risk_level=RiskLevel(visit.risk_level),
        next_due=visit.next_due,
        created_at=visit.created_at,
    )


def list_visits(
    session: Session, principal: Principal, child_id: str, *, operation: str
) -> list[VisitOut]:
    """A child's visits, newest first, for those who may read the file; the read is logged."""
    child = children.load(session, principal, child_id)
    policy.require_part(principal, frozenset({policy.Part.VISITS}), "无权查看走访记录")
    access.log_reads(session, principal, [child.id], parts={"visits"}, operation=operation)
    return visits_of(session, [child.id])[child.id]


def visits_of(session: Session, child_ids: Sequence[str]) -> dict[str, list[VisitOut]]:
    """The visits of many files the caller may read, newest first, in one query (not logged)."""
    found: dict[str, list[VisitOut]] = {child_id: [] for child_id in child_ids}
    for visit in repository.visits_of_many(session, child_ids):
        found[visit.child_id].append(to_out(visit))
    return found


def load_for_visit(session: Session, principal: Principal, child_id: str) -> Child:
    """A file the principal may record a visit on: a visiting role within the division."""
    child = children.load(session, principal, child_id)
    policy.require(principal, policy.VISIT_ROLES, "无权记录走访")
    if not principal.sees(child.residence_division_code):
        raise Forbidden("该儿童不在您的管辖范围内")
    return child


def record_visit(
    session: Session, principal: Principal, child_id: str, data: RecordVisit
) -> VisitOut:
    """Record a visit; without a next due day, the child's category's interval gives it."""
    child = load_for_visit(session, principal, child_id)
    fields: dict[str, str] = {}
    if child.status == ChildStatus.EXITED.value:
        fields["status"] = "已退出的儿童不能记录走访"
    if data.visited_on > today():
        fields["visitedOn"] = "走访日期不能晚于今天"
    elif data.visited_on < child.birth_date:
        fields["visitedOn"] = "走访日期不能早于儿童出生日期"
    seen, findings = data.seen.strip(), data.findings.strip()
    if not seen:
        fields["seen"] = "走访对象不能为空"
    if not findings:
        fields["findings"] = "走访情况不能为空"
    next_due = data.next_due
    if next_due is None:
        interval = repository.interval(session, child.primary_category)
        if interval is None:
            fields["nextDue"] = "未设定该类别儿童的走访周期，请填写下次走访日期"
        else:
            next_due = data.visited_on + timedelta(days=interval.interval_days)
    elif next_due < data.visited_on:
        fields["nextDue"] = "下次走访日期不能早于走访日期"
    if fields or next_due is None:
        raise ValidationFailed(fields=fields)
    visit = Visit(
        id=str(uuid.uuid4()),
        child_id=child.id,
        visited_on=data.visited_on,
        visitor=principal.username,
        visitor_role=",".join(sorted(r.value for r in policy.VISIT_ROLES if principal.has_role(r))),
        seen=seen,
        findings=findings,
        risk_level=data.risk_level.value,
        next_due=next_due,
        created_at=utcnow(),
    )
    repository.add(session, visit)
    history.record(
        session,
        child_id=child.id,
        actor=principal.username,
        operation="VISIT_RECORDED",
        reason=None,
        before=None,
        after={
            "visitId": visit.id,
            "visitedOn": visit.visited_on.isoformat(),
            "riskLevel": visit.risk_level,
            "nextDue": visit.next_due.isoformat(),
        },
    )
    children.emit(
        session,
        VISIT_RECORDED,
        child.id,
        VisitRecorded(
            child_id=child.id,
            visit_id=visit.id,
            visited_on=visit.visited_on,
            risk_level=visit.risk_level,
            high_risk=data.risk_level in HIGH_RISK,
            next_due=visit.next_due,
            residence_division_code=child.residence_division_code,
            town_division_code=child.town_code,
            recorded_by=principal.username,
        ),
    )
    return to_out(visit)


# ---- the visit policy -----------------------------------------------------------------------


def _interval_out(row: VisitPolicy) -> VisitIntervalOut:
    return VisitIntervalOut(
        primary_category=PrimaryCategory(row.primary_category), interval_days=row.interval_days
    )


def visit_policy(session: Session, _principal: Principal) -> list[VisitIntervalOut]:
    """How often each primary category is visited; reference data for every signed-in caller."""
    return [_interval_out(row) for row in repository.intervals(session)]


def set_interval(
    session: Session, principal: Principal, category: PrimaryCategory, data: SetVisitInterval
) -> VisitIntervalOut:
    """The district's civil affairs sets how often a category is visited."""
    policy.require(principal, policy.RULE_ROLES, "无权设定走访周期")
    if principal.division_code != DISTRICT_CODE:
        raise Forbidden("走访周期由区级民政部门设定")
    if not MIN_INTERVAL_DAYS <= data.interval_days <= MAX_INTERVAL_DAYS:
        raise ValidationFailed(
            fields={"intervalDays": f"走访周期应在{MIN_INTERVAL_DAYS}到{MAX_INTERVAL_DAYS}天之间"}
        )
    row = repository.interval(session, category.value)
    if row is None:
        row = VisitPolicy(primary_category=category.value, interval_days=data.interval_days)
    row.interval_days = data.interval_days
    repository.add(session, row)
    return _interval_out(row)


# ---- overdue visits -------------------------------------------------------------------------


def overdue(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    *,
    division_code: str | None,
    first: int,
    after: str | None,
    operation: str,
) -> OverduePage:
    """Active children of a division whose visit is overdue, for readers in scope; logged."""
    policy.require_part(principal, frozenset({policy.Part.VISITS}), "无权查看走访记录")
    if not 1 <= first <= MAX_PAGE:
        raise ValidationFailed(fields={"first": f"每页条数应在1到{MAX_PAGE}之间"})
    keyset = children.child_after(after) if after else None
    division = division_in_scope(session, principal, division_code)
    now = today()
    policy_rows = repository.intervals(session)
    intervals = {row.primary_category: row.interval_days for row in policy_rows}
    conditions = repository.overdue_conditions(
        now, policy_rows, children_repository.division_condition(division.code)
    )
    # The same keyset page as the children's search: ordered by (village, id).
    rows = children_repository.search(session, conditions, after=keyset, limit=first + 1)
    page = rows[:first]
    latest = repository.latest_of_many(session, [c.id for c in page])
    access.log_reads(
        session, principal, [c.id for c in page], parts={"summary", "visits"}, operation=operation
    )
    edges = []
    for child in page:
        last = latest.get(child.id)
        if last is not None:
            due_on = last.next_due
        else:
            due_on = child.registered_on + timedelta(days=intervals[child.primary_category])
        node = OverdueVisitOut(
            child=children.to_out(session, child, principal, keys, parts=frozenset({"identity"})),
            due_on=due_on,
            days_overdue=(now - due_on).days,
            last_visit=to_out(last) if last is not None else None,
        )
        edges.append(OverdueEdge(cursor=children.child_cursor(child), node=node))
    return OverduePage(
        division_code=division.code,
        edges=edges,
        page_info=PageInfo.of(edges, more=len(rows) > first),
        total_count=children_repository.count(session, conditions),
    )
