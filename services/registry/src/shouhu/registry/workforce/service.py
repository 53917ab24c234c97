"""Rules of the workforce (队伍建设): one current holder per post, posts by division level."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session

from shouhu.platform.auth import Principal, Role
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import record_event
from shouhu.platform.settings import topic_of
from shouhu.registry import policy
from shouhu.registry.divisions import repository as divisions
from shouhu.registry.divisions.service import DISTRICT_CODE
from shouhu.registry.divisions.service import to_out as division_out
from shouhu.registry.models import Division, WorkforceMember
from shouhu.registry.workforce import repository
from shouhu.registry.workforce.events import (
    ASSIGNMENT_ENDED,
    WORKER_ASSIGNED,
    AssignmentEnded,
    WorkerAssigned,
)
from shouhu.registry.workforce.schemas import (
    AssignWorker,
    CoverageOut,
    Employment,
    EndAssignment,
    Post,
    WorkforceMemberOut,
)

# The level of division each post belongs to (policy 四(三)): data, not branches.
POST_LEVEL: dict[Post, str] = {Post.SOCIAL_WORKER: "TOWN", Post.SUPERVISOR: "VILLAGE"}
POST_NAMES: dict[Post, str] = {
    Post.SOCIAL_WORKER: "儿童社会工作者",
    Post.SUPERVISOR: "儿童福利督导员",
}
LEVEL_NAMES = {"DISTRICT": "区", "TOWN": "镇街", "VILLAGE": "社区（村）"}
# The role a post's holder signs in with, for those who address the post (notifications).
POST_ROLE: dict[Post, Role] = {
    Post.SOCIAL_WORKER: Role.TOWN_SOCIAL_WORKER,
    Post.SUPERVISOR: Role.VILLAGE_SUPERVISOR,
}
TOPIC = topic_of("registry")

# How many divisions one batch read may name (the district has 318).
MAX_DIVISIONS = 400

# An 11-digit mobile number, or a landline with its area code (010-69841234, 01069841234).
PHONE = re.compile(r"1[3-9]\d{9}|0\d{2,3}-?\d{7,8}")


def division_in_scope(session: Session, principal: Principal, code: str | None) -> Division:
    """The division asked for, else the caller's; unknown: VALIDATION_FAILED, unseen: NOT_FOUND."""
    wanted = code or (DISTRICT_CODE if policy.district_wide(principal) else principal.division_code)
    division = divisions.get(session, wanted)
    if division is None:
        raise ValidationFailed(fields={"divisionCode": "区划代码不存在"})
    if not policy.sees_division(principal, division.code):
        raise NotFound("该区划不在您的查看范围内")
    return division


def is_current(member: WorkforceMember, on: date) -> bool:
    return member.until is None or member.until > on


def to_out(member: WorkforceMember, on: date | None = None) -> WorkforceMemberOut:
    return WorkforceMemberOut(
        id=member.id,
        division_code=member.division_code,
        post=Post(member.post),
        name=member.name,
        phone=member.phone,
        employment=Employment(member.employment),
        since=member.since,
        until=member.until,
        username=member.username,
        current=is_current(member, on or today()),
    )


def in_line(principal: Principal, code: str) -> bool:
    """Readers see the workforce of their own division, below and above it."""
    return (
        policy.district_wide(principal)
        or principal.sees(code)
        or principal.division_code.startswith(code)
    )


def roster(
    session: Session, principal: Principal, code: str, *, include_ended: bool
) -> list[WorkforceMemberOut]:
    """The holders of a division's post; readers see their own division, below and above it."""
    policy.require(principal, policy.READ_ROLES, "无权查看儿童工作队伍")
    division = divisions.get(session, code)
    if division is None or not in_line(principal, code):
        raise NotFound("区划不存在")
    now = today()
    members = repository.members_of(session, code, current_on=None if include_ended else now)
    return [to_out(m, now) for m in members]


def rosters(
    session: Session, principal: Principal, codes: Sequence[str], *, include_ended: bool
) -> list[WorkforceMemberOut]:
    """`roster` of many divisions in one query; those out of line or unknown are left out."""
    policy.require(principal, policy.READ_ROLES, "无权查看儿童工作队伍")
    if len(codes) > MAX_DIVISIONS:
        raise ValidationFailed(fields={"divisionCodes": f"一次最多查询{MAX_DIVISIONS}个区划"})
    wanted = [code for code in dict.fromkeys(codes) if in_line(principal, code)]
    if not wanted:
        return []
    now = today()
    members = repository.members_of_many(session, wanted, current_on=None if include_ended else now)
    return [to_out(m, now) for m in members]


def _writable_division(session: Session, principal: Principal, code: str) -> Division:
    policy.require(principal, policy.WORKFORCE_ROLES, "无权管理儿童工作队伍")
    division = divisions.get(session, code)
    if division is None:
        raise NotFound("区划不存在")
    if not principal.sees(code):
        raise Forbidden("该区划不在您的管辖范围内")
    return division


def check_phone(raw: str, fields: dict[str, str]) -> str:
    phone = re.sub(r"\s", "", raw)
    if not PHONE.fullmatch(phone):
        fields["phone"] = "电话应为11位手机号码或带区号的固定电话"
    return phone


def assign(
    session: Session, principal: Principal, code: str, data: AssignWorker
) -> WorkforceMemberOut:
    """A new holder of the division's post; the current holder's term ends today."""
    division = _writable_division(session, principal, code)
    fields: dict[str, str] = {}
    level = POST_LEVEL[data.post]
    if division.level != level:
        fields["post"] = f"{POST_NAMES[data.post]}应配备在{LEVEL_NAMES[level]}"
    name = data.name.strip()
    if not name:
        fields["name"] = "姓名不能为空"
    phone = check_phone(data.phone, fields)
    now = today()
    if data.since > now:
        fields["since"] = "任职起始日期不能晚于今天"
    if fields:
        raise ValidationFailed(fields=fields)
    for previous in repository.current_holders(session, code, data.post.value, now):
        previous.until = now
        repository.add(session, previous)
        announce_end(session, previous)
    member = WorkforceMember(
        id=str(uuid.uuid4()),
        division_code=code,
        post=data.post.value,
        name=name,
        phone=phone,
        employment=data.employment.value,
        since=data.since,
        username=data.username.strip() if data.username and data.username.strip() else None,
    )
    repository.add(session, member)
    announce(session, member)
    return to_out(member, now)


def announce(session: Session, member: WorkforceMember) -> None:
    """Publish a new holder of a post, for those who address the post (notifications)."""
    post = Post(member.post)
    _emit(
        session,
        WORKER_ASSIGNED,
        WorkerAssigned(
            member_id=member.id,
            division_code=member.division_code,
            post=post.value,
            role=POST_ROLE[post].value,
            username=member.username,
            name=member.name,
            phone=member.phone,
            since=member.since,
        ),
    )


def announce_end(session: Session, member: WorkforceMember) -> None:
    """Publish the end of a holder's term."""
    assert member.until is not None
    post = Post(member.post)
    _emit(
        session,
        ASSIGNMENT_ENDED,
        AssignmentEnded(
            member_id=member.id,
            division_code=member.division_code,
            post=post.value,
            role=POST_ROLE[post].value,
            username=member.username,
            until=member.until,
        ),
    )


def _emit(session: Session, event_type: str, payload: WorkerAssigned | AssignmentEnded) -> None:
    """Into the outbox of this transaction, keyed by the assignment."""
    record_event(
        session,
        topic=TOPIC,
        source="registry",
        event_type=event_type,
        subject=payload.member_id,
        data=payload.model_dump(mode="json", by_alias=True),
    )


def end(
    session: Session, principal: Principal, member_id: str, data: EndAssignment
) -> WorkforceMemberOut:
    """End a holder's term (today unless another past day is given)."""
    policy.require(principal, policy.WORKFORCE_ROLES, "无权管理儿童工作队伍")
    member = repository.get(session, member_id)
    if member is None:
        raise NotFound("任职记录不存在")
    _writable_division(session, principal, member.division_code)
    now = today()
    until = data.until or now
    if not is_current(member, now):
        raise ValidationFailed(fields={"until": "该任职已结束"})
    if until > now:
        raise ValidationFailed(fields={"until": "结束日期不能晚于今天"})
    if until < member.since:
        raise ValidationFailed(fields={"until": "结束日期不能早于任职起始日期"})
    member.until = until
    repository.add(session, member)
    announce_end(session, member)
    return to_out(member, now)


def coverage(session: Session, principal: Principal, code: str | None) -> CoverageOut:
    """For a division and below: towns without a social worker, villages without a supervisor."""
    policy.require(principal, policy.STATISTICS_ROLES, "无权查看队伍配备情况")
    division = division_in_scope(session, principal, code)
    now = today()
    towns = repository.divisions_under(session, division.code, POST_LEVEL[Post.SOCIAL_WORKER])
    villages = repository.divisions_under(session, division.code, POST_LEVEL[Post.SUPERVISOR])
    with_worker = repository.covered_codes(session, division.code, Post.SOCIAL_WORKER.value, now)
    with_supervisor = repository.covered_codes(session, division.code, Post.SUPERVISOR.value, now)
    return CoverageOut(
        division_code=division.code,
        town_count=len(towns),
        towns_with_social_worker=sum(1 for t in towns if t.code in with_worker),
        towns_without_social_worker=[division_out(t) for t in towns if t.code not in with_worker],
        village_count=len(villages),
        villages_with_supervisor=sum(1 for v in villages if v.code in with_supervisor),
        villages_without_supervisor=[
            division_out(v) for v in villages if v.code not in with_supervisor
        ],
    )


def _demo_holders() -> list[WorkforceMember]:
    """DEMO DATA, invented (no real people or numbers): the holders behind API.md's demo users."""
    since = date(2023, 3, 1)
    rows = [
        ("110109001", Post.SOCIAL_WORKER, "张慧敏", "13601100101", Employment.FULL_TIME),
        ("110109101", Post.SOCIAL_WORKER, "李建国", "010-60861101", Employment.FULL_TIME),
        ("110109001001", Post.SUPERVISOR, "王秀兰", "13701100102", Employment.PART_TIME),
        ("110109101001", Post.SUPERVISOR, "赵德顺", "13801100103", Employment.PART_TIME),
    ]
    prefix = {Post.SOCIAL_WORKER: "worker", Post.SUPERVISOR: "supervisor"}
    return [
        WorkforceMember(
            id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"shouhu:workforce:{code}:{post.value}")),
            division_code=code,
            post=post.value,
            name=name,
            phone=phone,
            employment=employment.value,
            since=since,
            username=f"{prefix[post]}.{code}",
        )
        for code, post, name, phone, employment in rows
    ]


def seed(session: Session) -> int:
    """The demo holders, once: skipped when known already or when the post is held."""
    holders = _demo_holders()
    known = {
        m.username for m in repository.by_usernames(session, [h.username or "" for h in holders])
    }
    added = 0
    now = today()
    for holder in holders:
        if holder.username in known or repository.current_holders(
            session, holder.division_code, holder.post, now
        ):
            continue
        repository.add(session, holder)
        announce(session, holder)
        added += 1
    return added
