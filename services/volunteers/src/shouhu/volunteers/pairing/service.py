"""Rules of one-to-one pairing (一对一帮扶): suggestions, pairing and its refusals, visits, the
end, the single window's task, suspension when vetting runs out; writes events, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.clock import age_on, today
from shouhu.platform.divisions import name as division_name
from shouhu.platform.errors import Duplicate, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.platform.labels import VOLUNTEER_SKILL_NAMES
from shouhu.volunteers import policy
from shouhu.volunteers.children import repository as children
from shouhu.volunteers.children.service import EXITED
from shouhu.volunteers.models import ChildFacts, Organisation, Pairing, PairingVisit, Volunteer
from shouhu.volunteers.needs import service as needs_service
from shouhu.volunteers.needs.schemas import NeedSource
from shouhu.volunteers.organisations import service as organisation_service
from shouhu.volunteers.pairing import repository
from shouhu.volunteers.pairing.events import (
    PAIRING_ENDED,
    PAIRING_RESUMED,
    PAIRING_STARTED,
    PAIRING_SUSPENDED,
    TASK_UPDATED,
    VETTING_RENEWED,
    PairingChanged,
    PlanMeasure,
    TaskUpdated,
    VettingEnding,
)
from shouhu.volunteers.pairing.rules import load
from shouhu.volunteers.pairing.schemas import (
    MAX_SUGGESTIONS,
    EndPairingInput,
    PairingInput,
    PairingOut,
    PairingStatus,
    PairingVisitInput,
    PairingVisitOut,
    SuggestionOut,
    SuggestionsOut,
)
from shouhu.volunteers.publish import emit
from shouhu.volunteers.vetting import repository as vettings
from shouhu.volunteers.volunteers import repository as volunteers
from shouhu.volunteers.volunteers import service as volunteer_service
from shouhu.volunteers.volunteers.service import ADULT_AGE

UNKNOWN = "结对不存在"
UNKNOWN_CHILD = "儿童不存在或尚未同步到志愿服务系统"
MEASURE_KIND = "一对一帮扶"
DEPARTMENT = "MASS_ORGANISATION"  # the plan's department of the mass organisations (群团组织)
ACTOR = "volunteers"
SKILL_NAMES = VOLUNTEER_SKILL_NAMES


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def born_by(on: date) -> date:
    """The latest birth date of an adult (18 on the day)."""
    try:
        return on.replace(year=on.year - ADULT_AGE)
    except ValueError:  # 29 February
        return on.replace(year=on.year - ADULT_AGE, day=28)


def _child(session: Session, principal: Principal, child_id: str) -> ChildFacts:
    row = children.child(session, child_id)
    if row is None or not principal.sees(row.residence_division_code):
        raise NotFound(UNKNOWN_CHILD)
    return row


# ---- suggestions ------------------------------------------------------------------------------


def suggest(
    session: Session, principal: Principal, keys: KeyRing, child_id: str, first: int
) -> SuggestionsOut:
    """Vetted adult volunteers for a child, best first, each with its score and reasons."""
    policy.require_district(principal, policy.PAIRING_ROLES, "无权为儿童推荐志愿者")
    child = _child(session, principal, child_id)
    rules, on = load(), today()
    first = max(1, min(first, MAX_SUGGESTIONS))
    w = rules.weights
    found = repository.suggestions(
        session,
        child=child,
        needs=child.needs,
        on=on,
        born_by=born_by(on),
        max_load=rules.max_children_per_volunteer,
        weights=repository.Weights(w.skills, w.village, w.town, w.district, w.load, w.continuity),
        acting_roles=policy.acting_roles(principal),
        first=first,
    )
    ids = [c.volunteer_id for c in found]
    rows = repository.volunteers_of(session, ids)
    checks = vettings.of_volunteers(session, ids)  # one query for all, not one a volunteer
    out = []
    for c in found:
        row = rows[c.volunteer_id]
        reasons = _reasons(row, child, c, rules.max_children_per_volunteer)
        organisation = organisation_service.get(session, row.organisation_id)
        view = volunteer_service.to_out(
            row, organisation, checks.get(row.id, []), principal, keys, on
        )
        out.append(SuggestionOut(volunteer=view, score=c.score, reasons=reasons))
    return SuggestionsOut(child_id=child.child_id, needs=list(child.needs), suggestions=out)


def _reasons(
    row: Volunteer, child: ChildFacts, c: repository.Candidate, max_load: int
) -> list[str]:
    """Why a volunteer is suggested, part by part, in Chinese."""
    reasons = []
    met = [SKILL_NAMES.get(n, n) for n in child.needs if n in row.skills]
    if met:
        reasons.append(f"擅长{'、'.join(met)}，符合儿童需求")
    elif child.needs:
        reasons.append("技能与儿童需求不符")
    where = {
        "VILLAGE": f"同村（{division_name(child.residence_division_code)}）",
        "TOWN": f"同乡镇（街道）（{division_name(child.town_code)}）",
        "DISTRICT": "同区，不在同一乡镇（街道）",
    }
    reasons.append(where[c.nearness])
    reasons.append(f"当前结对{c.load}名儿童（上限{max_load}名）")
    if c.before:
        reasons.append("曾与该儿童结对，延续帮扶")
    return reasons


# ---- pairing ----------------------------------------------------------------------------------


def _organisation_for(session: Session, principal: Principal, row: Volunteer) -> Organisation:
    organisation = organisation_service.get(session, row.organisation_id)
    if not policy.writes_for(principal, organisation.acting_role):
        raise Forbidden("只能为本单位负责的组织的志愿者结对")
    return organisation


def pair(
    session: Session, principal: Principal, data: PairingInput, *, on: date | None = None
) -> PairingOut:
    """Pair a vetted adult volunteer with a child of the organisation's area, under the load
    limit; the child's plan shows it and the child's open pairing task is done."""
    policy.require_district(principal, policy.PAIRING_ROLES, "无权办理一对一帮扶结对")
    on = on or today()
    row = repository.lock_volunteer(session, data.volunteer_id)
    if row is None:
        raise _refuse("volunteerId", volunteer_service.UNKNOWN)
    organisation = _organisation_for(session, principal, row)
    child = children.child(session, data.child_id)
    if child is None or not principal.sees(child.residence_division_code):
        raise _refuse("childId", UNKNOWN_CHILD)
    if child.status == EXITED:
        raise _refuse("childId", "该儿童已退出关爱保护范围，不能结对")
    if age_on(row.birth_date, on) < ADULT_AGE:
        raise _refuse("volunteerId", "未满18周岁的志愿者不能参加一对一帮扶")
    if not volunteer_service.vetted(row, on):
        raise _refuse(
            "volunteerId",
            "志愿者未通过审核（须有有效的侵害未成年人违法犯罪信息查询记录并完成岗前培训），不能结对",
        )
    if not repository.serves(organisation, child.residence_division_code):
        raise _refuse(
            "childId",
            f"儿童不在{organisation.name}的服务区域"
            f"（{division_name(organisation.division_code)}）内",
        )
    existing = repository.live(session, row.id, child.child_id)
    if existing is not None:
        raise Duplicate("该志愿者已与该儿童结对", existing_id=existing.id)
    limit = load().max_children_per_volunteer
    current = row.live_pairings  # read under the row's lock
    if current >= limit:
        raise _refuse("volunteerId", f"该志愿者已结对{current}名儿童，达到上限{limit}名")
    now = utcnow()
    pairing = Pairing(
        id=str(uuid.uuid4()),
        volunteer_id=row.id,
        child_id=child.child_id,
        organisation_id=organisation.id,
        status=PairingStatus.ACTIVE.value,
        started_on=on,
        task_id=child.pairing_task_id,
        created_by=principal.username,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, pairing)
    repository.flush(session)
    repository.count_live(session, row.id, 1)
    _emit(session, PAIRING_STARTED, pairing, row, organisation, principal.username)
    outcome = f"已结对：志愿者{row.name}（{organisation.name}）"
    if child.pairing_task_id and child.pairing_intake_id:
        _finish_task(session, child, outcome)
    needs_service.close_for_pairing(session, child.child_id, row.skills, outcome)
    return _outs(session, [pairing])[0]


def _finish_task(session: Session, child: ChildFacts, outcome: str) -> None:
    """The single window's VOLUNTEER_PAIRING task of the child: done."""
    assert child.pairing_task_id and child.pairing_intake_id
    emit(
        session,
        TASK_UPDATED,
        child.child_id,
        TaskUpdated(
            task_id=child.pairing_task_id,
            intake_id=child.pairing_intake_id,
            child_id=child.child_id,
            status="DONE",
            outcome=outcome,
            actor=ACTOR,
        ),
    )
    child.pairing_task_id = child.pairing_intake_id = None
    child.updated_at = utcnow()
    children.add(session, child)


def take_task(
    session: Session, *, task_id: str, intake_id: str, child_id: str, needs: list[str]
) -> None:
    """An intake's VOLUNTEER_PAIRING task: kept on the child (the board suggests volunteers),
    done at once when the child has a live pairing already."""
    child = children.child(session, child_id)
    if child is None:
        # The registry's file comes before its intake (one key, one partition): not yet here
        # means out of order, and the consumer retries and then parks it.
        raise LookupError(f"no child {child_id} in volunteers' projection")
    child.needs = list(dict.fromkeys([*child.needs, *needs]))
    child.pairing_task_id, child.pairing_intake_id = task_id, intake_id
    child.updated_at = utcnow()
    children.add(session, child)
    # The task is an open need too (needs and offers), closed when a pairing starts.
    called = [SKILL_NAMES.get(n, n) for n in needs]
    needs_service.raise_from_event(
        session,
        child_id=child_id,
        division_code=child.residence_division_code,
        source=NeedSource.INTAKE,
        source_ref=f"intake-task:{task_id}",
        skill=needs[0] if needs else None,
        description=f"一对一帮扶结对（单一窗口受理）：{'、'.join(called) or '陪伴'}",
        actor=ACTOR,
    )
    live = [p for p in repository.of_child(session, child_id) if p.status == "ACTIVE"]
    if live:
        names = repository.volunteers_of(session, [p.volunteer_id for p in live])
        who = "、".join(names[p.volunteer_id].name for p in live)
        outcome = f"已在结对帮扶中：志愿者{who}"
        _finish_task(session, child, outcome)
        skills = [s for p in live for s in names[p.volunteer_id].skills]
        needs_service.close_for_pairing(session, child_id, skills, outcome)


def _measure(pairing: Pairing, row: Volunteer, organisation: Organisation) -> PlanMeasure:
    text = f"志愿者{row.name}（{organisation.name}）一对一帮扶，{pairing.started_on:%Y年%m月%d日}起"
    status = {"ACTIVE": "IN_PROGRESS", "SUSPENDED": "PLANNED", "ENDED": "DONE"}[pairing.status]
    if pairing.status == "SUSPENDED":
        text += "；志愿者审核已过期，帮扶暂停"
    elif pairing.status == "ENDED" and pairing.ended_on is not None:
        text += f"，{pairing.ended_on:%Y年%m月%d日}结束（{pairing.end_reason}）"
    return PlanMeasure(
        source_ref=f"volunteers:pairing:{pairing.id}",
        department=DEPARTMENT,
        kind=MEASURE_KIND,
        description=text,
        status=status,
    )


def _emit(
    session: Session,
    event_type: str,
    pairing: Pairing,
    row: Volunteer,
    organisation: Organisation,
    actor: str,
) -> None:
    emit(
        session,
        event_type,
        pairing.child_id,
        PairingChanged(
            pairing_id=pairing.id,
            volunteer_id=pairing.volunteer_id,
            child_id=pairing.child_id,
            organisation_id=pairing.organisation_id,
            status=pairing.status,
            started_on=pairing.started_on,
            ended_on=pairing.ended_on,
            reason=pairing.end_reason,
            actor=actor,
            plan_measure=_measure(pairing, row, organisation),
        ),
    )


def _writable(session: Session, principal: Principal, pairing_id: str) -> Pairing:
    pairing = repository.pairing(session, pairing_id)
    if pairing is None:
        raise NotFound(UNKNOWN)
    _readable(session, principal, pairing)
    return pairing


def _readable(session: Session, principal: Principal, pairing: Pairing) -> None:
    child = children.child(session, pairing.child_id)
    if child is None or not principal.sees(child.residence_division_code):
        raise NotFound(UNKNOWN)
    roles = policy.acting_roles(principal)
    if roles is not None:
        organisation = organisation_service.get(session, pairing.organisation_id)
        if organisation.acting_role not in roles:
            raise Forbidden("无权查看该结对")


def record_visit(
    session: Session, principal: Principal, pairing_id: str, data: PairingVisitInput
) -> PairingOut:
    """A visit of an active pairing, on a day not in the future nor before it started."""
    policy.require(principal, policy.PAIRING_VISIT_ROLES, "无权记录结对帮扶走访")
    pairing = _writable(session, principal, pairing_id)
    add_visit(session, principal, pairing, data)
    return _outs(session, [pairing])[0]


def add_visit(
    session: Session, principal: Principal, pairing: Pairing, data: PairingVisitInput
) -> None:
    """The visit written, once the caller may log it: refused unless the pairing is active and
    the day lies between its start and today."""
    if pairing.status != PairingStatus.ACTIVE.value:
        raise _refuse("pairingId", "结对不在帮扶中，不能记录走访")
    if data.visited_on > today():
        raise _refuse("visitedOn", "走访日期不能晚于今天")
    if data.visited_on < pairing.started_on:
        raise _refuse("visitedOn", "走访日期不能早于结对开始日期")
    repository.add(
        session,
        PairingVisit(
            id=str(uuid.uuid4()),
            pairing_id=pairing.id,
            visited_on=data.visited_on,
            minutes=data.minutes,
            mode=data.mode.value,
            note=(data.note or "").strip() or None,
            recorded_by=principal.username,
            recorded_at=utcnow(),
        ),
    )
    repository.flush(session)


def end(
    session: Session, principal: Principal, pairing_id: str, data: EndPairingInput
) -> PairingOut:
    """End a pairing (active or suspended) with its reason; the plan's measure is done."""
    policy.require_district(principal, policy.PAIRING_ROLES, "无权结束一对一帮扶结对")
    pairing = _writable(session, principal, pairing_id)
    row = volunteers.volunteer(session, pairing.volunteer_id)
    assert row is not None
    organisation = _organisation_for(session, principal, row)
    if pairing.status == PairingStatus.ENDED.value:
        raise _refuse("pairingId", "结对已结束")
    repository.count_live(session, row.id, -1)
    pairing.status, pairing.ended_on = PairingStatus.ENDED.value, today()
    pairing.end_reason = data.reason.strip()
    pairing.version += 1
    pairing.updated_at = utcnow()
    repository.add(session, pairing)
    _emit(session, PAIRING_ENDED, pairing, row, organisation, principal.username)
    return _outs(session, [pairing])[0]


def _move(
    session: Session, row: Volunteer, actor: str, status: PairingStatus, to: PairingStatus
) -> list[Pairing]:
    """The volunteer's pairings of one status moved to another, each with its event."""
    organisation = organisation_service.get(session, row.organisation_id)
    event_type = PAIRING_SUSPENDED if to is PairingStatus.SUSPENDED else PAIRING_RESUMED
    moved = list(repository.of_volunteers(session, [row.id], status.value))
    for pairing in moved:
        pairing.status = to.value
        pairing.version += 1
        pairing.updated_at = utcnow()
        repository.add(session, pairing)
        _emit(session, event_type, pairing, row, organisation, actor)
    return moved


def suspend_of(session: Session, row: Volunteer, actor: str) -> list[Pairing]:
    """The volunteer's active pairings suspended (their record check ran out)."""
    return _move(session, row, actor, PairingStatus.ACTIVE, PairingStatus.SUSPENDED)


def resume_of(session: Session, row: Volunteer, actor: str, on: date) -> list[Pairing]:
    """The volunteer's suspended pairings resumed (vetted again: a new passed check, training
    current); ended ones stay ended. The social workers of the children's towns are told."""
    resumed = _move(session, row, actor, PairingStatus.SUSPENDED, PairingStatus.ACTIVE)
    if resumed:
        emit(
            session,
            VETTING_RENEWED,
            row.id,
            vetting_ending(session, row, on, towns_of(session, resumed)),
        )
    return resumed


def towns_of(session: Session, pairings: Sequence[Pairing]) -> list[str]:
    """The towns of the children of these pairings (whose social workers are told)."""
    kids = repository.children(session, [p.child_id for p in pairings])
    return sorted({c.town_code for c in kids.values()})


def vetting_ending(session: Session, row: Volunteer, day: date, towns: list[str]) -> VettingEnding:
    """A volunteer's record check to be renewed, run out or renewed, for notifications."""
    organisation = organisation_service.get(session, row.organisation_id)
    assert row.check_valid_until is not None
    return VettingEnding(
        volunteer_id=row.id,
        volunteer_name=row.name,
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        acting_role=organisation.acting_role,
        division_code=row.division_code,
        check_valid_until=row.check_valid_until,
        towns=towns,
        on=day,
    )


# ---- reading ----------------------------------------------------------------------------------


def of_child(session: Session, principal: Principal, child_id: str) -> list[PairingOut]:
    policy.require(principal, policy.PAIRING_READ_ROLES, "无权查看结对帮扶")
    _child(session, principal, child_id)
    roles = policy.acting_roles(principal)
    rows = list(repository.of_child(session, child_id))
    if roles is not None:
        keep = {
            o.id
            for o in (organisation_service.get(session, p.organisation_id) for p in rows)
            if o.acting_role in roles
        }
        rows = [p for p in rows if p.organisation_id in keep]
    return _outs(session, rows)


def of_volunteer(session: Session, principal: Principal, volunteer_id: str) -> list[PairingOut]:
    policy.require(principal, policy.PAIRING_READ_ROLES, "无权查看结对帮扶")
    volunteer_service.readable(session, principal, volunteer_id)
    rows = [
        p for p in repository.of_volunteer(session, volunteer_id) if _visible(session, principal, p)
    ]
    return _outs(session, rows)


def _visible(session: Session, principal: Principal, pairing: Pairing) -> bool:
    child = children.child(session, pairing.child_id)
    return child is not None and principal.sees(child.residence_division_code)


def get(session: Session, principal: Principal, pairing_id: str) -> PairingOut:
    policy.require(principal, policy.PAIRING_READ_ROLES, "无权查看结对帮扶")
    return _outs(session, [_writable(session, principal, pairing_id)])[0]


def _outs(session: Session, rows: Sequence[Pairing]) -> list[PairingOut]:
    on = today()
    kids = repository.children(session, [p.child_id for p in rows])
    people = repository.volunteers_of(session, [p.volunteer_id for p in rows])
    visits: dict[str, list[PairingVisitOut]] = {}
    for v in repository.visits(session, [p.id for p in rows]):
        visits.setdefault(v.pairing_id, []).append(
            PairingVisitOut(
                id=v.id,
                visited_on=v.visited_on,
                minutes=v.minutes,
                mode=v.mode,
                note=v.note,
                recorded_by=v.recorded_by,
                recorded_at=v.recorded_at,
            )
        )
    return [
        PairingOut(
            id=p.id,
            volunteer_id=p.volunteer_id,
            volunteer_name=people[p.volunteer_id].name,
            organisation_id=p.organisation_id,
            child_id=p.child_id,
            child_name=kids[p.child_id].name,
            child_age=age_on(kids[p.child_id].birth_date, on),
            child_division_code=kids[p.child_id].residence_division_code,
            child_needs=list(kids[p.child_id].needs),
            status=PairingStatus(p.status),
            started_on=p.started_on,
            ended_on=p.ended_on,
            end_reason=p.end_reason,
            visits=visits.get(p.id, []),
            version=p.version,
            created_by=p.created_by,
            created_at=p.created_at,
        )
        for p in rows
    ]
