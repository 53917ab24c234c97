"""Rules of children's files; writes history and outbox rows, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel
from pydantic.alias_generators import to_camel
from pypinyin import Style, lazy_pinyin
from sqlalchemy import ColumnElement
from sqlmodel import Session, col

from shouhu.platform.auth import Principal
from shouhu.platform.clock import age_on, birthday, born_by, today
from shouhu.platform.db import pipelined
from shouhu.platform.errors import (
    Conflict,
    Duplicate,
    Forbidden,
    NotFound,
    RateLimited,
    ValidationFailed,
)
from shouhu.platform.events import record_event, record_events, utcnow
from shouhu.platform.identity import KeyRing, well_formed
from shouhu.platform.identity import mask as mask_identity
from shouhu.platform.paging import decode_cursor, encode_cursor
from shouhu.platform.settings import topic_of
from shouhu.registry import history, policy
from shouhu.registry.access import service as access
from shouhu.registry.children import identity, repository
from shouhu.registry.children.events import (
    CHILD_EXITED,
    CHILD_REGISTERED,
    CHILD_UPDATED,
    GUARDIANSHIP_CHANGED,
    ChildExited,
    ChildRegistered,
    ChildUpdated,
    GuardianshipChanged,
    GuardianSummary,
)
from shouhu.registry.children.schemas import (
    Capacity,
    ChildFilter,
    ChildOut,
    ChildStatus,
    ClassificationOut,
    ExitChild,
    ExitReason,
    Gender,
    GuardianOut,
    HistoryEntryOut,
    RegisterChild,
    Relation,
    SetGuardians,
    UpdateChild,
)
from shouhu.registry.classifications import periods as period_rules
from shouhu.registry.classifications.taxonomy import (
    ClassificationGroup,
    ClassificationSubtype,
    PrimaryCategory,
)
from shouhu.registry.divisions import repository as divisions
from shouhu.registry.models import (
    CategoryPeriod,
    Child,
    ChildHistory,
    Classification,
    DuplicateAnswer,
    DuplicateReview,
    Guardian,
    TransferRequest,
)

ADULT_AGE = 18
TOPIC = topic_of("registry")
PARTS = frozenset({"identity", "classifications", "guardians", "history"})
MAX_PAGE = 100


def emit(session: Session, event_type: str, child_id: str, payload: BaseModel) -> None:
    """Put an event of the registry into the outbox of this transaction."""
    record_event(
        session,
        topic=TOPIC,
        source="registry",
        event_type=event_type,
        subject=child_id,
        data=payload.model_dump(mode="json", by_alias=True),
    )


def emit_all(session: Session, child_id: str, events: Sequence[tuple[str, BaseModel]]) -> None:
    """Put several events of the registry about one child, in their order, into the outbox of
    this transaction at once (one INSERT, now)."""
    record_events(
        session,
        topic=TOPIC,
        source="registry",
        subject=child_id,
        events=[(t, payload.model_dump(mode="json", by_alias=True)) for t, payload in events],
    )


def initials(name: str) -> str:
    """Pinyin initials for search: 张小明 → zxm."""
    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()


def eighteenth_birthday(birth_date: date) -> date:
    """The day a child leaves the scope by age (29 February turns 18 on 1 March)."""
    return birthday(birth_date, ADULT_AGE)


# ---- loading, with scope ------------------------------------------------------------------


def load(session: Session, principal: Principal, child_id: str) -> Child:
    """A file the principal may read; `NOT_FOUND` otherwise, never revealing that it exists."""
    policy.require(principal, policy.READ_ROLES, "无权查看儿童档案")
    child = repository.get(session, child_id)
    if child is None or not policy.sees_division(principal, child.residence_division_code):
        raise NotFound("儿童档案不存在")
    return child


def load_many(session: Session, principal: Principal, child_ids: Sequence[str]) -> list[Child]:
    """The files among these the principal may read, in the order asked; the rest left out."""
    policy.require(principal, policy.READ_ROLES, "无权查看儿童档案")
    found = {
        child.id: child
        for child in repository.get_many(session, child_ids)
        if policy.sees_division(principal, child.residence_division_code)
    }
    return [found[child_id] for child_id in dict.fromkeys(child_ids) if child_id in found]


def load_for_change(
    session: Session, principal: Principal, child_id: str, version: int, roles: frozenset[Any]
) -> Child:
    """A file the principal may change, at the version the caller saw.

    The role is checked first, so that a refusal for the role says nothing of the file.
    """
    policy.require(principal, roles, "无权修改儿童档案")
    child = repository.get(session, child_id)
    if child is None or not policy.sees_division(principal, child.residence_division_code):
        raise NotFound("儿童档案不存在")
    if not principal.sees(child.residence_division_code):
        raise Forbidden("该儿童不在您的管辖范围内")
    if child.version != version:
        raise Conflict()
    return child


# ---- checks shared by the API and the ledger import -----------------------------------------


@dataclass(frozen=True)
class CheckedIdentity:
    """Identity fields after validation."""

    name: str
    number: str | None
    village_code: str
    town_code: str


def check_name(name: str, fields: dict[str, str]) -> str:
    cleaned = name.strip()
    if not cleaned:
        fields["name"] = "姓名不能为空"
    return cleaned


def check_birth_date(birth_date: date, fields: dict[str, str]) -> None:
    now = today()
    if birth_date > now:
        fields["birthDate"] = "出生日期不能晚于今天"
    elif age_on(birth_date, now) >= ADULT_AGE:
        fields["birthDate"] = "已满18周岁，不属于保障范围"


def check_number(
    raw: str | None, birth_date: date, gender: Gender, fields: dict[str, str]
) -> str | None:
    if not raw or not raw.strip():
        return None
    number = raw.strip().upper()
    problem = identity.check(number, birth_date=birth_date, male=gender is Gender.MALE)
    if problem:
        fields["idNumber"] = problem
    return number


def check_village(
    session: Session, principal: Principal, code: str, fields: dict[str, str]
) -> str | None:
    """The village's town; `FORBIDDEN` when the village is outside the principal's division."""
    village = divisions.place(session, code)
    if village is None or village.level != "VILLAGE":
        fields["residenceDivisionCode"] = "居住地应为本区的社区（村）区划代码"
        return None
    if not principal.sees(village.code):
        raise Forbidden("该社区（村）不在您的管辖范围内")
    return village.parent_code or ""


def check_registration(
    session: Session, principal: Principal, data: RegisterChild
) -> CheckedIdentity:
    """Every rule of a new file, or `VALIDATION_FAILED` naming each bad field."""
    fields: dict[str, str] = {}
    name = check_name(data.name, fields)
    check_birth_date(data.birth_date, fields)
    number = check_number(data.id_number, data.birth_date, data.gender, fields)
    town = check_village(session, principal, data.residence_division_code, fields)
    if fields:
        raise ValidationFailed(fields=fields)
    return CheckedIdentity(name, number, data.residence_division_code, town or "")


# ---- opening a file -------------------------------------------------------------------------


@dataclass(frozen=True)
class HeldForReview:
    """A registration held back as a possible duplicate of `matched`."""

    review: DuplicateReview
    matched: Child

    def error(self, then: str = "") -> Duplicate:
        """The answer, once the review is committed; `then` says what to do after it."""
        return Duplicate(
            "疑似重复登记（姓名、出生日期、居住地相同），已提交镇街儿童社会工作者审核" + then,
            existing_id=self.matched.id,
            extra={"reviewId": self.review.id},
        )


@dataclass(frozen=True)
class DuplicateFound:
    """A number filed already: the file's id when the principal sees it, else neither the id
    nor the place, and a transfer request for the district's civil affairs (no oracle)."""

    child_id: str
    seen: bool
    transfer: TransferRequest | None = None

    def error(self) -> Duplicate:
        """The answer, once the count of answers (and any transfer request) is committed."""
        if self.seen:
            return Duplicate("该身份证号码已登记", existing_id=self.child_id)
        extra = {"transferRequestId": self.transfer.id} if self.transfer else {}
        return Duplicate(
            "该身份证号码已在本区其他社区（村）登记，本次不予重复建档。"
            + ("已向区民政局提交档案转移申请，由区民政局决定是否转入；" if self.transfer else "")
            + "如需帮助请联系区民政局儿童福利科。",
            extra=extra,
        )


def duplicate_of(
    session: Session, principal: Principal, number: str, keys: KeyRing, *, own: str | None
) -> DuplicateFound | None:
    """Whether another file holds this number; each such answer is counted for the rate, and
    once the principal has had its hour's share of them, `RATE_LIMITED` whatever the number."""
    answers, holder = repository.duplicate_probe(
        session,
        principal.username,
        utcnow() - timedelta(hours=1),
        keys.lookup_hashes(number),
        other_than=own,
    )
    if answers >= policy.DUPLICATE_ANSWERS_PER_HOUR:
        raise RateLimited("查重提示过于频繁，请一小时后再试；如需帮助请联系区民政局")
    if holder is None:
        return None
    existing = repository.get(session, holder)
    assert existing is not None, holder  # read in this transaction; files are never deleted
    repository.add_duplicate_answer(session, DuplicateAnswer(actor=principal.username, at=utcnow()))
    return DuplicateFound(existing.id, seen=principal.sees(existing.residence_division_code))


def request_transfer(
    session: Session, principal: Principal, child_id: str, data: RegisterChild
) -> TransferRequest:
    """Ask the district to move a file filed elsewhere to the village registering it again."""
    pending = repository.pending_transfer(session, child_id, data.residence_division_code)
    if pending is not None:
        return pending
    transfer = TransferRequest(
        id=str(uuid.uuid4()),
        child_id=child_id,
        to_village=data.residence_division_code,
        submitted=data.model_dump(mode="json", by_alias=True, exclude={"id_number"}),
        requested_by=principal.username,
        requested_at=utcnow(),
    )
    repository.add_transfer(session, transfer)
    return transfer


_Opened = TypeVar("_Opened")


def opened(outcome: _Opened | HeldForReview | DuplicateFound, then: str = "") -> _Opened:
    """What a registration made, or the `DUPLICATE` it answers once its count, transfer request
    or review is committed; `then` says what to do after a review."""
    if isinstance(outcome, DuplicateFound):
        raise outcome.error()
    if isinstance(outcome, HeldForReview):
        raise outcome.error(then)
    return outcome


def register_child(
    session: Session, principal: Principal, data: RegisterChild, keys: KeyRing
) -> ChildOut | HeldForReview | DuplicateFound:
    """Open a file in a village of the principal's division, or hold a possible duplicate."""
    opened = register(session, principal, data, keys)
    if not isinstance(opened, Child):
        return opened
    return to_out(session, opened, principal, keys, parts=frozenset({"identity"}))


def register(
    session: Session,
    principal: Principal,
    data: RegisterChild,
    keys: KeyRing,
    checked: CheckedIdentity | None = None,
) -> Child | HeldForReview | DuplicateFound:
    """The file opened (`checked` already, when the caller checked it with its own fields), or
    the possible duplicate held, or the duplicate found."""
    policy.require(principal, policy.WRITE_ROLES, "无权登记儿童")
    checked = checked or check_registration(session, principal, data)
    if checked.number is not None:
        found = duplicate_of(session, principal, checked.number, keys, own=None)
        if found is not None and not found.seen:
            transfer = request_transfer(session, principal, found.child_id, data)
            return DuplicateFound(found.child_id, seen=False, transfer=transfer)
        if found is not None:
            return found
    else:
        same = repository.same_person(session, checked.name, data.birth_date, checked.village_code)
        if same is not None:
            review = DuplicateReview(
                id=str(uuid.uuid4()),
                town_code=checked.town_code,
                matched_child_id=same.id,
                submitted=data.model_dump(mode="json", by_alias=True),
                submitted_by=principal.username,
                submitted_at=utcnow(),
            )
            repository.add_review(session, review)
            return HeldForReview(review, same)
    return open_file(session, principal.username, data, checked, keys)


def open_file(
    session: Session, actor: str, data: RegisterChild, checked: CheckedIdentity, keys: KeyRing
) -> Child:
    """Write a checked new file with its first period, history and event."""
    now = utcnow()
    child = Child(
        id=str(uuid.uuid4()),
        name=checked.name,
        name_initials=initials(checked.name),
        gender=data.gender.value,
        birth_date=data.birth_date,
        residence_division_code=checked.village_code,
        town_code=checked.town_code,
        hukou_division_code=data.hukou_division_code,
        school=data.school,
        notes=data.notes,
        registered_on=today(),
        created_at=now,
        created_by=actor,
        updated_at=now,
    )
    store_number(child, checked.number, keys)
    registered = ChildRegistered(
        child_id=child.id,
        name=child.name,
        gender=child.gender,
        birth_date=child.birth_date,
        residence_division_code=child.residence_division_code,
        town_division_code=child.town_code,
        registered_by=actor,
        hukou_division_code=child.hukou_division_code,
    )
    repository.add(session, child)
    session.flush()  # the rows below refer to it
    # New rows only, nothing read back: plain INSERTs, sent at once.
    with pipelined(session):
        repository.add_periods(session, periods_of(child, []))
        history.record_now(
            session,
            child_id=child.id,
            actor=actor,
            operation="REGISTERED",
            reason=None,
            before=None,
            after=snapshot(child, keys),
        )
        emit_all(session, child.id, [(CHILD_REGISTERED, registered)])
    return child


def number_of(child: Child, keys: KeyRing) -> str | None:
    """The file's identity number in clear, opened with the key it was sealed under."""
    if not child.id_number_cipher:
        return None
    return keys.open(child.id_number_cipher, child.id_number_key_id)


def store_number(child: Child, number: str | None, keys: KeyRing) -> None:
    """Seal a file's identity number under the current key (or clear it)."""
    sealed = keys.seal(number)
    child.id_number_hash = sealed.id_number_hash
    child.id_number_cipher = sealed.id_number_cipher
    child.id_number_key_id = sealed.id_number_key_id


def snapshot(child: Child, keys: KeyRing) -> dict[str, Any]:
    """The identity part of a file for the history; the identity number only masked."""
    number = number_of(child, keys)
    return {
        "name": child.name,
        "gender": child.gender,
        "birthDate": child.birth_date.isoformat(),
        "idNumber": mask_identity(number) if number else None,
        "residenceDivisionCode": child.residence_division_code,
        "hukouDivisionCode": child.hukou_division_code,
        "school": child.school,
        "notes": child.notes,
        "status": child.status,
    }


# ---- changing a file ------------------------------------------------------------------------


def update_child(
    session: Session,
    principal: Principal,
    child_id: str,
    version: int,
    data: UpdateChild,
    keys: KeyRing,
) -> ChildOut | DuplicateFound:
    """Change the fields given; every rule of registration holds for the result."""
    child = load_for_change(session, principal, child_id, version, policy.WRITE_ROLES)
    given = data.model_fields_set - {"reason"}
    before = snapshot(child, keys)
    fields: dict[str, str] = {}
    name = child.name
    if "name" in given and data.name is not None:
        name = check_name(data.name, fields)
    gender = Gender(data.gender or child.gender)
    birth_date = data.birth_date or child.birth_date
    if "birth_date" in given:
        check_birth_date(birth_date, fields)
    number = number_of(child, keys)
    if "id_number" in given:
        number = check_number(data.id_number, birth_date, gender, fields)
    elif number and given & {"gender", "birth_date"}:
        check_number(number, birth_date, gender, fields)
    town = child.town_code
    if "residence_division_code" in given and data.residence_division_code:
        town = check_village(session, principal, data.residence_division_code, fields) or town
    for required in ("name", "gender", "birth_date", "residence_division_code"):
        if required in given and getattr(data, required) is None:
            fields[to_camel(required)] = "不能为空"
    if fields:
        raise ValidationFailed(fields=fields)
    if number is not None and "id_number" in given:
        found = duplicate_of(session, principal, number, keys, own=child.id)
        if found is not None:
            return found
    child.name, child.name_initials = name, initials(name)
    child.gender, child.birth_date = gender.value, birth_date
    store_number(child, number, keys)
    if data.residence_division_code:
        child.residence_division_code, child.town_code = data.residence_division_code, town
    for optional in ("hukou_division_code", "school", "notes"):
        if optional in given:
            setattr(child, optional, getattr(data, optional))
    child.updated_at = utcnow()
    repository.add(session, child)
    after = snapshot(child, keys)
    changed = sorted(k for k in after if after[k] != before[k])
    if given & {"birth_date", "residence_division_code"}:
        refresh_periods(session, child, repository.classifications_of(session, child.id))
    history.record(
        session,
        child_id=child.id,
        actor=principal.username,
        operation="UPDATED",
        reason=data.reason,
        before={k: before[k] for k in changed},
        after={k: after[k] for k in changed},
    )
    emit(
        session,
        CHILD_UPDATED,
        child.id,
        ChildUpdated(
            child_id=child.id,
            changed=changed,
            name=child.name,
            gender=child.gender,
            birth_date=child.birth_date,
            residence_division_code=child.residence_division_code,
            town_division_code=child.town_code,
            updated_by=principal.username,
            hukou_division_code=child.hukou_division_code,
        ),
    )
    return to_out(session, child, principal, keys, parts=frozenset({"identity"}))


def exit_child(
    session: Session,
    principal: Principal,
    child_id: str,
    version: int,
    data: ExitChild,
    keys: KeyRing,
) -> ChildOut:
    """Take a child out of scope: classifications end today, benefits follow by event."""
    child = load_for_change(session, principal, child_id, version, policy.WRITE_ROLES)
    if child.status == ChildStatus.EXITED.value:
        raise ValidationFailed(fields={"status": "该儿童已退出"})
    close_file(session, child, data.reason, data.note, principal.username, today())
    return to_out(session, child, principal, keys, parts=frozenset({"identity"}))


def close_file(
    session: Session, child: Child, reason: ExitReason, note: str | None, actor: str, on: date
) -> None:
    """The exit itself, for `exitChild` and the daily job alike."""
    classifications = list(repository.classifications_of(session, child.id))
    for classification in classifications:
        if classification.until is None or classification.until > on:
            classification.until = on
            repository.add(session, classification)
    before = {"status": child.status}
    child.status, child.exited_on = ChildStatus.EXITED.value, on
    child.exit_reason, child.exit_note = reason.value, note
    child.primary_category, child.left_behind = PrimaryCategory.NONE.value, False
    child.updated_at = utcnow()
    repository.add(session, child)
    refresh_periods(session, child, classifications)
    history.record(
        session,
        child_id=child.id,
        actor=actor,
        operation="EXITED",
        reason=note,
        before=before,
        after={"status": child.status, "exitReason": reason.value, "exitedOn": on.isoformat()},
    )
    emit(
        session,
        CHILD_EXITED,
        child.id,
        ChildExited(
            child_id=child.id,
            reason=reason.value,
            exited_on=on,
            residence_division_code=child.residence_division_code,
            exited_by=actor,
        ),
    )


def set_guardians(
    session: Session,
    principal: Principal,
    child_id: str,
    version: int,
    data: SetGuardians,
    keys: KeyRing,
) -> ChildOut:
    """Replace the household; at most one entrusted guardian (委托监护人), a guardian."""
    child = load_for_change(session, principal, child_id, version, policy.WRITE_ROLES)
    fields: dict[str, str] = {}
    now = today()
    entrusted = [i for i, g in enumerate(data.guardians) if g.entrusted_since is not None]
    if len(entrusted) > 1:
        fields["guardians"] = "委托监护人只能有一位"
    for index, guardian in enumerate(data.guardians):
        path = f"guardians.{index}"
        if not guardian.name.strip():
            fields[f"{path}.name"] = "姓名不能为空"
        if guardian.away_since and guardian.away_since > now:
            fields[f"{path}.awaySince"] = "外出务工时间不能晚于今天"
        if guardian.entrusted_since is not None:
            if not guardian.is_guardian:
                fields[f"{path}.isGuardian"] = "委托监护人须为监护人"
            if guardian.capacity.value == "NONE":
                fields[f"{path}.capacity"] = "委托监护人须有监护能力"
        if guardian.entrustment_agreed_on and guardian.entrusted_since is None:
            fields[f"{path}.entrustedSince"] = "有委托协议时须填写委托起始日期"
    if fields:
        raise ValidationFailed(fields=fields)
    before = [_guardian_summary(g) for g in repository.guardians_of(session, child.id)]
    repository.remove_guardians(session, child.id)
    child.entrusted_guardian_id = child.entrusted_since = child.entrustment_agreed_on = None
    for guardian in data.guardians:
        row = Guardian(
            id=str(uuid.uuid4()),
            child_id=child.id,
            name=guardian.name.strip(),
            relation=guardian.relation.value,
            is_guardian=guardian.is_guardian,
            capacity=guardian.capacity.value,
            working_away=guardian.working_away,
            away_location=guardian.away_location,
            away_since=guardian.away_since,
            phone=guardian.phone,
        )
        repository.add(session, row)
        if guardian.entrusted_since is not None:
            child.entrusted_guardian_id = row.id
            child.entrusted_since = guardian.entrusted_since
            child.entrustment_agreed_on = guardian.entrustment_agreed_on
    child.updated_at = utcnow()
    repository.add(session, child)
    summaries = [
        GuardianSummary(
            relation=g.relation.value,
            is_guardian=g.is_guardian,
            capacity=g.capacity.value,
            working_away=g.working_away,
        )
        for g in data.guardians
    ]
    history.record(
        session,
        child_id=child.id,
        actor=principal.username,
        operation="GUARDIANSHIP_CHANGED",
        reason=data.reason,
        before={"guardians": before},
        after={
            "guardians": [s.model_dump(by_alias=True) for s in summaries],
            "entrustedSince": child.entrusted_since.isoformat() if child.entrusted_since else None,
        },
    )
    emit(
        session,
        GUARDIANSHIP_CHANGED,
        child.id,
        GuardianshipChanged(
            child_id=child.id,
            guardians=summaries,
            entrusted=child.entrusted_guardian_id is not None,
            entrusted_since=child.entrusted_since,
            residence_division_code=child.residence_division_code,
            changed_by=principal.username,
        ),
    )
    return to_out(session, child, principal, keys, parts=frozenset({"identity", "guardians"}))


def _guardian_summary(guardian: Guardian) -> dict[str, Any]:
    return {
        "relation": guardian.relation,
        "isGuardian": guardian.is_guardian,
        "capacity": guardian.capacity,
        "workingAway": guardian.working_away,
    }


# ---- categories over time -------------------------------------------------------------------


def refresh_periods(session: Session, child: Child, rows: Sequence[Classification]) -> None:
    """Rebuild the child's category periods from registration, classifications and exit."""
    repository.replace_periods(session, child.id, periods_of(child, rows))


def periods_of(child: Child, rows: Sequence[Classification]) -> list[CategoryPeriod]:
    """The child's category periods from registration, classifications and exit."""
    intervals = [
        period_rules.Interval(ClassificationSubtype(r.subtype), r.since, r.until) for r in rows
    ]
    end = eighteenth_birthday(child.birth_date)
    if child.exited_on is not None:
        end = min(end, child.exited_on)
    return [
        CategoryPeriod(
            child_id=child.id,
            residence_division_code=child.residence_division_code,
            town_code=child.town_code,
            primary_category=p.categories.primary.value,
            left_behind=p.categories.left_behind,
            groups=",".join(p.categories.groups),
            subtypes=",".join(p.categories.subtypes),
            from_date=p.start,
            to_date=p.end,
        )
        for p in period_rules.periods(intervals, child.registered_on, end)
    ]


# ---- reading --------------------------------------------------------------------------------


# The parts a reader may be refused, as named in `ChildOut.withheld`; the plan is withheld only
# from those who see neither the whole plan nor their own department's measures.
WITHHOLDABLE = (
    policy.Part.IDENTITY,
    policy.Part.GUARDIANS,
    policy.Part.CLASSIFICATIONS,
    policy.Part.SCHOOL,
    policy.Part.NOTES,
    policy.Part.HISTORY,
    policy.Part.BENEFITS,
    policy.Part.VISITS,
)


@cache
def withheld(view: frozenset[policy.Part]) -> tuple[str, ...]:
    """The parts of a file this view does not include, for the gateway to answer null."""
    names = [part.value for part in WITHHOLDABLE if part not in view]
    if not view & {policy.Part.ID_NUMBER, policy.Part.ID_NUMBER_MASKED}:
        names.append("idNumber")
    if not view & {policy.Part.PLAN, policy.Part.OWN_MEASURES}:
        names.append("plan")
    return tuple(names)


NUMBER_PARTS = frozenset({policy.Part.ID_NUMBER, policy.Part.ID_NUMBER_MASKED})


def shown_number(child: Child, view: frozenset[policy.Part], keys: KeyRing) -> str | None:
    """The identity number in full, masked (110109************) or not at all, by view."""
    number = number_of(child, keys) if view & NUMBER_PARTS else None
    if number is None or policy.Part.ID_NUMBER in view:
        return number
    return mask_identity(number)


def to_out(
    session: Session,
    child: Child,
    principal: Principal,
    keys: KeyRing,
    *,
    parts: frozenset[str],
    classifications: Sequence[Classification] | None = None,
) -> ChildOut:
    """The file as this principal may see it: the parts of its view (policy.FILE_VIEW) only."""
    view = policy.view(principal)
    known = policy.Part.IDENTITY in view
    out = ChildOut(
        id=child.id,
        version=child.version,
        name=child.name,
        gender=Gender(child.gender) if known else None,
        birth_date=child.birth_date if known else None,
        age=age_on(child.birth_date, today()) if known else None,
        id_number=shown_number(child, view, keys),
        hukou_division_code=child.hukou_division_code if known else None,
        residence_division_code=child.residence_division_code,
        school=child.school if policy.Part.SCHOOL in view else None,
        notes=child.notes if policy.Part.NOTES in view else None,
        status=ChildStatus(child.status),
        primary_category=PrimaryCategory(child.primary_category),
        left_behind=child.left_behind,
        registered_on=child.registered_on if known else None,
        exited_on=child.exited_on if known else None,
        exit_reason=ExitReason(child.exit_reason) if known and child.exit_reason else None,
        withheld=list(withheld(view)),
    )
    if "classifications" in parts and policy.Part.CLASSIFICATIONS in view:
        rows = (
            classifications
            if classifications is not None
            else repository.classifications_of(session, child.id)
        )
        out.classifications = visible_classifications(principal, rows)
    if "guardians" in parts and policy.Part.GUARDIANS in view:
        out.guardians = [
            _guardian_out(g, child) for g in repository.guardians_of(session, child.id)
        ]
    if "history" in parts and policy.Part.HISTORY in view:
        out.history = visible_history(principal, repository.history_of(session, child.id))
    return out


class _OfChild(Protocol):
    child_id: str


_Row = TypeVar("_Row", bound=_OfChild)


def _by_child(rows: Sequence[_Row]) -> dict[str, list[_Row]]:
    grouped: dict[str, list[_Row]] = {}
    for row in rows:
        grouped.setdefault(row.child_id, []).append(row)
    return grouped


def to_outs(
    session: Session,
    rows: Sequence[Child],
    principal: Principal,
    keys: KeyRing,
    *,
    parts: frozenset[str],
) -> list[ChildOut]:
    """Many files as `to_out` gives one; each part asked for is read for all in one query."""
    if not rows:
        return []
    view = policy.view(principal)
    parts = parts & {p.value for p in view} | (parts & {"identity"})
    ids = [child.id for child in rows]
    classifications = (
        _by_child(repository.classifications_of_many(session, ids))
        if "classifications" in parts
        else {}
    )
    guardians = (
        _by_child(repository.guardians_of_many(session, ids)) if "guardians" in parts else {}
    )
    entries = _by_child(repository.history_of_many(session, ids)) if "history" in parts else {}
    outs = []
    for child in rows:
        out = to_out(session, child, principal, keys, parts=frozenset({"identity"}))
        if "classifications" in parts:
            out.classifications = visible_classifications(
                principal, classifications.get(child.id, [])
            )
        if "guardians" in parts:
            out.guardians = [_guardian_out(g, child) for g in guardians.get(child.id, [])]
        if "history" in parts:
            out.history = visible_history(principal, entries.get(child.id, []))
        outs.append(out)
    return outs


def visible_history(principal: Principal, rows: Sequence[ChildHistory]) -> list[HistoryEntryOut]:
    """The file's history, with HIV-affected shown as seriously ill and illness notes withheld
    for roles without health detail (policy table)."""
    detail = policy.sees_health_details(principal)
    if not detail:  # a restricted measure's entries go with the measure
        rows = [h for h in rows if not _restricted(h.before) and not _restricted(h.after)]
    if not policy.sees(principal, policy.Part.CASES):  # a case's steps go with its detail
        rows = [h for h in rows if not h.operation.startswith(history.CASE_OPERATION)]
    return [
        HistoryEntryOut(
            seq=h.seq or 0,
            at=h.at,
            actor=h.actor,
            operation=h.operation,
            reason=h.reason,
            before=h.before if detail else _disclosed(h.before),
            after=h.after if detail else _disclosed(h.after),
        )
        for h in rows
    ]


def _restricted(change: dict[str, Any] | None) -> bool:
    return bool(change and change.get("restricted"))


def _guardian_out(guardian: Guardian, child: Child) -> GuardianOut:
    entrusted = guardian.id == child.entrusted_guardian_id
    return GuardianOut(
        id=guardian.id,
        name=guardian.name,
        relation=Relation(guardian.relation),
        is_guardian=guardian.is_guardian,
        capacity=Capacity(guardian.capacity),
        working_away=guardian.working_away,
        away_location=guardian.away_location,
        away_since=guardian.away_since,
        phone=guardian.phone,
        entrusted=entrusted,
        entrusted_since=child.entrusted_since if entrusted else None,
        entrustment_agreed_on=child.entrustment_agreed_on if entrusted else None,
    )


def _disclosed(change: dict[str, Any] | None) -> dict[str, Any] | None:
    """A history side as a role without health detail is shown it (policy.DISCLOSED_AS).

    Classifications are kept by subtype: an HIV-affected entry becomes a seriously-ill one (the
    earlier of the two when both exist), so an entry is neither added nor missing.
    """
    if not change or "classifications" not in change:
        return change
    kept: dict[str, Any] = {}
    for subtype, item in sorted(change["classifications"].items()):
        shown = policy.DISCLOSED_AS.get(subtype, subtype)
        item = {**item, "subtype": shown} if "subtype" in item else dict(item)
        if item.get("group") in policy.HEALTH_GROUPS:
            item["note"] = None
        if shown not in kept or str(item.get("since")) < str(kept[shown].get("since")):
            kept[shown] = item
    return {**change, "classifications": kept}


def visible_classifications(
    principal: Principal, rows: Sequence[Classification]
) -> list[ClassificationOut]:
    """Classifications as this principal is shown them: without health detail, HIV-affected is
    one more spell of serious illness (merged with one that overlaps) and illness notes are
    withheld (policy table)."""
    detail = policy.sees_health_details(principal)
    outs = [
        ClassificationOut(
            group=ClassificationGroup(r.group),
            subtype=ClassificationSubtype(policy.disclosed(principal, r.subtype)),
            since=r.since,
            until=r.until,
            note=r.note if detail or r.group not in policy.HEALTH_GROUPS else None,
            recorded_by=r.recorded_by,
            recorded_at=r.recorded_at,
        )
        for r in rows
    ]
    return outs if detail else _merged(outs)


def _merged(outs: list[ClassificationOut]) -> list[ClassificationOut]:
    """Overlapping spells of one subtype as one spell, so a disguised subtype leaves no double."""
    merged: list[ClassificationOut] = []
    for out in outs:
        same = next((m for m in merged if m.subtype is out.subtype and _overlap(m, out)), None)
        if same is None:
            merged.append(out.model_copy())
            continue
        same.since = min(same.since, out.since)
        same.until = None if same.until is None or out.until is None else max(same.until, out.until)
    return merged


def _overlap(a: ClassificationOut, b: ClassificationOut) -> bool:
    return (a.until is None or a.until >= b.since) and (b.until is None or b.until >= a.since)


# ---- search ---------------------------------------------------------------------------------


def child_cursor(child: Child) -> str:
    """Pages of files are ordered by (village, id)."""
    return encode_cursor("child", f"{child.residence_division_code}:{child.id}")


def child_after(cursor: str) -> tuple[str, str]:
    """The (village, id) a page of files continues after."""
    village, _, child_id = decode_cursor("child", cursor).partition(":")
    if not village.isdigit() or not child_id:
        raise ValidationFailed(fields={"after": "游标无效"})
    return village, child_id


def check_filter(principal: Principal, f: ChildFilter) -> None:
    """`FORBIDDEN` for a filter on a part of the file the principal does not see."""
    view = policy.view(principal)
    for field, parts in policy.FILTER_PARTS.items():
        if getattr(f, field) is not None and not view & parts:
            raise Forbidden(f"无权按{policy.FILTER_NAMES[field]}查询")


def shown_as(principal: Principal, subtype: str) -> frozenset[str]:
    """The stored subtypes a principal's filter matches: those it is shown as this one."""
    if policy.sees_health_details(principal):
        return frozenset({subtype})
    if subtype in policy.DISCLOSED_AS:
        raise Forbidden("无权按该分类查询")
    return frozenset({subtype} | {k for k, v in policy.DISCLOSED_AS.items() if v == subtype})


def search_conditions(
    session: Session, principal: Principal, f: ChildFilter, keys: KeyRing
) -> list[ColumnElement[bool]] | None:
    """SQL conditions of a filter within the principal's scope; None when nothing can match."""
    check_filter(principal, f)
    scope = "110109" if policy.district_wide(principal) else principal.division_code
    wanted = f.division_code or scope
    if f.division_code and divisions.get(session, f.division_code) is None:
        raise ValidationFailed(fields={"divisionCode": "区划代码不存在"})
    if not (wanted.startswith(scope) or scope.startswith(wanted)):
        return None
    prefix = wanted if len(wanted) >= len(scope) else scope
    conditions: list[ColumnElement[bool]] = []
    division = repository.division_condition(prefix)
    if division is not None:
        conditions.append(division)
    if f.min_age is not None and f.max_age is not None and f.min_age > f.max_age:
        raise ValidationFailed(fields={"minAge": "最小年龄不能大于最大年龄"})
    now = today()
    if f.name and f.name.strip():
        term = f.name.strip()
        if term.isascii() and term.isalpha():
            conditions.append(col(Child.name_initials).startswith(term.lower(), autoescape=True))
        else:
            conditions.append(col(Child.name).contains(term, autoescape=True))
    if f.id_number:
        conditions.append(repository.id_number_condition(keys.lookup_hashes(f.id_number.strip())))
    if f.primary_category:
        conditions.append(col(Child.primary_category) == f.primary_category.value)
    if f.status:
        conditions.append(col(Child.status) == f.status.value)
    if f.left_behind is not None:
        conditions.append(col(Child.left_behind) == f.left_behind)
    if f.group or f.subtype:
        conditions.append(
            repository.active_classification(
                now,
                group=f.group.value if f.group else None,
                subtypes=shown_as(principal, f.subtype.value) if f.subtype else (),
            )
        )
    if f.min_age is not None:
        conditions.append(col(Child.birth_date) <= born_by(now, f.min_age))
    if f.max_age is not None:
        conditions.append(col(Child.birth_date) > born_by(now, f.max_age + 1))
    return conditions


@dataclass(frozen=True)
class Found:
    """A page of files matching a search, before it is logged and shaped."""

    rows: Sequence[Child]
    has_next_page: bool
    total_count: int | None


def search(
    session: Session,
    principal: Principal,
    f: ChildFilter,
    keys: KeyRing,
    *,
    first: int,
    after: str | None,
    with_total: bool,
) -> Found:
    """A page of files matching the filter within the principal's scope; the caller logs it."""
    policy.require(principal, policy.READ_ROLES, "无权查看儿童档案")
    if not 1 <= first <= MAX_PAGE:
        raise ValidationFailed(fields={"first": f"每页条数应在1到{MAX_PAGE}之间"})
    conditions = search_conditions(session, principal, f, keys)
    keyset = child_after(after) if after else None
    if conditions is None:
        return Found(rows=[], has_next_page=False, total_count=None)
    rows = repository.search(session, conditions, after=keyset, limit=first + 1)
    return Found(
        rows=rows[:first],
        has_next_page=len(rows) > first,
        total_count=repository.count(session, conditions) if with_total else None,
    )


MATCH_CHUNK = 1000  # numbers per look-up query (each under every key of the ring)


def match_identities(
    session: Session, principal: Principal, numbers: Sequence[str], keys: KeyRing, *, operation: str
) -> dict[str, str]:
    """Each number filed in the district → its child's id, through the keyed hash in chunks;
    numbers failing GB 11643 left out. Ids only; each match logged as a read."""
    policy.require(principal, policy.MATCH_ROLES, "无权按身份证号匹配儿童")
    if len(numbers) > policy.MAX_MATCH:
        message = f"一次最多匹配{policy.MAX_MATCH}个身份证号码"
        raise ValidationFailed(message, fields={"idNumbers": message})
    wanted = [n for n in dict.fromkeys(n.strip().upper() for n in numbers) if well_formed(n)]
    matches: dict[str, str] = {}
    for start in range(0, len(wanted), MATCH_CHUNK):
        number_of: dict[str, str] = {}
        for number in wanted[start : start + MATCH_CHUNK]:
            for hashed in keys.lookup_hashes(number):
                number_of[hashed] = number
        for hashed, child_id in repository.ids_by_hashes(session, list(number_of)):
            matches[number_of[hashed]] = child_id
    access.log_reads(
        session, principal, dict.fromkeys(matches.values()), parts={"identity"}, operation=operation
    )
    return matches


def lookup_by_id_number(
    session: Session, principal: Principal, number: str, keys: KeyRing, *, operation: str
) -> ChildOut:
    """Exact lookup by identity number, through the keyed hash; logged as a read."""
    policy.require(principal, policy.READ_ROLES, "无权查看儿童档案")
    check_filter(principal, ChildFilter(id_number=number))
    child = repository.by_id_hashes(session, keys.lookup_hashes(number.strip().upper()))
    if child is None or not policy.sees_division(principal, child.residence_division_code):
        raise NotFound("儿童档案不存在")
    access.log_reads(session, principal, [child.id], parts={"identity"}, operation=operation)
    return to_out(session, child, principal, keys, parts=frozenset({"identity"}))
